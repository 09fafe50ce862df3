"""Using Material's search box as a reader does, for the browser tests."""

import re
from urllib.parse import urlparse


# The result meta once an answer was given: a count, or Material's "none found" (zh-Hant, zh-TW,
# zh, en). The words for an empty box are read from the page's own __config, any language.
ANSWERED = "/\\d|沒有|没有|No matching/"
PLACEHOLDER = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"


def search(page, query: str) -> set[str]:
    """The pages the search box lists for `query`, every result loaded.

    Material searches on key events, so the box is cleared and typed into with a key press,
    then read once the results have settled. The worker answers each query in turn and the
    count shown is of the last answer, worded for the box's value *now*: so the answer to the
    cleared box (its placeholder) is awaited before the query is typed, or under load that late
    answer reads "none found" for the query.
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        f" return m && m.textContent.trim() === {PLACEHOLDER} && !document.querySelector('.md-search-result__item') }}")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        f" return m && {ANSWERED}.test(m.textContent) }}")
    meta = page.locator(".md-search-result__meta").inner_text()
    number = re.search(r"\d+", meta)
    wanted = int(number.group()) if number else 0
    documents = page.locator("li.md-search-result__item")
    wrap = page.locator(".md-search__scrollwrap")
    for _ in range(50):
        # Material renders ten results, then four more each time the list is scrolled to its end
        # again: leave the end, then come back to it.
        if documents.count() >= wanted:
            break
        for position in ("0", "e.scrollHeight"):
            wrap.evaluate(f"e => {{ e.scrollTop = {position}; e.dispatchEvent(new Event('scroll')); }}")
            page.wait_for_timeout(60)
    items = page.locator("li.md-search-result__item a.md-search-result__link")
    return {urlparse(href).path.lstrip("/") for href in items.evaluate_all("els => els.map(e => e.href)")}


def open_first_result(served_site, browser, query):
    """A new page on the site, `query` typed into search, its first result opened."""
    page = browser.new_page()
    page.goto(served_site)
    page.keyboard.press("/")
    search(page, query)
    page.locator("li.md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_load_state()
    return page
