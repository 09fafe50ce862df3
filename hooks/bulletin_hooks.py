"""MkDocs hooks for the union bulletin: thin wiring of the `bulletin` core into MkDocs events.

One adapter object, `BulletinSite`, receives every event. What lasts for the whole process (are
we previewing, the input files as the last build read them, the last full build for quick
previews) is its `Session`; what belongs to one build (the archive's publication, the HTML
fragments, the problems, the files written) is a `Build` made afresh in every `on_config`, so
nothing grows through a long `mkdocs serve`. Which build it is, full or a quick preview, is the
explicit `BuildMode`. Changes to other packages' internals live in bulletin_patches.py.
"""

from __future__ import annotations

import enum
import gc
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from bulletin.asset_names import hashed_copy
from bulletin.site_downloads import write_downloads
from bulletin.fragments import Fragments, without_search_marks
from bulletin.freshness import BuildDateError, Freshness, freshness, page_inputs
from bulletin.heading_record import HeadingRecorder
from bulletin.inert_titles import inert_title, site_texts_problems
from bulletin.input_files import page_source
from bulletin.language import Localise, localise_problem, localiser
from bulletin.loading import load_archive
from bulletin.preview import problems_box, problems_for
from bulletin.print_pages import PrintPages
from bulletin.scan_beside import ScanBeside
from bulletin.site_scan import contain_leaks, scan_site
from bulletin.quick_preview import CheckedNames, PrivateValues, Snapshot, needs_scan, quick_update, snapshot
from bulletin.problems import Problem
from bulletin.search_scripts import cut_through_simplified, to_simplified
from bulletin.after_build import with_freshness_line
from bulletin.index_fields import with_search_fields
from bulletin.index_file import write_index
from bulletin.large_blocks import return_large_blocks
from bulletin import inline_scripts, sanitize
from bulletin.search_worker import use_wrapper
from bulletin.segmentation import SegmentCache
from bulletin.publication import Publication, publish
from bulletin.settings import read_settings
from bulletin.site_rules import clashes, hand_kept_nav
from bulletin.urls import HOME
import bulletin_patches
from bulletin_search_beside import IndexSentBeside, index_beside, reads_what_content_left
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

# Under the `mkdocs` logger, so `mkdocs build --strict` counts these messages.
log = logging.getLogger("mkdocs.hooks.bulletin")

THEME_TEMPLATES = Path(__file__).parent / "theme"

SEGMENTS_FILE = Path(".cache") / "bulletin" / "search-words.json"  # the search's word breaks (segmentation.py)

# How often `mkdocs serve --dirty` looks for saved files where the system does not report them,
# and how long after a save's last event it rebuilds (bulletin_patches.see_saves_at_once).
POLL_SECONDS = 0.1
BUILD_DELAY_SECONDS = 0.05


class BuildMode(enum.Enum):
    FULL = "full"            # the archive loaded and every page written
    QUICK_PREVIEW = "quick"  # `serve --dirty`: saved files applied to the kept archive (quick_preview.py)


@dataclass
class Build:
    """One build's state, made in on_config and dropped with the next."""

    mode: BuildMode
    publication: Publication
    fragments: Fragments                                 # tables and charts, put back after Markdown
    docs: str = "docs"                                   # docs_dir as problems name it
    assets: dict[str, bytes] = field(default_factory=dict)  # our CSS/JS under content-hashed names
    problems: list[Problem] = field(default_factory=list)  # shown on pages while previewing
    handwritten: set[str] = field(default_factory=set)  # generated pages an editor wrote an intro for
    modified: set[str] = field(default_factory=set)     # a quick preview's docs paths to write again
    written: list[Path] = field(default_factory=list)   # a quick preview's outputs, for the privacy scan
    refused: set[str] = field(default_factory=set)      # docs files never to be opened (pipes, links out …)
    dates: Freshness | None = None  # when each input last changed, and the build's day (freshness.py)
    whole_pages: dict[str, str] = field(default_factory=dict)  # a page's HTML, blocks held back, until its template
    scripts: set[str] = field(default_factory=set)  # inline scripts written as files: each page shares most
    private: PrivateValues | None = None  # the archive's private values, kept for the quick previews after
    beside: ScanBeside | None = None  # a full build's privacy scan, in a process of its own (scan_beside.py)
    last_page: tuple[str, str] | None = None  # the page on_post_page saw last: written once the next comes
    printing: PrintPages | None = None  # a full build's print pages, made from its report pages (print_pages.py)
    index_beside: IndexSentBeside | None = None  # the search index made beside, when it is (bulletin_search_beside.py)

    @property
    def quick(self) -> bool:
        return self.mode is BuildMode.QUICK_PREVIEW

    @property
    def search_beside(self) -> bool:
        """Material's search index is made in the process beside (bulletin_search_beside.py)."""
        return self.beside is not None and self.beside.extended


