"""Material's search index made beside the build is the index the build would make itself."""

import json
from types import SimpleNamespace

import pytest

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from bulletin.fragments import Fragments
from bulletin.index_fields import with_search_fields
from bulletin.scan_beside import ScanBeside
from bulletin_search_beside import IndexedPage, IndexSentBeside, PageIndexer, reads_what_content_left

CONFIG = {"lang": ["zh"], "separator": r"[\s\u200b\-]+", "pipeline": ["stemmer"],
          "fields": {"title": {"boost": 1e3}, "text": {"boost": 1e0}, "tags": {"boost": 1e6}}}
HTML = ('<h1 id="town">鎮工會2021年度工作總結</h1><p>慰問困難職工 120 多人次，發放慰問金 14,400 元。</p>'
        '<h2 id="aid">金秋助學</h2><p>資助學生 <strong>12</strong> 名。</p>'
        '<h2 id="quiet" data-search-exclude>不搜尋</h2><p>略</p>')


def a_page(url: str = "2021/town/", meta: dict | None = None) -> SimpleNamespace:
    toc = get_toc([{"level": 1, "id": "town", "name": "鎮工會2021年度工作總結", "children": [
        {"level": 2, "id": "aid", "name": "金秋助學", "children": []}]}])
    return SimpleNamespace(content=HTML, url=url, title="鎮工會", meta=meta or {"tags": ["慰問"]}, toc=toc)


def made_here(pages) -> str:
    index = SearchIndex(**CONFIG)
    for page in pages:
        index.add_entry_from_context(page)
    data = with_search_fields({"config": {key: index.config[key] for key in CONFIG}, "docs": index.entries})
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def test_the_index_made_from_pages_sent_is_the_index_made_from_the_pages(tmp_path):
    pages = [a_page(), a_page("2021/port/", {"search": {"boost": 2}})]
    indexer = PageIndexer(dict(CONFIG), str(tmp_path / "words.json"), None)
    for page in pages:
        indexer.add(IndexedPage.of(page))
    indexer.write(str(tmp_path / "search_index.json"))
    assert (tmp_path / "search_index.json").read_text(encoding="utf-8") == made_here(pages)
    assert '"location":"2021/town/#aid"' in made_here(pages)  # the sections found through the contents


def test_a_page_sent_with_its_placeholders_is_indexed_as_its_lean_page(tmp_path):
    """The build's process sends the page as the templates will get it, tables behind placeholders,
    with their blocks: the process makes it lean, and the index is the one made from the lean page."""
    fragments = Fragments()
    table = fragments.stash('<table><tr><th>項目</th><th>人次</th></tr><tr><td>慰問</td><td>120</td></tr></table>')
    page = a_page()
    page.content = HTML.replace("<h2 id=\"aid\">", f"<p>{table.strip()}</p><h2 id=\"aid\">")
    sent = IndexedPage.of(page, fragments.held)
    assert "bulletinfragment" in sent.content and sent.held is not None
    indexer = PageIndexer(dict(CONFIG), str(tmp_path / "words.json"), None)
    indexer.add(sent)
    indexer.write(str(tmp_path / "search_index.json"))
    lean = SimpleNamespace(**{**vars(a_page()), "content": fragments.restore_for_search(page.content)})
    assert (tmp_path / "search_index.json").read_text(encoding="utf-8") == made_here([lean])
    index = made_here([lean])
    assert "項目" in index and "<td>" not in index and "bulletinfragment" not in index  # the table's words only


def test_an_extension_that_fails_is_told_after_the_scan(tmp_path):
    beside = ScanBeside(tmp_path, [], {})
    beside.start()
    beside.start_extension("json")  # no start(): the process records why
    beside.extension("add", "x")
    beside.finish(also=[])
    assert "AttributeError" in beside.extension_failure


def test_an_extension_that_did_its_work_reports_no_failure(tmp_path):
    beside = ScanBeside(tmp_path, [], {})
    beside.start()
    beside.start_extension("bulletin_search_beside", dict(CONFIG), str(tmp_path / "words.json"), None, [])
    beside.extension("add", IndexedPage.of(a_page()))
    beside.extension("write", str(tmp_path / "search_index.json"))
    beside.finish(also=[])
    assert beside.extension_failure is None
    assert (tmp_path / "search_index.json").read_text(encoding="utf-8") == made_here([a_page()])


