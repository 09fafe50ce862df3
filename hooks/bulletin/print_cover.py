"""The first sheet of a year's print: a cover (the archive, the year, its periods and units, the
day it is printed) and the contents, each report linked to the sheet it starts on.

The print date is the reader's, filled in by print-date.js when the page opens: a copy printed
next year says so, where a date fixed at build time would not. Page numbers are not listed:
Chromium cannot yet print a link's target page (CSS `target-counter`).
"""

from __future__ import annotations

from html import escape

from .archive import Report
from .language import Localise


def report_anchor(report: Report) -> str:
    """Where a report starts on its year's print page (print-2021-H1-luohu-district)."""
    return f"print-{report.period.code}-{report.unit.id}"


def cover_html(site_name: str, year: int, reports: list[Report], localise: Localise) -> str:
    """The cover and contents as one HTML block, in the site's language."""
    periods = list(dict.fromkeys(r.period.label for r in reports))
    units = list(dict.fromkeys(r.unit.name for r in reports))
    facts = [
        ("期別", "、".join(periods) or "—"),
        ("單位", f"{'、'.join(units)}（共 {len(units)} 個）" if units else "—"),
        ("報告", f"{len(reports)} 份"),
    ]
    rows = "".join(f"<dt>{escape(localise(label))}</dt><dd>{escape(localise(value))}</dd>" for label, value in facts)
    rows += (f'<dt>{escape(localise("列印日期"))}</dt>'
             f'<dd><time data-bulletin-print-date>{escape(localise("（列印時的日期）"))}</time></dd>')
    contents = "".join(f'<li><a href="#{report_anchor(r)}">{escape(localise(r.title))}</a></li>' for r in reports)
    return (f'<div class="bulletin-cover"><p class="bulletin-cover__site">{escape(localise(site_name))}</p>'
            f'<p class="bulletin-cover__title">{escape(localise(f"{year}年工作總結彙編"))}</p>'
            f'<dl class="bulletin-cover__facts">{rows}</dl></div>'
            f'<nav class="bulletin-contents" aria-label="{escape(localise("目錄"))}">'
            f'<h2>{escape(localise("目錄"))}</h2><ol>{contents}</ol></nav>')
