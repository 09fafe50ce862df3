"""Links between pages as relative URLs, so the site works under any sub-path and from file://.

Tables are raw HTML, which MkDocs does not rewrite, so links inside them are computed here the
way MkDocs computes its own (`use_directory_urls`: `2021/town.md` is served at `2021/town/`).
"""

from __future__ import annotations

import posixpath


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a docs file; other files keep their path."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """The href that leads from the page built from `from_src` to the file built from `to_src`."""
    here, there = page_url(from_src, directory_urls), page_url(to_src, directory_urls)
    base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or there == "":
        relative = "./" if relative == "." else relative + "/"
    return relative
