"""After the build: every file of the site searched for the archive's private values, the last guard.

What a text holds is privacy.py's; here is which files are searched, in what order their
problems are told, and what happens to a file that holds a value. The scan is cut into those
parts so that it runs the same here, in one call (`scan_site`), or file by file beside the build
in a process of its own (scan_beside.py): `files_to_scan` lists them, `FileScanner.found` reads
one, `assemble` makes the problems in the listing's order whoever read the files.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .privacy import HINT, MASK, PrivateMatcher, PrivateValue
from .problems import Problem
from .site_files import Theme, site_files


@dataclass(frozen=True)
class SiteFile:
    path: str      # on disk
    shown: str     # as its URL shows it; under a folder `also`, after the folder's name
    in_site: bool  # under the site (a copy of the theme's own file is skipped), not a folder `also`

    @property
    def key(self) -> str:
        """The same file however its path was spelt (the listing's or the build's)."""
        return os.path.normpath(self.path)


@dataclass
class SiteScan:
    problems: list[Problem]
    leaking: list[Path]  # files holding a private value


def files_to_scan(site_dir: Path, only: list[Path] | None = None, also: Iterable[Path] = (),
                  coming: Iterable[tuple[str, str]] = ()) -> list[SiteFile]:
    """Every built file (or `only` those a quick preview wrote), then the files of the folders
    `also` (the cache); each group in order of its paths' parts, the order problems are told in.
    `coming`, (path, shown) of files of the site being written now, are listed as if they were there."""
    return site_to_scan(site_dir, only, coming) + also_to_scan(also)


def site_to_scan(site_dir: Path, only: list[Path] | None = None, coming: Iterable[tuple[str, str]] = (),
                 leave_out: Collection[str] = ()) -> list[SiteFile]:
    """`files_to_scan`'s files of the site, but those in its folders `leave_out`."""
    site = site_files(str(site_dir), leave_out=leave_out) if only is None else \
        [(str(path), path.relative_to(site_dir).as_posix()) for path in only if path.is_file() and not path.is_symlink()]
    there = {os.path.normpath(path) for path, _ in site}
    site += [(path, shown) for path, shown in coming if os.path.normpath(path) not in there]
    return _in_order(site, True)


def also_to_scan(also: Iterable[Path]) -> list[SiteFile]:
    """`files_to_scan`'s files of the folders `also`."""
    return [file for folder in also if folder.is_dir() for file in _in_order(site_files(str(folder), folder.name), False)]


def _in_order(files: list[tuple[str, str]], in_site: bool) -> list[SiteFile]:
    return [SiteFile(path, shown, in_site) for path, shown in sorted(files, key=lambda file: file[1].split("/"))]


class FileScanner:
    """One scan's matcher and the theme's files: which private values one file holds."""

    def __init__(self, values: list[PrivateValue], matcher: PrivateMatcher | None = None) -> None:
        self.matcher = PrivateMatcher(values) if matcher is None else matcher  # `matcher`: the values' own
        self._theme: Theme | None = None  # imports the theme: made for the first file of the site

    def found(self, file: SiteFile, data: bytes | None = None) -> list[PrivateValue]:
        """The values in the file's text (`data`, when the caller has it, else read) and in its name."""
        if not self.matcher:
            return []
        if file.in_site:
            self._theme = self._theme or Theme()
            if self._theme.ships(file.path, file.shown):
                return []
        if data is None:
            with open(file.path, "rb") as opened:
                data = opened.read()
        return self.matcher.values_in_file(data) + self.matcher.values_in(file.shown)


def assemble(files: list[SiteFile], found: Mapping[str, list[PrivateValue]]) -> SiteScan:
    """The scan's problems, file by file in the listing's order; `found` by `SiteFile.key`."""
    result = SiteScan([], [])
    for file in files:
        values = found.get(file.key)
        if not values:
            continue
        result.leaking.append(Path(file.path))
        for value in {(v.field, str(v.location)): v for v in values}.values():
            result.problems.append(Problem(
                value.location, value.field, f"私人資料不應出現在網站上，實為出現在 {file.shown}", HINT))
    return result


def scan_site(site_dir: Path, values: list[PrivateValue], only: list[Path] | None = None,
              also: Iterable[Path] = (), matcher: PrivateMatcher | None = None) -> SiteScan:
    """Every built file (or `only` those a quick preview wrote) and the folders `also` (the cache).

    A file is found by its text and by its own name, as its URL shows it.
    """
    scanner = FileScanner(values, matcher)
    if not scanner.matcher:
        return SiteScan([], [])
    files = files_to_scan(site_dir, only, also)
    return assemble(files, {file.key: found for file in files if (found := scanner.found(file))})


def mask_file(path: Path, values: list[PrivateValue]) -> bool:
    """While previewing: the private values in a built page replaced by ●; False when it cannot be
    done in place (a workbook, a file name), and the file should go instead."""
    matcher = PrivateMatcher(values)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    characters = list(text)
    for start, end in reversed(matcher.spans_in(text)):
        characters[start:end] = [MASK]
    masked = "".join(characters)
    if matcher.values_in(masked) or matcher.values_in(path.name):
        return False
    path.write_text(masked, encoding="utf-8")
    return True


def contain_leaks(scan: SiteScan, values: list[PrivateValue], previewing: bool) -> None:
    """After a scan that found something, nothing that holds a private value stays on disk.

    A build stops; its files that hold a value are deleted, so a `site/` copied anyway (to a USB
    stick) does not carry them, and so is the cache. A preview keeps its pages for the editor,
    with each value masked; what cannot be masked in place goes too.
    """
    for path in scan.leaking:
        if not (previewing and mask_file(path, values)):
            path.unlink(missing_ok=True)
            _remove_empty_folders(path.parent)


def _remove_empty_folders(folder: Path) -> None:
    """A page's folder is named like its page: once emptied, it goes too (and so up)."""
    while True:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
