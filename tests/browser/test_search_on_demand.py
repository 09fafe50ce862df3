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
