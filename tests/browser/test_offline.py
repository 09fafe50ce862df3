"""Nothing outside the site is fetched at view time: checked in Chromium and in the built files."""

import re

import pytest
from searchbox import search

PAGES = ["", "2021/", "2021/print/", "2021/xuancheng-workshop/", "2021-H1/luohu-district/", "units/wuhu-depot/",
         "awards/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_with_search_used_and_the_palette_toggled_requests_nothing_outside(served_site, open_page, path):
    page, traffic = open_page(served_site + path, served_site)
    page.keyboard.press("/")
    assert search(page, "慰問")  # the search worker and its index load from the site itself
    page.keyboard.press("Escape")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    page.wait_for_timeout(200)
    assert traffic.outside() == []
    assert traffic.failed == []
    assert len(traffic.requests) > 5  # the page, its assets, the search index: the recording works


# What makes a browser fetch: resource attributes (quoted or not), CSS url() and @import, and
# JavaScript that loads a URL. A plain <a href> to another site is a link, not a fetch.
_URL = r"""\s*=\s*["']?(?:https?:)?//"""
_FETCHING = [
    re.compile(rf"<(?:script|img|iframe|source|video|audio|embed|track|input)\b[^>]*\b(?:src|srcset|poster){_URL}", re.I),
    re.compile(rf"<object\b[^>]*\bdata{_URL}", re.I),
    re.compile(rf"<image\b[^>]*\b(?:xlink:)?href{_URL}", re.I),
    re.compile(r"<link\b(?=[^>]*\brel\s*=\s*[\"']?(?:stylesheet|preload|preconnect|dns-prefetch|icon|manifest|modulepreload))"
               rf"[^>]*\bhref{_URL}", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", re.I),
    re.compile(r"(?:fetch|importScripts|import)\(\s*[\"'`](?:https?:)?//", re.I),
]


@pytest.mark.parametrize("snippet", [
    "<img src='https://e.x/a.png'>", "<img src=//e.x/a.png>", '<img srcset="https://e.x/a.png 2x">',
    '<object data="https://e.x/a.swf">', '<svg><image href="https://e.x/a.png"/></svg>',
    "<link href=https://e.x/a.css rel=stylesheet>", "a{background:url(https://e.x/a.png)}",
    '@import "https://e.x/a.css";', 'fetch("https://e.x/api")', "importScripts('https://e.x/w.js')",
])
def test_the_scan_recognises_each_way_of_fetching_from_another_host(snippet):
    assert any(pattern.search(snippet) for pattern in _FETCHING)


def test_the_scan_lets_plain_links_to_other_sites_be():
    assert not any(pattern.search('<a href="https://e.x/">elsewhere</a>') for pattern in _FETCHING)


def test_no_built_file_refers_to_a_resource_on_another_host(sample_site):
    offenders = []
    for path in sample_site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".json", ".xml", ".svg"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in _FETCHING:
            for match in pattern.finditer(text):
                offenders.append(f"{path.relative_to(sample_site)}: {text[match.start():match.end() + 40]!r}")
    assert offenders == []
