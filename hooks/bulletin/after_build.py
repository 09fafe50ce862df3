"""What a finished build still needs when no hook ran: the search fields and the privacy scan.

A generator building the plain tree (plain_tree.py) writes the site as it is told; the hooks'
on_post_build does two more things, and these do them on any generator's output folder:

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
from .privacy import contain_leaks, private_values, scan_site
from .problems import Problem
from .search_scripts import BOTH_WAYS, add_other_script_field
from .search_terms import add_figures_field

SEARCH_INDEX = Path("search") / "search_index.json"


def with_search_fields(index: dict) -> dict:
    """Material's search index with the figures field and the other-script field (on_post_build's)."""
    return add_other_script_field(add_figures_field(index), BOTH_WAYS)


def add_search_fields(site_dir: Path) -> bool:
    """The site's search index rewritten with our fields; False when the site has none."""
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        return False
    index = with_search_fields(json.loads(path.read_text(encoding="utf-8")))
    path.write_bytes(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return True


def after_build(site_dir: Path, archive: Archive, also: Iterable[Path] = ()) -> list[Problem]:
    """The search fields added, then every file scanned; the problems of each private value found,
    every file holding one already deleted (and the folders `also`, such as a cache, searched too)."""
    add_search_fields(site_dir)
    values = private_values(archive)
    scan = scan_site(site_dir, values, also=also)
    contain_leaks(scan, values, previewing=False)
    return scan.problems
