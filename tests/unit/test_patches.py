"""Our changes to other packages' internals are written for exact versions, and say so when they move."""

import inspect
import io
import logging
import marshal
import re
from pathlib import Path
from types import SimpleNamespace

import bulletin_patches
import jinja2
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import url_filter

REQUIREMENTS = Path(__file__).parents[2] / "requirements.txt"


def pins() -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", REQUIREMENTS.read_text(encoding="utf-8"), re.MULTILINE)
    return {name.lower(): version for name, version in found}


def test_every_patched_package_is_pinned_at_the_version_its_patch_was_written_for():
    """A changed pin fails here: read bulletin_patches.py again, then move WRITTEN_FOR with it."""
    assert {name: pins().get(name) for name in bulletin_patches.WRITTEN_FOR} == bulletin_patches.WRITTEN_FOR


def test_the_installed_packages_are_the_versions_the_patches_were_written_for():
    assert {name: bulletin_patches.installed(name) for name in bulletin_patches.WRITTEN_FOR} == \
        bulletin_patches.WRITTEN_FOR


def test_the_internals_the_patches_change_are_still_there():
    import material.plugins.search.plugin as search
    import watchdog.observers.polling
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.theme import Theme

    assert hasattr(search, "jieba") and callable(Theme.get_env)
    assert search.jieba.marshal.dump is marshal.dump  # jieba reads and writes its cache through it
    assert "marshal.load(cf)" in inspect.getsource(search.jieba.Tokenizer.initialize)
    assert bulletin_patches.SEARCH_MARKS in inspect.getsource(search.SearchPlugin.on_page_context)
    observer = watchdog.observers.polling.PollingObserver(timeout=0.5)
    assert observer._timeout == 0.5 and hasattr(LiveReloadServer, "__init__")


def test_a_live_reload_server_watches_through_the_systems_events_with_the_poll_as_backstop(monkeypatch):
    from mkdocs.livereload import LiveReloadServer

    from bulletin_saves_seen import SavesSeenAtOnce

    monkeypatch.setattr(LiveReloadServer, "__init__", LiveReloadServer.__init__)  # put back after the test
    own = _server(LiveReloadServer)
    assert bulletin_patches.see_saves_at_once(0.1, 0.05)
    server = _server(LiveReloadServer)
    assert isinstance(server.observer, SavesSeenAtOnce) and server.build_delay == 0.05
    assert server.observer.polling._timeout == 1.0 and server.observer.fallback_seconds == 0.1
    bulletin_patches.see_saves_at_once(None, None)  # a plain `serve`: MkDocs' own interval and delay
    server = _server(LiveReloadServer)
    assert (server.observer.fallback_seconds, server.build_delay) == (own.observer._timeout, own.build_delay)


def test_a_live_reload_server_whose_system_observer_cannot_be_made_polls_at_the_fallback_interval(monkeypatch):
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    def refused():
        raise OSError(24, "Too many open files")  # inotify's instances of this user all taken

    monkeypatch.setattr(LiveReloadServer, "__init__", LiveReloadServer.__init__)
    monkeypatch.setattr(watchdog.observers, "Observer", refused)
    assert bulletin_patches.see_saves_at_once(0.1, 0.05)
    server = _server(LiveReloadServer)  # the server starts, as it did before the patch
    assert type(server.observer).__name__ == "PollingObserver" and server.observer._timeout == 0.1


def _server(server_class):
    """A live-reload server as MkDocs makes one, closed at once (it was never bound or started)."""
    server = server_class(builder=lambda: None, host="127.0.0.1", port=0, root="/nonexistent")
    server.server_close()
    system = getattr(server.observer, "system", None)
    if system is not None:
        system.stop()
    return server


def test_a_patch_is_left_out_with_a_line_in_the_log_when_another_version_is_installed(monkeypatch, caplog):
    from mkdocs.livereload import LiveReloadServer

    monkeypatch.setattr(LiveReloadServer, "__init__", LiveReloadServer.__init__)
    monkeypatch.setitem(bulletin_patches.WRITTEN_FOR, "watchdog", "0.0.1")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.bulletin.patches"):
        assert not bulletin_patches.see_saves_at_once(0.1, 0.05)
    server = _server(LiveReloadServer)
    assert type(server.observer).__name__ == "PollingObserver" and server.build_delay == 0.1  # MkDocs' own
    assert "watchdog 7.1.0 is not the version 0.0.1" in caplog.text
    assert all(record.levelno < logging.WARNING for record in caplog.records)  # a strict build goes on


