"""Markers in narratives: `<!-- bulletin/table { kind: visits } -->` becomes a computed table.

Modelled on Material's `<!-- material/tags { include: [foo] } -->`: an HTML comment, so an
unexpanded marker is invisible; a name after `bulletin/`; arguments as a YAML flow mapping, checked
against what the marker takes, with the valid names listed when one is wrong.

A marker stands alone on its own line, not indented, so it is a block of its own wherever Markdown
would render it (see narrative.py for what counts). Anything else that looks like a marker is a
problem, except inside code, where it is an example.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .funds import FUNDS_KEY
from .kinds import KINDS
from .narrative import content_lines, inside_inline_code
from .problems import Location, Problem, expected_nothing, quote, unknown_name
from .yaml_source import MappingNode, ScalarNode, describe_node, parse_yaml_text

MARKER_LINE = re.compile(r" {0,3}<!--\s*bulletin/(?P<name>[^\s{]*)(?P<args>.*?)\s*-->\s*")
MARKER_START = re.compile(r"<!--\s*bulletin/")
ANY_MARKER = re.compile(r"<!--\s*bulletin/(?P<name>[^\s{]*)(?P<args>.*?)\s*-->")
INLINE = "figure"  # the one marker that stands inside a sentence
ARGUMENTS_LIMIT = 200
EXAMPLE = "{ kind: visits }"

# What each marker takes: argument name → (required, description). One entry per marker name.
MARKERS: dict[str, dict[str, tuple[bool, str]]] = {
    "table": {"kind": (True, "要顯示的記錄種類")},
    # A figure quoted in the prose from the records' total, so it is never typed twice.
    INLINE: {"kind": (True, "數字所屬的記錄種類"), "field": (True, "要引用的數字欄位，例如 people 或 cash")},
}


def table_names() -> list[str]:
    """What `kind:` may name: every record kind and the derived funds table."""
    return [*KINDS, FUNDS_KEY]


@dataclass(frozen=True, slots=True)  # kept for the build, one per table of every narrative
class Marker:
    name: str
    args: Mapping[str, str]
    start: int
    end: int
    location: Location


def find_markers(text: str, shown_as: str, problems: list[Problem], first_line: int = 1) -> list[Marker]:
    """Every well-formed marker Markdown would render; each malformed or misplaced one is a problem."""
    markers = []
    for line in content_lines(text, first_line):
        if "bulletin/" not in line.text:  # what every marker and every misplaced one has
            continue
        whole = MARKER_LINE.fullmatch(line.text)
        if whole and whole["name"] != INLINE:
            location = Location(shown_as, line.number, line.text.index("<!--") + 1)
            marker = _read_marker(whole, location, line.offset, problems)
            if marker is not None:
                markers.append(marker)
            continue
        covered = []
        for match in ANY_MARKER.finditer(line.text):
            if match["name"] != INLINE or inside_inline_code(line.text, match.start()):
                continue
            covered.append(match.start())
            marker = _read_marker(match, Location(shown_as, line.number, match.start() + 1), line.offset, problems)
            if marker is not None:
                markers.append(marker)
        for start in MARKER_START.finditer(line.text):
            if start.start() not in covered and not inside_inline_code(line.text, start.start()):
                problems.append(Problem(
                    Location(shown_as, line.number, start.start() + 1), "bulletin",
                    f"應為獨佔一行、不縮排、寫在一行內的標記（<!-- bulletin/table {EXAMPLE} -->），"
                    f"實為 {quote(line.text.strip())}",
                    "表格標記前後不加其他文字；句中引用數字請用 <!-- bulletin/figure { kind: visits, field: people } -->",
                ))
    return markers


def _read_marker(match: re.Match, location: Location, offset: int, problems: list[Problem]) -> Marker | None:
    name, raw = match["name"], match["args"].strip()
    field = f"bulletin/{name}"
    if name not in MARKERS:
        problems.append(unknown_name(location, field, "標記", name, MARKERS))
        return None
    args = _read_arguments(raw, location, field, problems)
    if args is None:
        return None
    takes, ok = MARKERS[name], True
    for arg in args:
        if arg not in takes:
            problems.append(unknown_name(location, f"{field}.{arg}", "參數", arg, takes))
            ok = False
    for arg, (required, description) in takes.items():
        if required and arg not in args:
            problems.append(expected_nothing(location, f"{field}.{arg}", description, f"在大括號中加上 {arg}: …"))
            ok = False
    if "kind" in args and args["kind"] not in table_names():
        problems.append(unknown_name(location, f"{field}.kind", "表格", args["kind"], table_names()))
        ok = False
    elif name == INLINE and "field" in args and args["field"] not in figure_fields(args["kind"]):
        problems.append(unknown_name(location, f"{field}.field", "數字欄位", args["field"],
                                     figure_fields(args["kind"])))
        ok = False
    return Marker(name, args, offset + match.start(), offset + match.end(), location) if ok else None


def _read_arguments(raw: str, location: Location, field: str, problems: list[Problem]) -> dict[str, str] | None:
    """A flow mapping of plain values, read with the same safe composer as record files."""
    if not raw:
        return {}
    read = _parsed_arguments(raw[:ARGUMENTS_LIMIT + 1])
    if isinstance(read, str):
        problems.append(Problem(location, field, f"應為 {EXAMPLE} 這樣的參數，實為 {quote(raw)}（{read}）",
                                "參數寫在一對大括號中，名稱: 值 之間用逗號分開"))
        return None
    return dict(read)


@functools.lru_cache(maxsize=4096)
def _parsed_arguments(raw: str) -> tuple[tuple[str, str], ...] | str:
    """The (name, value) pairs of a marker's arguments, or why they cannot be read. Their text
    alone decides (no location, no kinds), so the `{ kind: visits }` of 2,000 narratives, each
    found at load, again on a page whose text changed since and, in a build without our hooks,
    on its year's print page (print_whole.py), is parsed once."""
    if len(raw) > ARGUMENTS_LIMIT:
        return f"超過 {ARGUMENTS_LIMIT} 個字元"
    found: list[Problem] = []
    root = parse_yaml_text(raw, "", found).root
    if found:
        return found[0].message
    if not isinstance(root, MappingNode):
        return "不是大括號中的 名稱: 值"
    args = []
    for key, value in root.value:
        if not isinstance(value, ScalarNode):
            return f"{key.value} 的值是{describe_node(value)}"
        args.append((key.value, value.value))
    return tuple(args)


def figure_fields(kind_key: str) -> list[str]:
    """What a figure marker may quote: the fields of the kind that add up (its 合計 row)."""
    from .measures import measure_columns  # measures needs the archive, which needs this module

    return [c.field for c in measure_columns(kind_key, "元")]


def replace_markers(text: str, markers: list[Marker], render: Callable[[Marker], str]) -> str:
    """The text with each table marker replaced by its rendering as a block, figures in place."""
    pieces, position = [], 0
    for marker in markers:
        pieces.append(text[position:marker.start])
        rendered = render(marker)
        pieces.append(rendered if marker.name == INLINE else f"\n\n{rendered}\n\n")
        position = marker.end
    pieces.append(text[position:])
    return "".join(pieces)
