"""How current a page is: when its figures last changed, and when the site was built.

Readers ask of an archive "how old is this?". A report's figures changed when its record file or
its narrative last did; a year, unit or home page when the newest of its reports did. The date
comes from git, the last commit touching the file, because a checkout gives every file the
checkout's time; a file git does not know (a tarball, an untracked or edited file) gives its
modification time instead.

Git is asked once per build: one `git log --name-only` over data/ and docs/, read newest first,
so the first commit naming a file is its last change (2,000 reports are one call, not 4,000),
and one `git diff --name-only HEAD` for the files edited since. In a shallow clone the oldest
commit present lists every file it holds, so an older change shows as that commit's date: never
earlier than the truth. Without git, or outside a repository, every date is a modification time.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .archive import Archive, Report
from .page_types import page_type_of

Run = Callable[[list[str], Path], str | None]  # a git command's output, None when it failed

COMMIT = "\x1e"  # starts each commit's date line in our log format; never in a path git prints
GIT_SECONDS = 60  # a log over years of history takes well under a second; a stuck git must not hang a build


def run_git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              timeout=GIT_SECONDS, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
    except (OSError, subprocess.SubprocessError):
        return None  # no git installed, or it hung
    if done.returncode != 0:
        return None  # not a repository (a tarball), or a repository without commits
    return done.stdout.decode("utf-8", "replace")


def committed_dates(log: str) -> dict[str, date]:
    """Each path's newest commit date in `git log --format=%x1e%cs --name-only` output."""
    dates: dict[str, date] = {}
    for commit in log.split(COMMIT)[1:]:
        day, *paths = commit.splitlines()
        when = date.fromisoformat(day.strip())
        for path in paths:
            if path and path not in dates:
                dates[path] = when
    return dates


def file_dates(project: Path, folders: Iterable[str] = ("data", "docs"), run: Run = run_git) -> dict[str, date]:
    """Last change of every file git knows under `folders` (project-relative paths), edits since
    the last commit left out: the caller dates those by their modification time."""
    pathspec = ["--", *folders]
    log = run(["log", "--format=" + COMMIT + "%cs", "--name-only", "--relative", *pathspec], project)
    if not log:
        return {}
    dates = committed_dates(log)
    edited = run(["diff", "--name-only", "--relative", "HEAD", *pathspec], project) or ""
    for path in edited.splitlines():
        dates.pop(path, None)
    return dates


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH names no day this machine can tell (its digits too many)."""

    def __init__(self, epoch: str) -> None:
        super().__init__(epoch)
        self.epoch = epoch


def build_date(now: Callable[[], datetime] = datetime.now) -> date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds set it, as MkDocs reads it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch)).date()
        except (OverflowError, OSError, ValueError):
            raise BuildDateError(epoch) from None
    return now().date()


@dataclass
class Freshness:
    """The dates of a build: each input file's last change, and the build's own day."""

    project: Path
    built: date
    committed: dict[str, date] = field(default_factory=dict)
    _modified: dict[str, date | None] = field(default_factory=dict, repr=False)

    def changed(self, path: str) -> date | None:
        """When a project-relative file last changed: its commit, else its modification time."""
        if path in self.committed:
            return self.committed[path]
        if path not in self._modified:
            try:
                self._modified[path] = date.fromtimestamp((self.project / path).stat().st_mtime)
            except OSError:
                self._modified[path] = None  # deleted since it was read: it dates nothing
        return self._modified[path]

    def keep_modified(self, earlier: Freshness, saved: Iterable[str]) -> None:
        """A quick preview's dates: the modification dates an earlier build of the same files
        found, but for the files saved since (every other input unchanged, or it would be a full
        build), instead of a stat of every input again for the pages that show every report."""
        stale = set(saved)
        self._modified = {path: day for path, day in earlier._modified.items() if path not in stale}

    def newest(self, paths: Iterable[str]) -> date | None:
        return max((d for d in map(self.changed, paths) if d is not None), default=None)

    def line(self, paths: Iterable[str]) -> str:
        """「資料更新：2021-12-30　網站建置：2026-11-30」; a page without inputs shows the build date only."""
        changed = self.newest(paths)
        built = f"網站建置：{self.built.isoformat()}"
        return f"資料更新：{changed.isoformat()}　{built}" if changed else built


def freshness(project: Path, run: Run = run_git, now: Callable[[], datetime] = datetime.now) -> Freshness:
    """The build's dates: one git log for every file, read once."""
    return Freshness(project, build_date(now), file_dates(project, run=run))


def page_inputs(archive: Archive, src_uri: str, docs: str = "docs") -> list[str]:
    """The files whose changes change a page's figures: a report's two files, the reports a
    generated page shows, or a hand-written page's own file."""
    return [path for report in page_reports(archive, src_uri) for path in (report.data_path, report.narrative_path)] \
        or [f"{docs}/{src_uri}"]


def page_reports(archive: Archive, src_uri: str) -> list[Report]:
    """A report's page shows itself; a generated page the reports its page type says it shows."""
    report = archive.report_for_page(src_uri)
    if report is not None:
        return [report]
    page_type = page_type_of(archive, src_uri)
    return page_type.shows(archive, src_uri) if page_type is not None else []
