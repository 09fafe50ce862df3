"""Computed HTML kept out of Markdown's way: a placeholder in the Markdown, the HTML put back after.

Tables and charts are HTML already. Left in the Markdown, Python-Markdown parses every tag of
them again (`md_in_html` reads raw HTML blocks tag by tag), which on a large archive cost more
than everything else we do. So each block is replaced by a placeholder paragraph that Markdown
passes through untouched, and put back into the converted page. The nonce differs per build, so
an editor's text can never be mistaken for a placeholder.
"""

from __future__ import annotations

import re
import secrets


class Fragments:
    """The HTML blocks of one build, each behind a placeholder."""

    def __init__(self) -> None:
        self._html: list[str] = []
        self._nonce = secrets.token_hex(6)
        self._placeholder = re.compile(rf"<p>bulletinfragment{self._nonce}x(\d+)</p>")

    def stash(self, html: str) -> str:
        """A placeholder for `html`: one word on its own, which Markdown makes a paragraph."""
        self._html.append(html)
        return f"\n\nbulletinfragment{self._nonce}x{len(self._html) - 1}\n\n"

    def restore(self, page_html: str) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML."""
        return self._placeholder.sub(lambda match: self._html[int(match[1])], page_html)


def inline(html: str) -> str:
    """Leave the HTML in the Markdown: what tools outside a build (and tests of Markdown) want."""
    return f"\n\n{html}\n\n"