def test_a_process_that_never_answered_is_a_failure_of_its_extension(tmp_path, monkeypatch):
    from bulletin import scan_beside
    monkeypatch.setattr(scan_beside.sys, "executable", "/bin/false")
    beside = ScanBeside(tmp_path, [], {})
    beside.start()
    beside.start_extension("bulletin_search_beside", dict(CONFIG), str(tmp_path / "words.json"), None, [])
    beside.finish(also=[])
    assert beside.extension_failure is not None


# Sent early: from the hooks' on_page_content, while MkDocs converts the pages, not from the plugin's
# on_page_context, when it renders them.

class Posted:
    """A stand-in for the process: what was posted to it."""

    def __init__(self) -> None:
        self.pages: list[str] = []

    def extension(self, method: str, page) -> None:
        self.pages.append(page.url)


def a_file_page(url: str, excluded: bool = False, meta: dict | None = None) -> SimpleNamespace:
    page = a_page(url, meta)
    page.file = SimpleNamespace(src_uri=url + ".md", inclusion=SimpleNamespace(is_excluded=lambda: excluded))
    return page


def test_a_page_sent_early_is_sent_once_and_not_again_when_the_plugin_indexes_it():
    posted = Posted()
    index = IndexSentBeside(posted, CONFIG, held=lambda content: None, early=True)
    page = a_file_page("2021/town/")
    index.send_early(page)
    assert posted.pages == ["2021/town/"]
    index.add_entry_from_context(page)
    assert posted.pages == ["2021/town/"]


def test_without_early_a_page_is_sent_when_the_plugin_indexes_it():
    posted = Posted()
    index = IndexSentBeside(posted, CONFIG, held=lambda content: None)
    page = a_file_page("2021/town/")
    index.send_early(page)
    assert posted.pages == []
    index.add_entry_from_context(page)
    assert posted.pages == ["2021/town/"]


def test_a_draft_is_sent_when_the_plugin_indexes_it_with_its_banner():
    posted = Posted()
    index = IndexSentBeside(posted, CONFIG, held=lambda content: None, early=True)
    draft = a_file_page("2021/draft/", excluded=True)
    index.send_early(draft)
    draft.content = "<p>DRAFT</p>" + draft.content
    index.add_entry_from_context(draft)
    assert posted.pages == ["2021/draft/"]


def test_a_page_left_out_of_search_is_not_sent_early_either():
    posted = Posted()
    index = IndexSentBeside(posted, CONFIG, held=lambda content: None, early=True)
    page = a_file_page("2021/print/", meta={"search": {"exclude": True}})
    index.send_early(page)
    index.add_entry_from_context(page)
    assert posted.pages == []


def test_a_page_changed_after_it_was_sent_early_stops_the_build():
    index = IndexSentBeside(Posted(), CONFIG, held=lambda content: None, early=True)
    page = a_file_page("2021/town/")
    index.send_early(page)
    page.content = page.content + "<p>後加</p>"
    with pytest.raises(RuntimeError, match="changed after it was sent"):
        index.add_entry_from_context(page)


def hooked_plugins():
    from mkdocs.config import load_config

    from helpers import REPO

    return load_config(str(REPO / "mkdocs.yml")).plugins


def test_the_search_plugin_reads_what_our_last_content_handler_left():
    plugins = hooked_plugins()
    content, context = plugins.events["page_content"], plugins.events["page_context"]
    assert reads_what_content_left(plugins, content[-1], context[0])


def test_a_content_handler_after_ours_lets_no_page_be_sent_early():
    plugins = hooked_plugins()
    ours, before_search = plugins.events["page_content"][-1], plugins.events["page_context"][0]
    plugins.events["page_content"].append(lambda html, **kwargs: html)
    assert not reads_what_content_left(plugins, ours, before_search)


def test_another_context_handler_before_the_search_plugins_lets_no_page_be_sent_early():
    plugins = hooked_plugins()
    ours, before_search = plugins.events["page_content"][-1], plugins.events["page_context"][0]
    plugins.events["page_context"].insert(1, lambda context, **kwargs: context)
    assert not reads_what_content_left(plugins, ours, before_search)
