"""The theme's inline scripts moved into files, so the Content-Security-Policy allows `script-src 'self'` only.

Material writes a few small scripts into every page (the storage scope `__md_scope`, the reader's
palette, the open tab). A policy that allows only the site's own scripts would have to list
their hashes, and those differ from page to page (`__md_scope` names the path back to the site's
root: ".", "..", "../..", or the site's path on the 404 page) and from one Material version to
the next. nginx reads its configuration once, so hashes kept there would go stale the moment
`scripts/deploy publish` switched to a release with other scripts, until someone reloaded nginx.

So each inline script becomes a file named by its content hash
(`assets/javascripts/inline.1a2b3c4d.js`, see asset_names.py) and the page loads it in the same
place with `<script src>`: still parser-blocking, run in the same order, with the same globals.
The policy then needs no per-release content at all (scripts/nginx/bulletin.conf), the files are
cached for a year like our other hashed assets, and a deploy carries them over to the next
release like them. A data block (`<script type="application/json">`, Material's `__config`) is
never run and stays where it is.

Only the page's frame is searched: the content inside `<article>` comes from the sanitized
narratives and our escaped tables (sanitize.py), and holds no script element. Searching it with a
pattern could mistake a `<script>` written inside an attribute's value for a real one.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .asset_names import hashed_name

FOLDER = "assets/javascripts"
_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)
_RUN = {"", "text/javascript", "application/javascript", "module"}  # types a browser runs as script
_ARTICLE = re.compile(r"<article\b.*</article>", re.DOTALL)


def root_of(dest_uri: str) -> str:
    """The relative way from a page's file (`2021/town/index.html`) back to the site's root: `../../`."""
    return "../" * dest_uri.count("/")


def root_of_error_page(site_url: str | None) -> str:
    """An error page is served at any address, so it reaches the root by its absolute path (as MkDocs does)."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def move_out(html: str, root: str) -> tuple[str, dict[str, bytes]]:
    """The page with every inline script replaced by `<script src>`, and the files to write (path → bytes)."""
    files: dict[str, bytes] = {}

    def replace(match: re.Match[str]) -> str:
        attributes = match["attributes"] or ""
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind[1].lower() not in _RUN):
            return match[0]  # loaded from a file already, or a data block that never runs
        content = match["body"].encode("utf-8")
        path = hashed_name(f"{FOLDER}/inline.js", content)
        files[path] = content
        return f'<script{attributes} src="{root}{path}"></script>'

    article = _ARTICLE.search(html)
    if article is None:
        return _SCRIPT.sub(replace, html), files
    start, end = article.span()
    return _SCRIPT.sub(replace, html[:start]) + html[start:end] + _SCRIPT.sub(replace, html[end:]), files


def write(site_dir: Path, files: dict[str, bytes]) -> None:
    """Write the moved scripts into the built site (once each: every page shares most of them)."""
    for path, content in files.items():
        target = site_dir / path
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
