"""Page addresses and the links between them, relative so the site works under any sub-path.

Two kinds of link: Markdown links in generated pages (`[甲鎮](../units/a/index.md)`), which MkDocs
checks and rewrites itself, and hrefs inside tables, which are raw HTML that MkDocs leaves alone,
so `relative_url` computes them the way MkDocs would (`use_directory_urls`: `2021/town.md` is
served at `2021/town/`).
"""

from __future__ import annotations

import posixpath

# Where the generated pages live, as docs paths (src_uri). URLs follow from these and stay
# stable as years and units are added.
HOME = "index.md"
AWARDS = "awards.md"
UNITS = "units/index.md"  # the unit tree; a unit's own page is units/<id>/index.md


def year_page(year: int) -> str:
    return f"{year}/index.md"


def print_page(year: int) -> str:
    return f"{year}/print.md"


def unit_page(unit_id: str) -> str:
    return f"units/{unit_id}/index.md"


def download_path(page_src: str, name: str) -> str:
    """Where a page's table or workbook is published: downloads/<page path>/<name>."""
    return f"downloads/{page_src[:-3]}/{name}"


def year_workbook_path(year: int) -> str:
    return download_path(year_page(year), f"overview-{year}.xlsx")


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
    relative = relative_path(there or ".", base or ".")
    if there.endswith("/") or there == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` by string work alone for two paths inside the site.

    Pages link to each other tens of thousands of times at 2,000 reports (every row of a year's
    comparison), and `relpath` asks the operating system for the working directory on each call.
    Paths that climb (`..`) or start at the root are left to `relpath`.
    """
    if path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    if ".." in to or ".." in here:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, here, strict=False):  # up to the shorter one
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) if parts else "."
