"""A period folder's name read as a period, with what a mistyped one was probably meant to be.

`data/2040/` parses as a year, but in an archive of 2019–2022 it is a slip for 2020 (or 2004):
a period that has not started yet cannot have a report, so it is refused, located at the folder,
with the nearest existing period folder as the hint. A name that is no period at all (2021-H3,
20211) is hinted the same way. Today comes from the caller, so tests can fix it.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .periods import Period, PeriodError, parse_period
from .problems import Location, Problem, quote, spaced
from .spelling import did_you_mean, nearest

_WITHIN = 2  # edits: 2040 → 2020 is one, 2021-h1 → 2021-H1 one, 20XX → 2021 two


def starts(period: Period) -> dt.date:
    return dt.date(period.year, period.months[0], 1)


def known_periods(folders: Iterable[Path], today: dt.date) -> set[str]:
    """Names of the period folders already there that are no slip: periods that have started."""
    found = set()
    for folder in folders:
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.is_dir()]
        except OSError:
            continue  # reported where the folder is read
        for name in names:
            try:
                if starts(parse_period(name)) <= today:
                    found.add(name)
            except PeriodError:
                continue
    return found


def read_period_folder(name: str, shown_as: str, known: set[str], today: dt.date,
                       problems: list[Problem], quiet: bool = False) -> Period | None:
    """The period a folder is for; None when its name is none (reported unless `quiet`). A period
    in the future is reported and still returned, so the reports in it are checked as well."""
    guess = did_you_mean(_retyped(name) or nearest(name, known, _WITHIN))
    try:
        period = parse_period(name)
    except PeriodError as error:
        if not quiet:
            hint = f"{error.hint}；{guess}" if guess else error.hint
            problems.append(Problem(Location.folder(shown_as), "", f"{spaced('應為', error.expected)}，實為 {quote(name)}",
                                    hint))
        return None
    if starts(period) > today:
        problems.append(Problem(Location.folder(shown_as), "",
                                f"應為已經開始的期間，實為 {quote(name)}（{period.label}，{starts(period).isoformat()} 才開始）",
                                guess or "期間資料夾以報告的年份命名；請檢查年份是否打錯"))
    return period


def _retyped(name: str) -> list[str]:
    """2021-H1 for 2021-h1, 2021 for ２０２１: the name in capitals and half-width, when that is a
    period (though no folder may have it yet)."""
    retyped = unicodedata.normalize("NFKC", name).upper()
    try:
        parse_period(retyped)
    except PeriodError:
        return []
    return [retyped] if retyped != name else []
