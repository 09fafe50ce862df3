"""Rendered tables are one raw HTML block in which no record text can become markup."""

from html.parser import HTMLParser

from bulletin.render import PageContext, render_table
from bulletin.tables import Cell, Column, Table

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "a | b", "`code`", "[link](http://x)", "*bold*"]


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.tags, self._in_cell = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells[-1] += data


def table_of(texts):
    return Table("events", "活動紀要", (Column("活動"),), tuple((Cell(t, t),) for t in texts))


def test_hostile_text_comes_back_as_the_same_cell_text_and_adds_no_element():
    parser = _Cells()
    parser.feed(render_table(table_of(HOSTILE)))
    assert parser.cells == ["活動", *HOSTILE]
    assert set(parser.tags) == {"table", "caption", "thead", "tr", "th", "tbody", "td"}


def test_rendered_table_has_no_blank_line_so_markdown_keeps_it_whole():
    assert "\n\n" not in render_table(table_of(["甲", "乙"]))


def test_a_table_without_records_says_so_instead_of_an_empty_grid():
    assert render_table(table_of([])) == '<p class="bulletin-empty">本期未填報活動紀要數據。</p>'


def test_each_group_total_is_a_total_row_after_the_records():
    table = Table("fund_flows", "經費往來", (Column("事項"), Column("金額（元）", True)), ((Cell("收繳", "收繳"), Cell(1, "1")),),
                  group_totals=((Cell("收繳", "合計（收繳）"), Cell(1, "1")), (Cell("上解", "合計（上解）"), Cell(2, "2"))))
    html = render_table(table)
    assert html.count('<tr class="bulletin-total">') == 2
    assert html.index("合計（收繳）") < html.index("合計（上解）")


def test_a_table_set_apart_follows_with_its_own_caption_and_download():
    aside = Table("awards-apart", "獲獎榮譽：推薦與入圍", (Column("獎項"),), ((Cell("勞模", "勞模"),),), notes=("推薦不是獲獎",))
    table = Table("awards", "獲獎榮譽", (Column("獎項"),), ((Cell("先進", "先進"),),), aside=aside)
    html = render_table(table, PageContext("2021/town.md"), download="downloads/2021/town/awards.csv")
    assert html.index("<caption>獲獎榮譽</caption>") < html.index("<caption>獲獎榮譽：推薦與入圍</caption>")
    assert 'data-bulletin-table="awards-apart"' in html
    assert 'href="../../downloads/2021/town/awards-apart.csv"' in html


def test_each_character_html_escapes_is_escaped_in_a_cell_however_it_stands_alone():
    from html import escape

    for text in ["&", "<", ">", '"', "'", "甲&乙", "1,234"]:
        assert f"<td class=\"bulletin-text\">{escape(text)}</td>" in render_table(table_of([text]))
