"""Numbers as Chinese readers expect them on a page: 14,400 元, 1.6129 萬元, 120多, 98.5%.

Formatting never rounds money: 萬元 shows as many decimals as the amount needs.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from .amounts import WAN, Count, Yuan, YuanAtLeast

MONEY_UNITS = ("元", "萬元")
MISSING = "—"


def format_count(count: Count) -> str:
    text = f"{count.value:,}"
    return f"{text}多" if count.at_least else text


def format_money(yuan: Yuan, unit: str = "元") -> str:
    """In 元 with fen only when there are fen; in 萬元 with every digit the amount has.

    A lower bound keeps its 多 after the digits, in either unit (1,800多; 0.18多 under a 萬元
    header, read 0.18多萬元 as reports write 10多萬元).
    """
    if isinstance(yuan, YuanAtLeast):
        return format_money(yuan.yuan, unit) + "多"
    amount = yuan / WAN if unit == "萬元" else yuan
    amount = amount.normalize() if amount != amount.to_integral_value() else amount.quantize(Decimal(1))
    if unit == "元" and amount != amount.to_integral_value():
        amount = amount.quantize(Decimal("0.01"))
    return f"{amount:,f}"


def format_percent(rate: Decimal) -> str:
    return f"{rate.normalize():f}%"


def share_of(part: Yuan, whole: Yuan) -> Decimal | None:
    """part / whole, or None when it cannot be stated: a whole of 0, or a lower bound on either side."""
    if isinstance(part, YuanAtLeast) or isinstance(whole, YuanAtLeast) or whole == 0:
        return None
    return part / whole


def format_share(part: Yuan, whole: Yuan) -> str:
    """A share of a total for display, to one decimal: the only rounding the pipeline does.

    — when it cannot be stated exactly: a whole of 0, or a lower bound (1800多 of 2,000多 could be
    any share).
    """
    if isinstance(part, YuanAtLeast) or isinstance(whole, YuanAtLeast) or whole == 0:
        return MISSING
    share = (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    return f"{share}%"
