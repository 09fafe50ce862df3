"""Chinese search finds every page that holds the word: 30+ queries from the sample archive."""

import html as html_lib
import re
from pathlib import Path

import pytest
from searchbox import open_first_result, search

QUERIES = [
    # unit names
    "宣城車間工會", "東航美心", "掌起鎮工會", "羅湖區總工會", "合作銀行", "蕪湖車務段",
    # award titles and ranks
    "模範職工之家", "服務明星", "優秀組織獎", "團體第一名", "季軍", "收息狀元",
    # words from the middle of sentences
    "孃家人", "金秋助學", "合理化建議", "勞動競賽", "職代會", "廠務公開", "工傷探視", "職業病",
    "勞資糾紛", "集體合同", "技術攻關", "運動會", "文藝匯演", "夏送清涼", "農民工", "慰問金",
    "安全知識", "段徽", "工資集體協議", "建築工人", "蓮塘街道", "主人翁",
    # figures, as typed by a reader
    "14400", "14,400", "1850", "41000", "349", "120多",
]


def page_texts(site: Path) -> dict[str, str]:
    """Each page's readable text (article only), by its path, as a reader would search it."""
    texts = {}
    for path in site.rglob("index.html"):
        if "search" in path.parts or path.parent == site / "404" or path.parent.name == "print":
            continue  # a print page repeats its year's reports and is left out of search on purpose
        raw = path.read_text(encoding="utf-8")
        article = raw[raw.find("<article"):raw.find("</article>")]
        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", article))
        texts[path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""] = text
    return texts


def expected_pages(texts: dict[str, str], query: str) -> set[str]:
    plain = query.replace(",", "")
    return {p for p, t in texts.items() if query in t or plain in t.replace(",", "")}


@pytest.fixture(scope="module")
def search_page(served_site, open_page):
    page, traffic = open_page(served_site, served_site)
    page.keyboard.press("/")
    return page


@pytest.fixture(scope="module")
def open_page(browser):
    contexts = []

    def open_(url, origin):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page, None

    yield open_
    for context in contexts:
        context.close()


def test_there_are_at_least_thirty_queries_and_each_is_on_some_page(sample_site):
    texts = page_texts(sample_site)
    assert len(QUERIES) >= 30
    assert [q for q in QUERIES if not expected_pages(texts, q)] == []


@pytest.mark.parametrize("query", QUERIES)
def test_every_page_holding_the_word_is_found(sample_site, search_page, query):
    expected = expected_pages(page_texts(sample_site), query)
    found = search(search_page, query)
    assert sorted(expected - found) == []


@pytest.mark.parametrize(("query", "marked"), [("孃家人", "孃家人"), ("金秋助學", "金秋助學"), ("14400", "14,400")])
def test_the_opened_result_highlights_the_chinese_words_searched_for(served_site, browser, query, marked):
    page = open_first_result(served_site, browser, query)
    page.wait_for_selector("article mark")
    assert marked in page.locator("article mark").all_inner_texts()
    page.close()
