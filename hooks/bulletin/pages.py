"""What a narrative page becomes: its title from the registry, its markers replaced by tables."""

from __future__ import annotations

import re

from .archive import Archive, Report
from .markers import Marker, find_markers, replace_markers
from .problems import Problem
from .render import render_table

_HEADING_1 = re.compile(r"^#\s", re.MULTILINE)


def expand_narrative(archive: Archive, src_uri: str, markdown: str, problems: list[Problem]) -> str:
    """The Markdown MkDocs should render for this page; pages that are not reports pass unchanged."""
    report = archive.report_for_page(src_uri)
    if report is None:
        return markdown
    markers = find_markers(markdown, report.narrative_path, problems)
    expanded = replace_markers(markdown, markers, lambda marker: _render(archive, report, marker))
    if not _HEADING_1.search(markdown):
        # The title comes from the registry, so renaming a unit renames every page of it.
        expanded = f"# {report.title}\n\n{expanded}"
    return expanded


def _render(archive: Archive, report: Report, marker: Marker) -> str:
    return render_table(archive.table(report, str(marker.args["kind"])))