def test_the_hooks_module_holds_no_build_state_only_the_adapter_and_its_events():
    import inspect

    import bulletin_hooks

    state = {name: value for name, value in vars(bulletin_hooks).items()
             if not name.startswith("__") and not name.isupper() and name != "log"
             and not inspect.ismodule(value) and not inspect.isclass(value) and not inspect.isfunction(value)
             and type(value).__module__ not in ("typing", "types", "collections.abc", "__future__")  # type aliases, imports
             and not (name.startswith("on_") and all(inspect.ismethod(method) and method.__self__ is bulletin_hooks.site
                                                     for method in getattr(value, "methods", [value])))}
    assert list(state) == ["site"]


def test_the_second_engine_counts_as_the_mkdocs_the_patches_were_written_for(monkeypatch):
    versions = {"properdocs": bulletin_patches.SAME_AS["mkdocs"][1], "watchdog": "7.1.0"}
    monkeypatch.setattr(bulletin_patches, "installed", versions.get)
    assert bulletin_patches.guarded("mkdocs", "a patch") and bulletin_patches.guarded("watchdog", "a patch")
    pinned = (REQUIREMENTS.parent / "requirements-properdocs.txt").read_text(encoding="utf-8")
    assert "properdocs==" + bulletin_patches.SAME_AS["mkdocs"][1] in pinned


def test_the_search_index_is_the_one_materials_plugin_holds_not_a_copy():
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    plugin = SearchPlugin()
    plugin.search_index = SearchIndex(lang=["zh"], separator="[\\s]+", pipeline=[], fields={"title": {"boost": 1e3}})
    plugin.search_index.entries.append({"location": "2021/", "title": "甲", "text": "乙"})
    held = bulletin_patches.search_index_held({"material/search": plugin, "other": object()})
    assert held == {"config": {"lang": ["zh"], "separator": "[\\s]+", "pipeline": [], "fields": {"title": {"boost": 1e3}}},
                    "docs": [{"location": "2021/", "title": "甲", "text": "乙"}]}
    assert held["docs"] is plugin.search_index.entries


def test_without_materials_search_plugin_the_index_is_read_from_its_file():
    assert bulletin_patches.search_index_held({"other": object()}) is None


def test_a_quick_preview_has_materials_search_plugin_forget_the_index_it_would_write_again(tmp_path):
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.search_index = SearchIndex(lang=["zh"], separator="[\\s]+", pipeline=[], fields={})
    plugin.search_index_prev = SearchIndex(lang=["zh"], separator="[\\s]+", pipeline=[], fields={})
    plugin.search_index_prev.entries.append({"location": "2021/", "title": "甲", "text": "乙" * 1000})
    assert bulletin_patches.search_index_not_rewritten({"material/search": plugin})
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert '"docs":[]' in (tmp_path / "search" / "search_index.json").read_text(encoding="utf-8")


def test_a_quick_preview_takes_the_theme_files_the_last_full_build_listed_without_walking_the_theme(
        tmp_path, monkeypatch):
    import jinja2
    from mkdocs.structure.files import Files

    monkeypatch.setattr(Files, "add_files_from_theme", Files.add_files_from_theme)  # put back after the test
    monkeypatch.setattr(bulletin_patches, "LISTED_FILES", bulletin_patches.ListedFiles())
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "a.css").write_text("a", encoding="utf-8")
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(theme)], static_templates=set()),
                             site_dir=str(tmp_path / "site"), use_directory_urls=True, docs_dir=str(tmp_path / "docs"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(theme)]))

    def listed(reuse):
        bulletin_patches.LISTED_FILES.reuse = reuse
        files = Files([])
        files.add_files_from_theme(env, config)
        return sorted(f.src_uri for f in files)

    assert bulletin_patches.list_theme_files_once()
    assert listed(False) == ["a.css"]
    (theme / "b.css").write_text("b", encoding="utf-8")
    assert listed(True) == ["a.css"]  # kept from the full build
    assert listed(False) == ["a.css", "b.css"]  # a full build lists afresh


def _docs_config(tmp_path, use_directory_urls=True):
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "use_directory_urls": use_directory_urls})
    assert config.validate() == ([], [])
    return config


