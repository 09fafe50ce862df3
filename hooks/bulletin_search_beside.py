"""Material's search index made beside the build, in the privacy scan's process (bulletin/scan_beside.py).

Material's search plugin parses every page's HTML again with html.parser and cuts its Chinese
with jieba, on the one core a build uses (2.8 s of a 2,000-report build), and holds every
section's text until the end. On the pinned Material, with jieba's own dictionaries, the
plugin's index is replaced for the build by `IndexSentBeside`, which sends each page it is
given (its lean content, URL, title, meta and table of contents: what Material's indexing
reads) to the process. There `PageIndexer` feeds them to Material's own `SearchIndex`, with
jieba through the same word-break cache, sets our fields on the entries as they come
(bulletin/index_fields.py) and spools them to a file, and at the end writes the file the
hooks' on_post_build would write and saves the cache. The plugin writes an empty index first;
this one replaces it.

The pages are gone by the time a failure could be known, so there is no second way: a process
that failed leaves the build stopped with a message, never a site with an empty search.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bulletin_patches
from bulletin.fragments import HeldBlocks, lean_page
from bulletin.index_fields import IndexFields
from bulletin.index_file import SpooledDocs
from bulletin.scan_beside import ScanBeside
from bulletin.segmentation import SegmentCache

INDEX_CONFIG = ("lang", "separator", "pipeline", "fields")  # what Material writes of its config
# Modules a generator imports to stand in for `mkdocs` (ProperDocs' aliases): imported in the
# process first when the build has them, so Material's plugin finds `mkdocs` there too.
STAND_INS = ("properdocs.replacement",)


@dataclass
class TocEntry:
    """An item of a page's table of contents as Material's indexing reads it."""

    id: str
    url: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass
class IndexedPage:
    """What Material's `add_entry_from_context` reads of a page, small enough to send. With
    `held`, `content` still has the placeholders of its tables and charts: the process makes it
    lean (fragments.lean_page), work the build's own process is spared."""

    content: str
    url: str
    title: Any
    meta: dict[str, Any]
    toc: list[TocEntry]
    held: HeldBlocks | None = None

    @classmethod
    def of(cls, page: Any, held: Callable[[str], HeldBlocks] | None = None) -> IndexedPage:
        meta = {key: page.meta[key] for key in ("title", "tags", "search") if key in page.meta}
        return cls(page.content, page.url, page.title, meta, _toc(page.toc),
                   held(page.content) if held is not None else None)

    def lean(self) -> IndexedPage:
        if self.held is not None:
            self.content, self.held = lean_page(self.content, self.held), None
        return self


def _toc(items: Any) -> list[TocEntry]:
    return [TocEntry(item.id, item.url, _toc(item.children)) for item in items]


class IndexSentBeside:
    """Stands in for the search plugin's `SearchIndex` during one build.

    MkDocs converts every page before it renders any: the process beside, which scans each page
    once it is written, waited through that (10 s at 2,000 reports) and then lagged behind the
    templates (4-5 s after the last page). With `early`, the hooks send each page from their
    on_page_content (`send_early`), as Material's on_page_context would read it later (no handler
    in between may change it: `reads_what_content_left`); the plugin's call then finds the very
    same content and sends nothing. The process gets the pages in the order it always did: MkDocs
    converts them and renders them in one order."""

    def __init__(self, beside: ScanBeside, config: dict[str, Any], held: Callable[[str], HeldBlocks],
                 early: bool = False) -> None:
        self._beside = beside
        self.config = config
        self.entries: list[dict] = []  # none here: they are made beside
        self._held = held
        self.early = early
        self._sent: dict[str, str] = {}  # each page sent early (by its source path): its content then

    def send_early(self, page: Any) -> None:
        """A page the plugin will index, sent now (the hooks' on_page_content, the last handler)."""
        if self.early and not page.file.inclusion.is_excluded():  # a draft gets its banner later
            self._send(page)
            self._sent[page.file.src_uri] = page.content

    def add_entry_from_context(self, page: Any) -> None:
        sent = self._sent.pop(page.file.src_uri, None)
        if sent is None:
            self._send(page)
        elif sent is not page.content:  # changed since, by a handler reads_what_content_left let by
            raise RuntimeError(f"{page.file.src_uri}: the page changed after it was sent to be indexed")

    def _send(self, page: Any) -> None:
        if not (page.meta.get("search") or {}).get("exclude"):
            self._beside.extension("add", IndexedPage.of(page, self._held))

    def generate_search_index(self, prev: Any) -> str:
        return ""  # the plugin writes this; the process writes the index over it


