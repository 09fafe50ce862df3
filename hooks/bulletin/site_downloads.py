"""The downloads (CSV, XLSX, ZIP) written into a built site by us, not copied by the generator.

Given to MkDocs as generated files, five thousand downloads of a 2,000-report archive each went
through its file collection, its dirty checks and its copy (7 % of a 500-report build). They
are bytes in memory already; written here once, after the pages, before the privacy scan reads
the site. Nothing links them with a Markdown link (site_pages.py writes HTML links), so the
generator has nothing to check against them.
"""

from __future__ import annotations

from pathlib import Path


def write_downloads(site: Path, downloads: dict[str, bytes], only: set[str] | None = None) -> list[Path]:
    """Every download (or, in a quick preview, those in `only`) written into the site; the paths
    written, for the privacy scan."""
    written: list[Path] = []
    folders: set[Path] = set()
    for docs_path, data in downloads.items():
        if only is not None and docs_path not in only:
            continue
        target = site / docs_path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(data)
        written.append(target)
    return written
