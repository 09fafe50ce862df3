"""Every kind of page a reader meets, on a desktop and a phone: all its words Chinese, a screenshot kept.

The screenshots go to tests/output/screenshots/<page type>-<width>.png (not in git), for a person
to look over after a run; the tests themselves check the words.
"""

import re
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parent.parent / "output" / "screenshots"
PAGE_TYPES = {
    "home": "",
    "year": "2021/",
    "print": "2021/print/",
    "report": "2021/xuancheng-workshop/",
    "unit": "units/xuancheng-workshop/",
    "units-index": "units/",
    "awards": "awards/",
    "not-found": "404.html",
    "search": "?q=工會",
}
WIDTHS = {1366: {"viewport": {"width": 1366, "height": 900}},
          375: {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
                "has_touch": True}}
# Words in Latin letters a Chinese reader is meant to see: file formats named on download links,
# and a standard a narrative names (ISO 9001).
ALLOWED = {"CSV", "XLSX", "Excel", "PDF", "ISO"}
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:csv|xlsx|yml|md)\b|data/\S*")


def visible_words(page) -> list[str]:
    """The Latin words a reader sees: the page's text, its placeholders and its buttons' names."""
    text = page.evaluate("""() => [document.body.innerText,
        ...[...document.querySelectorAll('[placeholder]')].map(e => e.getAttribute('placeholder')),
        ...[...document.querySelectorAll('[aria-label], [title]')].filter(e => e.checkVisibility())
            .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''))].join('\\n')""")
    return [w for w in LATIN_WORD.findall(URL.sub(" ", text)) if w not in ALLOWED]


def opened(open_page, served_site, page_type: str, width: int):
    page, _ = open_page(served_site + PAGE_TYPES[page_type], served_site, **WIDTHS[width])
    if page_type == "search":
        page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_shows_no_english_interface_text_and_is_photographed(served_site, open_page,
                                                                            page_type, width):
    page = opened(open_page, served_site, page_type, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{page_type}-{width}.png", full_page=page_type != "print")
    assert sorted(set(visible_words(page))) == []


def test_the_not_found_page_leads_home_and_to_search(served_site, open_page):
    page = opened(open_page, served_site, "not-found", 1366)
    article = page.locator("article")
    assert "找不到這一頁" in article.inner_text()
    article.get_by_role("link", name="搜尋全站").click()
    page.wait_for_selector("input.md-search__input:focus")
    page.goto(served_site + "404.html")
    page.locator("article").get_by_role("link", name="回到首頁").click()
    page.wait_for_load_state()
    assert page.url == served_site