def test_a_quick_preview_takes_copies_of_the_docs_files_the_last_full_build_listed(tmp_path, monkeypatch):
    import os

    import mkdocs.commands.build as build
    from mkdocs.structure.files import File, get_files

    monkeypatch.setattr(build, "get_files", get_files)  # put back after the test
    monkeypatch.setattr(bulletin_patches, "LISTED_FILES", bulletin_patches.ListedFiles())
    (tmp_path / "docs" / "2012").mkdir(parents=True)
    for name in ("index.md", "2012/unit-0001.md", "2012/a.png", "2012/README.md", "2012/index.md"):
        (tmp_path / "docs" / name).write_text("x", encoding="utf-8")
    config = _docs_config(tmp_path)

    def listed(reuse, config=config):
        bulletin_patches.starting_build(quick=reuse)
        return build.get_files(config)

    def described(files):
        return [(f.src_uri, f.dest_uri, f.url, f.abs_src_path, f.abs_dest_path, f.inclusion) for f in files]

    assert bulletin_patches.list_docs_files_once()
    listed(False)  # the full build
    with monkeypatch.context() as made:
        made.setattr(File, "__init__", None)  # no File is made: each is a copy, addresses and all
        quick = listed(True)
    assert described(quick) == described(get_files(config))
    quick.get_file_from_path("index.md").page = "this quick preview's page"
    assert listed(True).get_file_from_path("index.md").page is None  # each build has files of its own
    (tmp_path / "docs" / "new.md").write_text("x", encoding="utf-8")  # a name the full build did not find
    assert described(listed(True)) == described(get_files(config))
    flat = listed(True, _docs_config(tmp_path, use_directory_urls=False))  # another setting: walked again
    assert flat.get_file_from_path("2012/unit-0001.md").url == "2012/unit-0001.html"
    (tmp_path / "docs" / os.fsdecode(b"\xff.md")).write_text("x", encoding="utf-8")  # no address: on_files refuses it
    assert os.fsdecode(b"\xff.md") in listed(False).src_uris


def test_a_listing_that_missed_a_file_saved_by_deleting_and_writing_it_again_is_not_kept(tmp_path, monkeypatch):
    import mkdocs.commands.build as build
    from mkdocs.structure.files import get_files

    narrative = tmp_path / "docs" / "2022" / "a.md"
    narrative.parent.mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("x", encoding="utf-8")
    narrative.write_text("x", encoding="utf-8")

    def saved_while_walked(config):  # the editor's save: the file is gone while MkDocs walks
        narrative.unlink()
        try:
            return get_files(config)
        finally:
            narrative.write_text("y", encoding="utf-8")

    monkeypatch.setattr(build, "get_files", saved_while_walked)  # put back after the test
    monkeypatch.setattr(bulletin_patches, "LISTED_FILES", bulletin_patches.ListedFiles())
    assert bulletin_patches.list_docs_files_once()
    config = _docs_config(tmp_path)
    bulletin_patches.starting_build(quick=False)
    assert sorted(build.get_files(config).src_uris) == ["index.md"]  # MkDocs' own answer, as it found the folder
    assert bulletin_patches.LISTED_FILES.docs is None


def test_a_quick_preview_lists_the_docs_afresh_when_another_handler_may_move_files(tmp_path, monkeypatch):
    import mkdocs.commands.build as build
    from mkdocs.structure.files import get_files

    walks = []
    monkeypatch.setattr(build, "get_files", lambda config: walks.append(1) or get_files(config))  # put back after
    monkeypatch.setattr(bulletin_patches, "LISTED_FILES", bulletin_patches.ListedFiles())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("x", encoding="utf-8")
    config = _docs_config(tmp_path)
    assert bulletin_patches.list_docs_files_once()
    for quick in (False, True):
        bulletin_patches.starting_build(quick=quick)
        build.get_files(config)
    assert len(walks) == 1  # the quick preview took copies
    config.plugins.events.setdefault("files", []).append(lambda files, config: files)  # a plugin's on_files
    build.get_files(config)
    assert len(walks) == 2  # MkDocs made them again


def test_a_file_looked_up_by_its_own_path_is_the_one_mkdocs_finds_for_any_spelling(monkeypatch):
    import mkdocs.structure.files
    from mkdocs.structure.files import File, Files

    original = Files.get_file_from_path
    monkeypatch.setattr(Files, "get_file_from_path", original)  # put back after the test
    files = Files([File(path, "/docs", "/site", True) for path in ("index.md", "2012/unit-0001.md", "a b/c.md")])
    assert bulletin_patches.find_files_by_their_own_paths()
    for path in ("index.md", "./index.md", "2012/unit-0001.md", "2012//unit-0001.md", "2012/./unit-0001.md",
                 "a b/c.md", "2012/", "missing.md", "/index.md", "2012\\unit-0001.md", ""):
        assert files.get_file_from_path(path) is original(files, path), path
    monkeypatch.setattr(mkdocs.structure.files, "PurePath", None)  # a path as written is not parsed again
    assert files.get_file_from_path("2012/unit-0001.md").src_uri == "2012/unit-0001.md"


