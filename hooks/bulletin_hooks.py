"""MkDocs hooks for the union bulletin: thin wiring of the `bulletin` core into MkDocs events.

Per-build state is made in `on_config`, never at import: `mkdocs serve` keeps this module
loaded between rebuilds, and each rebuild must read the data afresh.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bulletin.asset_names import hashed_name
from bulletin.fragments import Fragments
from bulletin.freshness import Freshness, freshness, page_inputs
from bulletin.inert_titles import inert_title, site_texts_problems
from bulletin.input_files import page_source
from bulletin.language import Localise, localise_problem, localiser
from bulletin.loading import load_archive
from bulletin.preview import problems_box, problems_for
from bulletin.privacy import contain_leaks, private_values, scan_site
from bulletin.quick_preview import Snapshot, quick_update, snapshot
from bulletin.problems import Problem
from bulletin.search_terms import add_figures_field
from bulletin.search_scripts import BOTH_WAYS, add_other_script_field, cut_through_simplified, to_simplified
from bulletin import inline_scripts, sanitize
from bulletin.search_worker import use_wrapper
from bulletin.segmentation import SegmentCache
from bulletin.publication import Publication, publish
from bulletin.settings import read_settings
from bulletin.site_rules import clashes, hand_kept_nav
from bulletin.urls import HOME
import jinja2
import jinja2.bccache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# Under the `mkdocs` logger, so `mkdocs build --strict` counts these messages.
log = logging.getLogger("mkdocs.hooks.bulletin")


@dataclass
class _Build:
    publication: Publication
    fragments: Fragments                                 # tables and charts, put back after Markdown
    assets: dict[str, bytes] = field(default_factory=dict)  # our CSS/JS under content-hashed names
    docs: str = "docs"                                   # docs_dir as problems name it
    problems: list[Problem] = field(default_factory=list)  # shown on pages while previewing
    handwritten: set[str] = field(default_factory=set)  # generated pages an editor wrote an intro for
    # A quick preview rebuild (see quick_preview.py): the docs paths to write again; None: all.
    modified: set[str] | None = None
    written: list[Path] = field(default_factory=list)  # outputs of this build, for the privacy scan
    search_index: bytes | None = None  # the full build's index with our figures field, for quick ones
    refused: set[str] = field(default_factory=set)  # docs files never to be opened (pipes, links out …)
    dates: Freshness | None = None  # when each input last changed, and the build's day (freshness.py)


_build: _Build | None = None
_previewing = False  # set by on_startup: `mkdocs serve` shows mistakes on the page instead of stopping
_dirty = False  # `mkdocs serve --dirty`: a save rebuilds only what it affects
_inputs: Snapshot | None = None  # the input files as the last build read them
_say: Localise = str  # messages in the site's language (Simplified sites convert); set by on_config
_segments: SegmentCache | None = None  # Chinese word breaks for search, kept between builds


class _JiebaThroughCache:
    """Stands in for `jieba` inside Material's search plugin: `cut` answers from the cache."""

    def __init__(self, real, cache: SegmentCache) -> None:
        self._real, self.cache = real, cache

    def cut(self, value, *args, **kwargs):
        return self.cache.words(value.decode("utf-8") if isinstance(value, bytes) else value)

    def __getattr__(self, name):
        return getattr(self._real, name)


def _cache_word_breaks(config) -> None:
    """Route Material's jieba calls through the segment cache (once; rebuilds reuse it)."""
    global _segments
    search = next((p for p in config.plugins.values() if type(p).__module__ == "material.plugins.search.plugin"),
                  None)
    module = sys.modules.get("material.plugins.search.plugin")
    if search is None or module is None or module.jieba is None:
        return  # no Chinese segmentation to speed up
    if isinstance(module.jieba, _JiebaThroughCache):
        module.jieba.cache.start_build()
        return
    real = module.jieba
    identity = (f"jieba {real.__version__}; dict {search.config.get('jieba_dict')}; "
                f"user {search.config.get('jieba_dict_user')}")
    path = _project_dir(config) / ".cache" / "bulletin" / "search-words.json"
    # Cut where the Simplified form is cut: jieba's dictionary is Simplified (search_scripts.py).
    _segments = SegmentCache(path, lambda: lambda text: cut_through_simplified(text, real.cut, to_simplified),
                             identity + "; cut through Simplified")
    module.jieba = _JiebaThroughCache(real, _segments)


def on_startup(command, dirty):
    global _previewing, _dirty
    _previewing = command == "serve"
    _dirty = dirty
    if _previewing:
        _keep_compiled_templates()


