"""The guard for personal data: no private value from the records may appear on the site.

Private fields are never rendered, but a name can still reach the site another way: typed into a
narrative, pasted into a public field, copied into a page an editor wrote, used as a file name.
Two checks, with the same matching:

- `sources_problems`, while loading: narratives, hand-written pages and every public text field
  of the records, so `scripts/check` and the preview box name the line at fault;
- `site_scan.scan_site`, after the build: every file the site holds (pages, the search index,
  downloads, the sitemap, file names and URLs) and the build's cache, the last guard.

What counts as the same name (see folding.py): either script, full- or half-width, any case,
white space or zero-width characters inside, entities, escapes or markup inside. A value of a
field that lists names (受慰問人: 唐元斌、李小明) is also looked for name by name. A value or
name shorter than two characters after folding is not looked for: 王 or 妻 alone would match
ordinary words and does not identify anyone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Set
from dataclasses import dataclass

import ahocorasick

from .archive import Archive, Report
from .fieldtypes import Text
from .folded_lines import LineFolder
from .folding import Folder, fold, fold_with_positions, without_tags
from .kinds import KINDS
from .problems import Location, Problem
from .site_files import BOM, PACKED, readable_parts, readable_text

MIN_LENGTH = 2
# A list of names: 唐元斌、李小明 / 唐元斌，李小明 / 唐元斌 李小明 (spaces only between Chinese names;
# ZHANG WEI is one name).
_NAME_SEPARATORS = re.compile(r"[、，,；;／/]+")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
MASK = "●"


@dataclass(frozen=True)
class PrivateValue:
    text: str
    field: str
    location: Location
    names: bool = False  # the field lists people's names


def private_values(archive: Archive) -> list[PrivateValue]:
    """Every private field value of every record that its record did not publish."""
    return [value for report in archive.reports.values() for value in report_private_values(report)]


def report_private_values(report: Report) -> list[PrivateValue]:
    """One report's: a quick preview finds again only those of the record files saved."""
    found = []
    for key, records in report.records.items():
        for index, record in enumerate(records, start=1):
            for spec in KINDS[key].fields:
                value = getattr(record, spec.name)
                if record.withholds(spec) and isinstance(value, str):
                    found.append(PrivateValue(value, f"{key}[{index}].{spec.name}",
                                              record.locations.get(spec.name, record.source), spec.names))
    return found


def needles(value: PrivateValue) -> set[str]:
    """The folded strings that identify the value: itself and, for a list of names, each name."""
    items = [value.text]
    if value.names:
        parts = _NAME_SEPARATORS.split(value.text)
        if _HAN.search(value.text):
            parts = [word for part in parts for word in part.split()]
        items += parts
    return {folded for folded in map(fold, items) if len(folded) >= MIN_LENGTH}


# Texts (a CSV, a member of a ZIP) up to this size are known again by their digest (_needles_in_part),
# up to this many of them: 2 MB of digests and sets at 2,000 reports' 22,885 CSVs.
REMEMBERED_BYTES = 64 << 10
REMEMBERED_TEXTS = 200_000


