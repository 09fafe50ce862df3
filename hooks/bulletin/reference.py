"""The field reference for editors, generated from the kinds so the README cannot drift from the code.

`python -m bulletin.reference` (with hooks/ on the path) prints the built-in kinds' reference; a
test checks that README.md holds exactly this text between its reference markers. A project that
declares kinds of its own (data/kinds/) prints its whole reference with `scripts/reference`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .declared_kinds import describe
from .kinds import BUILT_IN
from .schema import CASH, Choice, FieldSpec, Kind


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
    if isinstance(spec.type, Choice) and spec.type.aliases:
        notes.append(_aliases_note(spec.type.aliases))
    return "；".join(notes)


def _aliases_note(aliases: tuple[tuple[str, str], ...]) -> str:
    """The aliases worth listing: in Traditional characters (the Simplified ones repeat them), one
    per spelling whatever its Latin case (true, True)."""
    from opencc import OpenCC  # a dependency already, for Simplified sites

    to_traditional, seen, shown, simplified = OpenCC("s2t").convert, set(), [], False
    for typed, option in aliases:
        if to_traditional(typed) != typed:
            simplified = True
        elif typed.lower() not in seen:
            seen.add(typed.lower())
            shown.append(f"{typed}（作 {option}）")
    return "也可寫 " + "、".join(shown) + ("，及其簡體寫法" if simplified else "")


def fields_markdown(kinds: Mapping[str, Kind] = BUILT_IN) -> str:
    """One table per kind; a declared kind's heading names its file."""
    blocks = []
    for kind in kinds.values():
        source = f"（{describe(kind.key)}）" if describe(kind.key) else ""
        lines = [f"#### `{kind.key}`: {kind.title}{source}", "", "| field | 欄位 | value | notes |",
                 "| --- | --- | --- | --- |"]
        for spec in kind.fields:
            lines.append(f"| `{spec.name}` | {spec.label} | {spec.type.expected} | {_notes(spec)} |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":
    print(fields_markdown(), end="")
