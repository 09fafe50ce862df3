"""Several dates and date ranges, as reports write them: 4月、9月, 2021年4月至6月, 4-6月.

A date field holds one `PartialDate` (periods.py), several in order (`DateList`) or one range
(`DateRange`). Reports leave out what the sentence has already said, and so may the editor: a
part without a year takes the year of the part before it, the first part the year of the
report's period (4月、9月 in a 2021 report is two months of 2021), and a day alone takes the month
before it (4月1日至15日). Shown the same way back: in full first, then without what the part before
said (2021年4月、9月; 2021年4月1日至15日), so a single date reads exactly as before and the text
reads back to the same value. The parts run from earlier to later without overlapping: 6月至4月
is refused, never turned round. Each part must also fall within the report's period, which
reading.py checks, part by part, like a single date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise

from .periods import DateError, PartialDate, parse_date, partial_date

_LIST_SEPARATORS = re.compile("[、，,]")
_RANGE_SEPARATORS = re.compile("至|到|[~～]")
# A range written with a hyphen within one year (4-6月) or one month (4月1-15日); the lookbehind
# leaves the hyphens of 2021-04-01 alone.
_HYPHENED_MONTHS = re.compile(r"(?<![0-9-])([0-9]{1,2})[-－]([0-9]{1,2})月")
_HYPHENED_DAYS = re.compile(r"(?<![0-9-])([0-9]{1,2})[-－]([0-9]{1,2})日")
_MONTH_DAY = re.compile(r"(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?")
_DAY = re.compile(r"(?P<day>[0-9]{1,2})日")


def _after(before: PartialDate, date: PartialDate) -> str:
    """`date` without what `before` already said: 9月 after 2021年4月, 15日 after 2021年4月1日."""
    if date.year != before.year or date.month is None:
        return str(date)
    if date.day is not None and before.day is not None and date.month == before.month:
        return f"{date.day}日"
    return f"{date.month}月" + (f"{date.day}日" if date.day is not None else "")


@dataclass(frozen=True)
class DateList:
    """Several dates of one record, in order: a contest held in April and again in September."""

    dates: tuple[PartialDate, ...]

    @property
    def parts(self) -> tuple[PartialDate, ...]:
        return self.dates

    @property
    def first_day(self) -> dt.date:
        return self.dates[0].first_day

    def __str__(self) -> str:
        shown = [str(self.dates[0])]
        shown += [_after(before, date) for before, date in pairwise(self.dates)]
        return "、".join(shown)


@dataclass(frozen=True)
class DateRange:
    """From one date to a later one, both included: a reading month from April to June."""

    start: PartialDate
    end: PartialDate

    @property
    def parts(self) -> tuple[PartialDate, ...]:
        return (self.start, self.end)

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    def __str__(self) -> str:
        return f"{self.start}至{_after(self.start, self.end)}"


DateValue = PartialDate | DateList | DateRange


def parse_dates(text: str, year: int | None = None) -> DateValue:
    """One date, several (、) or a range (至); `year` is the report's, for parts written without one."""
    cleaned = _HYPHENED_DAYS.sub(r"\1日至\2日", _HYPHENED_MONTHS.sub(r"\1月至\2月", text.strip()))
    bounds = _RANGE_SEPARATORS.split(cleaned)
    items = _LIST_SEPARATORS.split(cleaned)
    if len(bounds) > 2 or (len(bounds) == 2 and len(items) > 1):
        raise DateError("幾個日期或一個日期範圍，例如 4月、9月 或 4月至6月", "不相連的幾個時段，請分成幾筆記錄")
    is_range = len(bounds) == 2
    pieces = bounds if is_range else items
    if any(not piece.strip() for piece in pieces):
        if is_range:
            raise DateError("起訖兩個日期，例如 2021年4月至6月", "「至」的前後都要有日期")
        raise DateError("以「、」分開的幾個日期，例如 4月、9月", "每個「、」的前後都要有日期；多打的「、」請刪去")
    dates: list[PartialDate] = []
    for piece in pieces:
        dates.append(_part(piece.strip(), dates[-1] if dates else None, year))
    if len(dates) == 1:
        return dates[0]
    for earlier, later in pairwise(dates):
        if earlier.last_day >= later.first_day:
            if is_range:
                raise DateError("由早到晚的日期範圍，例如 2021年4月至6月",
                                f"起日要早於訖日，兩者也不能重疊；{earlier}和{later}是不是寫反了或寫重了？")
            raise DateError("由早到晚、互不重疊的幾個日期，例如 4月、9月", "依先後次序排列，同一日期只寫一次")
    return DateRange(dates[0], dates[1]) if is_range else DateList(tuple(dates))


def _part(text: str, before: PartialDate | None, year: int | None) -> PartialDate:
    """One part, its year (and for a day alone, its month) taken from the part before when left out."""
    month_day = _MONTH_DAY.fullmatch(text)
    if month_day:
        known = before.year if before is not None else year
        if known is None:
            raise DateError("帶年份的日期，例如 2021年4月", "第一個日期要寫上年份")
        return partial_date(known, int(month_day["month"]), int(month_day["day"]) if month_day["day"] else None)
    day = _DAY.fullmatch(text)
    if day:
        if before is None or before.month is None:
            raise DateError("帶月份的日期，例如 4月15日", "只寫「15日」時，要接在寫了月份的日期後面，例如 4月1日至15日")
        return partial_date(before.year, before.month, int(day["day"]))
    return parse_date(text)
