"""Our wrapper around Material's search worker: whole phrases first, in both scripts.

Material cuts a Chinese query into words it finds in the index and matches each as the start of
a word: 和諧杯 became 和 (so 和服 and 和田, with a lone 和 marked), 區總工會 missed 羅湖區總工會,
and no page was found for a query in the other script. The index side (search_scripts.py) gives
each section its words in the other script; this wrapper (search_worker.js) runs in the worker
beside Material's code, keeps Material's answer, and puts first every page that holds the whole
query in either script, with the page's own spelling marked and passed on for highlighting.
It also has Material build its index when the first query comes, not when a page opens (a 26 MB
index at 2,000 reports took more than 13 s of a core on every page opened).

Every page's `__config` names the worker; the wrapper is published under a name carrying its
content hash, next to Material's worker (which it loads with importScripts, so Material's
languages and the file:// shim work as before), and the pages are pointed at it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bulletin.asset_names import hashed_name

_TEMPLATE = Path(__file__).with_name("search_worker.js")
# Found from its literal start, not behind a look-behind: that was tried at every character of
# every page (4 s of a 2,000-report build).
_MATERIAL = re.compile(r'workers/(search\.[0-9a-f]{8,}\.min\.js)"')


@cache
def wrapper(material: str) -> tuple[str, bytes]:
    """The wrapper's file name and content, for Material's worker file `material`."""
    content = _TEMPLATE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", material).encode("utf-8")
    return hashed_name("search-phrases.js", content), content


def use_wrapper(html: str, site: Path, present: set[str] | None = None) -> str:
    """The page pointed at our wrapper, which is written beside Material's worker if missing.
    `present`: the site's paths this build has found or written already (a stat per page saved)."""
    found = _MATERIAL.search(html)
    if found is None:
        return html
    name, content = wrapper(found.group(1))
    written_as = f"assets/javascripts/workers/{name}"
    if present is None or written_as not in present:
        path = site / written_as
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if present is not None:
            present.add(written_as)
    # No match before the first, which is near the page's end (its __config): only the rest is searched again.
    pointed = f'workers/{name}"'
    return html[:found.start()] + pointed + _MATERIAL.sub(pointed, html[found.end():])
