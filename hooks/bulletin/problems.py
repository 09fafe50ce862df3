"""Editor mistakes as values: where they are, which field, what was expected, what was found.

Validation never stops at the first mistake. Every step appends `Problem`s to a list and
carries on, so an editor sees every mistake of a run at once, each as one line they can jump to:

    data/2021/xuancheng-workshop.yml:14:5: visits[3].people: 應為 0 或以上的整數，實為 "-2"

Messages speak the editors' language: Traditional Chinese as written here (a Simplified site
converts them on output, see `language.py`). The location and the field path stay as they are,
in ASCII, so editors' tools can jump to them and the field path matches what was typed in YAML.
A message says what was expected and what was found; a hint, when there is one, says how to fix it.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from dataclasses import dataclass

# How much of an offending value a message quotes; more would bury the location.
_QUOTE_LIMIT = 60


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in an editor's file. Line and column count from 1, as editors number them.

    A whole-file problem points at 1:1 so editors' jump-to-location still opens the file;
    line 0 is for folders, which have no lines. Slots: every record keeps one per field for the
    whole build (600,000 at 10,000 reports), 56 bytes each instead of 96.
    """

    path: str
    line: int = 1
    column: int = 1

    @classmethod
    def folder(cls, path: str) -> Location:
        """A folder has no lines: messages show just its path."""
        return cls(path, 0, 0)

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{max(self.column, 1)}"


@dataclass(frozen=True)
class Problem:
    """One mistake. `field` is the dotted path inside the file (`visits[3].people`), or ""."""

    location: Location
    field: str
    message: str
    hint: str = ""

    @property
    def text(self) -> str:
        """The message and its hint, without the location: what a preview box shows beside it."""
        return f"{self.message}。提示：{self.hint}" if self.hint else self.message

    def __str__(self) -> str:
        where = f"{self.location}: "
        return f"{where}{self.field}: {self.text}" if self.field else f"{where}{self.text}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.message)


def quote(value: object) -> str:
    """How a message shows what the editor wrote: quoted text, trimmed, control characters visible."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    # Show tabs, newlines and other invisible characters as escapes; Chinese stays as it is.
    escaped = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return f'"{escaped}"'


class Unexpected(ValueError):
    """A value that does not fit, raised by the small parsers (amounts, dates, field types).

    `expected` completes 「應為…」; `hint` tells the editor how to fix it, when the expectation
    alone does not.
    """

    def __init__(self, expected: str, hint: str = "") -> None:
        super().__init__(expected)
        self.expected = expected
        self.hint = hint


def spaced(words: str, text: str) -> str:
    """Chinese words followed by `text`, with a space where Latin letters, digits or a quote begin."""
    return f"{words} {text}" if text[:1].isascii() and text[:1] not in "（" else f"{words}{text}"


def expected(location: Location, field: str, what: str, got: object, hint: str = "") -> Problem:
    """The usual shape of a value mistake: `應為<what>，實為 "<value>"`."""
    return Problem(location, field, f"{spaced('應為', what)}，實為 {quote(got)}", hint)


def expected_nothing(location: Location, field: str, what: str, hint: str = "") -> Problem:
    """A required value left empty: `應為<what>，實為空白`."""
    return Problem(location, field, f"{spaced('應為', what)}，實為空白", hint)


def unknown_name(location: Location, field: str, what: str, name: object, valid: Iterable[str]) -> Problem:
    """`應為下列欄位之一：…，實為 "peple"`, hinting the closest name: usually a typo."""
    names = list(valid)
    separator = ", " if all(n.isascii() for n in names) else "、"  # field names stay easy to copy
    message = f"應為下列{what}之一：{separator.join(names)}，實為 {quote(name)}"
    close = difflib.get_close_matches(str(name), names, n=1)
    hint = f"是不是 {close[0]}？" if close else f"請改用上列{what}之一，注意大小寫與拼寫"
    return Problem(location, field, message, hint)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File by file, top to bottom: the order an editor fixes them in."""
    return sorted(problems, key=Problem.sort_key)


_OS_ERRORS = {
    errno.ENOENT: ("找不到檔案", "檢查檔名與資料夾是否正確"),
    errno.EACCES: ("沒有讀取權限", "請管理員開放這個檔案的讀取權限"),
    errno.EISDIR: ("一個資料夾", "這裡應是一個檔案"),
}


def unreadable(shown_as: str, error: OSError) -> Problem:
    """A file that could not be opened: what the system said, in the editors' words where known."""
    said, hint = _OS_ERRORS.get(error.errno or 0, (error.strerror or str(error), "檢查檔案是否存在、可讀"))
    return Problem(Location(shown_as), "", f"應為可讀的檔案，實為{said}", hint)
