"""Periods come from folder names; event dates may be partial but must exist and fall in the period."""

import pytest

from bulletin.periods import DateError, PartialDate, Period, PeriodError, parse_date, parse_period


def test_period_codes_name_year_half_and_quarter():
    assert parse_period("2021") == Period(2021)
    assert parse_period("2021-H1").label == "2021年上半年"
    assert parse_period("2021").label == "2021年度"
    assert parse_period("2021-Q3").months == (7, 9)


@pytest.mark.parametrize("code", ["21", "2021-H3", "2021h1", "2021-", "20XX", "1800", "２０２１", "2021\n"])
def test_bad_period_codes_are_refused(code):
    with pytest.raises(PeriodError):
        parse_period(code)


def test_periods_sort_by_when_they_end():
    assert sorted([Period(2021), Period(2021, "H1"), Period(2020), Period(2021, "Q4")]) == [
        Period(2020), Period(2021, "H1"), Period(2021, "Q4"), Period(2021)]


@pytest.mark.parametrize(("text", "date"), [
    ("2021-09-18", PartialDate(2021, 9, 18)),
    ("2021-06", PartialDate(2021, 6)),
    ("2021年9月18日", PartialDate(2021, 9, 18)),
    ("2021年6月", PartialDate(2021, 6)),
    ("2021", PartialDate(2021)),
])
def test_dates_may_be_known_to_the_month(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13", "9月18日", "2021/09/18", "11.28", "２０２１-09"])
def test_dates_that_do_not_exist_or_lack_a_year_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_half_year_contains_only_its_months():
    first_half = Period(2021, "H1")
    assert first_half.contains(PartialDate(2021, 6, 30))
    assert not first_half.contains(PartialDate(2021, 7))
    assert not first_half.contains(PartialDate(2020, 3))
    assert first_half.contains(PartialDate(2021))

