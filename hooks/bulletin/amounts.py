"""Money and counts as union offices write them, read exactly or refused.

Money is `Decimal` yuan. Editors copy figures from the prose, so `14400`, `"14,400元"`, `"1.2萬元"`,
`"1.6129萬元"` and `"0.56萬"` are all understood; anything that would need a guess (`約1萬`,
`1.2.3萬`, `14,40元`, `1e4`, fractions of a fen) is refused with the reason, never rounded.

Counts may be approximate in the seeds (`120多人次`): a `Count` keeps the figure and whether it is
a lower bound, and a total that includes a lower bound is itself a lower bound.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

WAN = Decimal(10000)
FEN = Decimal("0.01")

# Sanity limits: above these a figure is a typing mistake, not a union's year.
MAX_YUAN = Decimal(10) ** 10          # 100億元
MAX_COUNT = 10**8

# Suffixes that make a count a lower bound: 120多, 120餘 (余 in Simplified), 120+.
AT_LEAST_SUFFIXES = ("多", "餘", "余", "+")

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MONEY = re.compile(rf"^(?P<number>{_NUMBER})\s*(?P<unit>萬元|萬|万元|万|元)?$")
_COUNT = re.compile(rf"^(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<more>多|餘|余|\+)?(?P<unit>\D*)$")


class AmountError(ValueError):
    """The text is not an amount; the message says what was expected."""


def normalise(text: str) -> str:
    """Full-width digits and commas (１４，４００) become ASCII; outer spaces go."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_money(text: str) -> Decimal:
    """Yuan as an exact Decimal. Raises AmountError for anything that is not exact and plain."""
    cleaned = normalise(text)
    if cleaned.startswith(("-", "−")):
        raise AmountError("an amount ≥ 0 (money spent is never negative)")
    if cleaned.startswith(("約", "约", "近", "超")) or cleaned.endswith(("多", "餘", "余", "+")):
        raise AmountError("an exact amount (money cannot be approximate)")
    match = _MONEY.match(cleaned)
    if not match:
        raise AmountError("an amount such as 14400, 14,400元, 1.2萬元 or 0.56萬")
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only digits
        raise AmountError("an amount such as 14400 or 1.2萬元") from error
    unit = match["unit"] or "元"
    yuan = number * WAN if unit.startswith(("萬", "万")) else number
    if yuan != yuan.quantize(FEN):
        raise AmountError("an amount exact to the fen (at most 2 decimals in 元, 6 in 萬元)")
    if yuan > MAX_YUAN:
        raise AmountError(f"an amount below {MAX_YUAN:,} 元")
    return _tidy(yuan)


def _tidy(yuan: Decimal) -> Decimal:
    """14400.00 and 1.44萬 are the same amount: keep whole yuan whole, fen only when present."""
    whole = yuan.quantize(Decimal(1))
    return whole if whole == yuan else yuan.quantize(FEN)


@dataclass(frozen=True, order=True)
class Count:
    """A whole number of people, times, items; `at_least` when the editor wrote 120多."""

    value: int
    at_least: bool = False

    def __add__(self, other: Count) -> Count:
        return Count(self.value + other.value, self.at_least or other.at_least)

    def __str__(self) -> str:
        return f"{self.value}多" if self.at_least else str(self.value)


def parse_count(text: str, units: tuple[str, ...] = ()) -> Count:
    """A count, optionally with its measure word (`37人次`) when it is one of the field's units."""
    cleaned = normalise(text)
    if cleaned.startswith(("-", "−")):
        raise AmountError("a whole number ≥ 0")
    match = _COUNT.match(cleaned)
    if not match:
        raise AmountError("a whole number ≥ 0, such as 37 or 120多")
    unit = match["unit"].strip()
    allowed = tuple(u for u in units if u)
    if unit and unit not in allowed:
        if not allowed:
            raise AmountError("a whole number ≥ 0 without a measure word")
        raise AmountError(f"a whole number ≥ 0 counted in {'、'.join(allowed)}")
    value = int(match["number"].replace(",", ""))
    if value > MAX_COUNT:
        raise AmountError(f"a whole number below {MAX_COUNT:,}")
    return Count(value, at_least=match["more"] is not None)


def parse_percent(text: str) -> Decimal:
    """A rate such as a signing rate: 100%, 98.5% or 98.5, between 0 and 100."""
    cleaned = normalise(text).removesuffix("%").strip()
    if not re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        raise AmountError("a percentage between 0 and 100, such as 98.5%")
    rate = Decimal(cleaned)
    if rate > 100:
        raise AmountError("a percentage between 0 and 100")
    return rate