def _project_dir(config) -> Path:
    return Path(config.config_file_path).absolute().parent


def _abort_on(problems: list[Problem], what: str, path: bool = False) -> None:
    """Log every problem and stop. `what` is a label in our words, or with `path` a file as typed."""
    if problems:
        for problem in problems:
            log.error(localise_problem(problem, _say))
        raise PluginError((what if path else _say(what)) + _say(f"：{len(problems)} 個問題；請更正後再建置。"))


def on_config(config):
    global _build, _say, _inputs
    language = config.theme["language"] or "zh-Hant"
    _say = localiser(language)
    _our_theme_templates(config)
    _site_texts_in_language(config)
    _cache_word_breaks(config)
    config_file = Path(config.config_file_path)
    if _previewing and _dirty:
        now = snapshot(_project_dir(config), Path(config.docs_dir), config_file)
        if _build is not None and _inputs is not None and _quick_rebuild(config, now):
            _inputs = now
            return config
        _inputs = None  # set again once this full build has made a new archive
        gc.unfreeze()  # the last full build's heap, frozen in on_post_build, may be collected again
    problems: list[Problem] = []
    source = config_file.read_text(encoding="utf-8-sig")
    settings = read_settings(config.extra.get("bulletin"), config_file.name, problems, source)
    problems += site_texts_problems(config, config_file.name, source)
    problems += hand_kept_nav(config.nav is not None, config_file.name, source)
    result = load_archive(_project_dir(config), Path(config.docs_dir), settings)
    problems += result.problems
    if not _previewing:
        _abort_on(problems, "檔案庫")
    for problem in problems:
        log.warning(localise_problem(problem, _say))
    docs = Path(os.path.relpath(config.docs_dir, _project_dir(config))).as_posix()
    fragments = Fragments()
    publication = publish(result.archive, config.use_directory_urls, config.site_name, language, fragments.stash)
    _build = _Build(publication, fragments, _hash_asset_names(config), docs, problems,
                    refused={os.path.normpath(path) for path in result.refused},
                    dates=freshness(_project_dir(config)))
    if _previewing and _dirty:
        _inputs = now
    return config


THEME_TEMPLATES = Path(__file__).parent / "theme"


def _our_theme_templates(config) -> None:
    """Our few theme templates (hooks/theme/: the 404 page, corrected interface texts) before
    Material's own, so every project using these hooks gets them without a custom_dir, and a
    footer without Material's English credit line unless mkdocs.yml asks for it."""
    if str(THEME_TEMPLATES) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME_TEMPLATES))
    config.extra.setdefault("generator", False)  # no English "Made with Material for MkDocs"


def _site_texts_in_language(config) -> None:
    """The site's own texts in mkdocs.yml (name, description, footer line, palette switch labels)
    converted like our labels on a Simplified site; a Traditional one keeps them as typed."""
    for name in ("site_name", "site_description", "copyright"):
        if isinstance(config.get(name), str):
            config[name] = _say(config[name])
    palette = config.theme.get("palette")
    for scheme in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = _say(toggle["name"])


def _quick_rebuild(config, now: Snapshot) -> bool:
    """Apply a few saved files to the kept archive; False when a full build is needed."""
    update = quick_update(_inputs, now, _project_dir(config), _build.publication, _build.problems)
    if update is None:
        return False
    _build.modified = update.pages
    _build.dates = freshness(_project_dir(config))  # two quick git calls: a saved file is dated afresh
    _build.assets = _hash_asset_names(config)
    _build.written = []
    # The 404 page and the sitemap list the whole site; they stay as the last full build wrote them.
    config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
    for problem in _build.problems:
        log.warning(localise_problem(problem, _say))
    return True


def _hash_asset_names(config) -> dict[str, bytes]:
    """Point extra_css / extra_javascript at content-hashed copies (see asset_names.py)."""
    docs, published = Path(config.docs_dir), {}

    def hashed(path: str) -> str:
        source = docs / path
        if "://" in path or not source.is_file():
            return path
        content = source.read_bytes()
        name = hashed_name(path, content)
        published[name] = content
        return name

    config.extra_css = [hashed(path) for path in config.extra_css]
    for script in config.extra_javascript:
        if isinstance(script, str):
            continue
        script.path = hashed(script.path)
    config.extra_javascript = [hashed(s) if isinstance(s, str) else s for s in config.extra_javascript]
    return published


