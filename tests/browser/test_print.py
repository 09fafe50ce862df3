"""Reports print on A4 with every table column on the sheet, no blank page, a title and page numbers."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

# A4 less the 12 mm side margins of our @page rule, in CSS pixels (96 per inch).
A4_CONTENT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
A4_POINTS = (595.3, 841.9)
WIDE_PAGES = ["2021/print/", "units/meixin-company/", "units/xuancheng-workshop/", "2021/", "awards/"]

# Glyphs the PDF's font maps to look-alike code points that NFKC leaves alone.
_PDF_LOOKALIKES = str.maketrans({"\u2215": "/", "\u2ea0": "民", "\u2ed1": "長", "\u2edd": "食"})


def squeeze(text: str) -> str:
    """Text compared without spaces, in NFKC, with the PDF's look-alike characters read back."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_PDF_LOOKALIKES)


def printed(page):
    """The PDF Chromium prints: its pages' text, their sizes in points, and its title."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    texts = [unicodedata.normalize("NFKC", p.extract_text() or "").translate(_PDF_LOOKALIKES) for p in reader.pages]
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return texts, sizes, unicodedata.normalize("NFKC", reader.metadata.title or "")


FOOTER_POINTS = 16 / 25.4 * 72  # the @page rule's bottom margin, where the page number is


def lowest_lines(pdf: bytes) -> list[str]:
    """Each printed page's lowest line of text above its page number, spaces removed."""
    lines = []
    for sheet in PdfReader(io.BytesIO(pdf)).pages:
        pieces = _texts_above_footer(sheet)
        low = min((y for y, _ in pieces), default=0)
        lines.append(squeeze("".join(t for y, t in pieces if abs(y - low) <= 3)))
    return lines


def _texts_above_footer(sheet) -> list[tuple[float, str]]:
    """(height, text) of each piece of text a page prints above its page number."""
    pieces = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > FOOTER_POINTS + 2:
            pieces.append((y, text))

    sheet.extract_text(visitor_text=visit)
    return pieces


@pytest.fixture(scope="module")
def printed_year(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021/print/")
    result = printed(page)
    page.close()
    return result


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_on_paper_every_table_fits_the_sheet_so_no_column_is_cut(browser, served_site, path):
    page = browser.new_page(viewport={"width": A4_CONTENT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    page.goto(served_site + path)
    overflowing = page.evaluate("""() => [...document.querySelectorAll('table[data-bulletin-table]')]
        .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                  || t.scrollWidth > t.clientWidth + 1
                  || [...t.querySelectorAll('th, td')].some(c => c.getBoundingClientRect().right
                                                              > document.documentElement.clientWidth + 1))
        .map(t => t.dataset.bulletinTable)""")
    widest = page.evaluate("() => Math.max(...[...document.querySelectorAll('table[data-bulletin-table]')]"
                           ".map(t => t.querySelectorAll('thead th').length))")
    page.close()
    assert overflowing == []
    assert widest >= 5  # the pages checked do hold wide tables


def test_the_year_prints_on_a4_with_each_report_starting_a_sheet(printed_year):
    texts, sizes, _ = printed_year
    assert all(abs(w - A4_POINTS[0]) < 1 and abs(h - A4_POINTS[1]) < 1 for w, h in sizes)
    titles = ["宣城車間工會2021年度工作總結", "東航美心公司工會2021年度工作總結", "某農業合作銀行工會2021年度工作總結",
              "掌起鎮工會2021年度工作總結", "羅湖區總工會2021年上半年工作總結"]
    # After the cover and the contents (which name every report).
    first_pages = [next(i for i, t in enumerate(texts) if i >= 2 and title in squeeze(t)) for title in titles]
    assert len(set(first_pages)) == len(titles)  # no two reports share a sheet


def test_no_printed_page_is_blank_and_every_page_is_numbered(printed_year):
    texts, _, _ = printed_year
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        footer = f"第 {number} 頁 / 共 {total} 頁"
        assert footer in text
        assert text.replace(footer, "").strip(), f"page {number} is blank"


def test_the_saved_pdfs_text_is_searchable_as_typed(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021/xuancheng-workshop/")
    raw = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages)
    page.close()
    assert "工會" in raw  # 工 as U+5DE5, not the Kangxi radical ⼯ (U+2F2F) a reader's search never finds
    assert [c for c in raw if "\u2e80" <= c <= "\u2fdf"] == []  # no radical look-alikes at all


def test_no_heading_caption_or_table_header_is_left_at_the_foot_of_a_printed_page(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021/print/")
    page.emulate_media(media="print")
    # Headings, captions and header rows of the reports (not the contents list, which names them all).
    starts = page.evaluate("""() => [...document.querySelectorAll(
        'article h1, article h2, article h3, article h4, article caption, article thead tr')]
        .filter(e => !e.closest('.bulletin-contents')).map(e => e.innerText)""")
    feet = lowest_lines(page.pdf(prefer_css_page_size=True))
    page.close()
    starts = {squeeze(s).replace("¶", "") for s in starts}
    left = [(n, foot) for n, foot in enumerate(feet, start=1)
            if len(foot) >= 2 and any(s.endswith(foot) for s in starts)]
    assert left == []


def test_the_year_print_opens_with_a_cover_and_its_contents(printed_year, browser, served_site):
    texts, _, _ = printed_year
    cover, contents = squeeze(texts[0]), squeeze(texts[1])
    assert "工會年度工作總結檔案" in cover and "2021年工作總結彙編" in cover
    assert "期別2021年度、2021年上半年" in cover and "(共5個)" in cover and "報告5份" in cover
    assert re.search(r"列印日期20\d\d年\d{1,2}月\d{1,2}日", cover)  # the day it is printed
    titles = ["宣城車間工會2021年度工作總結", "羅湖區總工會2021年上半年工作總結"]
    assert all(title in contents for title in titles) and "目錄" in contents
    page = browser.new_page()
    page.goto(served_site + "2021/print/")
    targets = page.evaluate("""() => [...document.querySelectorAll('.bulletin-contents a')]
        .map(a => document.getElementById(a.hash.slice(1))?.nextElementSibling?.innerText)""")
    page.close()
    assert [squeeze(t or "").replace("¶", "") for t in targets][:1] == [titles[0]]
    assert len(targets) == 5 and all(targets)  # every entry leads to its report's title


def test_the_last_printed_page_holds_more_than_the_page_furniture(printed_year, browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021/xuancheng-workshop/")
    report, _, _ = printed(page)
    page.close()
    for texts in (printed_year[0], report):
        last = re.sub(r"第 \d+ 頁 / 共 \d+ 頁|資料更新.*", "", texts[-1])
        assert len(squeeze(last)) >= 10


def test_links_that_only_work_on_screen_are_not_printed(printed_year):
    texts, _, _ = printed_year
    assert "下載CSV" not in squeeze("".join(texts))


def test_a_printed_report_is_titled_with_its_unit_and_period(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021-H1/luohu-district/")
    texts, _, title = printed(page)
    page.close()
    assert title.startswith("羅湖區總工會2021年上半年工作總結")
    assert "羅湖區總工會2021年上半年工作總結" in squeeze(texts[0])


def test_the_year_page_links_to_its_print_page(served_site, browser):
    page = browser.new_page()
    page.goto(served_site + "2021/")
    page.get_by_role("link", name="列印本年全部報告").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/2021/print/")
    page.close()
