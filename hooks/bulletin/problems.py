"""Editor mistakes as values: where they are, which field, what was expected, what was found.

Validation never stops at the first mistake. Every step appends `Problem`s to a list and
carries on, so an editor sees every mistake of a run at once, each as one line they can jump to:

    data/2021/xuancheng-workshop.yml:14:5: visits[3].people: expected a whole number ≥ 0, got "-2"
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# How much of an offending value a message quotes; more would bury the location.
_QUOTE_LIMIT = 60


@dataclass(frozen=True, order=True)
class Location:
    """A place in an editor's file. Line and column count from 1, as editors number them.

    A whole-file problem points at 1:1 so editors' jump-to-location still opens the file;
    line 0 is for folders, which have no lines.
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

    def __str__(self) -> str:
        where = f"{self.location}: "
        return f"{where}{self.field}: {self.message}" if self.field else f"{where}{self.message}"

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


def expected(location: Location, field: str, what: str, got: object) -> Problem:
    """The usual shape of a value mistake: `expected <what>, got "<value>"`."""
    return Problem(location, field, f"expected {what}, got {quote(got)}")


def unknown_name_message(what: str, name: object, valid: Iterable[str]) -> str:
    """`expected one of these fields: …, got "peple" (did you mean people?)`: usually a typo."""
    names = list(valid)
    message = f"expected one of these {what}s: {', '.join(names)}, got {quote(name)}"
    close = difflib.get_close_matches(str(name), names, n=1)
    return f"{message} (did you mean {close[0]}?)" if close else message


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File by file, top to bottom: the order an editor fixes them in."""
    return sorted(problems, key=Problem.sort_key)
