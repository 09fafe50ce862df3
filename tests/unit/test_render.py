"""Rendered tables are one raw HTML block in which no record text can become markup."""

from html.parser import HTMLParser

from bulletin.render import render_table
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
