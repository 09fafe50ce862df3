"""Adding up measures: like with like, a mix is a programming error that names its field."""

from decimal import Decimal

import pytest

from bulletin.amounts import Count, YuanAtLeast
from bulletin.measures import add


def test_counts_add_to_a_count_and_amounts_to_an_amount():
    assert add({"people": Count(3), "amount": Decimal("1.5")}, {"people": Count(4, True), "amount": Decimal(2)}) == {
        "people": Count(7, True), "amount": Decimal("3.5")}


def test_an_exact_amount_added_to_a_lower_bound_stays_a_lower_bound():
    assert add({"amount": Decimal(1)}, {"amount": YuanAtLeast(Decimal(1800))}) == {"amount": YuanAtLeast(Decimal(1801))}


@pytest.mark.parametrize("first, second", [(Count(1), Decimal(2)), (Decimal(2), Count(1)),
                                           (Count(1), YuanAtLeast(Decimal(3)))])
def test_a_count_added_to_an_amount_is_refused_naming_the_field(first, second):
    with pytest.raises(TypeError, match="people"):
        add({"people": first}, {"people": second})