def test_the_pages_of_one_build_take_the_date_read_for_its_first(monkeypatch):
    import mkdocs.structure.pages as pages

    read = iter(["2026-12-01", "2026-12-02"])
    monkeypatch.setattr(pages, "get_build_date", lambda: next(read))  # MkDocs' own; put back after the test
    monkeypatch.setattr(bulletin_patches, "BUILD_DATE", bulletin_patches.BuildDate())
    assert bulletin_patches.date_pages_once_per_build()
    bulletin_patches.starting_build(quick=True)
    assert [pages.get_build_date(), pages.get_build_date()] == ["2026-12-01", "2026-12-01"]
    bulletin_patches.starting_build(quick=True)
    assert pages.get_build_date() == "2026-12-02"  # the next build reads it again


def test_materials_search_marks_are_taken_out_by_ours_which_is_what_its_expression_makes(monkeypatch):
    import re

    import material.plugins.search.plugin as search

    monkeypatch.setattr(search, "re", re)  # put back after the test
    assert bulletin_patches.strip_search_marks_where_present()
    marked = '<h2 id="a" data-search-exclude="true">甲</h2>\n<p data-search-boost="2">乙</p>'
    searched = []
    monkeypatch.setattr(bulletin_patches, "without_search_marks", lambda html: searched.append(html) or html)
    page = SimpleNamespace(content=marked)
    search.SearchPlugin.on_page_context(SimpleNamespace(config=SimpleNamespace(enabled=True),
                                                        search_index=SimpleNamespace(add_entry_from_context=lambda page: None)),
                                        {}, page=page, config={}, nav=None)
    assert searched == [marked]
    assert search.re.sub(r"\s", "", " a b") == "ab" and search.re.split is re.split  # its other uses: re's own


def test_canonical_addresses_joined_as_strings_are_what_urljoin_makes_of_them(monkeypatch):
    import mkdocs.structure.pages as pages

    original = pages.Page._set_canonical_url
    monkeypatch.setattr(pages.Page, "_set_canonical_url", original)  # put back after the test
    assert bulletin_patches.join_canonical_urls()
    joined = pages.Page._set_canonical_url
    bases = ["http://127.0.0.1:8000/", "http://h/sub/", "http://h/sub", "https://h/a//b/", "http://h/a/./b/",
             "http://h/?q=1", "http://h/#x", "file:///x/", "http://h/sub%20x/", "http://h:80/../", ""]
    urls = ["", "2012/unit-0001/", "a/b", "a//b/", "./a/", "../a/", "a/../b/", "a/./b/", "index.html", "/abs/",
            "a?b", "a#b", "%E4%B8%AD/", "a:b/", "~x/", ".hidden/", "a/..", "//h2/x/", "units/unit-0001/"]
    for base in bases:
        for url in urls:
            expected, found = SimpleNamespace(url=url), SimpleNamespace(url=url)
            original(expected, base)
            joined(found, base)
            assert (found.canonical_url, found.abs_url) == (expected.canonical_url, expected.abs_url), (base, url)
    monkeypatch.setattr(pages, "urljoin", None)  # a plain address never reaches it
    page = SimpleNamespace(url="2012/unit-0001/")
    joined(page, "http://127.0.0.1:8000/")
    assert (page.canonical_url, page.abs_url) == ("http://127.0.0.1:8000/2012/unit-0001/", "/2012/unit-0001/")


