"""Turning a record file's node tree into typed records, reporting every field that does not fit.

One report file is a mapping of kind keys to lists of records:

    visits:
      - occasion: 看望慰問職工
        people: 37
        cash: 14400元

Nothing invalid becomes a record, and nothing valid is dropped because a neighbour was invalid:
each record is judged on its own, and every problem is collected.
"""

from __future__ import annotations

from .fieldtypes import FieldValueError
from .kinds import KINDS
from .periods import PartialDate, Period
from .problems import Location, Problem, expected, unknown_name_message
from .schema import Kind, Record
from .yaml_source import MappingNode, Node, ScalarNode, SequenceNode, describe_node, is_null, locate


def read_report_records(
    root: Node | None, shown_as: str, period: Period, problems: list[Problem],
) -> dict[str, tuple[Record, ...]]:
    """All records of one report file, by kind key, in the order the editor wrote them."""
    if root is None or is_null(root):
        return {}
    if not isinstance(root, MappingNode):
        problems.append(expected(locate(shown_as, root), "", "a mapping of kinds (visits:, awards: …)",
                                 describe_node(root)))
        return {}
    records: dict[str, tuple[Record, ...]] = {}
    for key_node, value_node in root.value:
        key = key_node.value
        kind = KINDS.get(key)
        if kind is None:
            problems.append(Problem(locate(shown_as, key_node), key, unknown_name_message("kind", key, KINDS)))
            continue
        records[key] = tuple(_read_kind(kind, value_node, shown_as, period, problems))
    return records


def _read_kind(kind: Kind, node: Node, shown_as: str, period: Period, problems: list[Problem]) -> list[Record]:
    if is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        problems.append(Problem(
            locate(shown_as, node), kind.key,
            f"expected a list of records, each starting with '- ', got {describe_node(node)}",
        ))
        return []
    records: list[Record] = []
    seen: dict[tuple, int] = {}
    for index, item in enumerate(node.value, start=1):
        path = f"{kind.key}[{index}]"
        record = read_record(kind, item, shown_as, path, period, problems)
        if record is None:
            continue
        figures = record.figures()
        if figures in seen:
            problems.append(Problem(
                record.source, path,
                f"expected each record once, got the same entry as {kind.key}[{seen[figures]}] "
                "(a repeated record would be counted twice)",
            ))
            continue
        seen[figures] = index
        records.append(record)
    return records


def read_record(
    kind: Kind, node: Node, shown_as: str, path: str, period: Period, problems: list[Problem],
) -> Record | None:
    """One record, or None when any of its fields is wrong (the problems say which)."""
    where = locate(shown_as, node)
    if not isinstance(node, MappingNode):
        problems.append(Problem(where, path, f"expected a record (name: value lines), got {describe_node(node)}"))
        return None
    before = len(problems)
    specs = {spec.name: spec for spec in kind.fields}
    values: dict[str, object] = {}
    locations: dict[str, Location] = {}
    given: set[str] = set()
    for key_node, value_node in node.value:
        name = key_node.value
        field_path = f"{path}.{name}"
        spec = specs.get(name)
        if spec is None:
            problems.append(Problem(locate(shown_as, key_node), field_path,
                                    unknown_name_message("field", name, specs)))
            continue
        if is_null(value_node):
            continue
        value_at = locate(shown_as, value_node)
        if not isinstance(value_node, ScalarNode):
            given.add(name)
            problems.append(Problem(value_at, field_path,
                                    f"expected {spec.type.expected}, got {describe_node(value_node)}"))
            continue
        if value_node.value.strip() == "":
            continue
        given.add(name)
        try:
            values[name] = spec.type.read(value_node)
        except FieldValueError as error:
            problems.append(expected(value_at, field_path, str(error), value_node.value))
            continue
        locations[name] = value_at
    for spec in kind.fields:
        if spec.required and spec.name not in given:
            problems.append(Problem(where, f"{path}.{spec.name}",
                                    f"expected {spec.label} ({spec.type.expected}), got nothing"))
    if len(problems) > before:
        return None
    record = kind.record(source=where, locations=locations, **values)
    _check_record(kind, record, path, period, problems)
    return None if len(problems) > before else record


def _check_record(kind: Kind, record: Record, path: str, period: Period, problems: list[Problem]) -> None:
    """Rules between fields: 其中 within its whole, dates within the period, the kind's own rules."""
    for spec in kind.fields:
        value = getattr(record, spec.name)
        if value is None:
            continue
        at = record.locations.get(spec.name, record.source)
        if spec.part_of is not None:
            whole = getattr(record, spec.part_of)
            if whole is not None and not value.fits_within(whole):
                problems.append(Problem(
                    at, f"{path}.{spec.name}",
                    f"expected {'less than' if value.at_least else 'at most'} {whole.value} "
                    f"({kind.field(spec.part_of).label}), got \"{value}\"",
                ))
        if isinstance(value, PartialDate) and not period.contains(value):
            problems.append(Problem(
                at, f"{path}.{spec.name}", f"expected a date within {period.label}, got \"{value}\"",
            ))
    if kind.checks is not None:
        for name, message in kind.checks(record):
            at = record.locations.get(name, record.source)
            problems.append(Problem(at, f"{path}.{name}", message))

