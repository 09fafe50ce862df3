"""A report's body moved onto its year's print page: ids as toc gives them there, addresses rebased."""

import re

import markdown
import pytest

from bulletin.heading_record import HeadingRecorder
from bulletin.print_sections import page_folder, print_ids, rebased, toc_tokens, with_ids

EXTENSIONS = ["toc", "attr_list"]


def converted(text: str):
    """A page as MkDocs converts it (toc with permalinks), with the record toc's work left."""
    recorder = HeadingRecorder()
    md = markdown.Markdown(extensions=[*EXTENSIONS, recorder], extension_configs={"toc": {"permalink": True}})
    return md.convert(text), recorder.take(), md


TITLE = "# 2021年全部報告\n"
REPORTS = [
    "# 甲2021\n\n## 一、慰問\n\n## 一、慰問\n\n段落\n{#_3}\n\n### 1\n\n[回到慰問](#_1)\n",
    "# 乙2021\n\n## 一、慰問 {#own}\n\n## 二、其他\n\n### 1\n\n[回到其他](#_1)\n",
]


def test_ids_on_the_print_page_are_the_ones_toc_gives_the_reports_on_one_page():
    pages = [converted(text)[1] for text in [TITLE, *REPORTS]]
    html, _, md = converted("\n\n".join([TITLE, *REPORTS]))
    assert sum(print_ids(pages), []) == re.findall(r'<h[1-6] id="([^"]*)"', html)


def test_the_print_pages_contents_are_tocs_for_the_reports_on_one_page():
    pages = [converted(text)[1] for text in [TITLE, *REPORTS]]
    _, _, md = converted("\n\n".join([TITLE, *REPORTS]))
    assert toc_tokens(pages, print_ids(pages)) == md.toc_tokens


def test_a_reports_headings_permalinks_and_own_links_follow_its_new_ids():
    pages = [converted(text) for text in [TITLE, *REPORTS]]
    ids = print_ids([record for _, record, _ in pages])
    moved = with_ids(pages[2][0], pages[2][1], ids[2])
    html, _, _ = converted("\n\n".join([TITLE, *REPORTS]))
    # On one page, its 「回到其他」 led to the first report's first heading; now to its own 「其他」.
    assert moved == html[html.index('<h1 id="2021_2"'):].replace('<a href="#_1">回到其他', '<a href="#_4">回到其他')
    assert '<h2 id="_4">二、其他<a class="headerlink" href="#_4"' in moved


def test_headings_written_as_html_by_an_editor_are_passed_over():
    html, record, _ = converted('## 甲\n\n<h2 id="_1">手寫</h2>\n\n## 乙\n')
    moved = with_ids(html, record, ["_7", "_8"])
    assert re.findall(r'<h2 id="([^"]*)"', moved) == ["_7", "_1", "_8"]


@pytest.mark.parametrize(("address", "report", "moved"), [
    ("../district/", "2021-H1/town/", "../../2021-H1/district/"),
    ("../../units/town/", "2021-H1/town/", "../../units/town/"),
    ("../../downloads/2021-H1/town/visits.csv", "2021-H1/town/", "../../downloads/2021-H1/town/visits.csv"),
    ("../../", "2021-H1/town/", "../../"),
    ("./", "2021-H1/town/", "../../2021-H1/town/"),
    ("../district/?a=1&amp;b=2#x", "2021-H1/town/", "../../2021-H1/district/?a=1&amp;b=2#x"),
    ("pic.png", "2021/town/", "../town/pic.png"),
    ("../district/", "2021/town/", "../district/"),
    ("district.html#x", "2021-H1/town.html", "../2021-H1/district.html#x"),
    ("district.html", "2021/town.html", "district.html"),
])
def test_a_relative_address_leads_from_the_print_page_where_it_led_from_the_report(address, report, moved):
    to = "2021/print.html" if report.endswith(".html") else "2021/print/"
    html = f'<p><a href="{address}">甲</a><img src="{address}"></p>'
    assert rebased(html, page_folder(report), page_folder(to)) == f'<p><a href="{moved}">甲</a><img src="{moved}"></p>'


@pytest.mark.parametrize("address", ["https://example.org/a", "mailto:a@b.c", "#_1", "/abs/", "//host/x", "?q=1", ""])
def test_addresses_that_do_not_depend_on_the_pages_folder_stay(address):
    html = f'<a href="{address}">甲</a>'
    assert rebased(html, "2021-H1/town", "2021/print") == html
