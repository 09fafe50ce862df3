"""Figures from an office's spreadsheet into record files: one sheet per kind, one row per record.

Offices keep figures in Excel under Chinese headers (慰問項目, 慰問人次, 慰問金（元）…) with a 單位
column naming the unit. Each sheet is matched to a kind by its name (看望慰問 or visits), each
header to a field by its label or key, and every cell is read by the same field types as record
files, so a value that would be refused in YAML is refused here too, located by sheet, row, column.
A row whose cells all read is then judged as a record by the build's own rules (reading.read_record:
其中 within its whole, dates within the period, the kind's rules between fields), its messages
located at the cell, and a row entered twice for a unit is refused as a record file's would be.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .fieldtypes import Date, FieldValueError
from .kinds import KINDS
from .periods import Period
from .problems import Location, Problem, expected, expected_nothing, unknown_name
from .reading import read_record
from .schema import Kind, Record
from .units import UnitRegistry

UNIT_HEADERS = ("單位", "单位", "unit")
_STR, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map"


@dataclass
class Imported:
    """Rows read, by unit and kind, as plain values ready to be written as YAML."""

    rows: dict[str, dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    count: int = 0


def read_sheets(path: Path, kind_hint: str | None = None) -> dict[str, list[list[object]]]:
    """Sheet name → rows of cells; a CSV file is one sheet named by `kind_hint` or its file name."""
    if path.suffix.lower() == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        return {kind_hint or path.stem: [list(row) for row in csv.reader(io.StringIO(text))]}
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def _kind_for(sheet: str) -> Kind | None:
    for kind in KINDS.values():
        if sheet.strip() in (kind.key, kind.title):
            return kind
    return None


def _field_for(kind: Kind, header: str) -> str | None:
    plain = re.sub(r"[（(].*?[)）]\s*$", "", header).strip()
    for spec in kind.fields:
        if header.strip() in (spec.name, spec.label, spec.header) or plain == spec.label:
            return spec.name
    return None


def _cell_text(value: object) -> str:
    """What the editor typed, as text: Excel's 14400.0 is 14400; dates become 2021-09-18."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    return str(value).strip()


def import_rows(sheets: dict[str, list[list[object]]], shown_as: str, units: UnitRegistry,
                problems: list[Problem], period: Period | None = None) -> Imported:
    """Every readable row, checked cell by cell and, given the period, as a record of it; every
    unreadable one reported where it is."""
    result = Imported()
    seen: dict[tuple[str, str, tuple], tuple[str, int]] = {}  # (unit, kind, figures) → (sheet, row)
    by_name = {unit.name: unit.id for unit in units.units.values()}
    for sheet, rows in sheets.items():
        where = f"{shown_as}#{sheet}"
        kind = _kind_for(sheet)
        if kind is None:
            problems.append(unknown_name(Location(where), "", "工作表名稱", sheet, [k.title for k in KINDS.values()]))
            continue
        if not rows:
            continue
        headers = [_cell_text(h) for h in rows[0]]
        columns: dict[int, str] = {}
        unit_column = None
        for index, header in enumerate(headers):
            if not header:
                continue
            if header in UNIT_HEADERS:
                unit_column = index
            elif (name := _field_for(kind, header)) is not None:
                columns[index] = name
            else:
                problems.append(unknown_name(Location(where, 1, index + 1), header, "欄名", header,
                                             ["單位", *(s.label for s in kind.fields)]))
        if unit_column is None:
            problems.append(expected_nothing(Location(where, 1, 1), "單位", "寫明每行所屬單位的「單位」欄",
                                             "在第一行加一欄，欄名寫 單位，每行填單位名稱或代號"))
            continue
        for row_number, row in enumerate(rows[1:], start=2):
            cells = [_cell_text(c) for c in row] + [""] * len(headers)
            if not any(cells[: len(headers)]):
                continue  # blank rows between blocks are common in office sheets
            unit_text = cells[unit_column]
            unit_id = unit_text if unit_text in units else by_name.get(unit_text)
            ok = True
            if unit_id is None:
                problems.append(expected(Location(where, row_number, unit_column + 1), "單位",
                                         "data/units.yml 中的單位代號或名稱", unit_text,
                                         "照名冊中的全稱填寫，或先用 scripts/new unit 登記這個單位"))
                ok = False
            record: dict[str, str] = {}
            for index, name in columns.items():
                text = cells[index]
                if not text:
                    continue
                field_type, node = kind.field(name).type, yaml.ScalarNode(_STR, text)
                try:
                    if isinstance(field_type, Date):  # 1月、2月: months of the period's year
                        field_type.read(node, period.year if period is not None else None)
                    else:
                        field_type.read(node)
                except FieldValueError as error:
                    problems.append(expected(Location(where, row_number, index + 1), name,
                                             error.expected, text, error.hint))
                    ok = False
                    continue
                record[name] = text
            for spec in kind.fields:
                if spec.required and spec.name not in record and ok:
                    problems.append(expected_nothing(Location(where, row_number, 1), spec.name, spec.label,
                                                     f"這一欄必填：填寫「{spec.label}」"))
                    ok = False
            if ok and unit_id is not None and period is not None:
                where_cells = {name: index + 1 for index, name in columns.items()}
                ok = _judged(kind, record, where_cells, Location(where, row_number, 1), period, problems,
                             seen, (unit_id, sheet, row_number))
            if ok and unit_id is not None:
                result.rows.setdefault(unit_id, {}).setdefault(kind.key, []).append(record)
                result.count += 1
    return result


