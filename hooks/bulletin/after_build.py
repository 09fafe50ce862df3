"""What a finished build still needs when no hook ran: dates, scripts, search fields, privacy scan.

A generator building the plain tree (plain_tree.py) writes the site as it is told; the hooks'
on_post_page and on_post_build do more, and these do it on any generator's output folder:

- each page's 「資料更新…　網站建置…」 line at the foot of its article (freshness.py), once: a
  page that has it is left alone;
- each page's inline scripts moved into hashed files (inline_scripts.py), so the site keeps to a
  Content-Security-Policy of 'self' only, and pages pointed at our search worker wrapper
  (search_worker.py: whole phrases first, both scripts). A page done once has nothing left to
  move, so a second run changes nothing;
- the search index gets our two fields (search_terms.py: figures as readers type them;
  search_scripts.py: each section's words in the other script). Each field is computed from the
  document's own title and text and set, never appended, so a second run writes the same bytes;
- every file of the site is searched for the archive's private values (privacy.py), and every
  file holding one is deleted, as a build deletes them: the output is refused, never half-kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .archive import Archive
from .freshness import Freshness, page_inputs
from .language import Localise
from .inline_scripts import move_out, root_of, root_of_error_page, write
from .privacy import private_values
from .site_scan import contain_leaks, scan_site
from .problems import Problem
from .index_fields import with_search_fields
from .search_worker import use_wrapper
from .site_rules import dest_uri

SEARCH_INDEX = Path("search") / "search_index.json"
ERROR_PAGE = "404.html"  # served at any address, so it reaches the root by the site's own path


FRESHNESS = "bulletin-freshness"  # the class of the line, as the hooks write it


def freshness_lines(archive: Archive, pages: Iterable[str], dates: Freshness, directory_urls: bool = True,
                    docs: str = "docs", localise: Localise = str) -> dict[str, str]:
    """Each page's line by the file it is built into (`2021/town/index.html`), dated as the hooks date it."""
    return {dest_uri(src, directory_urls): localise(dates.line(page_inputs(archive, src, docs))) for src in pages}


def with_freshness_line(html: str, line: str) -> str:
    """A finished page with its line small at the foot of its article (the hooks' on_post_page calls
    this too: after the search plugin has read the page, so no search finds every page by it)."""
    head, found, tail = html.rpartition("</article>")
    return f'{head}<p class="{FRESHNESS}"><small>{line}</small></p>\n{found}{tail}' if found else html


def add_freshness_lines(site_dir: Path, lines: dict[str, str]) -> int:
    """Each page's line put in, unless it has one; returns how many pages got one."""
    added = 0
    for dest, line in lines.items():
        path = site_dir / dest
        if not path.is_file():
            continue
        html = path.read_text(encoding="utf-8")
        dated = html if f'class="{FRESHNESS}"' in html else with_freshness_line(html, line)
        if dated != html:
            path.write_text(dated, encoding="utf-8")
            added += 1
    return added


def scripts_to_files(site_dir: Path, site_url: str | None = None) -> int:
    """Every page's inline scripts as files and its search worker our wrapper, as on_post_page and
    on_post_template do; returns how many pages changed."""
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        shown = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        output, scripts = move_out(use_wrapper(html, site_dir),
                                   root_of_error_page(site_url) if shown == ERROR_PAGE else root_of(shown))
        write(site_dir, scripts)
        if output != html:
            path.write_text(output, encoding="utf-8")
            changed += 1
    return changed


def add_search_fields(site_dir: Path) -> bool:
    """The site's search index rewritten with our fields; False when the site has none."""
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        return False
    index = with_search_fields(json.loads(path.read_text(encoding="utf-8")))
    path.write_bytes(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return True


def after_build(site_dir: Path, archive: Archive, also: Iterable[Path] = (),
                site_url: str | None = None, lines: dict[str, str] | None = None) -> list[Problem]:
    """Dates `lines` put in, scripts moved out and the search fields added, then every file scanned;
    the problems of each private value found, every file holding one already deleted (and the
    folders `also`, such as a cache, searched too)."""
    add_freshness_lines(site_dir, lines or {})
    scripts_to_files(site_dir, site_url)
    add_search_fields(site_dir)
    values = private_values(archive)
    scan = scan_site(site_dir, values, also=also)
    contain_leaks(scan, values, previewing=False)
    return scan.problems
