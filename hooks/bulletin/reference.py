"""The field reference for editors, generated from the kinds so the README cannot drift from the code.

`python -m bulletin.reference` (with hooks/ on the path) prints it; a test checks that README.md
holds exactly this text between its reference markers.
"""

from __future__ import annotations

from .kinds import KINDS
from .schema import CASH, FieldSpec


def _notes(spec: FieldSpec) -> str:
    notes = []
    if spec.required:
        notes.append("必填")
    if spec.private:
        notes.append("個人資料，不公開")
    if spec.part_of:
        notes.append(f"其中：不超過 `{spec.part_of}`")
    if spec.fund:
        notes.append("計入經費（現金）" if spec.fund == CASH else "計入經費（實物）")
    if spec.measure_from:
        notes.append(f"量詞取自 `{spec.measure_from}`")
    if spec.default is not None:
        notes.append(f"未填作 {spec.default}")
    return "；".join(notes)


def fields_markdown() -> str:
    blocks = []
    for kind in KINDS.values():
        lines = [f"#### `{kind.key}`: {kind.title}", "", "| field | 欄位 | value | notes |", "| --- | --- | --- | --- |"]
        for spec in kind.fields:
            lines.append(f"| `{spec.name}` | {spec.label} | {spec.type.expected} | {_notes(spec)} |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":
    print(fields_markdown(), end="")
