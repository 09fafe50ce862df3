"""Tables use the screen: wider on a desktop, no name or figure broken mid-word, wide tables scroll by keyboard."""

import pytest

DESKTOP = {"viewport": {"width": 1366, "height": 800}}
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TABLE_PAGES = ["2021/", "units/railway-bureau/", "2021/zhangqi-town/", "awards/"]
ARTICLE_WIDTH_BEFORE = 688  # px at 1366, in Material's 61rem grid with both sidebars (measured before the change)

# Where a cell's text breaks onto a new line: [cell text, the character after the break, the one before].
# Figures (14,400, −25.0%, 120多, —) and unit names (the links ending in 工會) must not break at all;
# a header may break only before an opening bracket: 慰問金／（元）, never 其中農民工（人／次）.
BREAKS = r"""() => {
  const found = [];
  const figure = /^[−+\-]?[0-9][0-9,.]*(多)?%?$|^—$/;
  for (const cell of document.querySelectorAll('table[data-bulletin-table] th, table[data-bulletin-table] td')) {
    const text = cell.textContent.trim();
    const unitName = [...cell.querySelectorAll('a')].some(a => /工會(（含下級）)?$/.test(a.textContent.trim()));
    const kind = cell.tagName === 'TH' ? 'header' : figure.test(text) ? 'figure' : unitName ? 'name' : null;
    if (!kind) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let top = null, before = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        const ch = node.data[i];
        if (!rect || !ch.trim()) { before = ch; continue; }
        if (top !== null && rect.top > top + 2 && !(kind === 'header' && (ch === '（' || before === ' '))) {
          found.push([kind, text, before + '／' + ch]);
        }
        top = rect.top; before = ch;
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("size", ["1366", "375"])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_no_unit_name_header_or_figure_breaks_mid_word(served_site, open_page, path, size):
    page, _ = open_page(served_site + path, served_site, **(DESKTOP if size == "1366" else PHONE))
    assert page.locator("table[data-bulletin-table]").count() > 0
    assert page.evaluate(BREAKS) == []


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_table_pages_use_more_of_a_desktops_width(served_site, open_page, path):
    page, _ = open_page(served_site + path, served_site, **DESKTOP)
    width = page.evaluate("() => document.querySelector('article').getBoundingClientRect().width")
    assert width > ARTICLE_WIDTH_BEFORE + 100


def test_a_long_text_column_wraps_at_a_readable_width(served_site, open_page):
    page, _ = open_page(served_site + "2021/cooperative-bank/", served_site, **DESKTOP)
    cells = page.evaluate("""() => [...document.querySelectorAll('table[data-bulletin-table] td.bulletin-text')]
        .map(td => [td.textContent.trim().length, td.getBoundingClientRect().width / parseFloat(getComputedStyle(td).fontSize)])""")
    assert max(length for length, _ in cells) > 30  # a line of it would be wider than the measure
    assert max(width for _, width in cells) <= 24.5  # ems: about 24 characters of Chinese


def wide_frame(page):
    table = page.locator('table[data-bulletin-table="visits-2021"]')
    return table, table.locator("xpath=ancestor::div[contains(@class,'md-typeset__scrollwrap')]")


def test_the_arrow_keys_scroll_a_wide_table(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site, **PHONE)
    table, frame = wide_frame(page)
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")
    table.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert frame.evaluate("e => e.scrollLeft") > 0


def test_a_table_that_scrolls_sideways_shows_a_shadow_at_its_edge(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site, **PHONE)
    table, frame = wide_frame(page)
    assert "radial-gradient" in frame.evaluate("e => getComputedStyle(e).backgroundImage")
    # the table lets the frame's shadow show through; its sticky first column keeps its own background
    assert table.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"


def test_the_focused_scrolling_table_is_named_by_its_caption(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site, **PHONE)
    table, _ = wide_frame(page)
    assert table.get_attribute("tabindex") == "0"
    assert table.evaluate("e => e.caption && e.caption.textContent.trim()") == "2021年度看望慰問"


def test_a_table_focused_from_the_keyboard_shows_its_focus(served_site, open_page):
    page, _ = open_page(served_site + "2021/", served_site, **DESKTOP)
    table, _ = wide_frame(page)
    table.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus from the keyboard, so :focus-visible applies
    assert page.evaluate("() => document.activeElement.dataset.bulletinTable") == "visits-2021"
    assert table.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
