"""Markers in narratives: `<!-- bulletin/table { kind: visits } -->` becomes a computed table.

Modelled on Material's `<!-- material/tags { include: [foo] } -->`: an HTML comment, so an
unexpanded marker is invisible; a name after `bulletin/`; arguments as a YAML flow mapping, checked
against what the marker takes, with the valid names listed when one is wrong. Markers inside
fenced code blocks are examples, not markers, and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from .funds import FUNDS_KEY
from .kinds import KINDS
from .problems import Location, Problem, unknown_name_message

MARKER = re.compile(r"<!--\s*bulletin/(?P<name>[^\s{>]*)(?P<args>.*?)-->", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")

# What each marker takes: argument name → (required, description). One entry per marker name.
MARKERS: dict[str, dict[str, tuple[bool, str]]] = {
    "table": {"kind": (True, "the kind of figures to show")},
}


def table_names() -> list[str]:
    """What `kind:` may name: every record kind and the derived funds table."""
    return [*KINDS, FUNDS_KEY]


@dataclass(frozen=True)
class Marker:
    name: str
    args: Mapping[str, object]
    start: int
    end: int
    location: Location


def find_markers(text: str, shown_as: str, problems: list[Problem]) -> list[Marker]:
    """Every well-formed marker outside code fences; each malformed one becomes a problem."""
    markers = []
    fenced = _fenced_spans(text)
    for match in MARKER.finditer(text):
        if any(start <= match.start() < end for start, end in fenced):
            continue
        location = _location(text, match.start(), shown_as)
        marker = _read_marker(match, location, problems)
        if marker is not None:
            markers.append(marker)
    return markers


def _read_marker(match: re.Match, location: Location, problems: list[Problem]) -> Marker | None:
    name, raw_args = match["name"], match["args"].strip()
    field = f"bulletin/{name}"
    if name not in MARKERS:
        problems.append(Problem(location, field, unknown_name_message("marker", name, MARKERS)))
        return None
    args: object = {}
    if raw_args:
        try:
            args = yaml.safe_load(raw_args)
        except yaml.YAMLError as error:
            detail = getattr(error, "problem", None) or "not valid YAML"
            problems.append(Problem(location, field,
                                    f"expected arguments like {{ kind: visits }}, got \"{raw_args}\" ({detail})"))
            return None
    if not isinstance(args, dict):
        problems.append(Problem(location, field, f"expected arguments like {{ kind: visits }}, got \"{raw_args}\""))
        return None
    takes = MARKERS[name]
    ok = True
    for arg in args:
        if arg not in takes:
            problems.append(Problem(location, f"{field}.{arg}", unknown_name_message("argument", str(arg), takes)))
            ok = False
    for arg, (required, description) in takes.items():
        if required and arg not in args:
            problems.append(Problem(location, f"{field}.{arg}", f"expected {description}, got nothing"))
            ok = False
    kind = args.get("kind")
    if "kind" in args and kind not in table_names():
        problems.append(Problem(location, f"{field}.kind",
                                unknown_name_message("table", str(kind), dict.fromkeys(table_names()))))
        ok = False
    return Marker(name, args, match.start(), match.end(), location) if ok else None


def replace_markers(text: str, markers: list[Marker], render: Callable[[Marker], str]) -> str:
    """The text with each marker replaced by its rendering, as its own block."""
    pieces, position = [], 0
    for marker in markers:
        pieces.append(text[position:marker.start])
        pieces.append(f"\n\n{render(marker)}\n\n")
        position = marker.end
    pieces.append(text[position:])
    return "".join(pieces)


def _location(text: str, offset: int, shown_as: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(shown_as, line, column)


def _fenced_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``` and ~~~ fenced blocks, so documented examples are not expanded."""
    spans, offset, open_at, open_fence = [], 0, None, ""
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if match:
            fence = match["fence"]
            if open_at is None:
                open_at, open_fence = offset, fence
            elif fence[0] == open_fence[0] and len(fence) >= len(open_fence):
                spans.append((open_at, offset + len(line)))
                open_at = None
        offset += len(line)
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans
