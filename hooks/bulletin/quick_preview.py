"""Previewing a large archive: after a save, only what the saved file affects is computed again.

A full build of 500 reports takes many seconds; an editor who saves one record file wants to
see its page change at once. While `mkdocs serve --dirty` runs, each rebuild compares the input
files with the last build. When only existing record files and narratives changed (a handful),
those reports are read again into the archive that is kept in memory, their problems are found
again, and the pages that depend on them — the report, its year's overview, the history and
roll-up of its unit and every unit above, the home, units and awards pages (the year's print
page waits for the full build, and says so): every generated page whose page type says it
shows the report (page_types.py) — are recomputed, each table only if the save changed its
figures (kept_tables.py); MkDocs renders only those that came out different. Anything else (a
file added or removed, the unit registry, mkdocs.yml, many files at once) means a full build, as
does every `mkdocs build`. The workbooks and the ZIP that gather a whole year or the whole
archive wait for it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .archive import Archive, Report
from .input_files import MAX_NARRATIVE_BYTES
from .kept_tables import shown
from .loading import reread_report
from .narrative_checks import check_narrative, doubtful_kinds
from .periods import Period
from .privacy import PrivateMatcher, PrivateValue, needles, report_private_values, report_problems
from .problems import Problem, sorted_problems
from .publication import Publication, refresh

MAX_CHANGED = 20  # more files saved at once (a checkout, a search-and-replace) is a full build

Snapshot = dict[str, tuple[int, int]]  # path → (modification time in ns, size)


def snapshot(project_dir: Path, docs_dir: Path, config_file: Path) -> Snapshot:
    """Every input file's time and size: data/, docs/ and the configuration.

    Paths as os.walk joins them under the tops as Path spells them: already what str(Path(…))
    would make of each, without 4,000 Path objects at 2,000 reports."""
    files: Snapshot = {}
    for top in (project_dir / "data", docs_dir):
        for folder, subfolders, names in os.walk(str(top)):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            for name in names:
                path = os.path.join(folder, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue
                files[path] = (status.st_mtime_ns, status.st_size)
    status = os.stat(config_file)
    files[str(config_file)] = (status.st_mtime_ns, status.st_size)
    return files


@dataclass
class QuickUpdate:
    reports: list[Report] = field(default_factory=list)  # reports whose files changed
    pages: set[str] = field(default_factory=set)         # docs paths (pages, downloads) to write again
    same: set[str] = field(default_factory=set)          # pages made again exactly as before (publication.refresh)
    private: PrivateValues | None = None  # the archive's private values, as updated


@dataclass(frozen=True)
class PrivateValues:
    """The archive's private values and what a scan of the site looks for (privacy.needles),
    kept between quick previews: only a record file read again can change them, and only its own
    (`with_reports`: 30,000 values at 2,000 reports, a tenth of a second to find again whole)."""

    values: list[PrivateValue]
    needles: frozenset[str]
    by_report: dict[tuple[str, Period], tuple[list[PrivateValue], frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, archive: Archive) -> PrivateValues:
        return cls._joined(archive, {report.key: _report_values(report) for report in archive.reports.values()})

    def with_reports(self, archive: Archive, reports: list[Report]) -> PrivateValues:
        """The same with these reports' values found again, the others' kept, in the archive's order."""
        by_report = dict(self.by_report)
        for report in reports:
            by_report[report.key] = _report_values(report)
        joined = self._joined(archive, by_report)
        made = self.__dict__.get("matcher")  # where cached_property keeps it, once made
        if made is not None:  # the new values' matcher made from it (PrivateMatcher's `like`)
            joined.__dict__["matcher"] = PrivateMatcher(joined.values, like=made)
        return joined

    @cached_property
    def matcher(self) -> PrivateMatcher:
        """The values' matcher, made once for them: a quick preview reads the saved files and scans
        what it wrote with it, and the next one does too unless a record file was read again
        (making it is some 20 ms at 2,000 reports)."""
        return PrivateMatcher(self.values)

    @classmethod
    def _joined(cls, archive: Archive,
                by_report: dict[tuple[str, Period], tuple[list[PrivateValue], frozenset[str]]]) -> PrivateValues:
        values = [value for key in archive.reports for value in by_report[key][0]]
        return cls(values, frozenset().union(*(found for _, found in by_report.values())), by_report)