def on_files(files, config):
    publication = _build.publication
    if _build.refused:  # previewing (a build stopped at on_config): MkDocs must not open them either
        for file in [f for f in files if _is_refused(f.abs_src_path)]:
            files.remove(file)
    handwritten = [f.src_uri for f in files]
    generated = []
    for src_uri in publication.bodies:
        if files.get_file_from_path(src_uri) is None:
            generated.append(File.generated(config, src_uri, content=publication.generated_markdown(src_uri)))
        else:
            _build.handwritten.add(src_uri)  # an editor's intro: our content goes after it
    for src_uri, data in [*publication.downloads.items(), *_build.assets.items()]:
        if _build.modified is not None and src_uri not in _build.modified and src_uri.endswith(".csv"):
            continue  # a quick preview: unchanged CSV files are on disk already, and nothing rebuilt links them
        generated.append(File.generated(config, src_uri, content=data))
    _abort_on(clashes(handwritten, [f.src_uri for f in generated], _build.docs, config.use_directory_urls), "docs")
    for file in generated:
        files.append(file)
    if _build.modified is None and _dirty:
        # A full rebuild under `serve --dirty`: MkDocs would skip every page whose own file did
        # not change, but a renamed unit or a new report changes them all.
        for file in files.documentation_pages():
            file.is_modified = _yes
    if _build.modified is not None:  # a quick preview: MkDocs writes only what the saved files affect
        for file in files:
            if file.src_uri in _build.modified:
                file.is_modified = _yes
                _build.written.append(Path(file.abs_dest_path))
            elif file.generated_by is not None or publication.archive.report_for_page(file.src_uri):
                file.is_modified = _no
    generated_or_reports = set(publication.bodies) | {r.page_path for r in publication.archive.reports.values()}
    others = [f.src_uri for f in files.documentation_pages() if f.src_uri not in generated_or_reports]
    config.nav = publication.nav(sorted(others))
    return files


def _is_refused(path: str | None) -> bool:
    """A pipe, a link out of the project, a name not UTF-8, a page too large, or inside such a folder."""
    if path is None:
        return False
    path = os.path.normpath(path)
    return path in _build.refused or any(path.startswith(folder + os.sep) for folder in _build.refused)


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


# How often `mkdocs serve` looks for saved files. MkDocs polls every 0.5 s; with a quick preview
# that wait was half of the time from a save to the page, and a poll of a few thousand files
# takes a few milliseconds.
POLL_SECONDS = 0.1


def on_serve(server, config, builder):
    # Record files live outside docs/, so MkDocs would not rebuild when they change.
    server.watch(str(_project_dir(config) / "data"))
    if _dirty:
        try:  # watchdog's polling interval is not public; if it moves, previews are just slower
            server.build_delay = POLL_SECONDS / 2  # MkDocs waits 0.1 s for more saves to follow
            server.observer._timeout = POLL_SECONDS
            for emitter in server.observer.emitters:
                emitter._timeout = POLL_SECONDS
        except AttributeError:
            pass
    return server


def on_page_read_source(page, config):
    """While previewing, pages are read as the core reads files: MkDocs would stop the rebuild
    on a page deleted since this build listed it (a period folder removed), one not in UTF-8
    (its problem is in the box already) or one turned into a pipe. A build reads them itself;
    it has stopped on any such problem before it gets here."""
    if not _previewing or page.file.generated_by is not None or page.file.abs_src_path is None:
        return None
    return page_source(Path(page.file.abs_src_path), f"{_build.docs}/{page.file.src_uri}", [])


def on_page_markdown(markdown, page, config, files):
    problems: list[Problem] = []
    src_uri = page.file.src_uri
    expanded = _build.publication.page_markdown(src_uri, markdown, src_uri in _build.handwritten, problems)
    if _build.modified is not None:
        # A quick preview leaves the search index as the last full build wrote it: indexing these
        # long pages again would cost more than the rest of the rebuild.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if not _previewing:
        _abort_on(problems, src_uri, path=True)
    if _build.problems:
        report = _build.publication.archive.report_for_page(src_uri)
        own = {f"{_build.docs}/{src_uri}"} | ({report.data_path} if report else set())
        shown = _build.problems if src_uri == HOME else problems_for(_build.problems, own)
        expanded = _after_title(expanded, problems_box(shown, _say))
    return expanded


