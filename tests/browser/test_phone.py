"""On a 375 px phone: tables keep their first column in view and the page never scrolls sideways."""

import pytest

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PAGES = ["", "2021/", "2021/zhangqi-town/", "units/railway-bureau/", "units/meixin-company/", "awards/", "2021/print/"]


@pytest.mark.parametrize("path", PAGES)
def test_the_page_itself_never_scrolls_sideways(served_site, open_page, path):
    page, _ = open_page(served_site + path, served_site, **PHONE)
    # innerWidth grows with wide content on a mobile viewport; the layout width stays the phone's.
    scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert client == 375 and scroll <= client


def test_a_wide_table_scrolls_inside_its_frame_with_its_first_column_in_view(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site, **PHONE)
    table = page.locator('table[data-bulletin-table="visits-2021"]')
    frame = table.locator("xpath=ancestor::div[contains(@class,'md-typeset__scrollwrap')]")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than the phone
    label = table.locator("tbody tr").first.locator("td").first
    before = label.bounding_box()["x"]
    frame.evaluate("e => e.scrollLeft = e.scrollWidth")
    page.wait_for_timeout(100)
    last = table.locator("tbody tr").first.locator("td").last
    assert last.bounding_box()["x"] + last.bounding_box()["width"] <= 375 + 1  # scrolled to its end
    after = label.bounding_box()["x"]
    assert 0 <= after <= before + 1  # and the unit's name is still on screen, at the frame's left edge
