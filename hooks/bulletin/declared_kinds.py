"""Kinds of figure an office declares itself, in `data/kinds/<key>.yml`, without writing Python.

    # data/kinds/meals.yml
    title: 職工食堂
    order: 120
    fund_purpose: 食堂補貼
    fields:
      item:   { type: text, label: 項目, required: true }
      diners: { type: count, label: 就餐人次, measure: 人次 }
      women:  { type: count, label: 其中女職工, measure: 人次, part_of: diners }
      cost:   { type: money, label: 補貼金額, fund: cash }

A declaration is compiled into the very objects a kind module makes: each field becomes the
`FieldSpec` that `schema.text()`, `count()` … would make, on a record dataclass built with
`dataclasses.make_dataclass`, inside an ordinary `Kind`. So reading, messages, tables with 合計
and 其中, funds, downloads, JSON Schemas, import, scaffolding, the reference and the privacy scan
treat a declared kind exactly as a built-in one: there is one mechanism, not a second
interpreter to keep in step. What a module can say and a declaration cannot (cross-field rules,
a measure word taken from another field, a default) stays with built-in kinds.

A mistake in a declaration is located like any other (`data/kinds/meals.yml:4:9:
fields.cost.type: 應為下列之一：…`) and its kind is left out until it is fixed. The file's words
are read by declaration_fields.py; this module finds the files and puts the kinds together.
"""

from __future__ import annotations

import dataclasses
import keyword
from pathlib import Path

from .declaration_fields import FIELD_NAME, FIELD_NAME_RULE, Declaration, read_declaration
from .funds import FUNDS_KEY, FUNDS_TITLE
from .input_files import Roots, entries, refusal, shown_path
from .kinds import BUILT_IN, in_order
from .problems import Location, Problem, expected
from .schema import Kind, Record, declared
from .yaml_source import read_yaml

KINDS_FOLDER = "kinds"  # data/kinds/
SUFFIX = ".yml"  # one spelling, so a kind's file is always data/kinds/<key>.yml


def read_project_kinds(project_dir: Path, problems: list[Problem]) -> dict[str, Kind]:
    """The built-in kinds and those declared in the project's data/kinds/, in order.

    Read afresh on every call: nothing of an earlier load (a declaration since deleted) survives.
    """
    data_dir = project_dir / "data"
    folder = data_dir / KINDS_FOLDER
    declared_kinds: dict[str, Kind] = {}
    titles = {kind.title: key for key, kind in BUILT_IN.items()} | {FUNDS_TITLE: FUNDS_KEY}
    for path in _declaration_files(folder, project_dir, Roots(project_dir, data_dir), problems):
        shown = shown_path(path, project_dir)
        kind = _read_kind(path, shown, titles, problems)
        if kind is not None:
            declared_kinds[kind.key] = kind
            titles[kind.title] = kind.key
    return in_order({**BUILT_IN, **declared_kinds})


def _declaration_files(folder: Path, project_dir: Path, roots: Roots, problems: list[Problem]) -> list[Path]:
    """The declaration files, each refused unopened when it must be (input_files.py)."""
    shown = shown_path(folder, project_dir)
    if not folder.is_symlink() and not folder.exists():
        return []
    problem = refusal(folder, shown, roots)
    if problem is None and not folder.is_dir():
        problem = Problem(Location(shown), "", "應為放種類宣告的資料夾 data/kinds/，實為一個檔案",
                          "把這個檔案移走或改名；自訂的種類各寫一個 data/kinds/<種類>.yml")
    if problem is not None:
        problems.append(problem)
        return []
    found: dict[str, Path] = {}
    for path in entries(folder, shown, problems):
        if path.name.startswith((".", "~$")):
            continue
        problem = refusal(path, shown_path(path, project_dir), roots)
        if problem is None and (path.suffix != SUFFIX or not path.is_file()):
            problem = Problem(Location(shown_path(path, project_dir)), "", "應為種類的宣告檔 <種類>.yml，實為其他檔案",
                              "data/kinds/ 只放 .yml 宣告檔；其他檔案請移出這個資料夾")
        if problem is None and path.stem in found:
            problem = Problem(Location(shown_path(path, project_dir)), "",
                              f"每個種類應只有一個宣告檔，實為與 {shown_path(found[path.stem], project_dir)} 重複",
                              "刪去其中一個")
        if problem is not None:
            problems.append(problem)
            continue
        found[path.stem] = path
    return list(found.values())


def _read_kind(path: Path, shown: str, titles: dict[str, str], problems: list[Problem]) -> Kind | None:
    """One declaration file as a Kind, or None when anything in it is wrong (the problems say what)."""
    before = len(problems)
    key = path.stem
    if not FIELD_NAME.fullmatch(key) or keyword.iskeyword(key):
        problems.append(expected(Location(shown), "", f"以種類代號命名的檔案（{FIELD_NAME_RULE}）", path.name,
                                 "種類代號也是記錄檔中的名稱，例如 data/kinds/meals.yml 宣告 meals:"))
    elif key in BUILT_IN or key == FUNDS_KEY:
        title = BUILT_IN[key].title if key in BUILT_IN else FUNDS_TITLE
        problems.append(expected(Location(shown), "", "內建種類以外的代號", key,
                                 f"{key} 已是內建的「{title}」；直接使用它，或把這個檔案改名"))
    unreadable: list[Problem] = []
    root = read_yaml(path, shown, unreadable).root
    problems += unreadable
    if root is None and unreadable:
        return None  # not YAML, not UTF-8, an alias or a tag: said; a duplicate key leaves the rest readable
    declaration = read_declaration(root, shown, titles, problems)
    if declaration is None or len(problems) > before:
        return None
    return compile_kind(key, declaration)


def compile_kind(key: str, declaration: Declaration) -> Kind:
    """The Kind a kind module would declare: a frozen record dataclass carrying each FieldSpec."""
    record = dataclasses.make_dataclass(
        "".join(part.title() for part in key.split("_")) + "Record",
        [(spec.name, object, declared(dataclasses.replace(spec, name=""))) for spec in declaration.fields],
        bases=(Record,), frozen=True, kw_only=True, eq=False,
    )
    record.__module__ = __name__
    return Kind(key=key, title=declaration.title, record=record, order=declaration.order,
                fund_purpose=declaration.fund_purpose)


def describe(key: str) -> str:
    """Where a kind comes from, for the reference: built in, or the project's declaration."""
    return "" if key in BUILT_IN else f"data/{KINDS_FOLDER}/{key}{SUFFIX}"
