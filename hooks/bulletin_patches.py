"""Every change we make to another package's internals, in one place, each guarded by its version.

Eleven things the hooks cannot reach through a public API:

- Material's search plugin calls `jieba.cut` on every section of every page; we route it through
  our cache of word breaks, cut through the Simplified form (search_scripts.py, segmentation.py),
  and have its index segment a text without compiling its pattern again or joining lists.
- jieba reads its dictionary's cache with `marshal.load(file)`, which reads the file one object at
  a time (1.6 s here, in every build that cuts a new word); we have it read the file whole first.
- Material's search plugin strips `data-search-` marks from every page with a regular expression
  the engine tries at every character (28 ms for a year's page); we look for a mark first and
  leave a page without one as it is, which is what the expression makes of it.
- `mkdocs serve` makes a new Jinja environment per rebuild and compiles Material's templates
  again; we let them share compiled templates (most of a quick preview's time).
- MkDocs' live reload polls for saves every 0.5 s, walking every watched file; we have the
  system report them (inotify, FSEvents, Windows' change notices) and keep the poll, once a
  second, for folders where those do not arrive (bulletin_saves_seen.py).
- MkDocs makes a new Markdown converter for every page; with the extensions we ship (all reset
  by Python-Markdown between texts), one per build does, reset before each page. Its inline
  processor tries every inline pattern on every text, one after the other; a text without a
  character any of them needs (most of a Chinese narrative) is left as it is at once.
- MkDocs lists the theme's static files afresh in every build, walking Material's thousands of
  files (its icons) and matching each against its patterns: a tenth of a quick preview at 2,000
  reports. A quick preview, which changes no file but records and narratives, takes the last full
  build's list; and of the docs folder's files, copies of the last full build's `File`s, whose
  addresses MkDocs would otherwise parse and join again.
- While previewing, MkDocs parses again every path it looks up (once per navigation entry) and
  reads the clock and the environment for every page it dates; we look a path up as written
  first (a file's own path is its normal form) and date a build's pages once.
- MkDocs makes every page's canonical address with urljoin in every build, most of the time it
  takes to make the navigation of 2,000 reports while previewing; for a plain address (letters,
  digits, `-_~%`, no dot segment) under a plain site address that is the two joined as strings.
- Material writes the whole navigation into every page, each item through a Jinja macro: at 2,000
  reports two thirds of the templates' time. An item off the page's own path is written the same
  on every page but for its one link; we answer those from a cache, and a section's two loops
  over its items are done in Python (theme-nav/partials/nav-item.html).
- Material's search plugin holds its index in memory and writes it as JSON; we add our fields to
  the index it holds instead of reading the file back (a large archive's index parsed again was
  the build's peak memory). Under `serve --dirty` it writes the last build's index again after
  every rebuild; a quick preview, which writes back its own, has it forget that one first.

Each patch is written against the version pinned in requirements.txt (`WRITTEN_FOR`). With any
other version installed it is not applied: the site is still built correctly, only slower (or
with Material's own word breaks), and the log says so. tests/unit/test_patches.py fails when a
pin changes, so whoever upgrades reads this module again before the pins move.
"""

from __future__ import annotations

import functools
import logging
import marshal
import os
import re
import sys
import types
from collections.abc import Callable
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

import jinja2
import jinja2.bccache
import markupsafe

from bulletin.fragments import SEARCH_MARKS, without_search_marks
from bulletin.segmentation import SegmentCache
from bulletin_saves_seen import SavesSeenAtOnce, set_poll_interval  # at import: MkDocs has the hooks folder on the path only then

log = logging.getLogger("mkdocs.hooks.bulletin.patches")

# The versions these patches were written and tested against (requirements.txt pins them).
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "watchdog": "7.1.0", "jieba": "0.42.1",
               "markdown": "3.11.3"}

# ProperDocs, the maintained fork of MkDocs 1.6 (the second engine CI builds with), answers
# `import mkdocs` itself; its theme and live-reload modules are MkDocs 1.6.1's but for names.
SAME_AS = {"mkdocs": ("properdocs", "1.6.7")}

SEARCH_PLUGIN = "material.plugins.search.plugin"


def installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def guarded(package: str, what: str) -> bool:
    """True when `package` is the version the patch was written for; else log why it is left out.
    Public: the adapter guards its own use of other packages' internals with it too."""
    version = installed(package)
    if version == WRITTEN_FOR[package]:
        return True
    if version is None and package in SAME_AS and installed(SAME_AS[package][0]) == SAME_AS[package][1]:
        return True
    # INFO, not a warning: the site is still right, and a warning would stop a strict build.
    log.info("%s %s is not the version %s this project was tested with: %s is left out.",
             package, version, WRITTEN_FOR[package], what)
    return False


# --- Material's search plugin: jieba through our cache --------------------------------------

