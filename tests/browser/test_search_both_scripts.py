"""Search in both scripts, whole phrases first: a Simplified query finds the Traditional pages."""

import functools
import http.server
import threading
from urllib.parse import urlparse

import pytest
from helpers import REPO, mkdocs_build
from searchbox import open_first_result, search
from test_search import expected_pages, page_texts

from bulletin.search_scripts import to_simplified


@pytest.fixture(scope="module")
def search_page(served_site, browser):
    page = browser.new_page()
    page.goto(served_site)
    page.keyboard.press("/")
    yield page
    page.close()


@pytest.mark.parametrize("traditional", ["勞動競賽", "困難職工", "職工之家", "羅湖區", "孃家人", "和諧杯"])
def test_a_simplified_query_finds_every_page_holding_its_traditional_form(sample_site, search_page, traditional):
    expected = expected_pages(page_texts(sample_site), traditional)
    assert expected and sorted(expected - search(search_page, to_simplified(traditional))) == []


def test_the_page_opened_from_a_simplified_query_highlights_its_traditional_spelling(served_site, browser):
    page = open_first_result(served_site, browser, "劳动竞赛")
    page.wait_for_selector("article mark")
    assert set(page.locator("article mark").all_inner_texts()) == {"勞動競賽"}
    page.close()


def test_a_query_starting_inside_a_word_finds_every_page_holding_it(sample_site, search_page):
    expected = expected_pages(page_texts(sample_site), "區總工會")
    assert sorted(expected - search(search_page, "區總工會")) == []


@pytest.mark.parametrize("phrase", ["和諧杯", "職工之家", "優秀組織獎", "模範職工之家"])
def test_the_first_result_is_a_page_holding_the_whole_phrase(sample_site, search_page, phrase):
    search(search_page, phrase)
    first = search_page.locator("li.md-search-result__item a.md-search-result__link").first
    path = urlparse(first.evaluate("e => e.href")).path.lstrip("/")
    assert phrase in page_texts(sample_site)[path]


def test_no_single_character_of_a_phrase_is_highlighted_in_the_results(search_page):
    search(search_page, "和諧杯")
    marks = search_page.locator(".md-search-result mark").all_inner_texts()
    assert marks and [m for m in marks if len(m) == 1] == []


@pytest.mark.parametrize("phrase", ["和諧杯", "職工之家"])
def test_the_page_opened_for_a_phrase_highlights_the_whole_phrase_only(served_site, browser, phrase):
    page = open_first_result(served_site, browser, phrase)
    page.wait_for_selector("article mark", timeout=5000)
    assert set(page.locator("article mark").all_inner_texts()) == {phrase}
    page.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def simplified_site(tmp_path_factory):
    """The sample built as a Simplified site (`theme: language: zh`), served; yields (site, URL)."""
    root = tmp_path_factory.mktemp("simplified") / "project"
    root.mkdir()
    for name in ("data", "docs", "hooks"):
        (root / name).symlink_to(REPO / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    run = mkdocs_build(root)
    assert run.returncode == 0, run.stderr
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root / "site", f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("traditional", ["幫扶助學", "勞動競賽"])
def test_a_traditional_query_finds_the_simplified_labels_of_a_simplified_site(simplified_site, browser, traditional):
    site, url = simplified_site
    expected = {p for p, t in page_texts(site).items() if to_simplified(traditional) in t}
    page = browser.new_page()
    page.goto(url)
    page.keyboard.press("/")
    found = search(page, traditional)
    page.close()
    assert expected and sorted(expected - found) == []
