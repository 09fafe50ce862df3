"""The loaded archive: units, reports indexed by unit and period, and their tables, computed once.

Pages ask the archive for a report's tables; the archive computes each table the first time
and hands the same object to every later page, so a figure shown twice comes from one sum.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .funds import FUNDS_KEY, fund_lines, funds_table
from .kinds import KINDS
from .periods import Period
from .schema import Kind, Record
from .settings import Settings
from .tables import Table, kind_table
from .units import Unit, UnitRegistry


_MARKERS = "markers"  # a narrative's markers among the derived values (see keep_markers)
_NOT_YET = object()   # a derived value not computed yet (None may be one computed)


@dataclass(frozen=True)
class Report:
    """One unit's report for one period: its records and where its two files are."""

    unit: Unit
    period: Period
    records: dict[str, tuple[Record, ...]]
    data_path: str          # as messages show it: data/2021/xuancheng-workshop.yml
    narrative_path: str     # docs/2021/xuancheng-workshop.md
    narrative_file: Path | None = None  # the same file on disk, for pages that combine narratives

    @property
    def key(self) -> tuple[str, Period]:
        return (self.unit.id, self.period)

    @property
    def page_path(self) -> str:
        """The narrative's path inside docs/, as MkDocs names it (src_uri)."""
        return f"{self.period.code}/{self.unit.id}.md"

    @property
    def title(self) -> str:
        return f"{self.unit.name}{self.period.label}工作總結"


@dataclass
class Archive:
    units: UnitRegistry
    settings: Settings = field(default_factory=Settings)
    # The kinds this archive was read with, declared ones included (see kinds/__init__.py).
    kinds: Mapping[str, Kind] = field(default_factory=lambda: dict(KINDS), repr=False)
    reports: dict[tuple[str, Period], Report] = field(default_factory=dict)
    _pages: dict[str, Report] = field(default_factory=dict, repr=False)
    _by_unit: dict[str, list[Report]] = field(default_factory=dict, repr=False)
    _by_period: dict[Period, list[Report]] = field(default_factory=dict, repr=False)
    # By report key, then by table key or the derived value's name: a report's are let go at once.
    _tables: dict[tuple[str, Period], dict[str, Table]] = field(default_factory=dict, repr=False)
    _derived: dict[tuple[str, Period], dict[str, object]] = field(default_factory=dict, repr=False)

    def add(self, report: Report) -> None:
        self.reports[report.key] = report
        self._pages[report.page_path] = report
        self._by_unit.setdefault(report.unit.id, []).append(report)
        self._by_period.setdefault(report.period, []).append(report)

    def replace(self, report: Report) -> None:
        """A report read again (its file changed while previewing): its old tables are forgotten."""
        old = self.reports.get(report.key)
        if old is not None:
            self._by_unit[old.unit.id].remove(old)
            self._by_period[old.period].remove(old)
            self._tables.pop(old.key, None)
            self._derived.pop(old.key, None)
        self.add(report)

    def let_go(self, src_uri: str) -> None:
        """The tables and derived values of the report on this page forgotten (asked for again, they
        are computed again). A build that is not kept for quick previews expands each report page
        once, after publishing asked for everything else: its tables, measures and markers are then
        needed no more, while its page's HTML blocks are held until written (a build's peak at
        2,000 reports 441 -> 400 MB with them let go)."""
        report = self._pages.get(src_uri)
        if report is not None:
            self._tables.pop(report.key, None)
            self._derived.pop(report.key, None)

    def report_for_page(self, src_uri: str) -> Report | None:
        """The report whose narrative MkDocs is rendering, if the page is one."""
        return self._pages.get(src_uri)

    def periods(self) -> list[Period]:
        return sorted(self._by_period)

    def years(self) -> list[int]:
        return sorted({p.year for p in self._by_period})

    def latest_period(self) -> Period | None:
        """The period that ended last (2021 over 2021-H1), the one the home page leads with."""
        return max(self.periods(), default=None)

    def reports_in(self, period: Period) -> list[Report]:
        """A period's reports in registry order, the order offices list their units in."""
        return sorted(self._by_period.get(period, ()), key=lambda r: self.units.position(r.unit.id))

    def reports_of(self, unit_id: str) -> list[Report]:
        """A unit's reports, oldest first."""
        return sorted(self._by_unit.get(unit_id, ()), key=lambda r: r.period)

    def report(self, unit_id: str, period: Period) -> Report | None:
        return self.reports.get((unit_id, period))

    def derived(self, report: Report, name: str, compute):
        """A value computed from one report's tables (its 合計 row by field …), computed once."""
        derived = self._derived.setdefault(report.key, {})
        value = derived.get(name, _NOT_YET)
        if value is _NOT_YET:
            value = derived[name] = compute()
        return value

    def keep_markers(self, report: Report, text: str, markers: Sequence[object]) -> None:
        """The markers found in a narrative's text while it was checked, without a problem: its
        page renders the same text and need not find them again (a year's print page is made
        from the report pages' HTML, print_pages.py, so it renders no narrative itself)."""
        self._derived.setdefault(report.key, {})[_MARKERS] = (_fingerprint(text), tuple(markers))

    def kept_markers(self, report: Report, text: str) -> list | None:
        """The markers kept for exactly this text (a page's text changed since is read afresh)."""
        kept = self._derived.get(report.key, {}).get(_MARKERS)
        return list(kept[1]) if isinstance(kept, tuple) and kept[0] == _fingerprint(text) else None

    def table(self, report: Report, key: str) -> Table:
        """A kind's table or the funds table of one report, computed on first use."""
        tables = self._tables.setdefault(report.key, {})
        table = tables.get(key)
        if table is None:
            money_unit = self.settings.money_unit
            if key == FUNDS_KEY:
                table = funds_table(fund_lines(report.records), money_unit)
            else:
                table = kind_table(self.kinds[key], report.records.get(key, ()), money_unit)
            tables[key] = table
        return table


def _fingerprint(text: str) -> tuple[int, bytes]:
    """What the markers are kept with to know their text again: its length and a 128-bit digest,
    not the text, which would stay for the whole build beside MkDocs' own copy (6 MB at 2,000
    reports as Python strings)."""
    return len(text), hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
