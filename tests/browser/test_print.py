"""A year's reports print on A4 with every table column, no blank page, a title and page numbers."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from helpers import tables_in


def pdf_pages(page) -> tuple[list[str], str]:
    """Each printed page's text (PDF ideographs folded back to ordinary ones) and the PDF's title."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    texts = [unicodedata.normalize("NFKC", p.extract_text() or "").translate(_PDF_LOOKALIKES) for p in reader.pages]
    return texts, unicodedata.normalize("NFKC", reader.metadata.title or "")


# Glyphs the PDF's font maps to look-alike code points that NFKC leaves alone.
_PDF_LOOKALIKES = str.maketrans({"\u2215": "/", "\u2ea0": "民", "\u2ed1": "長", "\u2edd": "食"})


def squeeze(text: str) -> str:
    """Text compared without spaces, in NFKC, with the PDF's look-alike characters read back."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_PDF_LOOKALIKES)


@pytest.fixture(scope="module")
def printed_year(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021/print/")
    html = page.content()
    texts, title = pdf_pages(page)
    page.close()
    return html, texts, title


def test_the_year_print_page_holds_every_report_of_the_year(printed_year, sample_site):
    html, texts, _ = printed_year
    whole = squeeze("".join(texts))
    for title in ("宣城車間工會2021年度工作總結", "東航美心公司工會2021年度工作總結", "某農業合作銀行工會2021年度工作總結",
                  "掌起鎮工會2021年度工作總結", "羅湖區總工會2021年上半年工作總結"):
        assert title in whole


def test_every_column_of_every_table_is_on_paper(printed_year):
    html, texts, _ = printed_year
    whole = squeeze("".join(texts))
    tables = tables_in(html)
    assert len(tables) >= 25
    missing = [(key, header) for key, rows in tables.items() for header in rows[0] if squeeze(header) not in whole]
    assert missing == []
    figures = [(key, cell) for key, rows in tables.items() for row in rows[1:] for cell in row
               if re.fullmatch(r"[\d,.%+−多]+", cell) and squeeze(cell) not in whole]
    assert figures == []  # the numbers of the last columns are on paper too, not cut off


def test_no_printed_page_is_blank_and_every_page_is_numbered(printed_year):
    _, texts, _ = printed_year
    total = len(texts)
    assert total >= 5  # each report starts a new sheet
    for number, text in enumerate(texts, start=1):
        footer = f"第 {number} 頁 / 共 {total} 頁"
        assert footer in text
        assert text.replace(footer, "").strip(), f"page {number} is blank"


def test_a_printed_report_is_titled_with_its_unit_and_period(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "2021-H1/luohu-district/")
    texts, title = pdf_pages(page)
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