def _report_values(report: Report) -> tuple[list[PrivateValue], frozenset[str]]:
    values = report_private_values(report)
    return values, frozenset(needle for value in values for needle in needles(value))


def quick_update(before: Snapshot, after: Snapshot, project_dir: Path, publication: Publication,
                 problems: list[Problem], private: PrivateValues | None = None) -> QuickUpdate | None:
    """Apply the changed files to the kept archive and publication; None when a full build is needed.

    `problems` (the last build's) is updated in place: those of the changed files are found again.
    `private`, the last build's private values, are found again only when a record file changed.
    """
    if before.keys() != after.keys():
        return None
    changed = [path for path, stamp in after.items() if before[path] != stamp]
    if not changed or len(changed) > MAX_CHANGED:
        return None  # nothing of ours changed (a theme file, a watched path): rebuild it all
    archive = publication.archive
    top = str(project_dir)  # joined as snapshot's os.walk joins them: 2,000 Paths made and printed cost 0.01 s
    by_data = {os.path.join(top, *report.data_path.split("/")): report for report in archive.reports.values()}
    by_narrative = {str(report.narrative_file): report for report in archive.reports.values()}
    data_changed: list[Report] = []
    narrative_changed: list[Report] = []
    for path in changed:
        if not _plain_file(path):
            return None  # now a pipe, a link or a page too large: the full build refuses it unopened
        if path in by_data:
            data_changed.append(by_data[path])
        elif path in by_narrative:
            narrative_changed.append(by_narrative[path])
        else:
            return None  # the registry, the configuration, a stylesheet, a page that is not a report
    stale = {r.data_path for r in data_changed} | {r.narrative_path for r in data_changed + narrative_changed}
    found: list[Problem] = []
    # What the overviews showed of them, to compute again only the tables they change (kept_tables.py).
    showed = {r.key: shown(archive, r) for r in data_changed} if publication.kept is not None else None
    reread = [reread_report(archive, report, project_dir / report.data_path, found) for report in data_changed]
    for report in narrative_changed:
        if report not in data_changed and report.narrative_file is not None:
            # The record file's own problems from the last build say which figures it can vouch for.
            doubtful = doubtful_kinds([p for p in problems if p.location.path == report.data_path], report.data_path)
            current = archive.report(report.unit.id, report.period)
            if current is not None:
                check_narrative(report.narrative_file, current, archive, found, doubtful)
    if private is None or not private.by_report:
        private = PrivateValues.of(archive)
    elif data_changed:
        private = private.with_reports(archive, reread)
    matcher = private.matcher
    for saved in {r.data_path: r for r in data_changed + narrative_changed}.values():
        current = archive.report(saved.unit.id, saved.period)
        if current is not None:
            found += report_problems(current, matcher)
    problems[:] = sorted_problems([p for p in problems if p.location.path not in stale] + found)
    refreshed = refresh(publication, reread, narrative_changed, showed)
    pages = refreshed.written | {r.page_path for r in data_changed + narrative_changed}
    return QuickUpdate(reread + narrative_changed, pages, refreshed.same, private)


def needs_scan(clean_for: frozenset[str] | None, now: frozenset[str]) -> bool:
    """Whether bytes a quick preview leaves as they were must be scanned again for private values.

    The search index it writes back (the last full build's bytes or their masked copy: 26 MB at
    2,000 reports, a second of every save to scan) and a download already holding its bytes
    (site_downloads.py) hold nothing new unless a value is looked for that was not when those
    bytes were found clean: `clean_for`, None when they never were.
    """
    return clean_for is None or not now <= clean_for


@dataclass
class CheckedNames:
    """The docs names the last clash check (site_rules.clashes) found clean, so that a quick
    preview checks only the generated names new since (a download a saved record file adds) when
    the hand-written ones are the same: 25,000 names at 2,000 reports, mostly downloads."""

    handwritten: frozenset[str] = frozenset()
    generated: frozenset[str] = frozenset()

    def unchecked(self, handwritten: list[str], generated: list[str]) -> list[str]:
        if frozenset(handwritten) != self.handwritten:
            return generated
        return [name for name in generated if name not in self.generated]


def _plain_file(path: str) -> bool:
    """A regular file, not a link, and for a page not over the page limit (input_files.py)."""
    try:
        status = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and not (path.endswith(".md") and status.st_size > MAX_NARRATIVE_BYTES)