@dataclass
class Session:
    """What lasts between the builds of one `mkdocs build` or `mkdocs serve` process."""

    previewing: bool = False  # `mkdocs serve`: mistakes shown on the page instead of stopping
    dirty: bool = False       # `serve --dirty`: a save rebuilds only what it affects
    say: Localise = str       # messages in the site's language (Simplified sites convert)
    inputs: Snapshot | None = None      # the input files as the last full or quick build read them
    last_full: Build | None = None      # its archive and problems, which a quick preview updates
    search_index: bytes | None = None   # the last full build's index, written back by quick ones
    index_clean_for: frozenset[str] | None = None  # what search_index was scanned for and found without
    # What every download on disk was scanned for, at least: the full build's values, less any a quick
    # preview wrote files without. A quick preview that looks for nothing more leaves a download that
    # already holds its bytes as it is (site_downloads.py).
    downloads_clean_for: frozenset[str] | None = None
    clash_free: CheckedNames = field(default_factory=CheckedNames)  # docs names a build found no clash among
    nav_cached: bool = False            # our copy of Material's nav-item.html is in use (bulletin_patches.py)
    segments: SegmentCache | None = None  # Chinese word breaks for search, kept between builds
    headings: HeadingRecorder = field(default_factory=HeadingRecorder)  # what toc did to each page's headings
    dated: dict[str, str] = field(default_factory=dict)  # `serve --dirty`: each page's date line as last written