class JiebaThroughCache:
    """Stands in for `jieba` inside Material's search plugin: `cut` answers from the cache."""

    def __init__(self, real: Any, cache: SegmentCache) -> None:
        self._real, self.cache = real, cache
        read_jieba_cache_at_once(real)  # for the misses, when the cache first needs jieba

    def cut(self, value: str | bytes, *args: Any, **kwargs: Any) -> list[str]:
        return self.cache.words(value.decode("utf-8") if isinstance(value, bytes) else value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


HAN_RUNS = r"(\p{script: Han}+)"  # Material's SearchIndex._segment_chinese, with backrefs' bre.UNICODE


class SegmentedThroughCache:
    """Stands in for one `SearchIndex`'s `_segment_chinese`: the same text, made faster.

    Material's method compiles its pattern again for every title and text and, for every run of
    Han characters, calls `jieba.cut` on the run's UTF-8 bytes and joins the words between
    zero-width spaces: at 2,000 reports 660,000 runs in 31,000 calls, a sixth of the index's time
    even with every cut answered by the cache. Here the pattern is Material's, compiled once by
    backrefs to the same `re` pattern, the text is split at the runs (no callback per run), and a
    run becomes the cache's joined words between two separators, which is what Material's
    `replace` makes of the cache's words. 2.8 s → 0.8 s on the 31,328 titles and texts of 2,000
    reports (both in one process, two runs)."""

    def __init__(self, cache: SegmentCache) -> None:
        from backrefs import bre

        self._runs = bre.compile_search(HAN_RUNS, bre.UNICODE)
        self._joined = cache.joined

    def __call__(self, data: str) -> str:
        parts = self._runs.split(data)  # the text between runs, and each run (the pattern's group)
        joined = self._joined
        parts[1::2] = ["\u200b" + joined(run) + "\u200b" for run in parts[1::2]]
        return "".join(parts).strip("\u200b")


def search_plugin(plugins: Any) -> Any:
    """Material's search plugin among the build's plugins (None without it)."""
    return next((p for p in plugins.values() if type(p).__module__ == SEARCH_PLUGIN), None)


def search_plugin_index(plugins: Any) -> Any:
    """The search plugin's index for this build (None without the plugin)."""
    return getattr(search_plugin(plugins), "search_index", None)


def segment_through_cache(index: Any, cache: SegmentCache | None) -> None:
    """`index` (Material's SearchIndex, whose module's jieba is `JiebaThroughCache` over `cache`)
    segments its text with `SegmentedThroughCache`; nothing changed without a cache or on another
    Material version (which may segment otherwise)."""
    if index is not None and cache is not None and isinstance(getattr(sys.modules.get(SEARCH_PLUGIN), "jieba", None), JiebaThroughCache) \
            and guarded("mkdocs-material", "the faster segmentation of the search index"):
        index._segment_chinese = SegmentedThroughCache(cache)


def read_jieba_cache_at_once(jieba: Any) -> None:
    """`jieba`'s dictionary cache read whole, then unmarshalled: the same objects from the same file.

    jieba 0.42.1 keeps its prefix dictionary (498,113 entries) in `jieba.cache` in the temp folder
    and loads it with `marshal.load(file)`, which makes a read call for every object it takes from
    the file: 1.6 s on this project's 2-core machine, against 0.46 s for `marshal.loads` of the
    file's bytes (a fresh process each, two runs each). A build pays it whenever it cuts a word it
    does not remember: every first build, each of the test suite's sites. jieba's own logic (when
    to read the cache, rebuilding it when it cannot) is left as it is; only its `marshal` changes."""
    if getattr(jieba, "marshal", None) is not marshal or not guarded("jieba", "reading its dictionary at once"):
        return  # not jieba's module, already done, or another jieba
    jieba.marshal = types.SimpleNamespace(load=lambda file: marshal.loads(file.read()), dump=marshal.dump)


def _sub_where_present(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
    if pattern == SEARCH_MARKS and repl == "" and not count and not flags and isinstance(string, str):
        return without_search_marks(string)  # what re.sub makes of it, found faster (bulletin/fragments.py)
    return re.sub(pattern, repl, string, count=count, flags=flags)


def strip_search_marks_where_present() -> bool:
    """Material's search plugin takes its data-search-* marks out of every page's HTML with
    `re.sub(SEARCH_MARKS, "", …)`, whose expression the engine tries at every character: 28 ms
    for a year's page at 2,000 reports, in every build and in every record's preview. We give it
    `without_search_marks`, which looks for a mark first and returns a page without one as it is,
    as re.sub would. Only the plugin module's `re` changes (a namespace with re's names and this
    `sub`). False on another Material version."""
    module = sys.modules.get(SEARCH_PLUGIN)
    current = getattr(module, "re", None)
    if getattr(current, "sub", None) is _sub_where_present:
        return True
    if module is None or current is not re or not guarded("mkdocs-material", "stripping search marks where present"):
        return False
    vars(module)["re"] = types.SimpleNamespace(**{**{name: getattr(re, name) for name in dir(re)
                                                    if not name.startswith("__")}, "sub": _sub_where_present})
    return True


def route_word_breaks(plugins: Any, cache_file: Path,
                      cutter: Callable[[Any], Callable[[str], list[str]]]) -> SegmentCache | None:
    """Material's jieba calls through a segment cache kept in `cache_file` (once per process;
    later builds start a new round of the same cache). `cutter(real_jieba)` gives the cut function.
    None when there is no search plugin, no jieba, or another Material version."""
    search = search_plugin(plugins)
    module = sys.modules.get(SEARCH_PLUGIN)
    if search is None or module is None or getattr(module, "jieba", None) is None:
        return None  # no Chinese segmentation to speed up
    if isinstance(module.jieba, JiebaThroughCache):
        module.jieba.cache.start_build()
        return module.jieba.cache
    if not (guarded("mkdocs-material", "the search word-break cache") and
            guarded("jieba", "the search word-break cache")):
        return None
    real = module.jieba
    identity = (f"jieba {real.__version__}; dict {search.config.get('jieba_dict')}; "
                f"user {search.config.get('jieba_dict_user')}; cut through Simplified")
    cache = SegmentCache(cache_file, lambda: cutter(real), identity)
    vars(module)["jieba"] = JiebaThroughCache(real, cache)
    return cache


def search_index_held(plugins: Any) -> dict[str, Any] | None:
    """The index Material's search plugin has just written, as the dict it wrote (its `config`
    and `docs`, the plugin's own entries, not a copy); None when there is no such plugin or it is
    another Material version, and the caller reads the written file instead."""
    index = search_plugin_index(plugins)
    if index is None or not guarded("mkdocs-material", "adding the search fields in memory"):
        return None
    return {"config": {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")},
            "docs": index.entries}


def search_index_not_rewritten(plugins: Any) -> bool:
    """Material's search plugin, serving with --dirty, keeps the index of the build before and
    writes all of it again after a rebuild that indexed nothing (json.dumps of 26 MB at 2,000
    reports, 0.3 s of every quick preview), only for our hook to write its own kept bytes over it.
    Let it forget that index for this build: it writes an empty one, which ours replaces. False
    when there is no such plugin or it is another Material version (it then writes it all)."""
    search = search_plugin(plugins)
    if search is None or not hasattr(search, "search_index_prev") or \
            not guarded("mkdocs-material", "leaving the search index unwritten by quick previews"):
        return False
    search.search_index_prev = None
    return True


# --- Material's navigation: items off the page's path from a cache ------------------------------

NAV_TEMPLATES = Path(__file__).parent / "theme-nav"  # Material's nav-item.html, its `render` cached


def cache_nav_items(theme_dirs: list[str]) -> bool:
    """Our copy of Material's nav-item.html put first in the theme's folders, on the version it
    was copied from only, and not over a project's own copy (a custom_dir overriding it);
    a `NavCache` is then given to each build's templates."""
    if not guarded("mkdocs-material", "the navigation cache"):
        return False
    import material

    shipped = Path(material.__file__).parent / "templates"
    before_material = theme_dirs[:theme_dirs.index(str(shipped))] if str(shipped) in theme_dirs else theme_dirs
    if any((Path(folder) / "partials" / "nav-item.html").is_file() for folder in before_material
           if folder != str(NAV_TEMPLATES)):
        return False  # the project's own nav-item.html (its custom_dir) comes first, and stays so
    if str(NAV_TEMPLATES) not in theme_dirs:
        theme_dirs.insert(0, str(NAV_TEMPLATES))
    return True


# Our nav-item.html's text around each item of a section's list, and around each item of Material's
# look for the section's index page; the two loops `NavCache.children` and `NavCache.index` write
# in Python must write these, and tests/site/test_render_tree.py compares every page's navigation
# with Material's own nav-item.html.
LISTED_BEFORE, LISTED_AFTER = "\n              \n                ", "\n              \n            "
NOT_LISTED = "\n              \n            "
INDEX_LOOP_START, LOOKED_AT, INDEX_FOUND = "\n      ", "\n        \n      ", "\n        \n          \n        \n      "


class NavCache:
    """What nav-item.html asks for every item of every page (150,000 times at 2,000 reports):
    `item` (`bulletin_nav_cache` in the template) writes one item, `children` (`bulletin_nav_children`)
    a section's list of items, `index` (`bulletin_nav_index`) finds a section's index page.

    With navigation.prune on (and sections off), an item that is not active is written by
    Material as one link: to the item's page, or to the first page under it. Nothing else in it
    depends on the page being written, so (item, its place, that link as this page writes it) is
    the whole key. Anything else — an active item, another set of features, an item listing
    `pages` — is written by Material's macro every time. One per build: items are new objects in
    each build, and an id could be reused.

    The two loops are Material's `{% for %}` loops over a section's items, written in Python: the
    same text around each item, the same items, the same calls to the macro. In Jinja each turn
    made a loop context, looked up the cache by name and called it through the template's context;
    here what a list's items share (the page, its links, the features) is looked up once per list.
    What the cache reads once is kept: the features (one build, one config), each item's link
    target, each section's index page, and each target's parts (`PageLinks`, exactly MkDocs' `url`
    filter).
    """

    def __init__(self) -> None:
        self._written: dict[tuple[int, str, int, str], Any] = {}
        self._targets: dict[int, str | None] = {}  # id(nav_item) -> the url of the page its link goes to
        self._indexes: dict[int, tuple[Any, Any, str]] = {}  # id(section) -> it, its index page, the loop's text
        self._plain: bool | None = None  # once known: prune on, sections off
        self._links = PageLinks()

    @jinja2.pass_context
    def item(self, context: Any, render: Callable[..., Any], nav_item: Any, path: str, level: int,
             parent: Any = None) -> Any:
        return self._item(render, nav_item, path, level, parent, self._is_plain(context), self._links.of_page(context))

    @jinja2.pass_context
    def children(self, context: Any, render: Callable[..., Any], section: Any, index: Any, path: str,
                 level: int) -> markupsafe.Markup:
        """`{% for item in nav_item.children %}{% if not index or item != index %}{{ render(item,
        path ~ "_" ~ loop.index, level + 1, nav_item) }}…`, with its text around each item."""
        plain, link_of, item_of = self._is_plain(context), self._links.of_page(context), self._item
        parts: list[str] = []
        for number, item in enumerate(section.children, start=1):
            if not index or item != index:
                parts += (LISTED_BEFORE, str(item_of(render, item, f"{path}_{number}", level + 1, section, plain, link_of)),
                          LISTED_AFTER)
            else:
                parts.append(NOT_LISTED)
        return markupsafe.Markup("".join(parts))

    def index(self, found: Any, section: Any) -> str:
        """`{% for item in nav_item.children %}{% if item.is_index and _.index is none %}{% set
        _.index = item %}…`: sets `found.index` (Jinja's namespace `_`) to the first index page
        among the section's items, and returns the loop's text. Worked out once per section."""
        kept = self._indexes.get(id(section))
        if kept is None or kept[0] is not section:  # the section itself kept: its id is never another's
            parts, first = [INDEX_LOOP_START], None
            for item in section.children:
                if first is None and getattr(item, "is_index", None):  # Jinja: undefined, false
                    first = item
                    parts.append(INDEX_FOUND)
                else:
                    parts.append(LOOKED_AT)
            kept = self._indexes[id(section)] = (section, first, "".join(parts))
        if found.index is None and kept[1] is not None:
            found["index"] = kept[1]  # a Jinja namespace is set by item
        return kept[2]

    def _is_plain(self, context: Any) -> bool:
        if self._plain is None:
            features = context["config"].theme.get("features") or ()
            self._plain = "navigation.prune" in features and "navigation.sections" not in features
        return self._plain

    def _item(self, render: Callable[..., Any], nav_item: Any, path: str, level: int, parent: Any, plain: bool,
              link_of: Callable[[str], str]) -> Any:
        if nav_item.active or not plain or getattr(nav_item, "pages", None):
            return render(nav_item, path, level, parent)
        item = id(nav_item)
        targets = self._targets
        if item not in targets:
            target = nav_item
            while target.children:
                target = target.children[0]
            url = getattr(target, "url", None)
            targets[item] = None if url is None else str(url)
        url = targets[item]
        if url is None:
            return render(nav_item, path, level, parent)
        key = (item, path, level, link_of(url))
        written = self._written.get(key)
        if written is None:
            written = self._written[key] = render(nav_item, path, level, parent)
        return written


class PageLinks:
    """MkDocs' `url` filter (mkdocs/utils: normalize_url, get_relative_url), with what it works out
    afresh on every call kept: the page's own folder, split, once per page; each target's
    normalised parts once per build. Anything but a page with a relative link goes to the filter,
    and everything does when the theme's `url` filter is not MkDocs' own (a plugin replaced it)."""

    def __init__(self) -> None:
        # Here, not at the top: the process beside the build imports this module before `mkdocs`.
        from mkdocs.utils import _get_norm_url, _norm_parts
        from mkdocs.utils.templates import url_filter

        self._mkdocs_filter = url_filter
        self._norm_url, self._norm_parts = _get_norm_url, _norm_parts
        self._page: Any = None
        self._page_url: str | None = None
        self._from: list[str] = []
        self._targets: dict[str, tuple[list[str], int, bool] | None] = {}

    def of_page(self, context: Any) -> Callable[[str], str]:
        """The `url` filter of the page `context` is writing: a link to an address, as it writes it."""
        page = context.get("page")
        url_filter = context.environment.filters["url"]
        if page is None or url_filter is not self._mkdocs_filter or not isinstance(getattr(page, "url", None), str):
            return lambda url: url_filter(context, url)
        if page is not self._page or self._page_url != page.url:
            self._page, self._page_url = page, page.url
            folder, _, name = page.url.rpartition("/")
            self._from = self._norm_parts(folder if "." in name else page.url)
        from_parts, targets = self._from, self._targets

        def link(url: str) -> str:
            if url in targets:
                target = targets[url]
            else:
                target = targets[url] = self._relative_target(url)
            if target is None:
                return url_filter(context, url)
            parts, up, slash = target
            common = 0
            for a, b in zip(from_parts, parts, strict=False):
                if a != b:
                    break
                common += 1
            link = "/".join([".."] * (len(from_parts) - common) + parts[common:]) or "."
            if slash:
                link += "/"
            return "../" * up + link if up > 0 else link

        return link

    def _relative_target(self, url: str) -> tuple[list[str], int, bool] | None:
        """A link target as MkDocs' own `_get_norm_url` and `get_relative_url` read it: (its parts,
        how many folders up it starts, whether it ends in a slash), or None for an address the
        filter leaves as it is (absolute, an anchor) or warns about (a backslash)."""
        if "\\" in url:
            return None
        path, up = self._norm_url(url)
        if up == -1:
            return None
        return self._norm_parts(path), up, path.endswith("/")


# --- MkDocs' theme: compiled templates shared between the rebuilds of `mkdocs serve` ----------

class TemplatesInMemory(jinja2.BytecodeCache):
    """Compiled theme templates kept between rebuilds. Jinja keys each entry by the template's
    name and a checksum of its source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplatesInMemory()


def share_compiled_templates() -> bool:
    """Every Jinja environment MkDocs makes (one per rebuild, and the ones plugins make for
    translations) shares `TEMPLATES`. Done once, in a serving process only."""
    from mkdocs.theme import Theme

    if getattr(Theme.get_env, "bulletin_cached", False):
        return True
    if not guarded("mkdocs", "sharing compiled templates between previews"):
        return False
    get_env = Theme.get_env

    def get_env_sharing_compiled_templates(self: Theme) -> jinja2.Environment:
        env = get_env(self)
        env.bytecode_cache = TEMPLATES
        return env

    get_env_sharing_compiled_templates.bulletin_cached = True  # type: ignore[attr-defined]
    Theme.get_env = get_env_sharing_compiled_templates  # type: ignore[method-assign]
    return True


# --- MkDocs' files: the theme's and the docs folder's listed once per full build while previewing

class ListedFiles:
    """What the last full build of a serving process listed, and whether this build may take it:
    the theme's static files (path and theme folder) and the docs folder's files (with their
    addresses worked out; never handed to MkDocs: each build gets copies), each keyed by what
    decides them."""

    def __init__(self) -> None:
        self.theme: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
        self.docs: tuple[tuple[Any, ...], list[tuple[str, list[str]]], list[Any]] | None = None
        self.reuse = False  # set by each build's on_config: True only in a quick preview


LISTED_FILES = ListedFiles()


def list_theme_files_once() -> bool:
    """MkDocs' `Files.add_files_from_theme`, in a serving process: a full build lists the files
    and keeps the list; a build with `LISTED_FILES.reuse` (a quick preview: no theme folder, docs
    file or setting changed since) appends the same files without walking the theme again."""
    from mkdocs.structure.files import File, Files

    if getattr(Files.add_files_from_theme, "bulletin_kept", False):
        return True
    if not guarded("mkdocs", "listing the theme's files once while previewing"):
        return False
    add_files_from_theme = Files.add_files_from_theme

    def add_kept_files_from_theme(self: Files, env: jinja2.Environment, config: Any) -> None:
        key = (tuple(config.theme.dirs), config.site_dir, config.use_directory_urls, config.docs_dir)
        kept = LISTED_FILES.theme.get(key) if LISTED_FILES.reuse else None
        if kept is None:
            before = set(self.src_uris)
            add_files_from_theme(self, env, config)
            LISTED_FILES.theme = {key: [(f.src_uri, f.src_dir) for f in self
                                        if f.src_uri not in before and f.src_dir is not None]}
            return
        for path, folder in kept:
            if self.get_file_from_path(path) is None:
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    add_kept_files_from_theme.bulletin_kept = True  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_kept_files_from_theme  # type: ignore[method-assign]
    return True


def _docs_listing_key(config: Any) -> tuple[Any, ...]:
    # The exclusion settings are pathspec objects: equal when their patterns are, not hashable.
    return (config.docs_dir, config.site_dir, config.use_directory_urls,
            config.get("exclude_docs"), config.get("draft_docs"), config.get("not_in_nav"))


def _copy_file(file: Any) -> Any:
    copied = object.__new__(type(file))
    copied.__dict__.update(file.__dict__)
    return copied


def _docs_names(docs_dir: str) -> list[tuple[str, list[str]]]:
    """Every folder of the docs folder and the names in it, as MkDocs' get_files walks them."""
    names = []
    for folder, subfolders, files in os.walk(docs_dir, followlinks=True):
        subfolders.sort()
        names.append((folder, sorted(files)))
    return names


OUR_FILES_HANDLER = "BulletinSite.on_files"  # bulletin_hooks.py's: it moves no file it is handed


def _listing_names(files: Any, names: list[tuple[str, list[str]]], config: Any) -> bool:
    """Whether `files` (get_files' answer) is what MkDocs makes of `names` (a walk after it): every
    name listed but those it leaves out for a file of the same address (a README.md beside an
    index.md), and nothing else. A save that deletes a file and writes it again can make
    get_files miss it between two walks that both find it."""
    from mkdocs.structure.files import File

    listed = files.src_uris
    walked = {PurePath(os.path.join(os.path.relpath(folder, config.docs_dir), name)).as_posix()
              for folder, found in names for name in found}
    if not set(listed) <= walked:
        return False
    addresses = {file.dest_uri for file in listed.values()}
    return all(File(path, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri in addresses
               for path in walked if path not in listed)


def _files_left_where_listed(config: Any) -> bool:
    """No handler of the files event but ours: a plugin's could give a listed `File` another address
    after its copy's was worked out (MkDocs works it out when first asked, after the event)."""
    handlers = config.plugins.events.get("files", []) if hasattr(config.plugins, "events") else []
    return all(getattr(handler, "__qualname__", None) == OUR_FILES_HANDLER for handler in handlers)


def list_docs_files_once() -> bool:
    """MkDocs' `get_files`, in a serving process: a full build walks the docs folder and keeps
    copies of the files it made, each with its addresses (`dest_uri`, `url`, both absolute paths)
    worked out; a build with `LISTED_FILES.reuse` (a quick preview) walks the folder for its names
    only and, when they are the names the full build's listing was made of, under the same
    settings, takes fresh copies of its files instead of making 2,000 `File`s again (their paths
    parsed, their addresses joined: a tenth of a narrative's preview at 2,000 reports). A `File`
    is made from its name and those settings alone, so the copies are what MkDocs would make. Left
    to MkDocs: a listing that does not match a walk of the folder after it (the folder changed
    while MkDocs walked it), and a project with another handler of the files event. MkDocs' warning
    about a README.md left out beside an index.md is logged by full builds only."""
    import mkdocs.commands.build as build
    from mkdocs.structure.files import Files

    if getattr(build.get_files, "bulletin_kept", False):
        return True
    if not guarded("mkdocs", "listing the docs folder once while previewing"):
        return False
    get_files = build.get_files

    def get_kept_files(config: Any) -> Files:
        key = _docs_listing_key(config)
        kept = LISTED_FILES.docs
        if LISTED_FILES.reuse and kept is not None and kept[0] == key and kept[1] == _docs_names(config.docs_dir) \
                and _files_left_where_listed(config):
            return Files([_copy_file(file) for file in kept[2]])
        files = get_files(config)
        names = _docs_names(config.docs_dir)
        if not _listing_names(files, names, config):
            LISTED_FILES.docs = None
            return files
        originals = [_copy_file(file) for file in files]
        for file in originals:  # cached properties: kept in each copy's __dict__
            try:
                file.dest_uri, file.url, file.abs_src_path, file.abs_dest_path  # noqa: B018
            except UnicodeError:  # a name in other bytes, which on_files refuses before MkDocs asks
                pass
        LISTED_FILES.docs = (key, names, originals)
        return files

    get_kept_files.bulletin_kept = True  # type: ignore[attr-defined]
    build.get_files = get_kept_files
    return True


# --- MkDocs' files and pages: a path looked up as written, the build's date read once ---------

def find_files_by_their_own_paths() -> bool:
    """MkDocs' `Files.get_file_from_path`, in a serving process, looks the path up as it is
    given first: MkDocs normalises it before every lookup (a PurePath made and printed), once per
    navigation entry, 2,400 times per build at 2,000 reports, and a path that is already a key
    (a `src_uri`, which MkDocs makes normal) is its own normal form. Any other path goes the
    normal way."""
    from mkdocs.structure.files import Files

    if getattr(Files.get_file_from_path, "bulletin_direct", False):
        return True
    if not guarded("mkdocs", "looking files up by their own paths while previewing"):
        return False
    get_file_from_path = Files.get_file_from_path

    def get_file_from_own_path(self: Files, path: str) -> Any:
        found = self.src_uris.get(path)
        return found if found is not None else get_file_from_path(self, path)

    get_file_from_own_path.bulletin_direct = True  # type: ignore[attr-defined]
    Files.get_file_from_path = get_file_from_own_path  # type: ignore[method-assign]
    return True


class BuildDate:
    """The date MkDocs gives each page of this build, once read (`starting_build` forgets it)."""

    def __init__(self) -> None:
        self.value: str | None = None


BUILD_DATE = BuildDate()


def date_pages_once_per_build() -> bool:
    """MkDocs dates every `Page` it makes (`update_date`, which neither Material's templates nor
    ours print) by reading the SOURCE_DATE_EPOCH variable and formatting the clock, 2,400 times
    per build at 2,000 reports; in a serving process each page takes the date the build's first
    page was given (a build that runs across midnight dates all its pages with the day it began)."""
    import mkdocs.structure.pages as pages

    if getattr(pages.get_build_date, "bulletin_once", False):
        return True
    if not guarded("mkdocs", "reading the build's date once while previewing"):
        return False
    get_build_date = pages.get_build_date

    def build_date_read_once() -> str:
        if BUILD_DATE.value is None:
            BUILD_DATE.value = get_build_date()
        return BUILD_DATE.value

    build_date_read_once.bulletin_once = True  # type: ignore[attr-defined]
    pages.get_build_date = build_date_read_once
    return True


def starting_build(quick: bool) -> None:
    """Told by each build of a serving process, in on_config: a quick preview (`quick`) may take
    the last full build's listings; every build reads its date afresh."""
    LISTED_FILES.reuse = quick
    BUILD_DATE.value = None


# --- MkDocs' pages: canonical addresses joined as strings where that is what urljoin does ------

_PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_~%-]+/)*[A-Za-z0-9_~%-]*")  # no dot segment, no empty one, relative


def _plain_base(base: str) -> str | None:
    """The path of a site address urljoin only appends a plain path to; None for any other."""
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query and not parts.fragment \
            and parts.path.startswith("/") and _PLAIN_PATH.fullmatch(parts.path[1:]) and base.endswith("/"):
        return parts.path
    return None


def join_canonical_urls() -> bool:
    """MkDocs' `Page._set_canonical_url`, in a serving process: `base + url` when both are plain
    (what urljoin makes of them, tests/unit/test_patches.py compares), urljoin otherwise."""
    from mkdocs.structure.pages import Page

    if getattr(Page._set_canonical_url, "bulletin_joined", False):
        return True
    if not guarded("mkdocs", "joining canonical addresses as strings while previewing"):
        return False
    set_canonical_url = Page._set_canonical_url
    bases: dict[str, str | None] = {}

    def set_joined_canonical_url(self: Page, base: str | None) -> None:
        if base:
            base = base if base.endswith("/") else base + "/"
            if base not in bases:
                bases[base] = _plain_base(base)
            path, url = bases[base], self.url
            if path is not None and _PLAIN_PATH.fullmatch(url):
                self.canonical_url, self.abs_url = base + url, path + url
                return
        set_canonical_url(self, base)

    set_joined_canonical_url.bulletin_joined = True  # type: ignore[attr-defined]
    Page._set_canonical_url = set_joined_canonical_url  # type: ignore[method-assign]
    return True


# --- MkDocs' pages: one Markdown converter per build, reset between pages ---------------------

# Extensions whose state Markdown.reset() clears or that keep none: Python-Markdown's documented
# way to convert many texts with one converter. Any other configured extension (a plugin's, the
# project's own) leaves MkDocs' one converter per page in place.
REUSABLE_EXTENSIONS = frozenset({"admonition", "attr_list", "fenced_code", "md_in_html", "tables", "toc"})
REUSABLE_EXTENSION_TYPES = frozenset({"bulletin.heading_record.HeadingRecorder"})


def _reusable(extension: Any) -> bool:
    if isinstance(extension, str):
        return extension.removeprefix("markdown.extensions.") in REUSABLE_EXTENSIONS
    kind = type(extension)
    return f"{kind.__module__}.{kind.__qualname__}" in REUSABLE_EXTENSION_TYPES


class MarkdownPerBuild:
    """MkDocs' `Page.render` with one `markdown.Markdown` for every page of a build, reset before
    each, instead of a new one per page: making one (its extensions, their processors, toc's
    settings) is 0.3 ms, 0.7 s of a 2,000-report build. The page's own processors (its links,
    anchors, title) are MkDocs' classes, registered for each page under their names, which
    replaces the last page's."""

    def __init__(self, config: Any) -> None:
        self._config = config
        self._md: Any = None

    def render(self, page: Any, config: Any, files: Any) -> None:
        if config is not self._config:  # another build's config (a test, a second build): MkDocs' own
            return _MKDOCS_RENDER[0](page, config, files)
        import markdown
        from mkdocs.structure import pages

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
            skip_text_no_inline_pattern_can_match(self._md)
        md = self._md.reset()
        raw_html_ext = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
        page.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors


_MKDOCS_RENDER: list[Callable[..., None]] = []  # MkDocs' own Page.render, once replaced


# Python-Markdown's inline patterns with the extensions above (none adds one), and what each needs
# in a text to match there: backtick and escape a backslash or a backtick, the links and images
# `[`, autolink, automail and html `<`, entity `&`, em_strong `*` or `_`, linebreak two spaces
# before a line's end. tests/unit/test_patches.py tries every pattern on texts without them.
INLINE_PATTERNS = {"backtick": "BacktickInlineProcessor", "escape": "EscapeInlineProcessor",
                   "reference": "ReferenceInlineProcessor", "link": "LinkInlineProcessor",
                   "image_link": "ImageInlineProcessor", "image_reference": "ImageReferenceInlineProcessor",
                   "short_reference": "ShortReferenceInlineProcessor",
                   "short_image_ref": "ShortImageReferenceInlineProcessor", "autolink": "AutolinkInlineProcessor",
                   "automail": "AutomailInlineProcessor", "linebreak": "SubstituteTagInlineProcessor",
                   "html": "HtmlInlineProcessor", "entity": "HtmlInlineProcessor", "em_strong": "DelimiterProcessor"}
INLINE_PATTERNS_NEED = re.compile(r"[\\`\[<&*_]|  \n")


def _inline_patterns(md: Any) -> dict[str, tuple[str, str]]:
    """Each inline pattern's class and expression (an added delimiter changes em_strong's)."""
    patterns = md.inlinePatterns
    return {name: (type(patterns[name]).__name__, patterns[name].getCompiledRegExp().pattern) for name in patterns._data}


@functools.cache  # one converter made per process, to compare every build's with
def _shipped_inline_patterns() -> dict[str, tuple[str, str]]:
    """Python-Markdown's own inline patterns, as a converter without extensions has them, when
    they are the ones `INLINE_PATTERNS` names; else nothing any converter has."""
    import markdown

    shipped = _inline_patterns(markdown.Markdown())
    named = {name: kind for name, (kind, _) in shipped.items()} == INLINE_PATTERNS
    return shipped if named else {"": ("", "")}


def skip_text_no_inline_pattern_can_match(md: Any) -> bool:
    """`md`'s inline processor leaves a text in which no inline pattern can match as it is, without
    trying each pattern on it in turn (what it would make of it: the same text). A narrative's
    paragraphs are mostly such texts, Chinese without marks: a third of Python-Markdown's time on
    them. Only with Python-Markdown's own patterns, each of the class `INLINE_PATTERNS` names and
    with the expression a converter without extensions has, on the pinned version."""
    if _inline_patterns(md) != _shipped_inline_patterns() or \
            "inline" not in md.treeprocessors or not guarded("markdown", "skipping texts no inline pattern matches"):
        return False
    inline = md.treeprocessors["inline"]
    handle_inline = inline._InlineProcessor__handleInline
    needed = INLINE_PATTERNS_NEED.search

    def handle_inline_where_one_can_match(data: str, patternIndex: int = 0) -> str:  # noqa: N803 (its name)
        if type(data) is str and needed(data) is None:
            return data
        return handle_inline(data, patternIndex)

    inline._InlineProcessor__handleInline = handle_inline_where_one_can_match
    return True


def markdown_per_build(config: Any) -> bool:
    """Pages of the build of `config` rendered by a `MarkdownPerBuild`; MkDocs' own way when an
    extension is not known to be reusable, or under another MkDocs version or ProperDocs."""
    from mkdocs.structure.pages import Page

    if not _MKDOCS_RENDER:
        _MKDOCS_RENDER.append(Page.render)
    if not all(map(_reusable, config["markdown_extensions"])) or installed("mkdocs") is None or \
            not guarded("mkdocs", "one Markdown converter per build"):  # ProperDocs renders a little otherwise
        Page.render = _MKDOCS_RENDER[0]  # type: ignore[method-assign]
        return False
    per_build = MarkdownPerBuild(config)

    def render(page: Any, config: Any, files: Any) -> None:
        per_build.render(page, config, files)

    Page.render = render  # type: ignore[method-assign, assignment]
    return True


# --- MkDocs' live reload: saves reported by the system, the poll kept as a backstop ----------

BACKSTOP_SECONDS = 1.0  # the poll's interval while the system reports saves


class SaveWatching:
    """How a serving process watches for saves, set by each on_startup (one per process)."""

    def __init__(self) -> None:
        self.fallback_seconds: float | None = None  # without the system's events; None: MkDocs' own
        self.build_delay: float | None = None  # MkDocs' wait for a save's last event; None: its own


SAVE_WATCHING = SaveWatching()


def see_saves_at_once(fallback_seconds: float | None, build_delay: float | None) -> bool:
    """MkDocs' LiveReloadServer, in a serving process, watches through `SavesSeenAtOnce`
    (bulletin_saves_seen.py): the system's file events first, its own polling observer a backstop.

    MkDocs waits `build_delay` after a save's last event before it builds: a save is a few events
    within a millisecond or two (a rename, a write, a close), so a twentieth of a second covers it."""
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    SAVE_WATCHING.fallback_seconds, SAVE_WATCHING.build_delay = fallback_seconds, build_delay
    if getattr(LiveReloadServer.__init__, "bulletin_saves_seen", False):
        return True
    if not (guarded("watchdog", "seeing saved files through the system's file events") and
            guarded("mkdocs", "seeing saved files through the system's file events")):
        return False
    made = LiveReloadServer.__init__

    def init_seeing_saves_at_once(self: LiveReloadServer, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        watching = SAVE_WATCHING
        if watching.build_delay is not None:
            self.build_delay = watching.build_delay
        fallback = watching.fallback_seconds or self.observer._timeout  # MkDocs' own interval
        system = None
        if watchdog.observers.Observer is not PollingObserver:  # a platform without file events
            try:
                system = watchdog.observers.Observer()
            except OSError as error:  # e.g. too many inotify instances of this user
                log.info("The system's file events are not available (%s).", error)
        if system is None:
            set_poll_interval(self.observer, fallback)
            return
        self.observer = SavesSeenAtOnce(self.observer, system, BACKSTOP_SECONDS, fallback)  # type: ignore[assignment]

    init_seeing_saves_at_once.bulletin_saves_seen = True  # type: ignore[attr-defined]
    LiveReloadServer.__init__ = init_seeing_saves_at_once  # type: ignore[method-assign]
    return True
