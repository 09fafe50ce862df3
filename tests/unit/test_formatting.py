"""Numbers as readers see them: a lower bound keeps its 多 in 元 and in 萬元, with every digit."""

from decimal import Decimal

import pytest

from bulletin.amounts import YuanAtLeast
from bulletin.formatting import format_money


@pytest.mark.parametrize(("yuan", "unit", "shown"), [
    ("1800", "元", "1,800多"),
    ("1800", "萬元", "0.18多"),
    ("12000.5", "元", "12,000.50多"),
    ("12000.5", "萬元", "1.20005多"),
    ("30000", "萬元", "3多"),
])
def test_a_money_lower_bound_is_shown_with_its_mark(yuan, unit, shown):
    assert format_money(YuanAtLeast(Decimal(yuan)), unit) == shown