class PrivateMatcher:
    """All private values in one Aho-Corasick automaton: a text is read once, whatever their number."""

    _folder: Folder
    _lines: LineFolder | None  # made by the first file scanned: a check never needs it
    _automaton: ahocorasick.Automaton
    _remembered: dict[bytes, frozenset[str]]  # what each small text held, by its digest (_needles_in_part)

    def __init__(self, values: Iterable[PrivateValue], like: PrivateMatcher | None = None) -> None:
        """`like`, the matcher of the values before a saved record changed a few: what depends only
        on what it looks for is taken from it when that is the same. Its folded lines above all: a
        quick preview scans the pages it wrote, most of their lines folded by the scan before (at
        2,000 reports 0.13 s of a record's preview when folded afresh)."""
        self._values: dict[str, list[PrivateValue]] = {}
        for value in values:
            for needle in needles(value):
                self._values.setdefault(needle, []).append(value)
        self._characters = frozenset("".join(self._values))
        if like is not None and like._characters == self._characters:
            self._folder, self._lines = like._folder, like._lines  # a Folder is made from the characters alone
        else:
            self._folder = Folder(set(self._values))
            self._lines = None
        if like is not None and like._values.keys() == self._values.keys():
            self._automaton = like._automaton  # it maps each needle to itself
            self._remembered = like._remembered  # what each small text held: the same needles
            return
        self._remembered = {}
        self._automaton = ahocorasick.Automaton()
        for needle in self._values:
            self._automaton.add_word(needle, needle)
        if self._values:
            self._automaton.make_automaton()

    def __bool__(self) -> bool:
        return bool(self._values)

    def keep_lines_at_first_sight(self) -> None:
        """The scans to come read the same few pages again and again (a quick preview's after each
        save): each line is kept the first time it is folded, not the second (LineFolder). At
        2,000 reports the first two record saves after a full build folded their pages' lines
        afresh, 0.18-0.23 s of post-build against 0.07-0.09 s once kept."""
        self._line_folder().first_sight = True

    def _line_folder(self) -> LineFolder:
        if self._lines is None:
            self._lines = LineFolder(self._folder)
        return self._lines

    def _found(self, folded: str) -> set[str]:
        if not self._values:
            return set()
        return {needle for _end, needle in self._automaton.iter(folded)}

    def values_in(self, text: str) -> list[PrivateValue]:
        """The private values the text holds in any spelling, markup inside a name included."""
        return _values_of(self._needles_in_text(text), self._values)

    def _needles_in_text(self, text: str) -> set[str]:
        if self._folder.ascii_free and text.isascii() and not any(c in text for c in "%&\\"):
            return set()  # folds to ASCII (no escape to decode): none of the values' characters
        return self._needles_in_folded(self._folder.fold(text))

    def values_in_file(self, data: bytes) -> list[PrivateValue]:
        """`values_in(readable_text(data))`, each distinct line of the scan folded once (folded_lines.py),
        a packed file's members one at a time (site_files.readable_parts)."""
        if not data.startswith(PACKED):
            return _values_of(self._needles_in_part(data.removeprefix(BOM), None, data), self._values)
        found: set[str] = set()
        for text in readable_parts(data):
            found |= self._needles_in_part(text.encode("utf-8", "surrogatepass"), text, data)
        return _values_of(found, self._values)

    def _needles_in_part(self, utf8: bytes, text: str | None, data: bytes) -> Set[str]:
        """`_needles_in_utf8`, a small UTF-8 text read once however often it comes: the ZIP of every
        CSV holds every CSV of the site again (at 2,000 reports 22,885 members, scanned in 2.4 s
        as files of their own were). Known by a 128-bit digest of its bytes, what it held is what
        those bytes hold; only texts that were UTF-8 are kept (another is decoded whole, as its
        file says), and none longer than REMEMBERED_BYTES (a page is never the same twice)."""
        if len(utf8) > REMEMBERED_BYTES:
            return self._needles_in_utf8(utf8, text, data)
        key = hashlib.blake2b(utf8, digest_size=16).digest()
        found = self._remembered.get(key)
        if found is None:
            folded = self._line_folder().fold(utf8)
            if folded is None:  # not UTF-8 after all: decoded and folded whole
                return self._needles_in_text(readable_text(data) if text is None else text)
            found = frozenset(self._needles_in_folded(folded))
            if len(self._remembered) >= REMEMBERED_TEXTS:  # a long preview session: started again
                self._remembered.clear()
            self._remembered[key] = found
        return found

    def _needles_in_utf8(self, utf8: bytes, text: str | None, data: bytes) -> set[str]:
        """The needles in `utf8`, the text of `data` (or `text`, a part of it, when given)."""
        folded = self._line_folder().fold(utf8)
        if folded is None:  # not UTF-8 after all: decoded and folded whole
            return self._needles_in_text(readable_text(data) if text is None else text)
        return self._needles_in_folded(folded)

    def _needles_in_folded(self, folded: str) -> set[str]:
        found = self._found(folded)
        if "<" in folded:  # tags survive folding, so they can be taken out afterwards
            found |= self._found(without_tags(folded))
        return found

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        """Where in `text` each character of a found value is (slow; for the few texts that hold one)."""
        spans: set[tuple[int, int]] = set()
        for tags in (True, False):
            folded, origin = fold_with_positions(text, tags)
            for end, needle in (self._automaton.iter(folded) if self._values else ()):
                spans.update(origin[end - len(needle) + 1: end + 1])
        return sorted(spans)


def _values_of(needles_found: Set[str], by_needle: dict[str, list[PrivateValue]]) -> list[PrivateValue]:
    values: dict[tuple[str, str], PrivateValue] = {}
    for needle in sorted(needles_found):
        for value in by_needle[needle]:
            values.setdefault((value.field, str(value.location)), value)
    return list(values.values())


# --- while loading: narratives, pages and public fields --------------------------------------

HINT = "刪去這項私人資料；私人欄位只用於統計人數，從不公開（本人同意公開時，在記錄中寫 publish:）"


def sources_problems(archive: Archive, pages: dict[str, str]) -> list[Problem]:
    """A problem for each private value written where the site would show it.

    `pages` maps each narrative or hand-written page (as messages show its path) to its text.
    """
    matcher = PrivateMatcher(private_values(archive))
    if not matcher:
        return []
    problems: list[Problem] = []
    for report in archive.reports.values():
        problems += record_problems(report, matcher)
    for shown_as, text in pages.items():
        problems += text_problems(shown_as, text, matcher)
    return problems


def record_problems(report: Report, matcher: PrivateMatcher) -> list[Problem]:
    """Private values typed into the public text fields of a report's records (an award's recipient)."""
    problems = []
    for key, records in report.records.items():
        for index, record in enumerate(records, start=1):
            for spec in KINDS[key].fields:
                value = getattr(record, spec.name)
                if not isinstance(spec.type, Text) or not isinstance(value, str) or \
                        record.withholds(spec):
                    continue
                for found in matcher.values_in(value):
                    problems.append(Problem(
                        record.locations.get(spec.name, record.source), f"{key}[{index}].{spec.name}",
                        f"應不含私人資料，實為含有 {found.location.path}:{found.location.line} "
                        f"{found.field} 的值（這一欄會公開）", HINT))
    return problems


def report_problems(report: Report, matcher: PrivateMatcher) -> list[Problem]:
    """A quick preview's check of one saved report: its records' public fields and its narrative."""
    problems = record_problems(report, matcher)
    if report.narrative_file is not None:
        try:
            text = report.narrative_file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return problems  # reported by the narrative's own check
        problems += text_problems(report.narrative_path, text, matcher)
    return problems


def text_problems(shown_as: str, text: str, matcher: PrivateMatcher) -> list[Problem]:
    """Private values in a page an editor wrote, each at its line and column."""
    found = matcher.values_in(text)
    if not found:
        return []
    spans = matcher.spans_in(text)
    start = spans[0][0] if spans else 0
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    where = Location(shown_as, line, column)
    return [Problem(where, "", f"應不含私人資料，實為含有 {value.location.path}:{value.location.line} "
                               f"{value.field} 的值", HINT) for value in found]
