"""Rules about the site as a whole, kept here so `scripts/check` and the build apply the same ones.

The archive's own rules run in `load_archive`; these need a little more than the archive: what
mkdocs.yml says (a hand-kept `nav:`) and which files the build will write beside the editors'
(a hand-written page where a generated one goes). The hooks call them with what MkDocs hands
over; `scripts/check` with what it reads itself, and the test of every corpus case holds the two
to the same lines.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .archive import Archive
from .asset_names import hashed_name
from .problems import Location, Problem
from .urls import AWARDS, UNITS, HOME, print_page, unit_page, year_page

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs renders as a page
DOWNLOADS = "downloads/"  # every download the build writes lies under this folder (urls.download_path)


def hand_kept_nav(has_nav: bool, shown_as: str, source: str) -> list[Problem]:
    """The navigation is made from the archive; a `nav:` in mkdocs.yml would hide new reports."""
    if not has_nav:
        return []
    found = re.search(r"^nav\s*:", source, re.MULTILINE)
    line = source.count("\n", 0, found.start()) + 1 if found else 1
    return [Problem(Location(shown_as, line, 1), "nav", "應沒有 nav:，實為手寫的導航",
                    "導航由檔案庫自動產生；刪去 mkdocs.yml 中的 nav: 一節")]


def dest_uri(src_uri: str, directory_urls: bool = True) -> str:
    """Where MkDocs writes a docs file (mkdocs.structure.files.File.dest_uri, without MkDocs)."""
    parent, name = posixpath.split(src_uri)
    stem, extension = posixpath.splitext(name)
    if extension not in _MARKDOWN:
        return src_uri
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        return posixpath.join(parent, f"{stem}.html")
    return posixpath.join(parent, stem, "index.html")


def page_paths(archive: Archive) -> list[str]:
    """Every page the build generates (publication.publish makes their bodies), by docs path."""
    years = archive.years()
    return [HOME, *(year_page(y) for y in years), *(print_page(y) for y in years),
            UNITS, *(unit_page(u) for u in archive.units.units), AWARDS]


def hashed_assets(docs_dir: Path, paths: Iterable[str]) -> list[str]:
    """The content-hashed names our stylesheets and scripts are published under (asset_names.py)."""
    found = []
    for path in paths:
        source = docs_dir / path
        if "://" not in path and source.is_file():
            found.append(hashed_name(path, source.read_bytes()))
    return found


def clashes(handwritten: Iterable[str], generated: Iterable[str], docs: str,
            directory_urls: bool = True) -> list[Problem]:
    """A hand-written file that the build would write over with a generated one of the same address.

    A generated page an editor wrote under the same docs path is an intro, not a clash (the
    hooks put the computed content after it), so it is left out of `generated` by the caller.
    """
    generated = list(generated)
    if not generated:  # a quick preview's names all checked before (quick_preview.CheckedNames)
        return []
    taken = {dest_uri(src, directory_urls): src for src in handwritten}
    problems = []
    for src in generated:
        dest = dest_uri(src, directory_urls)
        if dest in taken:
            problems.append(Problem(Location(f"{docs}/{taken[dest]}"), "",
                                    f"{dest} 應沒有手寫的檔案，實為與系統產生的 {src} 同名",
                                    "把這個檔案改名或移走"))
    return problems


def generated_files(handwritten: list[str], pages: Iterable[str], assets: Iterable[str],
                    downloads: Callable[[], Iterable[str]]) -> list[str]:
    """What the build generates that could clash: pages not written by hand, our assets, and the
    downloads, asked for only when a hand-written file lies under `downloads/` (making them means
    computing every table and workbook, which a check of a clean archive need not do)."""
    written = set(handwritten)
    found = [p for p in pages if p not in written] + list(assets)
    if any(path.startswith(DOWNLOADS) for path in handwritten):
        found += list(downloads())
    return found
