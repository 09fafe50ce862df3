"""Several dates (4月、9月) and ranges (2021年4月至6月): read in the report's year, shown like one date."""

import pytest

from bulletin.dates import DateList, DateRange, parse_dates
from bulletin.periods import DateError, PartialDate

APRIL, JUNE, SEPTEMBER = PartialDate(2021, 4), PartialDate(2021, 6), PartialDate(2021, 9)


@pytest.mark.parametrize(("text", "value"), [
    ("4月、9月", DateList((APRIL, SEPTEMBER))),
    ("2021年4月、9月", DateList((APRIL, SEPTEMBER))),
    ("2021-04，2021-09", DateList((APRIL, SEPTEMBER))),
    ("2021年4月至6月", DateRange(APRIL, JUNE)),
    ("2021-04至2021-06", DateRange(APRIL, JUNE)),
    ("4-6月", DateRange(APRIL, JUNE)),
    ("2021年4月到6月", DateRange(APRIL, JUNE)),
    ("2021-04-01至2021-04-15", DateRange(PartialDate(2021, 4, 1), PartialDate(2021, 4, 15))),
    ("4月1日至15日", DateRange(PartialDate(2021, 4, 1), PartialDate(2021, 4, 15))),
    ("4月1-15日", DateRange(PartialDate(2021, 4, 1), PartialDate(2021, 4, 15))),
    ("2021年4月28日至5月3日", DateRange(PartialDate(2021, 4, 28), PartialDate(2021, 5, 3))),
])
def test_a_date_field_may_hold_several_dates_or_one_range(text, value):
    assert parse_dates(text, year=2021) == value


def test_one_date_is_read_as_before_and_may_leave_the_year_to_the_period():
    assert parse_dates("2021-09-18", year=2021) == PartialDate(2021, 9, 18)
    assert parse_dates("9月", year=2021) == SEPTEMBER


def test_a_part_after_another_takes_its_year_from_that_one_not_from_the_period():
    assert parse_dates("2020年4月、9月", year=2021) == DateList((PartialDate(2020, 4), PartialDate(2020, 9)))


@pytest.mark.parametrize(("text", "expected"), [
    ("2021年6月至4月", "由早到晚"),
    ("2021-04至2021-04-15", "由早到晚"),
    ("2021-04至2021-04", "由早到晚"),
    ("9月、4月", "由早到晚"),
    ("4月、4月", "由早到晚"),
    ("4月、6月至7月", "幾個日期或一個日期範圍"),
    ("4月至5月至6月", "幾個日期或一個日期範圍"),
    ("4月、", "以「、」分開"),
    ("2021-02-30至2021-03", "日曆上存在"),
    ("4月、13月", "1 到 12"),
    ("15日", "帶月份"),
    ("4月、春節前", "日期，例如"),
])
def test_lists_and_ranges_that_would_need_a_guess_are_refused(text, expected):
    with pytest.raises(DateError, match=expected):
        parse_dates(text, year=2021)


def test_without_a_period_a_part_must_carry_its_year():
    with pytest.raises(DateError, match="帶年份"):
        parse_dates("4月、9月")


@pytest.mark.parametrize(("value", "shown"), [
    (DateList((APRIL, SEPTEMBER)), "2021年4月、9月"),
    (DateList((PartialDate(2021, 4, 1), PartialDate(2021, 4, 15))), "2021年4月1日、15日"),
    (DateRange(APRIL, JUNE), "2021年4月至6月"),
    (DateRange(PartialDate(2021, 4, 1), PartialDate(2021, 4, 15)), "2021年4月1日至15日"),
    (DateRange(PartialDate(2021, 4, 28), PartialDate(2021, 5, 3)), "2021年4月28日至5月3日"),
    (DateRange(PartialDate(2021, 4), PartialDate(2021, 5, 3)), "2021年4月至5月3日"),
])
def test_several_dates_and_ranges_are_shown_the_way_one_date_is(value, shown):
    assert str(value) == shown


def test_dates_sort_by_their_first_day():
    from_the_10th = DateRange(PartialDate(2021, 4, 10), JUNE)
    march_and_september = DateList((PartialDate(2021, 3, 31), SEPTEMBER))
    values = [from_the_10th, APRIL, march_and_september, PartialDate(2021)]
    assert sorted(values, key=lambda date: date.first_day) == [PartialDate(2021), march_and_september, APRIL, from_the_10th]
