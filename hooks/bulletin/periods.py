"""Report periods and the partial dates of events.

A report covers a year (`2021`), a half-year (`2021-H1`) or a quarter (`2021-Q3`); the folder
names under `data/` and `docs/` are these codes, so a report's period is stated once, by where
its files are. Event dates in the seeds are often only a month ("6月", "三月底"), so a date
may be a year, a month or a day, and must fall inside its report's period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .problems import Unexpected

_PERIOD = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<part>H[12]|Q[1-4]))?", re.ASCII)
_PART_MONTHS = {
    None: (1, 12), "H1": (1, 6), "H2": (7, 12),
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
}
_PART_LABELS = {
    None: "度", "H1": "上半年", "H2": "下半年",
    "Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度",
}
# Years an archive of union summaries can plausibly hold; outside this a year is a typo.
FIRST_YEAR, LAST_YEAR = 1949, 2100


class PeriodError(Unexpected):
    """Not a period code; the message says what was expected."""


class DateError(Unexpected):
    """Not a date, or not one on the calendar; the message says what was expected."""


@dataclass(frozen=True)
class Period:
    """One reporting period, ordered by when it ends (2021-H1 before 2021, Q4 before the full year)."""

    year: int
    part: str | None = None

    def _order(self) -> tuple[int, int, int]:
        first, last = self.months
        return (self.year, last, -first)

    def __lt__(self, other: Period) -> bool:
        return self._order() < other._order()

    @property
    def code(self) -> str:
        """The folder name: 2021, 2021-H1, 2021-Q3."""
        return f"{self.year}" if self.part is None else f"{self.year}-{self.part}"

    @property
    def label(self) -> str:
        """How pages name it: 2021年度, 2021年上半年 (年度 is 年 + 度, so the year part is 度)."""
        return f"{self.year}年{_PART_LABELS[self.part]}"

    @property
    def months(self) -> tuple[int, int]:
        return _PART_MONTHS[self.part]

    def contains(self, date: PartialDate) -> bool:
        first, last = self.months
        if date.year != self.year:
            return False
        if date.month is None:
            return True
        return first <= date.month <= last


def parse_period(code: str) -> Period:
    match = _PERIOD.fullmatch(code)
    if not match:
        raise PeriodError("以期間命名的資料夾，例如 2021（全年）、2021-H1（上半年）或 2021-Q3（第三季度）", "把資料夾改成上列的名字")
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"{FIRST_YEAR} 到 {LAST_YEAR} 之間的年份", "請檢查年份是否打錯")
    return Period(year, match["part"])


_DATE_FORMS = tuple(re.compile(form, re.ASCII) for form in (
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})(?:-(?P<day>[0-9]{1,2}))?",
    r"(?P<year>[0-9]{4})年(?:(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?)?",
    r"(?P<year>[0-9]{4})",
))


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        text = f"{self.year}年"
        if self.month is not None:
            text += f"{self.month}月"
        if self.day is not None:
            text += f"{self.day}日"
        return text

    @property
    def first_day(self) -> dt.date:
        """The earliest day it can mean: what dates sort by, and where a range may start."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day it can mean (2021年4月 runs to 30 April)."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        if self.month is None or self.month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month + 1, 1) - dt.timedelta(days=1)

    @property
    def parts(self) -> tuple[PartialDate, ...]:
        """Itself: the parts that must fall within the report's period, as for several dates."""
        return (self,)


def parse_date(text: str) -> PartialDate:
    """2021-09-18, 2021-09, 2021, 2021年9月18日 or 2021年9月; a day that does not exist is refused."""
    cleaned = text.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(cleaned)
        if match:
            break
    else:
        raise DateError("日期，例如 2021-09-18、2021-09 或 2021年9月", "只知道月份或年份時，寫到月或年即可")
    parts = match.groupdict()
    month = int(parts["month"]) if parts.get("month") else None
    return partial_date(int(parts["year"]), month, int(parts["day"]) if parts.get("day") else None)


def partial_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """The date, when it is on the calendar and in the archive's years; DateError says what is wrong."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"{FIRST_YEAR} 到 {LAST_YEAR} 年之間的日期", "請檢查年份是否打錯")
    if month is not None and not 1 <= month <= 12:
        raise DateError("月份在 1 到 12 之間的日期", "請檢查月份是否打錯")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError as error:
            raise DateError("日曆上存在的日期", "請檢查這個月有沒有這一天") from error
    return PartialDate(year, month, day)
