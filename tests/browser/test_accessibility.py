"""Every kind of page passes axe-core (vendored from the npm registry) without serious violations."""

from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
PAGES = ["", "2021/", "2021/print/", "2021/xuancheng-workshop/", "2021-H1/luohu-district/",
         "units/railway-bureau/", "units/meixin-company/", "awards/"]


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} × {v['nodes'][0]['target']}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_the_page_has_no_serious_or_critical_accessibility_violation(served_site, open_page, path):
    page, _ = open_page(served_site + path, served_site)
    assert violations(page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tables_read_well_in_both_palettes(served_site, open_page, scheme):
    page, _ = open_page(served_site + "2021/", served_site)
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    assert violations(page) == []


def test_computed_tables_have_captions_and_header_cells(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site)
    tables = page.locator("table[data-bulletin-table]")
    assert tables.count() > 5
    for table in tables.all():
        assert table.locator("caption").inner_text().strip()
        assert table.locator("thead th").count() >= 2


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_open_search_with_results_passes_too(served_site, open_page, scheme):
    from searchbox import search

    page, _ = open_page(served_site, served_site)
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.keyboard.press("/")
    assert search(page, "慰問")
    assert violations(page) == []