class BulletinSite:
    """The adapter: each MkDocs event calls the core and keeps what the next event needs."""

    def __init__(self) -> None:
        self.session = Session()
        self.build: Build | None = None

    @property
    def _build(self) -> Build:
        if self.build is None:  # every event after on_config has one
            raise RuntimeError("the bulletin hooks received an event before on_config")
        return self.build

    def on_startup(self, command, dirty):
        self.session = Session(previewing=command == "serve", dirty=dirty)
        return_large_blocks()  # a year's print page, once freed, is memory given back (bulletin/large_blocks.py)
        if self.session.previewing:
            bulletin_patches.share_compiled_templates()
            bulletin_patches.list_theme_files_once()
            bulletin_patches.list_docs_files_once()
            bulletin_patches.find_files_by_their_own_paths()
            bulletin_patches.date_pages_once_per_build()
            bulletin_patches.join_canonical_urls()
            bulletin_patches.see_saves_at_once(POLL_SECONDS if dirty else None,
                                               BUILD_DELAY_SECONDS if dirty else None)

    def on_config(self, config):
        session = self.session
        language = config.theme["language"] or "zh-Hant"
        session.say = localiser(language)
        _our_theme_templates(config)
        if session.headings not in config.markdown_extensions:  # after toc: it watches toc's work
            config.markdown_extensions.append(session.headings)
        bulletin_patches.markdown_per_build(config)
        session.nav_cached = bulletin_patches.cache_nav_items(config.theme.dirs)
        _site_texts_in_language(config, session.say)
        session.segments = bulletin_patches.route_word_breaks(
            config.plugins, _project_dir(config) / SEGMENTS_FILE,
            # Cut where the Simplified form is cut: jieba's dictionary is Simplified (search_scripts.py).
            lambda real: lambda text: cut_through_simplified(text, real.cut, to_simplified))
        bulletin_patches.strip_search_marks_where_present()
        config_file = Path(config.config_file_path)
        now, quick = None, None
        if session.previewing and session.dirty:
            now = snapshot(_project_dir(config), Path(config.docs_dir), config_file)
            quick = self._quick_build(config, now)
            session.inputs = now if quick is not None else None  # set again once a full build has loaded
        if session.previewing:
            bulletin_patches.starting_build(quick=quick is not None)  # nothing but records and narratives changed
        if quick is not None:
            self.build = quick
            return config
        if session.previewing and session.dirty:
            gc.unfreeze()  # the last full build's heap, frozen in on_post_build, may be collected again
        self.build = self._full_build(config)
        session.inputs = now
        return config

    def _full_build(self, config) -> Build:
        session = self.session
        problems: list[Problem] = []
        config_file = Path(config.config_file_path)
        source = config_file.read_text(encoding="utf-8-sig")
        settings = read_settings(config.extra.get("bulletin"), config_file.name, problems, source)
        problems += site_texts_problems(config, config_file.name, source)
        problems += hand_kept_nav(config.nav is not None, config_file.name, source)
        result = load_archive(_project_dir(config), Path(config.docs_dir), settings)
        problems += result.problems
        if not session.previewing:
            self._abort_on(problems, "檔案庫")
        for problem in problems:
            log.warning(localise_problem(problem, session.say))
        if not session.previewing:
            # A build's archive lasts until its process ends: the cycle collector need not walk its
            # hundreds of thousands of objects again at every collection while pages are made.
            gc.freeze()
        docs = Path(os.path.relpath(config.docs_dir, _project_dir(config))).as_posix()
        fragments = Fragments()
        language = config.theme["language"] or "zh-Hant"
        private = PrivateValues.of(result.archive)
        # Started now, the process beside writes the downloads while the pages are published, staged
        # (scan_beside.py): MkDocs empties the site folder after this event. A dirty build keeps
        # the site as it is, so nothing is written into it before on_files has checked the names.
        beside = None if session.dirty else ScanBeside(Path(config.site_dir), private.values, staged=True)
        try:
            if beside is not None:
                beside.start()
            publication = publish(result.archive, config.use_directory_urls, config.site_name, language,
                                  fragments.stash, previewing=session.previewing and session.dirty,
                                  downloads_made=beside.send_downloads if beside is not None else None)
            if not session.previewing:
                gc.freeze()  # and the publication made from it
            build = Build(BuildMode.FULL, publication, fragments, docs, _hash_asset_names(config), problems,
                          refused={os.path.normpath(path) for path in result.refused},
                          dates=self._freshness(config), private=private, beside=beside,
                          printing=PrintPages(result.archive, config.use_directory_urls))
        except BaseException:  # on_build_error cannot find this build: its process and staged files go here
            if beside is not None:
                beside.stop()
            raise
        session.last_full = build
        return build

    def _quick_build(self, config, now: Snapshot) -> Build | None:
        """The saved files applied to the last full build's archive; None when a full build is needed."""
        last, inputs = self.session.last_full, self.session.inputs
        if last is None or inputs is None:
            return None
        fragments = Fragments()  # this build's pages only: the last one's HTML blocks are not kept
        last.publication.stash = fragments.stash
        update = quick_update(inputs, now, _project_dir(config), last.publication, last.problems, last.private)
        if update is None:
            return None
        last.private = update.private
        dates = self._freshness(config)  # two quick git calls: a saved file is dated afresh
        if self.build is not None and self.build.dates is not None:  # the last build's, saved files apart
            dates.keep_modified(self.build.dates, [p for r in update.reports for p in (r.data_path, r.narrative_path)])
        build = Build(BuildMode.QUICK_PREVIEW, last.publication, fragments, last.docs, _hash_asset_names(config),
                      last.problems, set(last.handwritten), update.pages, refused=last.refused,
                      dates=dates, private=update.private)
        for src_uri in update.same:  # made again as it was: written again only if its date line moves
            if _date_line(build, dates, src_uri) != self.session.dated.get(src_uri):
                build.modified.add(src_uri)
        # The 404 page and the sitemap list the whole site; they stay as the last full build wrote them.
        config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        if self.session.search_index is not None:  # written back in on_post_build: Material need not write it
            bulletin_patches.search_index_not_rewritten(config.plugins)
        for problem in build.problems:
            log.warning(localise_problem(problem, self.session.say))
        return build

    def _freshness(self, config) -> Freshness:
        try:
            return freshness(_project_dir(config))
        except BuildDateError as error:
            raise PluginError(self.session.say(
                f"環境變數 SOURCE_DATE_EPOCH 的值「{error.epoch}」不是可用的日期（應為 1970 年以來的秒數）；"
                "請更正或刪去後再建置。")) from None

    def _abort_on(self, problems: list[Problem], what: str, path: bool = False) -> None:
        """Log every problem and stop. `what` is a label in our words, or with `path` a file as typed."""
        say = self.session.say
        if problems:
            for problem in problems:
                log.error(localise_problem(problem, say))
            raise PluginError((what if path else say(what)) + say(f"：{len(problems)} 個問題；請更正後再建置。"))

    def on_files(self, files, config):
        build = self._build
        publication = build.publication
        if build.refused:  # previewing (a build stopped at on_config): MkDocs must not open them either
            for file in [f for f in files if _is_refused(f.abs_src_path, build.refused)]:
                files.remove(file)
        handwritten = [f.src_uri for f in files]
        generated = []
        for src_uri in publication.bodies:
            if files.get_file_from_path(src_uri) is None:
                generated.append(File.generated(config, src_uri, content=publication.generated_markdown(src_uri)))
            else:
                build.handwritten.add(src_uri)  # an editor's intro: our content goes after it
        for src_uri, data in build.assets.items():
            generated.append(File.generated(config, src_uri, content=data))
        # The downloads are not the generator's files: written into the site once, beside the build
        # (bulletin/scan_beside.py) or, in a quick preview, by on_post_build.
        ours = [f.src_uri for f in generated] + list(publication.downloads)
        unchecked = self.session.clash_free.unchecked(handwritten, ours) if build.quick else ours
        self._abort_on(clashes(handwritten, unchecked, build.docs, config.use_directory_urls), "docs")
        if self.session.dirty:
            self.session.clash_free = CheckedNames(frozenset(handwritten), frozenset(ours))
        for file in generated:
            files.append(file)
        if build.printing is not None:
            _print_pages_first(files, build.printing.pages)
        if not build.quick and self.session.dirty:
            # A full rebuild under `serve --dirty`: MkDocs would skip every page whose own file did
            # not change, but a renamed unit or a new report changes them all.
            for file in files.documentation_pages():
                file.is_modified = _yes
        if build.quick:  # MkDocs writes only what the saved files affect
            for file in files:
                if file.src_uri in build.modified:
                    file.is_modified = _yes
                    build.written.append(Path(file.abs_dest_path))
                elif file.generated_by is not None or publication.archive.report_for_page(file.src_uri):
                    file.is_modified = _no
        generated_or_reports = set(publication.bodies) | {r.page_path for r in publication.archive.reports.values()}
        others = [f.src_uri for f in files.documentation_pages() if f.src_uri not in generated_or_reports]
        config.nav = publication.nav(sorted(others))
        if not build.quick:  # a full build: the site folder is clean by now, or a dirty build's kept
            if build.beside is None:  # a dirty build's: the downloads are written now
                assert build.private is not None  # every full build's, from _full_build
                build.beside = ScanBeside(Path(config.site_dir), build.private.values, publication.downloads)
                build.beside.start()
            build.beside.site_clean()
            segments = self.session.segments
            early = reads_what_content_left(config.plugins, self.on_page_content, self.on_page_context_before_search)
            build.index_beside = index_beside(config.plugins, build.beside, _project_dir(config) / SEGMENTS_FILE,
                                              segments.identity if segments is not None else None,
                                              held=build.fragments.held, early=early)
            if build.index_beside is not None and early:
                log.debug("bulletin: each page goes to the search index beside the build as it is converted")
        if not build.search_beside:  # the index is made here: its text segmented through the cache
            bulletin_patches.segment_through_cache(bulletin_patches.search_plugin_index(config.plugins),
                                                   self.session.segments)
        return files

    def on_serve(self, server, config, builder):
        # Record files live outside docs/, so MkDocs would not rebuild when they change.
        server.watch(str(_project_dir(config) / "data"))
        return server

    def on_page_read_source(self, page, config):
        """While previewing, pages are read as the core reads files: MkDocs would stop the rebuild
        on a page deleted since this build listed it (a period folder removed), one not in UTF-8
        (its problem is in the box already) or one turned into a pipe. A build reads them itself;
        it has stopped on any such problem before it gets here."""
        if not self.session.previewing or page.file.generated_by is not None or page.file.abs_src_path is None:
            return None
        return page_source(Path(page.file.abs_src_path), f"{self._build.docs}/{page.file.src_uri}", [])

    def on_page_markdown(self, markdown, page, config, files):
        build = self._build
        problems: list[Problem] = []
        src_uri = page.file.src_uri
        expanded = build.publication.page_markdown(src_uri, markdown, src_uri in build.handwritten, problems)
        if build.quick:
            # A quick preview leaves the search index as the last full build wrote it: indexing these
            # long pages again would cost more than the rest of the rebuild.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if not self.session.previewing:
            self._abort_on(problems, src_uri, path=True)
        if build.problems:
            report = build.publication.archive.report_for_page(src_uri)
            own = {f"{build.docs}/{src_uri}"} | ({report.data_path} if report else set())
            shown = build.problems if src_uri == HOME else problems_for(build.problems, own)
            expanded = _after_title(expanded, problems_box(shown, self.session.say))
            if report is not None and shown and build.printing is not None:
                build.printing.boxed.add(src_uri)  # its print copy goes without the box
        if not self.session.dirty:  # an archive no quick preview reuses: a report page is expanded once
            build.publication.archive.let_go(src_uri)
        return expanded

    def on_page_content(self, html, page, config, files):
        build = self._build
        headings = self.session.headings.take()  # what toc did to this page's headings, just now
        printing, report = build.printing, build.publication.archive.report_for_page(page.file.src_uri)
        if printing is not None and headings is not None and (report is not None or page.file.src_uri in printing.pages):
            printing.headings[page.file.src_uri] = headings
        # Before any template runs: the theme decodes titles into markup (see inert_titles.py).
        if "title" in page.meta or not page.is_homepage:
            page.meta["title"] = inert_title(page.title or "")
        if isinstance(page.meta.get("description"), str):
            page.meta["description"] = inert_title(page.meta["description"])
        # Editors' HTML through the allowlist before our tables and charts come back (sanitize.py);
        # what a generated page shows of editors' content is reported on their own pages (a print
        # page is filled from the report pages, each reported when it was rendered).
        cleaned = sanitize.clean(html, report=page.file.generated_by is None)
        source = f"{build.docs}/{page.file.src_uri}"
        for problem in sanitize.problems(cleaned.removed, source,
                                         Path(page.file.abs_src_path) if cleaned.removed else None):
            log.warning(localise_problem(problem, self.session.say))  # the page is safe already; --strict stops
        if (page.meta.get("search") or {}).get("exclude"):
            if printing is not None and report is not None and printing.wanted(report):
                printing.keep(report, build.fragments.restore(cleaned.html, change=printing.table_keys(report)))
            return build.fragments.restore(cleaned.html, release=True)
        # MkDocs reads every page before it writes any: until then a page is held with its tables
        # and charts as placeholders, neither whole nor lean (on_page_context_before_search).
        build.whole_pages[page.file.src_uri] = cleaned.html  # the page's own content: no copy
        if build.index_beside is not None:
            page.content = cleaned.html  # what MkDocs sets it to on return
            build.index_beside.send_early(page)
        return cleaned.html

    @event_priority(50)  # before Material's search plugin (priority 0); on_page_context after it
    def on_page_context_before_search(self, context, page, config, nav):
        """Material's search plugin reads the page next: it gets it with tables and charts as their
        bare words (fragments.search_text); the placeholders are kept for the templates. When the
        index is made beside the build, the page goes there with its placeholders and their blocks,
        and is made lean there (bulletin_search_beside.IndexedPage)."""
        build = self._build
        if page.file.src_uri in build.whole_pages and not build.search_beside:
            page.content = build.fragments.restore_for_search(build.whole_pages[page.file.src_uri])
        return context

    def on_page_context(self, context, page, config, nav):
        """After the search plugin: the templates get the whole page, its blocks let go once put back."""
        build = self._build
        placeheld = build.whole_pages.pop(page.file.src_uri, None)
        if build.printing is not None:
            self._print_copy(build.printing, page, placeheld)
        if placeheld is not None:
            # As Material's plugin does to the page it indexed: its data-search-* marks are for it only.
            page.content = without_search_marks(build.fragments.restore(placeheld, release=True))
        return context

    def _print_copy(self, printing: PrintPages, page, placeheld: str | None) -> None:
        """A report page leaves its body, tables in, for its year's print page; a print page is
        made from them (print_pages.py): no narrative is converted by Markdown twice."""
        build, src_uri = self._build, page.file.src_uri
        report = build.publication.archive.report_for_page(src_uri)
        if report is not None and placeheld is not None and printing.wanted(report):
            printing.keep(report, build.fragments.restore(placeheld, change=printing.table_keys(report)))
        elif src_uri in printing.pages:
            def body_of(report):  # a report page MkDocs writes after this print page, or not at all
                placeheld = build.whole_pages.get(report.page_path)
                return None if placeheld is None else build.fragments.restore(placeheld, change=printing.table_keys(report))
            made = printing.make(src_uri, page.content, body_of)
            page.content, page.toc, page.present_anchor_ids = made.html, get_toc(made.toc), made.ids

    def on_post_page(self, output, page, config):
        page.content = None  # written now; nothing reads it again, and 2,000 pages' HTML held was 100s of MB
        build = self._build
        if build.beside is not None:  # the generator writes a page after this event: the last one is written
            if build.last_page is not None:
                build.beside.written(*build.last_page)
            build.last_page = (page.file.abs_dest_path, page.file.dest_uri)
        output = self._with_dates(output, page.file.src_uri)
        return _scripts_to_files(output, inline_scripts.root_of(page.file.dest_uri), config, self._build.scripts)

    def _with_dates(self, output: str, src_uri: str) -> str:
        """「資料更新：…　網站建置：…」 small at the foot of the article. Added to the finished page,
        after the search plugin has read it, so no search finds every page by these words."""
        build = self._build
        if build.dates is None:
            return output
        line = _date_line(build, build.dates, src_uri)
        if self.session.dirty:  # a quick preview that leaves the page as it is compares its new line with this
            self.session.dated[src_uri] = line
        return with_freshness_line(output, line)

    def on_env(self, env, config, files):
        if self.session.nav_cached:
            cache = bulletin_patches.NavCache()  # one per build
            env.globals.update(bulletin_nav_cache=cache.item, bulletin_nav_children=cache.children,
                               bulletin_nav_index=cache.index)
        env.globals["bulletin_interface_texts"] = {}  # Material's texts, each looked up once per build
        return env

    def on_post_template(self, output, template_name, config):
        return _scripts_to_files(output, inline_scripts.root_of_error_page(config.site_url), config, self._build.scripts) \
            if template_name.endswith(".html") else output

    def on_post_build(self, config):
        build, session = self._build, self.session
        # Runs after the search plugin wrote its index (hooks come after plugins).
        index_path = Path(config.site_dir) / "search" / "search_index.json"
        kept = session.search_index if build.quick else None
        if kept is not None:
            index_path.write_bytes(kept)  # unchanged since the full build (see on_page_markdown)
        elif build.search_beside and build.beside is not None:
            # Over the empty one Material wrote, and the word-break cache saved (finish waits for both
            # before it lists .cache/).
            build.beside.extension("write", str(index_path))
        elif index_path.is_file():
            held = bulletin_patches.search_index_held(config.plugins)
            index = with_search_fields(held or json.loads(index_path.read_text(encoding="utf-8")))
            write_index(index, index_path)  # a document at a time: no second copy of it whole
            del index, held
            session.search_index = index_path.read_bytes() if session.previewing and session.dirty else None
        if session.segments is not None and not build.quick and not build.search_beside:
            session.segments.save()  # a quick preview indexes nothing: the cache stays as the full build left it
        if session.previewing and session.dirty and not build.quick:
            # The kept archive is large and long-lived: let the collector stop walking it after each
            # quick rebuild (a full collection of it took a few hundred ms at 500 reports).
            gc.freeze()
        site = Path(config.site_dir)
        private = build.private = build.private or PrivateValues.of(build.publication.archive)
        values, needles = private.values, private.needles
        # A quick preview's index is the bytes found clean before: scanned again only for a value new since.
        index_scanned = kept is None or needs_scan(session.index_clean_for, needles)
        cache = _project_dir(config) / ".cache"
        if build.beside is not None:  # a full build: the downloads were written beside it, the pages scanned
            scan = build.beside.finish(also=[cache])
            search_failure = build.beside.extension_failure
            if build.search_beside and search_failure is None and session.previewing and session.dirty:
                session.search_index = index_path.read_bytes()
        else:
            search_failure = None
            keep_same = False
            if build.quick:
                keep_same = not needs_scan(session.downloads_clean_for, needles)
                if session.downloads_clean_for is not None:  # the files written now are scanned for `needles`
                    session.downloads_clean_for &= needles
            build.written += write_downloads(site, build.publication.downloads, build.modified if build.quick else None,
                                             keep_same=keep_same)
            only = [*build.written, *([index_path] if index_scanned else [])] if build.quick else None
            if build.quick:
                private.matcher.keep_lines_at_first_sight()
            scan = scan_site(site, values, only, also=[cache], matcher=private.matcher)
        contain_leaks(scan, values, session.previewing)  # first: whatever stops the build below
        build.beside = None  # its work is done and contained: on_build_error has nothing left to scan
        if index_path in scan.leaking and index_path.is_file():
            session.search_index = index_path.read_bytes()  # masked: quick previews write it back as it is now
        if not build.quick:  # every download written and scanned for this build's values
            session.downloads_clean_for = needles
        if index_scanned:  # masked bytes are scanned once more before they count as clean
            session.index_clean_for = None if index_path in scan.leaking else needles
        if scan.problems and session.previewing:
            for leak in scan.problems:
                log.warning(localise_problem(leak, session.say))
        else:
            self._abort_on(scan.problems, "建置好的網站（私人資料）")
        if search_failure is not None:
            self._search_failed(search_failure)

    def _search_failed(self, why: str) -> None:
        """The search index made beside the build failed: the build stops with a sentence for the
        editor; what went wrong, for a maintainer, in the log of a verbose build (`-v`)."""
        log.debug("bulletin: the search index's process failed:\n%s", why)
        self.session.inputs = None  # the next save under serve --dirty rebuilds it all
        raise PluginError(self.session.say(
            "搜尋索引未能建立（建置旁的程序出錯）；網站未完成。請再建置一次；如仍出錯，"
            "請加上 -v 再建置（mkdocs build -v），把記錄交給維護人員。"))


    def on_build_error(self, error):
        """A full build that stopped partway: its process ended, and what it wrote by then (the
        downloads, pages) scanned here, so no file holding a private value stays on disk."""
        build = self.build
        if build is None or build.beside is None:
            return
        build.beside.stop()
        self.session.inputs = None  # the next save under serve --dirty rebuilds it all
        if build.private is not None and build.beside.site_dir.is_dir():
            contain_leaks(scan_site(build.beside.site_dir, build.private.values), build.private.values,
                          self.session.previewing)