def test_our_nav_item_template_is_materials_own_but_for_the_cached_render_macro_and_two_loops():
    """Material moved: copy its partials/nav-item.html again (the header and the three changes below)."""
    import material

    shipped = (Path(material.__file__).parent / "templates" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    ours = (bulletin_patches.NAV_TEMPLATES / "partials" / "nav-item.html").read_text(encoding="utf-8")
    header, _, rest = ours.partition("{%- endmacro %}\n")
    assert "bulletin_nav_cache(render_uncached" in header
    index_loop = ('      {% for item in nav_item.children %}\n'
                  '        {% if item.is_index and _.index is none %}\n'
                  '          {% set _.index = item %}\n'
                  '        {% endif %}\n'
                  '      {% endfor %}\n')
    index_in_python = ('    {% if "navigation.indexes" in features and bulletin_nav_index is defined %}\n'
                       '      {{- bulletin_nav_index(_, nav_item) }}\n'
                       '    {% elif "navigation.indexes" in features %}\n')
    list_loop = ('            {% for item in nav_item.children %}\n'
                 '              {% if not index or item != index %}\n'
                 '                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}\n'
                 '              {% endif %}\n'
                 '            {% endfor %}\n')
    list_in_python = ('            {% if bulletin_nav_children is defined -%}\n'
                      '              {{ bulletin_nav_children(render_uncached, nav_item, index, path, level) }}\n'
                      '            {%- else -%}\n')
    assert rest.count(index_in_python + index_loop) == rest.count(list_in_python + list_loop + "            {%- endif %}\n") == 1
    assert rest.replace("{% macro render_uncached(", "{% macro render(").replace(
        index_in_python, '    {% if "navigation.indexes" in features %}\n').replace(
        list_in_python + list_loop + "            {%- endif %}\n", list_loop) == shipped


def _nav_template(body: str) -> jinja2.Template:
    """A stand-in for Material's `render` macro around `body`, in an environment like MkDocs' own."""
    env = jinja2.Environment()
    env.filters["url"] = url_filter
    macro = "{% macro render_uncached(nav_item, path, level, parent) %}<{{ nav_item.title }} {{ path }} {{ level }}" \
            " {{ nav_item.url | url }} {{ nav_item.active }} {{ parent.title }}>{% endmacro %}" \
            "{% set render = render_uncached %}"
    return env.from_string(macro + body)


def _nav_items(*titles, active=None):
    return [SimpleNamespace(title=title, url=f"2016/{title}/", children=[], active=title == active,
                            is_index=title.startswith("index")) for title in titles]


NAV_LIST_LOOP = """            {% for item in nav_item.children %}
              {% if not index or item != index %}
                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}
              {% endif %}
            {% endfor %}"""
NAV_INDEX_LOOP = """{% set _ = namespace(index = none) %}
      {% for item in nav_item.children %}
        {% if item.is_index and _.index is none %}
          {% set _.index = item %}
        {% endif %}
      {% endfor %}
    [{{ _.index.title }}]"""


def test_a_sections_list_written_in_python_is_materials_loop_to_the_byte():
    cache = bulletin_patches.NavCache()
    ours = _nav_template("            {{ bulletin_nav_children(render_uncached, nav_item, index, path, level) }}")
    materials = _nav_template(NAV_LIST_LOOP)
    theme = SimpleNamespace(theme={"features": ["navigation.prune"]})
    for items, index in [((), None), (("a", "b", "c"), None), (("index", "a", "b"), "index"), (("a", "b"), "b")]:
        children = _nav_items(*items, active="a")
        section = SimpleNamespace(title="2016", children=children)
        found = next((item for item in children if item.title == index), None)
        for page in ("2016/a/", "2016/b/", "units/"):  # the cached items' links differ from page to page
            values = dict(nav_item=section, index=found, path="__nav_2", level=1, config=theme,
                          page=SimpleNamespace(url=page), base_url="../..")
            assert ours.render(values, bulletin_nav_children=cache.children) == materials.render(values), items


def test_a_sections_index_page_found_in_python_is_the_one_materials_loop_finds():
    cache = bulletin_patches.NavCache()
    ours = _nav_template("{% set _ = namespace(index = none) %}{{ bulletin_nav_index(_, nav_item) }}\n    [{{ _.index.title }}]")
    materials = _nav_template(NAV_INDEX_LOOP)
    sections = [SimpleNamespace(children=_nav_items(*items)) for items in
                [(), ("a", "b"), ("index", "a"), ("a", "index", "index-2"), ("index-2", "index"), ("a", "b")]]
    sections.append(SimpleNamespace(children=[SimpleNamespace(title="no is_index", children=[]), *_nav_items("index")]))
    for section in sections + sections:  # the second time from what was kept
        assert ours.render(nav_item=section, bulletin_nav_index=cache.index) == materials.render(nav_item=section)


class _PageContext(dict):
    """A template context as the navigation cache reads it: the page, and MkDocs' own `url` filter."""

    environment = SimpleNamespace(filters={"url": url_filter})


LINK_TARGETS = [".", "./", "a", "a/", "a/b/", "a/b.html", "2016/unit-0001/", "2016/", "../x/", "../../x",
                "./a/../b/", "index.html", "a/index.html", "#top", "/abs/", "http://host/y", "a/./b", "a//b/",
                "units/unit-0001/", "年度/單位/", "a\\b/"]
PAGE_URLS = ["", "a/", "a/b/", "a/b.html", "2016/unit-0001/", "2016/unit-0002/", "2016/", "index.html",
             "a/index.html", "print/2016/", "a/b/c/", "units/"]


def test_the_navigation_caches_links_are_mkdocs_url_filters_own(caplog):
    """The cache's key holds each item's link as the page writes it (PageLinks): every link, from
    every page, is what MkDocs' `url` filter writes, relative or not, directory URLs or not."""
    links = bulletin_patches.PageLinks()
    for url in PAGE_URLS:
        context = _PageContext(page=SimpleNamespace(url=url), base_url="..")
        for target in LINK_TARGETS:
            assert links.of_page(context)(target) == normalize_url(target, page=context["page"], base=".."), (url, target)


def test_the_navigation_caches_links_follow_one_page_object_whose_address_changes():
    links, page = bulletin_patches.PageLinks(), SimpleNamespace(url="2016/unit-0001/")
    assert links.of_page(_PageContext(page=page, base_url="../.."))("2016/unit-0002/") == "../unit-0002/"
    page.url = "2016/"
    assert links.of_page(_PageContext(page=page, base_url=".."))("2016/unit-0002/") == "unit-0002/"


def test_a_url_filter_a_plugin_put_in_place_of_mkdocs_own_writes_every_link():
    class Replaced(_PageContext):
        environment = SimpleNamespace(filters={"url": lambda context, value: f"/blog/{value}"})

    links = bulletin_patches.PageLinks()
    assert links.of_page(Replaced(page=SimpleNamespace(url="2016/"), base_url=".."))("2016/unit-0002/") \
        == "/blog/2016/unit-0002/"


def test_the_navigation_caches_links_follow_the_page_being_written():
    links = bulletin_patches.PageLinks()
    assert links.of_page(_PageContext(page=SimpleNamespace(url="2016/unit-0001/"), base_url="../.."))("2016/unit-0002/") \
        == "../unit-0002/"
    assert links.of_page(_PageContext(page=SimpleNamespace(url="2017/"), base_url=".."))("2016/unit-0002/") \
        == "../2016/unit-0002/"
    assert links.of_page(_PageContext(page=None, base_url="../.."))("2016/unit-0002/") == "../../2016/unit-0002/"


def test_the_navigation_cache_is_left_out_on_another_material(monkeypatch):
    monkeypatch.setitem(bulletin_patches.WRITTEN_FOR, "mkdocs-material", "0.0.0")
    dirs = ["theme"]
    assert bulletin_patches.cache_nav_items(dirs) is False and dirs == ["theme"]


def test_a_projects_own_nav_item_template_is_kept_and_the_navigation_is_not_cached(tmp_path):
    import material

    shipped = str(Path(material.__file__).parent / "templates")
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "nav-item.html").write_text("{# the office's own #}", encoding="utf-8")
    dirs = [str(tmp_path / "overrides"), shipped]
    assert bulletin_patches.cache_nav_items(dirs) is False and dirs == [str(tmp_path / "overrides"), shipped]
    plain = [str(tmp_path), shipped]
    assert bulletin_patches.cache_nav_items(plain) is True
    assert plain == [str(bulletin_patches.NAV_TEMPLATES), str(tmp_path), shipped]


