"""A page a reader opens does not build the search index; the first query does.

Material builds its whole index in a worker as soon as a page opens: at 2,000 reports more than
13 s of a core for every page opened, searching or not. Our worker wrapper (search_worker.js)
keeps the index it is sent and builds it for the first query. Material's worker loads lunr's
language files when it builds the index, so their requests show when it did.
"""

from searchbox import search


def lunr_files(traffic) -> list[str]:
    return [url for url in traffic.requests if "/lunr/" in url]


def test_an_opened_page_builds_no_search_index_until_the_reader_searches(served_site, open_page):
    page, traffic = open_page(served_site + "2021/", served_site)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert any(url.endswith("search/search_index.json") for url in traffic.requests)  # the index came
    assert lunr_files(traffic) == []
    page.keyboard.press("/")
    assert "2021/xuancheng-workshop/" in search(page, "宣城車間工會")
    assert lunr_files(traffic) != []


def test_while_the_index_is_built_for_the_first_query_the_result_line_says_so(served_site, open_page):
    held = []  # lunr's language files, held back: Material's worker builds its index once they come
    page, _ = open_page(served_site + "2021/", served_site)
    page.context.route("**/lunr/min/*.js", lambda route: held.append(route))
    page.wait_for_load_state("networkidle")
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")
    meta = page.locator(".md-search-result__meta")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("宣城車間工會")
    box.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() === '正在初始化搜尋引擎'")
    page.wait_for_timeout(300)
    assert held and meta.inner_text().strip() == "正在初始化搜尋引擎"  # still building: Material's own words
    for route in held:
        route.continue_()
    page.context.unroute("**/lunr/min/*.js")
    page.wait_for_selector(".md-search-result__item")
    assert meta.inner_text().strip() not in ("正在初始化搜尋引擎", config["search.result.placeholder"])