def reads_what_content_left(plugins: Any, last_content: Callable, before_search: Callable) -> bool:
    """Material's search plugin reads in on_page_context the page `last_content`, the last
    on_page_content handler, left: every on_page_context handler before the plugin's is
    `before_search` (which leaves the content as it is when the index is made beside)."""
    search = bulletin_patches.search_plugin(plugins)
    content, context = plugins.events["page_content"], plugins.events["page_context"]
    first = next((at for at, handler in enumerate(context) if getattr(handler, "__self__", None) is search), None)
    return bool(content) and content[-1] == last_content and first is not None and \
        all(handler == before_search for handler in context[:first])


def index_beside(plugins: Any, beside: ScanBeside, cache_file: Path, identity: str | None,
                 held: Callable[[str], HeldBlocks], early: bool = False) -> IndexSentBeside | None:
    """The search plugin's index made in `beside`'s process for this build (`beside.extended` says
    so afterwards); nothing changed when there is no plugin, jieba has dictionaries of the
    project's own, or the process is not running. `identity` is the word-break cache's (None: no
    cache). `held` is the build's Fragments.held: the hooks give the plugin the pages with their
    placeholders, and the process makes them lean. `early`: the hooks send each page when it is
    converted (IndexSentBeside). Returns the index sent beside, or None."""
    search = bulletin_patches.search_plugin(plugins)
    index = getattr(search, "search_index", None)
    if search is None or index is None or not beside.running or \
            search.config.get("jieba_dict") or search.config.get("jieba_dict_user") or \
            not bulletin_patches.guarded("mkdocs-material", "the search index made beside the build"):
        return None
    config = {key: index.config[key] for key in index.config}
    stand_ins = [name for name in STAND_INS if name in sys.modules]
    beside.start_extension(__name__, config, str(cache_file), identity, stand_ins)
    search.search_index = IndexSentBeside(beside, config, held, early)
    return search.search_index


class PageIndexer:
    """The process's side: Material's own indexing of the pages sent, then the file written."""

    def __init__(self, config: dict[str, Any], cache_file: str, identity: str | None,
                 stand_ins: list[str] | None = None) -> None:
        for name in stand_ins or []:
            importlib.import_module(name)
        from material.plugins.search import plugin as search
        from bulletin.search_scripts import cut_through_simplified, to_simplified

        self.cache: SegmentCache | None = None
        real = getattr(search, "jieba", None)
        if real is not None and identity is not None:
            self.cache = SegmentCache(Path(cache_file),
                                      lambda: lambda text: cut_through_simplified(text, real.cut, to_simplified), identity)
            vars(search)["jieba"] = bulletin_patches.JiebaThroughCache(real, self.cache)
        self.index = search.SearchIndex(**config)
        bulletin_patches.segment_through_cache(self.index, self.cache)
        self.fields = IndexFields()
        self.docs = SpooledDocs()  # each page's entries leave memory as soon as they are made

    def add(self, page: IndexedPage) -> None:
        self.index.add_entry_from_context(page.lean())
        for entry in self.index.entries:
            self.docs.add(self.fields.set_on(entry))
        self.index.entries.clear()

    def write(self, path: str) -> None:
        config = self.fields.set_on_config({key: self.index.config[key] for key in INDEX_CONFIG})
        self.docs.write(config, path)  # the bytes the hooks' on_post_build writes
        if self.cache is not None:
            self.cache.save()


def start(config: dict[str, Any], cache_file: str, identity: str | None, stand_ins: list[str]) -> PageIndexer:
    """Called in the process by scan_beside's `serve` (ScanBeside.start_extension)."""
    return PageIndexer(config, cache_file, identity, stand_ins)