SEGMENTED_TEXTS = ["", "no Han at all 14,400", "慰問金 14,400 元", "金秋助學活動。看望慰問職工", "\u200b看望慰問職工\u200b",
                   "𠀀𠀁中文 and 〇", "ひらがな漢字カタカナ", "一", "甲 乙\n丙丁"]


def two_by_two(text):
    """A stand-in for jieba: words of two characters."""
    return [text[i:i + 2] for i in range(0, len(text), 2)]


def index_with_cache(monkeypatch, tmp_path):
    import material.plugins.search.plugin as search
    from bulletin.segmentation import SegmentCache

    cache = SegmentCache(tmp_path / "words.json", lambda: two_by_two, "two by two")
    monkeypatch.setattr(search, "jieba", bulletin_patches.JiebaThroughCache(search.jieba, cache))
    return search.SearchIndex(lang=["zh"], separator="[\\s]+", pipeline=[], fields={}), cache


class _CountedReads(io.BytesIO):
    """A file that counts the calls made to read it."""

    calls = 0

    def read(self, *args):
        self.calls += 1
        return super().read(*args)

    def readinto(self, buffer):
        self.calls += 1
        return super().readinto(buffer)


def test_jieba_reads_its_dictionary_cache_in_one_call_and_gets_what_it_wrote():
    written = ({"工會": 12, "工": 0, "慰問": 7}, 19)  # jieba's prefix dictionary and its total
    jieba = SimpleNamespace(marshal=marshal)
    bulletin_patches.read_jieba_cache_at_once(jieba)
    file = _CountedReads()
    jieba.marshal.dump(written, file)
    file.seek(0)
    assert jieba.marshal.load(file) == written
    assert file.calls == 1


def test_jieba_keeps_its_own_marshal_on_another_jieba(monkeypatch):
    monkeypatch.setitem(bulletin_patches.WRITTEN_FOR, "jieba", "0.0.1")
    jieba = SimpleNamespace(marshal=marshal)
    bulletin_patches.read_jieba_cache_at_once(jieba)
    assert jieba.marshal is marshal


