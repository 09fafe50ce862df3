"""Money and counts as union offices write them, read exactly or refused.

Money is `Decimal` yuan. Editors copy figures from the prose, so `14400`, `"14,400元"`, `"1.2萬元"`,
`"1.6129萬元"` and `"0.56萬"` are all understood, as are the full-width digits of a Chinese input
method (`１４４００`); anything that would need a guess (`約1萬`, `1.2.3萬`, `14,40元`, `014400`,
`1e4`, `①萬`, fractions of a fen) is refused with the reason, never rounded.

Counts may be approximate in the seeds (`120多人次`): a `Count` keeps the figure and whether it is
a lower bound, and a total that includes a lower bound is itself a lower bound. Money may be a
lower bound too, as reports write it (`1800多元`, `1.2萬多元`, `3萬餘元`): its digits stay exact, in a
`YuanAtLeast`, while an exact amount stays a plain `Decimal`. An estimate (`約1萬`) is not a lower
bound and is still refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .problems import Unexpected

WAN = Decimal(10000)
FEN = Decimal("0.01")

# Sanity limits: above these a figure is a typing mistake, not a union's year. They also keep
# every amount within Decimal's exact precision and every count clear of huge-integer parsing.
MAX_YUAN = Decimal(10) ** 10          # 100億元
MAX_COUNT = 10**8
_MAX_INTEGER_DIGITS, _MAX_FRACTION_DIGITS = 12, 6

# Suffixes that make a count a lower bound: 120多, 120餘 (余 in Simplified), 120+.
AT_LEAST_SUFFIXES = ("多", "餘", "余", "+")

# Full-width forms typed with a Chinese input method, and nothing else: NFKC would also turn
# ① or ¹ into digits, which is a guess.
_FULL_WIDTH = str.maketrans({
    **{chr(0xFF10 + d): str(d) for d in range(10)},
    "，": ",", "．": ".", "％": "%", "＋": "+", "－": "-",
})

# Plain numbers: no leading zeros, commas only as thousands separators, ASCII digits only.
_NUMBER = r"(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?:\.[0-9]+)?"
_MORE = "多|餘|余"
# 1800多元, 10多萬元 (the 多 before the unit) and 1.2萬多元 (after 萬): both lower bounds.
_MONEY = re.compile(rf"(?P<number>{_NUMBER})\s*(?:(?P<wan>萬|万)(?P<wan_more>{_MORE})元?"
                    rf"|(?P<more>{_MORE})?(?P<unit>萬元|萬|万元|万|元)?)", re.ASCII)
_ESTIMATE_PREFIXES = ("約", "约", "近", "超")
_COUNT = re.compile(r"(?P<number>0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?P<more>多|餘|余|\+)?(?P<unit>.*)",
                    re.ASCII | re.DOTALL)


class AmountError(Unexpected):
    """The text is not an amount; the message says what was expected."""


def normalise(text: str) -> str:
    """Full-width digits and punctuation (１４，４００) become ASCII; outer spaces go."""
    return text.translate(_FULL_WIDTH).strip()


@dataclass(frozen=True)
class YuanAtLeast:
    """An amount known from below (1800多元): its digits exact, marked as a lower bound.

    Exact amounts stay plain `Decimal`, so everything written for them behaves as before. Adding
    a Decimal (or 0, as `sum` starts) to this, or this to a Decimal, gives a YuanAtLeast: a 合計,
    roll-up or year total that includes one cannot lose the mark. Nothing else is defined on
    purpose: a share or a 同比 of a lower bound cannot be stated, and an operation nobody thought
    of fails loudly in a test instead of showing a lower bound as an exact figure.
    """

    yuan: Decimal

    def __add__(self, other: object) -> YuanAtLeast:
        if isinstance(other, YuanAtLeast):
            return YuanAtLeast(self.yuan + other.yuan)
        if isinstance(other, Decimal | int) and not isinstance(other, bool):
            return YuanAtLeast(self.yuan + other)
        return NotImplemented

    __radd__ = __add__

    def __str__(self) -> str:
        return f"{self.yuan}多"


Yuan = Decimal | YuanAtLeast  # what a money field holds


def is_lower_bound(value: object) -> bool:
    """Whether a count or an amount is only a lower bound (120多, 1800多元)."""
    return isinstance(value, YuanAtLeast) or (isinstance(value, Count) and value.at_least)


def digits_of(value: Yuan) -> Decimal:
    """The yuan an amount states, exact or as its lower bound."""
    return value.yuan if isinstance(value, YuanAtLeast) else value


def parse_money(text: str) -> Yuan:
    """Yuan as an exact Decimal, or a YuanAtLeast for 1800多元. Raises AmountError for anything else."""
    cleaned = normalise(text)
    if cleaned.startswith(("-", "−")):
        raise AmountError("不小於 0 的金額", "支出的錢不會是負數；退款或沖帳請在 note 中說明")
    if cleaned.startswith(_ESTIMATE_PREFIXES):
        raise AmountError("確切的金額或下限（例如 1800多元）", _estimate_hint(cleaned))
    if cleaned.endswith("+"):
        raise AmountError("以「多」標示的金額下限，例如 1800多元", f"金額的下限寫成 {cleaned[:-1].strip()}多（「+」只用於人數、次數）")
    match = _MONEY.fullmatch(cleaned)
    if not match:
        raise AmountError("金額，例如 14400、14,400元、1.2萬元 或 0.56萬", "只寫一個數字，可帶 元 或 萬元；千分位用逗號，小數用一個點")
    integer, _, fraction = match["number"].replace(",", "").partition(".")
    if len(integer) > _MAX_INTEGER_DIGITS or len(fraction) > _MAX_FRACTION_DIGITS:
        raise AmountError(f"小於 {MAX_YUAN:,} 元、精確到分的金額", "請檢查是否多打了數字")
    number = Decimal(f"{integer}.{fraction}" if fraction else integer)
    unit = match["wan"] or match["unit"] or "元"
    yuan = number * WAN if unit.startswith(("萬", "万")) else number
    if yuan != yuan.quantize(FEN):
        raise AmountError("精確到分的金額", "以元計最多 2 位小數，以萬元計最多 6 位小數")
    if yuan > MAX_YUAN:
        raise AmountError(f"小於 {MAX_YUAN:,} 元的金額", "請檢查是否多打了數字，或把 元 和 萬元 弄混了")
    if match["more"] or match["wan_more"]:
        return YuanAtLeast(_tidy(yuan))
    return _tidy(yuan)


def _estimate_hint(cleaned: str) -> str:
    """約1萬 is not 1萬多: say how to write a lower bound, with the editor's own figure when it has one."""
    figure = re.search(rf"(?P<number>{_NUMBER})\s*(?P<wan>萬|万)?", cleaned, re.ASCII)
    if figure is None:
        more_than = "若是「多於」某數，寫成像 1萬多 這樣的下限"
    else:
        more_than = f"若是「多於」這個數，寫成 {figure['number']}{figure['wan'] or ''}多{'元' if '元' in cleaned else ''}"
    return f"約數不是下限：請照帳目填寫確切的金額；{more_than}；只知道約數時，把它寫在 note 中"


