"""What a narrative page becomes: its title from the registry, its markers replaced by tables."""

from __future__ import annotations

from .archive import Archive, Report
from .markers import Marker, find_markers, replace_markers
from .problems import Problem
from .render import markdown_text, render_table


def expand_narrative(archive: Archive, src_uri: str, markdown: str, problems: list[Problem]) -> str:
    """The Markdown MkDocs should render for this page; pages that are not reports pass unchanged.

    `markdown` is what MkDocs hands over, front matter already removed, so locations in problems
    found here may be off by its lines; the load-time check reports with exact lines first.
    """
    report = archive.report_for_page(src_uri)
    if report is None:
        return markdown
    markers = find_markers(markdown, report.narrative_path, problems)
    expanded = replace_markers(markdown, markers, lambda marker: _render(archive, report, marker))
    # The title comes from the registry, so renaming a unit renames every page of it.
    return f"# {markdown_text(report.title)}\n\n{expanded}"


def _render(archive: Archive, report: Report, marker: Marker) -> str:
    return render_table(archive.table(report, marker.args["kind"]))