def _date_line(build: Build, dates: Freshness, src_uri: str) -> str:
    inputs = page_inputs(build.publication.archive, src_uri, build.docs)
    return build.publication.localise(dates.line(inputs))


def _print_pages_first(files, print_pages: frozenset[str]) -> None:
    """The generator converts and writes pages in the order of its files. A year's print page holds
    every report of its year (5.8 MB at 2,000 reports): written last, the privacy scan beside the
    build read all five after the last page, a second and more of the build's end; written first,
    they are read while the build makes the rest, and no report's body waits in memory for its
    print page (print_pages.py takes the bodies as it makes the page). The same pages either way."""
    for file in [f for f in files if f.src_uri not in print_pages]:
        files.remove(file)
        files.append(file)


def _project_dir(config) -> Path:
    return Path(config.config_file_path).absolute().parent


def _our_theme_templates(config) -> None:
    """Our few theme templates (hooks/theme/: the 404 page, corrected interface texts) before
    Material's own, so every project using these hooks gets them without a custom_dir, and a
    footer without Material's English credit line unless mkdocs.yml asks for it."""
    if str(THEME_TEMPLATES) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME_TEMPLATES))
    config.extra.setdefault("generator", False)  # no English "Made with Material for MkDocs"


def _site_texts_in_language(config, say: Localise) -> None:
    """The site's own texts in mkdocs.yml (name, description, footer line, palette switch labels)
    converted like our labels on a Simplified site; a Traditional one keeps them as typed."""
    for name in ("site_name", "site_description", "copyright"):
        if isinstance(config.get(name), str):
            config[name] = say(config[name])
    palette = config.theme.get("palette")
    for scheme in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = say(toggle["name"])


