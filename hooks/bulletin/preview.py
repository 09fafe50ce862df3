"""Mistakes shown on the page while an editor previews with `mkdocs serve`.

A build stops at the first sight of a mistake; a preview should not, or the editor loses the page
they are fixing. So the preview builds what is valid and puts, at the top of each page, a box with
the problems of that page's own files (the home page lists them all). `mkdocs build` still stops.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .language import Localise, localise_problem
from .problems import Problem

BOX_TITLE = "資料有誤：{count} 個問題，修正後本頁會自動更新"


def problems_for(problems: Iterable[Problem], paths: set[str]) -> list[Problem]:
    return [p for p in problems if p.location.path in paths]


def problems_box(problems: list[Problem], localise: Localise = str) -> str:
    """A Material 'danger' admonition as raw HTML, so it needs no Markdown extension.

    Each problem is the same line the terminal and `scripts/check` print, so an editor can
    search for it; in the site's language like the rest of the page.
    """
    if not problems:
        return ""
    items = "\n".join(f"<li><code>{escape(localise_problem(p, localise))}</code></li>" for p in problems)
    title = escape(localise(BOX_TITLE.format(count=len(problems))))
    return (f'<div class="admonition danger bulletin-problems" role="alert">\n<p class="admonition-title">{title}</p>\n'
            f"<ul>\n{items}\n</ul>\n</div>\n\n")
