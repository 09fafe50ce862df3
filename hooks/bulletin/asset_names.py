"""Our stylesheets and scripts published under names that carry a hash of their content.

A deploy switches the whole site at once, but a reader's page view is several requests: the
page, then its stylesheets and scripts. If the switch falls between them, an old page would get
a new stylesheet of the same name. Material names its own assets by content hash; ours get the
same treatment, so a page only ever asks for the exact files it was built with, and the deploy
script keeps the previous release's hashed files beside the new ones.
"""

from __future__ import annotations

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
