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


class PeriodError(ValueError):
    """Not a period code; the message says what was expected."""


class DateError(ValueError):
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
        raise PeriodError("a period folder named like 2021, 2021-H1 (half-year) or 2021-Q3 (quarter)")
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"a year between {FIRST_YEAR} and {LAST_YEAR}")
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


def parse_date(text: str) -> PartialDate:
    """2021-09-18, 2021-09, 2021, 2021年9月18日 or 2021年9月; a day that does not exist is refused."""
    cleaned = text.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(cleaned)
        if match:
            break
    else:
        raise DateError("a date such as 2021-09-18, 2021-09 or 2021年9月")
    parts = match.groupdict()
    year = int(parts["year"])
    month = int(parts["month"]) if parts.get("month") else None
    day = int(parts["day"]) if parts.get("day") else None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"a date between {FIRST_YEAR} and {LAST_YEAR}")
    if month is not None and not 1 <= month <= 12:
        raise DateError("a date with a month from 1 to 12")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError as error:
            raise DateError("a date that exists on the calendar") from error
    return PartialDate(year, month, day)
