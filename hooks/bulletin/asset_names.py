"""Our stylesheets and scripts published under names that carry a hash of their content.

A deploy switches the whole site at once, but a reader's page view is several requests: the
page, then its stylesheets and scripts. If the switch falls between them, an old page would get
a new stylesheet of the same name. Material names its own assets by content hash; ours get the
same treatment, so a page only ever asks for the exact files it was built with, and the deploy
script keeps the previous release's hashed files beside the new ones.
"""

from __future__ import annotations

from pathlib import Path

import hashlib
import posixpath
import re

HASHED = re.compile(r"\.[0-9a-f]{8,}(?:\.min)?\.(?:css|js|woff2?|json)$")  # Material's and ours


def hashed_name(path: str, content: bytes) -> str:
    """`assets/stylesheets/bulletin.css` → `assets/stylesheets/bulletin.1a2b3c4d.css`."""
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{extension}"


def is_hashed(path: str) -> bool:
    """Whether a published file's name already says its content (it may be cached for ever)."""
    return HASHED.search(path) is not None


def hashed_copy(docs: Path, path: str, published: dict[str, bytes]) -> str:
    """The name a stylesheet or script of docs/ is published under, its bytes added to `published`;
    a URL or a file that is not there keeps its path (the generator reports a missing one)."""
    source = docs / path
    if "://" in path or not source.is_file():
        return path
    content = source.read_bytes()
    name = hashed_name(path, content)
    published[name] = content
    return name
