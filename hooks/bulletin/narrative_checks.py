"""A narrative checked against its report: its own mistakes, and figures that contradict the records.

Every report's narrative is read here once per load (and again when a preview saves it): no
control or direction characters, well-formed markers, no title of its own, every kind with
records shown by a table marker, and the figures it types or quotes held to the records
(consistency.py), except where the record file could not vouch for them (`doubtful_kinds`): a
mistake in a record file is reported there, once, and not again as the narrative's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Set
from pathlib import Path

from .archive import Archive, Report
from .consistency import check_typed_figures
from .fieldtypes import UNSAFE_CHARACTERS, unsafe_character
from .funds import FUNDS_KEY
from .input_files import MAX_NARRATIVE_BYTES, page_too_large, read_capped
from .markers import INLINE, find_markers
from .measures import report_measures
from .narrative import heading_lines, strip_front_matter
from .problems import Location, Problem, quote
from .yaml_source import decode_utf8


def read_page_text(path: Path, shown_as: str, problems: list[Problem]) -> str | None:
    """A page's text: never a pipe, never more than a page's limit, UTF-8 (input_files.py)."""
    data = read_capped(path, shown_as, MAX_NARRATIVE_BYTES, lambda size: page_too_large(shown_as, size), problems)
    if data is None:
        return None
    return decode_utf8(data, shown_as, problems)


def doubtful_kinds(found: list[Problem], data_shown: str) -> set[str] | None:
    """The kinds whose records a narrative cannot be held to, after the record file's own problems:
    those with a record refused (and the funds, made from every kind), or None for all of them
    when the file as a whole could not be read (a syntax error, a full-width colon …)."""
    kinds = set()
    for problem in found:
        if problem.location.path == data_shown:
            key = re.split(r"[.\[]", problem.field, maxsplit=1)[0]
            if not key:
                return None
            kinds.add(key)
    return kinds | {FUNDS_KEY} if kinds else kinds


def check_narrative(path: Path, report: Report, archive: Archive, problems: list[Problem],
                    doubtful: Set[str] | None = frozenset()) -> None:
    """Markers well-formed, no title of its own, every kind with records shown by a marker.

    The figures it states and quotes are held to the records only for kinds not `doubtful`
    (None: none of them): a refused record or an unreadable record file is reported there, and
    a narrative that agrees with what the editor wrote must not be blamed for it as well.
    """
    text = read_page_text(path, report.narrative_path, problems)
    if text is None:
        return
    _check_characters(text, report.narrative_path, problems)
    body, skipped = strip_front_matter(text)
    before = len(problems)
    markers = find_markers(body, report.narrative_path, problems, first_line=skipped + 1)
    if len(problems) == before:  # its pages reuse them (a marker's problem is found again there)
        archive.keep_markers(report, body, markers)
    for heading in heading_lines(body, first_line=skipped + 1):
        problems.append(Problem(
            Location(report.narrative_path, heading.number, 1), "",
            f"應沒有一級標題（頁面標題 {quote(report.title)} 取自單位名冊），實為 {quote(heading.text.strip())}",
            "各節標題用 ## 開頭",
        ))
    if doubtful is not None:
        _check_figures(body, skipped + 1, markers, report, archive, doubtful, problems)
    shown_kinds = {m.args.get("kind") for m in markers if m.name == "table"}
    for key, records in report.records.items():
        if records and key not in shown_kinds:
            first = records[0].source
            problems.append(Problem(
                Location(report.narrative_path, 1, 1), key,
                f"應有標記 <!-- bulletin/table {{ kind: {key} }} --> 顯示 {first.path}:{first.line} 起的記錄，"
                "實為沒有",
                "把這個標記放在敘述中相應的一節，否則這些數字不會出現在頁面上",
            ))


def _check_figures(body: str, first_line: int, markers, report: Report, archive: Archive, doubtful: Set[str],
                   problems: list[Problem]) -> None:
    """Figures typed in the prose agree with the records; figure markers quote fields that have some."""
    held = dataclasses.replace(report, records={k: v for k, v in report.records.items() if k not in doubtful})
    check_typed_figures(body, held if doubtful else report, first_line, problems)
    for marker in (m for m in markers if m.name == INLINE and m.args["kind"] not in doubtful):
        # The same 合計 row the page will quote, computed once and cached by the archive.
        if marker.args["field"] not in report_measures(archive, report, marker.args["kind"]):
            problems.append(Problem(marker.location, f"bulletin/figure.{marker.args['field']}",
                                    f"應在 {report.data_path} 中有填了 {marker.args['field']} 的記錄，實為沒有",
                                    "在資料檔中補上記錄，或刪去這個標記"))


def _check_characters(text: str, shown_as: str, problems: list[Problem]) -> None:
    """No NUL, other control character or direction override (see fieldtypes.UNSAFE_CHARACTERS):
    one message per file, at the first, with how many there are."""
    found = list(UNSAFE_CHARACTERS.finditer(text))
    if not found:
        return
    first = found[0].start()
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    kind, code, hint = unsafe_character(found[0].group())
    count = f"，全文共 {len(found)} 個看不見的控制字元" if len(found) > 1 else ""
    problems.append(Problem(Location(shown_as, line, column), "", f"應為文字，實為看不見的{kind} {code}{count}", hint))
