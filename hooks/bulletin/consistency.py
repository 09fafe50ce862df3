"""Figures typed in a narrative that contradict the records of the same report.

A sentence that names a kind (看望慰問) and states a figure in one of its measure words
(37人次, 14400元) must agree with the records: the total of that field, or one record's value.
"共看望慰問職工37人次" beside visits that total 36 is reported with both places, and the editor is
pointed to the figure marker, which quotes the records instead of retyping them.
"""

from __future__ import annotations

import re

from .amounts import AmountError, Count, digits_of, parse_count, parse_money
from .archive import Report
from .fieldtypes import CountOf, Money
from .kinds import KINDS
from .markers import ANY_MARKER
from .narrative import content_lines
from .problems import Location, Problem
from .tables import sum_values

_SENTENCE_END = re.compile(r"[。；！？;!?]")
# A number, its 多 and its unit: 37人次, 120多人次, 1800多元, 10多萬元 and 1.2萬多元 (the 多 after 萬).
_FIGURE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(多|餘|余)?\s*"
                     r"(萬(?:多|餘|余)元?|萬元|萬|元|[^\d\s，。、；：,.;:（）()「」]{1,2})")


def check_typed_figures(body: str, report: Report, first_line: int, problems: list[Problem]) -> None:
    for line in content_lines(body, first_line):
        text = ANY_MARKER.sub(lambda m: " " * len(m.group()), line.text)
        start = 0
        for sentence in _SENTENCE_END.split(text):
            for key, kind in KINDS.items():
                records = report.records.get(key)
                if records and kind.title in sentence:
                    for match in _FIGURE.finditer(sentence):
                        _compare(match, key, records, report, Location(report.narrative_path, line.number,
                                                                       start + match.start() + 1), problems)
            start += len(sentence) + 1


def _compare(match: re.Match, key: str, records, report: Report, where: Location, problems: list[Problem]) -> None:
    number, more, unit = match.group(1), match.group(2) or "", match.group(3)
    kind = KINDS[key]
    for spec in kind.fields:
        values = [getattr(r, spec.name) for r in records if getattr(r, spec.name) is not None]
        if not values or spec.private:
            continue
        typed = _read(spec.type, number + more + unit)
        if typed is None:
            continue
        total = sum_values(values)
        if _figure(typed) in {_figure(v) for v in (total, *values)}:
            return
        first = records[0].source
        problems.append(Problem(
            where, f"{key}.{spec.name}",
            f"敘述中的數字應與 {first.path}:{first.line} 起的記錄一致（合計 {total}），"
            f"實為 \"{match.group(0).strip()}\"",
            f"更正其中一處；或在敘述中用 <!-- bulletin/figure {{ kind: {key}, field: {spec.name} }} --> "
            "直接引用記錄的合計",
        ))
        return


def _figure(value: object) -> object:
    """What a typed figure must equal, 多 aside (120 typed for a record of 120多, 1800元 for 1800多元)."""
    return value.value if isinstance(value, Count) else digits_of(value)


def _read(field_type, text: str):
    """The typed figure as this field would read it, or None when the unit is not the field's."""
    try:
        if isinstance(field_type, CountOf) and any(text.endswith(u) for u in field_type.units if u):
            return parse_count(text, field_type.units)
        if isinstance(field_type, Money) and text.endswith(("元", "萬")):
            return parse_money(text)
    except AmountError:
        return None
    return None