def _hash_asset_names(config) -> dict[str, bytes]:
    """Point extra_css / extra_javascript at content-hashed copies (see asset_names.py)."""
    docs, published = Path(config.docs_dir), dict[str, bytes]()

    def hashed(path: str) -> str:
        return hashed_copy(docs, path, published)

    config.extra_css = [hashed(path) for path in config.extra_css]
    for script in config.extra_javascript:
        if isinstance(script, str):
            continue
        script.path = hashed(script.path)
    config.extra_javascript = [hashed(s) if isinstance(s, str) else s for s in config.extra_javascript]
    return published


def _is_refused(path: str | None, refused: set[str]) -> bool:
    """A pipe, a link out of the project, a name not UTF-8, a page too large, or inside such a folder."""
    if path is None:
        return False
    path = os.path.normpath(path)
    return path in refused or any(path.startswith(folder + os.sep) for folder in refused)


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def _scripts_to_files(output: str, root: str, config, written: set[str]) -> str:
    """Material's inline scripts as files, so the CSP needs only 'self' (inline_scripts.py); a file
    this build wrote already (its name is its content's hash) is not read back to compare."""
    output = use_wrapper(output, Path(config.site_dir), written)  # whole phrases first, both scripts (search_worker.py)
    output, scripts = inline_scripts.move_out(output, root)
    inline_scripts.write(Path(config.site_dir), {path: content for path, content in scripts.items() if path not in written})
    written.update(scripts)
    return output


def _after_title(markdown: str, box: str) -> str:
    """The box goes under the page's title, where the editor looks first."""
    if not box:
        return markdown
    first, newline, rest = markdown.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{box}{rest}"
    return box + markdown


# MkDocs looks up `on_<event>` names in this module: each is the one adapter's method.
site = BulletinSite()
on_startup = site.on_startup
on_config = site.on_config
on_files = site.on_files
on_serve = site.on_serve
on_page_read_source = site.on_page_read_source
on_page_markdown = site.on_page_markdown
on_page_content = site.on_page_content
on_page_context = CombinedEvent(site.on_page_context_before_search, site.on_page_context)  # around the search plugin
on_post_page = site.on_post_page
on_env = site.on_env
on_post_template = site.on_post_template
on_post_build = site.on_post_build
on_build_error = site.on_build_error
