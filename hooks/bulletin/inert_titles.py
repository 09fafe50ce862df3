"""Titles and descriptions that no step of the theme can turn into markup.

Material writes a page's title into `<title>` through Jinja's `striptags`, which decodes entities
after removing tags: a heading or a unit name typed as `&lt;/title&gt;&lt;script&gt;…` is safe
text in the Markdown and in the page, and becomes a live `<script>` in the head. It writes the
site name and a page's meta title and description raw. So:

- page titles and descriptions are made inert before any template sees them: decoded once (as
  the theme would), `<` and `>` replaced by their full-width forms, which no later step decodes,
  then escaped as the HTML text the theme expects a title to be;
- the site's name and description, which the theme writes raw, must not hold markup at all
  (`site_texts_problems`, a located message pointing at mkdocs.yml).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .problems import Problem, quote
from .settings import locate_option

# `<`, `>` and an entity (`&lt`, `&#60`; browsers decode some without the semicolon).
_MARKUP = re.compile(r"[<>]|&[#A-Za-z0-9]")
SITE_TEXTS = {"site_name": "網站名稱", "site_description": "網站說明"}


def inert_title(title: str) -> str:
    """The title as HTML text whose decoding, however often, never yields a tag."""
    text = html.unescape(title).replace("<", "＜").replace(">", "＞")
    return html.escape(text, quote=True)


def has_markup(text: str) -> bool:
    """Whether a text would be read as markup (or decoded into it) where the theme writes it raw."""
    return _MARKUP.search(text) is not None


def site_texts_problems(config: Mapping[str, object], shown_as: str, source: str) -> list[Problem]:
    """The site's name and description, written raw into every page's head, hold no markup."""
    problems = []
    for name, label in SITE_TEXTS.items():
        value = config.get(name)
        if isinstance(value, str) and has_markup(value):
            problems.append(Problem(
                locate_option(name, source, shown_as), name,
                f"應為不含 < > 和 &lt; 這類字元參照的{label}，實為 {quote(value)}",
                "這段文字會原樣寫進每一頁的標題；改用全形的＜＞＆，或刪去這些符號"))
    return problems