def test_a_search_index_segments_its_text_through_the_cache_as_materials_own_method_does(monkeypatch, tmp_path):
    index, cache = index_with_cache(monkeypatch, tmp_path)
    materials = [index._segment_chinese(text) for text in SEGMENTED_TEXTS]
    bulletin_patches.segment_through_cache(index, cache)
    assert isinstance(index._segment_chinese, bulletin_patches.SegmentedThroughCache)
    assert [index._segment_chinese(text) for text in SEGMENTED_TEXTS] == materials
    assert materials[3] == "金秋\u200b助學\u200b活動\u200b。\u200b看望\u200b慰問\u200b職工"


def test_a_search_index_keeps_materials_segmentation_on_another_material(monkeypatch, tmp_path):
    index, cache = index_with_cache(monkeypatch, tmp_path)
    monkeypatch.setitem(bulletin_patches.WRITTEN_FOR, "mkdocs-material", "0.0.1")
    bulletin_patches.segment_through_cache(index, cache)
    assert "_segment_chinese" not in vars(index)


RENDERED_PAGES = {
    "index.md": "# 工會年度工作總結\n\n見 [宣城](2021/xuancheng.md#慰問) 與 [慰問](#慰問)。\n\n## 慰問\n\n"
                "!!! note \"說明\"\n    金額以元計。\n\n| 單位 | 元 |\n| --- | --- |\n| 甲 | 1,200 |\n\n[宣傳]: https://example.org/\n",
    "2021/xuancheng.md": "# 宣城車間工會\n\n## 慰問 {: #visits }\n\n## 慰問\n\n<div markdown=\"1\" id=\"raw\">\n"
                         "**看望** 職工\n</div>\n\n<a name=\"old\"></a>\n\n[首頁](../index.md)\n",
    "2022/xuancheng.md": "## 慰問\n\n沒有一級標題，[見此][宣傳]（另一頁的連結定義不算）。\n\n## 慰問\n",
}


def pages_rendered(tmp_path, extensions="[admonition, attr_list, md_in_html, toc: {permalink: true}]"):
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    for name, text in RENDERED_PAGES.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\nmarkdown_extensions: {extensions}\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, config.docs_dir, config.site_dir, True) for name in RENDERED_PAGES])
    pages = [Page(None, file, config) for file in files]
    return config, files, pages


def what_a_page_holds(page):
    return (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids,
            {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()})


def test_pages_rendered_with_one_converter_per_build_hold_what_mkdocs_own_renders(monkeypatch, tmp_path):
    from mkdocs.structure.pages import Page

    monkeypatch.setattr(Page, "render", Page.render)  # put back after the test
    config, files, pages = pages_rendered(tmp_path)
    for page in pages:
        page.read_source(config)
        page.render(config, files)
    mkdocs_own = [what_a_page_holds(page) for page in pages]
    assert bulletin_patches.markdown_per_build(config)
    for page in pages:
        page.render(config, files)
    assert [what_a_page_holds(page) for page in pages] == mkdocs_own
    assert 'id="_1"' in mkdocs_own[1][0] and mkdocs_own[2][2] is None and "raw" in mkdocs_own[1][3]
    assert "[見此][宣傳]" in mkdocs_own[2][0]


def test_one_converter_serves_every_page_of_a_build(monkeypatch, tmp_path):
    import markdown
    from mkdocs.structure.pages import Page

    monkeypatch.setattr(Page, "render", Page.render)
    config, files, pages = pages_rendered(tmp_path)
    made = []
    monkeypatch.setattr(markdown, "Markdown", lambda *a, made_by=markdown.Markdown, **k: made.append(1) or made_by(*a, **k))
    assert bulletin_patches.markdown_per_build(config)
    for page in pages:
        page.read_source(config)
        page.render(config, files)
    assert len(made) == 1


INLINE_TEXTS = [
    "一年來，工會堅持以職工為中心。\n\n## 一、加強自身建設\n\n走訪慰問 1,200 人次，發放慰問金 14,400 元。",
    "**看望** 職工 *兩次*，__三次__ 與 _四次_；`代碼` 與 \\* 星號。", "行末兩個空格  \n換行，行末一個空格 \n不換行。",
    "見 [宣城](2021/xuancheng.md) 與 ![圖](a.png)、<https://example.org> 和 <a@b.cn>。", "&amp; &#169; &copy; & 與 &x",
    "<span class=\"x\">職工</span> <!-- 註 --> 1 < 2 > 0", "- 甲 **乙**\n- 丙 `丁`\n\n> 引文 _強調_\n\n    代碼 *不*",
    "| 單位 | 元 |\n| --- | --- |\n| **甲** | 1,200 |\n| 乙 | [連結](x.md) |", "!!! note \"說明\"\n    金額 *以元* 計。",
    "標題 {: #visits }\n\n<div markdown=\"1\">\n**內** 文\n</div>", "a_b_c 與 2*3*4 與 snake_case_name", "",
]