def _tidy(yuan: Decimal) -> Decimal:
    """14400.00 and 1.44萬 are the same amount: keep whole yuan whole, fen only when present."""
    whole = yuan.quantize(Decimal(1))
    return whole if whole == yuan else yuan.quantize(FEN)


@dataclass(frozen=True, order=True, slots=True)
class Count:
    """A whole number of people, times, items; `at_least` when the editor wrote 120多.

    Slots: the records' counts and the tables' sums all last the build (56 bytes each, not 96)."""

    value: int
    at_least: bool = False

    def __add__(self, other: Count) -> Count:
        return Count(self.value + other.value, self.at_least or other.at_least)

    def __str__(self) -> str:
        return f"{self.value}多" if self.at_least else str(self.value)

    def fits_within(self, whole: Count) -> bool:
        """Whether this 其中 figure can be part of `whole` (unknowable when `whole` is a lower bound)."""
        if whole.at_least:
            return True
        if self.at_least:
            return self.value < whole.value
        return self.value <= whole.value


def parse_count(text: str, units: tuple[str, ...] = ()) -> Count:
    """A count, optionally with its measure word (`37人次`) when it is one of the field's units."""
    cleaned = normalise(text)
    if cleaned.startswith(("-", "−")):
        raise AmountError("0 或以上的整數", "人數、次數不會是負數；沒有就填 0")
    match = _COUNT.fullmatch(cleaned)
    if not match or match["unit"][:1] in (".", ",") or match["unit"][:1].isdigit():
        raise AmountError("0 或以上的整數，例如 37 或 120多", "只寫阿拉伯數字；不確定的「一百二十多」寫成 120多")
    unit = match["unit"].strip()
    allowed = tuple(u for u in units if u)
    if unit and unit not in allowed:
        if any(ch.isascii() and ch.isalnum() for ch in unit):  # 1e9, 3x: not a measure word at all
            raise AmountError("0 或以上的整數，例如 37 或 120多", "只寫阿拉伯數字；不確定的「一百二十多」寫成 120多")
        if not allowed:
            raise AmountError("不帶量詞的 0 或以上整數", "去掉數字後面的量詞")
        raise AmountError(f"以{'、'.join(allowed)}計的 0 或以上整數", "量詞可以省略；寫了就要是上列之一")
    digits = match["number"].replace(",", "")
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        raise AmountError(f"小於 {MAX_COUNT:,} 的整數", "請檢查是否多打了數字")
    return Count(int(digits), at_least=match["more"] is not None)


def parse_percent(text: str) -> Decimal:
    """A rate such as a signing rate: 100%, 98.5% or 98.5, between 0 and 100."""
    cleaned = normalise(text).removesuffix("%").strip()
    if not re.fullmatch(r"(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{1,4})?", cleaned, re.ASCII):
        raise AmountError("0 到 100 之間的百分比，例如 98.5%", "只寫數字，可帶 %")
    rate = Decimal(cleaned)
    if rate > 100:
        raise AmountError("0 到 100 之間的百分比", "比率不會超過 100%")
    return rate
