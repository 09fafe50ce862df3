"""Starting files for editors: a new period's record file and narrative, a new unit in the registry.

Everything written here is checked by the same validator before it is written, and nothing
that exists is ever replaced: a scaffold that would overwrite refuses and says which file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .kinds import KINDS
from .periods import Period
from .problems import Location, Problem, expected
from .units import UnitRegistry, is_plain_name, is_unit_id, read_units
from .yaml_source import parse_yaml_text

COMMON_KINDS = ("visits", "aid", "awards", "suggestions")
SECTIONS = ("一、主要工作", "二、職工權益與幫扶", "三、文體活動與獲獎", "四、不足之處與{next}年打算")


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    text: str


def record_file(period: Period, unit_name: str) -> str:
    """Every kind with every field, commented out: the editor uncomments what the period had."""
    lines = [
        "# yaml-language-server: $schema=../.schema/records.schema.json",
        f"# {unit_name} {period.label} 數據。去掉行首的「# 」即可填寫；未填的項目可整段刪除。",
        "# 金額可寫 14400、14,400元、1.2萬元；約數可寫 120多；日期寫 2021-09-18 或 2021-09。",
    ]
    for key, kind in KINDS.items():
        lines += ["", f"# {kind.title}", f"# {key}:"]
        for index, spec in enumerate(kind.fields):
            lead = "#   - " if index == 0 else "#     "
            notes = "（必填）" if spec.required else ""
            if spec.private:
                notes += "（個人資料，不會公開）"
            lines.append(f"{lead}{spec.name}:{' ' * max(1, 18 - len(spec.name))}# {spec.label}{notes}")
    return "\n".join(lines) + "\n"


def narrative_file(period: Period, kinds: list[str]) -> str:
    """The usual sections, the illustrative note left out, and a marker for each kind expected."""
    parts = []
    markers = [f"<!-- bulletin/table {{ kind: {k} }} -->" for k in [*kinds, "funds"]]
    for number, section in enumerate(SECTIONS):
        parts.append(f"## {section.format(next=period.year + 1)}")
        parts.append("（在此撰寫本節內容。數字請填在記錄檔中，表格會自動產生。）")
        if number == 0:
            parts += markers
    return "\n\n".join(parts) + "\n"


def plan_period(project: Path, period: Period, unit_ids: list[str], registry: UnitRegistry,
                kinds_of, problems: list[Problem]) -> list[PlannedFile]:
    """The files a new period needs for these units, or problems (unknown unit, file exists)."""
    planned = []
    for unit_id in unit_ids:
        if unit_id not in registry:
            problems.append(expected(Location("data/units.yml"), "", "這裡列出的單位", unit_id,
                                     "先用 scripts/new unit 登記這個單位，或更正代號"))
            continue
        data = project / "data" / period.code / f"{unit_id}.yml"
        docs = project / "docs" / period.code / f"{unit_id}.md"
        for path in (data, docs):
            if path.exists():
                problems.append(Problem(Location(path.relative_to(project).as_posix()), "",
                                        "應還沒有這個檔案，實為已經存在；沒有寫入任何檔案",
                                        "已有的檔案從不覆蓋；要重新開始，請先自行移走這個檔案"))
        kinds = kinds_of(unit_id) or list(COMMON_KINDS)
        planned += [PlannedFile(data, record_file(period, registry[unit_id].name)),
                    PlannedFile(docs, narrative_file(period, kinds))]
    return planned


def plan_unit(project: Path, unit_id: str, name: str, parent: str | None, unit_type: str | None,
              problems: list[Problem]) -> PlannedFile | None:
    """data/units.yml with the unit added at the end, checked as a whole before it is written."""
    path = project / "data" / "units.yml"
    text = path.read_text(encoding="utf-8-sig") if path.exists() else "units:\n"
    before = len(problems)
    registry = read_units(parse_yaml_text(text, "data/units.yml", problems).root, "data/units.yml", problems)
    if len(problems) > before:
        return None
    if not is_unit_id(unit_id):
        problems.append(expected(Location("data/units.yml"), "", "由小寫字母、數字和連字號組成的單位代號", unit_id,
                                 "例如 xuancheng-workshop；不能有空格、中文或 /"))
    elif unit_id in registry:
        problems.append(expected(registry[unit_id].source, "", "新的單位代號", unit_id,
                                 "這個代號已經登記過了；換一個代號"))
    if not is_plain_name(name):
        problems.append(expected(Location("data/units.yml"), "", "一行的普通名稱", name,
                                 "名稱不能含 < > * _ ` [ ] { } | # 等符號"))
    if parent is not None and parent not in registry:
        problems.append(expected(Location("data/units.yml"), "", "已登記的上級單位代號", parent,
                                 "先登記上級單位，或更正代號"))
    if len(problems) > before:
        return None
    entry = [f"  {unit_id}:", f"    name: {name}"]
    if unit_type:
        entry.append(f"    type: {unit_type}")
    if parent:
        entry.append(f"    parent: {parent}")
    new_text = text.rstrip("\n") + "\n" + "\n".join(entry) + "\n"
    check: list[Problem] = []
    new_registry = read_units(parse_yaml_text(new_text, "data/units.yml", check).root, "data/units.yml", check)
    if check or unit_id not in new_registry:
        problems.append(Problem(Location("data/units.yml"), "", "units: 應是檔案的最後一部分，才能把單位加在檔尾",
                                "請手動加入這個單位"))
        return None
    return PlannedFile(path, new_text)
