"""Nothing outside the site is fetched at view time: checked in Chromium and in the built files."""

import re

import pytest
from searchbox import search

PAGES = ["", "2021/", "2021/xuancheng-workshop/", "2021-H1/luohu-district/", "units/wuhu-depot/", "awards/"]


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


# What makes a browser fetch: src/href of resources, CSS url() and @import, JS fetch/import of a URL.
_FETCHING = [
    re.compile(r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc="(https?:)?//', re.I),
    re.compile(r'<link\b(?=[^>]*\brel="(?:stylesheet|preload|preconnect|dns-prefetch|icon|manifest|modulepreload)")'
               r'[^>]*\bhref="(https?:)?//', re.I),
    re.compile(r'url\(\s*["\']?(https?:)?//', re.I),
    re.compile(r'@import\s+(?:url\()?["\']?(https?:)?//', re.I),
]


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
