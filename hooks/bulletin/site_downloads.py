"""The downloads (CSV, XLSX, ZIP) written into a built site by us, not copied by the generator.

Given to MkDocs as generated files, five thousand downloads of a 2,000-report archive each went
through its file collection, its dirty checks and its copy (7 % of a 500-report build). They
are bytes in memory already; written here once, after the pages, before the privacy scan reads
the site. Nothing links them with a Markdown link (site_pages.py writes HTML links), so the
generator has nothing to check against them.
"""

from __future__ import annotations

from pathlib import Path


def write_downloads(site: Path, downloads: dict[str, bytes], only: set[str] | None = None,
                    keep_same: bool = False) -> list[Path]:
    """Every download (or, in a quick preview, those in `only`) written into the site; the paths
    written, for the privacy scan.

    With `keep_same` (a quick preview that looks for no private value the downloads on disk were
    not all scanned for: quick_preview.needs_scan) a file already holding these bytes is left as
    it is and not listed: it was scanned when it was written. A saved record changes the unit pages above it, and with them every table they offer:
    at 2,000 reports 121 files written and scanned again, of which a handful had changed."""
    written: list[Path] = []
    folders: set[Path] = set()
    for docs_path, data in downloads.items():
        if only is not None and docs_path not in only:
            continue
        target = site / docs_path
        if keep_same and _holds(target, data):
            continue
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(data)
        written.append(target)
    return written


def _holds(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:  # not there yet, or not a file
        return False