def _judged(kind: Kind, record: dict[str, str], columns: dict[str, int], at: Location, period: Period,
            problems: list[Problem], seen: dict, row: tuple[str, str, int]) -> bool:
    """The row read as the build reads a record (reading.read_record), and not a repeat of an
    earlier row for the same unit; False, with the problems located at the cells, when it fails."""
    found: list[Problem] = []
    read = read_record(kind, _row_node(record, columns, at.line), at.path, kind.key, period, found)
    # Field paths as the importer's own messages name them: the field, not kind[record].field.
    problems += [dataclasses.replace(p, field=p.field.removeprefix(f"{kind.key}.")) for p in found]
    if not isinstance(read, Record):
        return False
    unit_id, sheet, row_number = row
    first = seen.setdefault((unit_id, kind.key, read.figures()), (sheet, row_number))
    if first != (sheet, row_number):
        earlier = f"第 {first[1]} 行" if first[0] == sheet else f"工作表「{first[0]}」第 {first[1]} 行"
        problems.append(Problem(at, "", f"每筆記錄應只寫一次，實為與{earlier}完全相同",
                                "重複的記錄會被算兩次；刪去一行，或寫明兩者的不同（日期、備註）"))
        return False
    return True


def _row_node(record: dict[str, str], columns: dict[str, int], row: int) -> yaml.MappingNode:
    """A row as the node a record file would give, each value marked at its cell (lines and columns
    count from 0 in marks), so messages about a field point at its cell."""
    def mark(column: int) -> yaml.Mark:
        return yaml.Mark("", 0, row - 1, column - 1, None, 0)

    pairs = [(yaml.ScalarNode(_STR, name, mark(columns[name]), mark(columns[name])),
              yaml.ScalarNode(_STR, text, mark(columns[name]), mark(columns[name]))) for name, text in record.items()]
    return yaml.MappingNode(_MAP, pairs, mark(1), mark(1))


def record_yaml(kinds: dict[str, list[dict[str, str]]], note: str) -> str:
    """A record file in the same shape editors write by hand, values quoted where YAML needs it."""
    lines = [f"# {note}"]
    for key in KINDS:
        if key not in kinds:
            continue
        lines += ["", f"{key}:"]
        for record in kinds[key]:
            for index, (name, text) in enumerate(record.items()):
                lead = "  - " if index == 0 else "    "
                lines.append(f"{lead}{name}: {_yaml_scalar(text)}")
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:(?!: | #)[^\n])*")


def _yaml_scalar(text: str) -> str:
    """Plain where YAML keeps the text as typed (the reader takes a value's text, not its type),
    quoted where YAML syntax would otherwise change it."""
    if _PLAIN.fullmatch(text) and text == text.strip() and not text.endswith(":"):
        return text
    return yaml.safe_dump(text, allow_unicode=True, default_style='"').strip()