class _TemplatesInMemory(jinja2.BytecodeCache):
    """Compiled theme templates kept between the rebuilds of `mkdocs serve`.

    Every rebuild makes a new Jinja environment and compiles Material's templates again, which
    is most of a quick preview's time. Jinja keys each entry by the template's name and a
    checksum of its source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_templates = _TemplatesInMemory()


def _keep_compiled_templates() -> None:
    """Every Jinja environment MkDocs makes while serving (one per rebuild, and the ones plugins
    make for translations) shares `_templates`. Done once, in the serving process only."""
    from mkdocs.theme import Theme

    if getattr(Theme.get_env, "bulletin_cached", False):
        return
    get_env = Theme.get_env

    def get_env_sharing_compiled_templates(self):
        env = get_env(self)
        env.bytecode_cache = _templates
        return env

    get_env_sharing_compiled_templates.bulletin_cached = True
    Theme.get_env = get_env_sharing_compiled_templates


def on_page_content(html, page, config, files):
    # Before any template runs: the theme decodes titles into markup (see inert_titles.py).
    if "title" in page.meta or not page.is_homepage:
        page.meta["title"] = inert_title(page.title or "")
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = inert_title(page.meta["description"])
    # Editors' HTML through the allowlist before our tables and charts come back (sanitize.py);
    # a generated page's editor content (a print page's narratives) is reported on its own page.
    cleaned = sanitize.clean(html, report=page.file.generated_by is None)
    source = f"{_build.docs}/{page.file.src_uri}"
    for problem in sanitize.problems(cleaned.removed, source, Path(page.file.abs_src_path) if cleaned.removed else None):
        log.warning(localise_problem(problem, _say))  # a warning: the page is safe already; --strict still stops
    return _build.fragments.restore(cleaned.html)


def on_post_page(output, page, config):
    output = _with_dates(output, page.file.src_uri)
    return _scripts_to_files(output, inline_scripts.root_of(page.file.dest_uri), config)


def _with_dates(output: str, src_uri: str) -> str:
    """「資料更新：…　網站建置：…」 small at the foot of the article. Added to the finished page,
    after the search plugin has read it, so no search finds every page by these words."""
    if _build.dates is None:
        return output
    inputs = page_inputs(_build.publication.archive, src_uri, _build.docs)
    line = _build.publication.localise(_build.dates.line(inputs))
    head, found, tail = output.rpartition("</article>")
    if not found:
        return output
    return f'{head}<p class="bulletin-freshness"><small>{line}</small></p>\n{found}{tail}'


def on_post_template(output, template_name, config):
    return _scripts_to_files(output, inline_scripts.root_of_error_page(config.site_url), config) \
        if template_name.endswith(".html") else output


def _scripts_to_files(output: str, root: str, config) -> str:
    """Material's inline scripts as files, so the CSP needs only 'self' (inline_scripts.py)."""
    output = use_wrapper(output, Path(config.site_dir))  # whole phrases first, both scripts (search_worker.py)
    output, scripts = inline_scripts.move_out(output, root)
    inline_scripts.write(Path(config.site_dir), scripts)
    return output


def _after_title(markdown: str, box: str) -> str:
    """The box goes under the page's title, where the editor looks first."""
    if not box:
        return markdown
    first, newline, rest = markdown.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{box}{rest}"
    return box + markdown


def on_post_build(config):
    # Runs after the search plugin wrote its index (hooks come after plugins).
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if _build.modified is not None and _build.search_index is not None:
        index_path.write_bytes(_build.search_index)  # unchanged since the full build (see on_page_markdown)
    elif index_path.is_file():
        index = add_other_script_field(add_figures_field(json.loads(index_path.read_text(encoding="utf-8"))),
                                       BOTH_WAYS)
        _build.search_index = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        index_path.write_bytes(_build.search_index)
    if _segments is not None and _build.modified is None:
        _segments.save()  # a quick preview indexes nothing: the cache stays as the full build left it
    if _previewing and _dirty and _build.modified is None:
        # The kept archive is large and long-lived: let the collector stop walking it after each
        # quick rebuild (a full collection of it took a few hundred ms at 500 reports).
        gc.freeze()
    site = Path(config.site_dir)
    only = None if _build.modified is None else [*_build.written, index_path]
    values = private_values(_build.publication.archive)
    scan = scan_site(site, values, only, also=[_project_dir(config) / ".cache"])
    contain_leaks(scan, values, _previewing)
    if index_path in scan.leaking and index_path.is_file():
        _build.search_index = index_path.read_bytes()  # masked: quick previews write it back as it is now
    if scan.problems and _previewing:
        for leak in scan.problems:
            log.warning(localise_problem(leak, _say))
    else:
        _abort_on(scan.problems, "建置好的網站（私人資料）")
