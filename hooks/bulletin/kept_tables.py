"""The generated pages' tables kept between quick previews: a saved record file recomputes only
the tables whose figures it changed, and a page that comes out the same is not rendered again.

At 2,000 reports a year page compares 400 units in 15 kinds, and a unit high in the tree holds
dozens of roll-ups: computing, rendering and writing as CSV every table of the pages a saved
report appears on was most of a quick preview. While previewing (`serve --dirty`), each overview
is kept under what it is of (a year's comparison of one kind, a unit's history of one kind, a
roll-up, the headlines, the charts, the awards), with its rendering on each page. A saved record
file forgets only those whose figures it changed: its 合計 per kind compared before and after it
was read again (`shown`), its award records and its funds by purpose. Everything else a table
shows (unit names, the tree, which reports exist) changes only with a file added or removed or
the registry, which is a full build. A full build keeps nothing: it computes each table once anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from .archive import Archive, Report
from .funds import FUNDS_KEY
from .kinds import KINDS
from .measures import measured_kinds, report_measures
from .overviews import units_above
from .tables import Table
from .trends import TRENDS

AWARDS = "awards"
AWARD_RECORDS = "awards-records"  # the awards index lists the records themselves, not their 合計
FUNDS_ROWS = "funds-rows"  # the funds chart splits them by purpose, which no 合計 shows
CHARTED = {kind for _, kind, *_ in TRENDS}  # the kinds whose 合計 the other charts show

Shown = dict[str, object]  # kind → what the overviews show of one report: see `shown`


@dataclass(eq=False)  # compared by identity: the same object is the same rendering of the same table
class Rendered:
    source: Table   # the table as computed: while the kept overview is this object, this rendering is current
    table: Table    # in the site's language
    csv: bytes
    html: str
    saved_name: str


@dataclass
class KeptTables:
    computed: dict[Hashable, Any] = field(default_factory=dict)            # overview key → table, tables or charts
    rendered: dict[tuple[str, str], Rendered] = field(default_factory=dict)  # (page, table key) → its rendering
    signatures: dict[str, tuple] = field(default_factory=dict)             # page → its title and parts as last written

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if key not in self.computed:
            self.computed[key] = compute()
        return self.computed[key]

    def forget(self, archive: Archive, report: Report, before: Shown, after: Shown) -> None:
        """The overviews a report read again may show differently: those of the kinds whose
        figures changed, in its period, for its unit and every unit above; the charts if a charted
        kind or its funds changed; the awards index if its awards did."""
        unit, period = report.unit.id, report.period
        changed = {key for key in after if before.get(key) != after[key]}
        kinds = [key for key in after if key in changed and key not in (AWARD_RECORDS, FUNDS_ROWS)]
        stale: list[Hashable] = []
        if changed & (CHARTED | {FUNDS_ROWS}):
            stale += [("unit-charts", unit), ("archive-charts",)]
        for kind in kinds:
            stale += [("year", period, kind), ("history", unit, kind),
                      *(("rollup", above, period, kind) for above in units_above(archive, unit))]
        if kinds:
            stale.append(("headlines", period))
        if AWARD_RECORDS in changed:
            stale.append(("awards",))
        for key in stale:
            self.computed.pop(key, None)


def shown(archive: Archive, report: Report) -> Shown:
    """What the overviews show of a report: its 合計 per measured kind (a lower bound, 1800多元,
    is not equal to the exact 1800), its award records and its funds rows."""
    figures: Shown = {kind: report_measures(archive, report, kind) for kind in measured_kinds()}
    fields = [spec.name for spec in KINDS[AWARDS].fields]  # not where they were typed: a line added above moves them
    figures[AWARD_RECORDS] = repr([[getattr(award, name) for name in fields] for award in report.records.get(AWARDS, [])])
    figures[FUNDS_ROWS] = repr([[cell.value for cell in row] for row in archive.table(report, FUNDS_KEY).rows])
    return figures