def test_a_sections_index_kept_for_a_section_gone_is_not_given_to_another_at_its_address():
    """A section's id is another's once it is gone (CPython reuses addresses): what was kept
    for the first is not the second's."""
    cache, found = bulletin_patches.NavCache(), jinja2.utils.Namespace(index=None)
    section, gone = SimpleNamespace(children=_nav_items("a", "b")), SimpleNamespace(children=_nav_items("index"))
    cache._indexes[id(section)] = (gone, gone.children[0], "kept for the section gone")
    assert cache.index(found, section) == "\n      " + "\n        \n      " * 2 and found.index is None


def test_texts_no_inline_pattern_can_match_are_left_as_python_markdown_leaves_them():
    import markdown

    extensions = ["admonition", "attr_list", "fenced_code", "md_in_html", "tables", "toc"]
    skipping, plain = markdown.Markdown(extensions=extensions), markdown.Markdown(extensions=extensions)
    assert bulletin_patches.skip_text_no_inline_pattern_can_match(skipping)
    assert [skipping.reset().convert(text) for text in INLINE_TEXTS] == [plain.reset().convert(text) for text in INLINE_TEXTS]
    assert "<strong>看望</strong>" in plain.reset().convert(INLINE_TEXTS[1])


def test_no_inline_pattern_matches_a_text_without_the_characters_it_needs():
    """INLINE_PATTERNS_NEED, pattern by pattern, on random texts; and each pattern does match one
    text with its character, so the test can tell."""
    import random

    import markdown

    patterns = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"]).inlinePatterns
    assert {name: type(patterns[name]).__name__ for name in patterns._data} == bulletin_patches.INLINE_PATTERNS
    alphabet = list("職工慰問元人次。，、；：！？「」（）() \n\t-=+#%$@^~|{}/.,:;!?'\"0123456789abcxyzABC") + ["\u3000", "\x02", "\x03"]
    needed = ["\\", "`", "[", "]", "!", "<", ">", "&", "*", "_", "  \n"]
    chance = random.Random(15)
    texts = ["".join(chance.choice(needed if chance.random() < 0.03 else alphabet) for _ in range(chance.randint(0, 80)))
             for _ in range(6000)]
    texts = [text for text in texts if bulletin_patches.INLINE_PATTERNS_NEED.search(text) is None]
    assert len(texts) > 1000 and any("]" in text for text in texts)
    for name in patterns._data:
        expression = patterns[name].getCompiledRegExp()
        assert not [text for text in texts if expression.search(text)], name
    matched = ["`x`", "\\*", "[a]", "[a](b)", "![a](b)", "![a][b]", "[a]", "![a]", "<http://a.b>", "<a@b.c>",
               "a  \nb", "<b>", "&amp;", "*a*"]
    assert all(patterns[name].getCompiledRegExp().search(text) for name, text in zip(patterns._data, matched, strict=True))


def test_an_inline_pattern_of_another_extension_has_every_text_tried():
    import markdown

    assert not bulletin_patches.skip_text_no_inline_pattern_can_match(markdown.Markdown(extensions=["footnotes"]))


def test_a_delimiter_added_to_python_markdowns_own_pattern_has_every_text_tried():
    import markdown

    md = markdown.Markdown()
    md.inlinePatterns["em_strong"].add("~", "del")  # what an extension for ~~struck~~ could do
    assert not bulletin_patches.skip_text_no_inline_pattern_can_match(md)


def test_texts_are_tried_on_every_inline_pattern_under_another_python_markdown(monkeypatch):
    import markdown

    monkeypatch.setitem(bulletin_patches.WRITTEN_FOR, "markdown", "0.0.1")
    assert not bulletin_patches.skip_text_no_inline_pattern_can_match(markdown.Markdown())


def test_an_extension_not_known_to_be_reusable_leaves_mkdocs_one_converter_per_page(monkeypatch, tmp_path):
    from mkdocs.structure.pages import Page

    monkeypatch.setattr(Page, "render", Page.render)
    mkdocs_own = Page.render
    config, _, _ = pages_rendered(tmp_path, extensions="[abbr, toc]")
    assert not bulletin_patches.markdown_per_build(config)
    assert Page.render is mkdocs_own
