"""Narratives' raw HTML through the allowlist: what could run is removed and named; formatting stays."""

from decimal import Decimal
from html.parser import HTMLParser

import markdown
import pytest

from bulletin.charts import Chart, Series, render_chart
from bulletin.fragments import Fragments
from bulletin.preview import problems_box
from bulletin.problems import Location, Problem
from bulletin.render import PageContext, render_table
from bulletin.sanitize import clean, problems
from bulletin.tables import Cell, Column, Table

NARRATIVE = "docs/2021/town.md"


def removed(html: str) -> list[str]:
    return [item.what for item in clean(html).removed]


class _Markup(HTMLParser):
    """A page as a browser reads it: elements with their attributes, and the text between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        if tag != "tbody":  # a browser adds one to a table that has none, and so does nh3
            self.items.append(("<", tag, sorted((name, value or "") for name, value in attrs)))

    def handle_endtag(self, tag):
        if tag not in ("tbody", "br", "hr", "img", "path", "rect", "line"):  # <br /> and <br> read the same
            self.items.append((">", tag))

    def handle_data(self, data):
        if self.items and self.items[-1][0] == "text":
            self.items[-1] = ("text", self.items[-1][1] + data)
        else:
            self.items.append(("text", data))


def markup(html: str) -> list[tuple]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.items


def test_a_script_is_removed_with_its_content_and_reported():
    cleaned = clean("<p>前文</p>\n<script>alert(1)</script>\n<p>後文</p>")
    assert "alert" not in cleaned.html and "<script" not in cleaned.html
    assert [item.what for item in cleaned.removed] == ["<script> 元素（已刪除，連同其中的內容）"]


def test_an_onclick_attribute_is_removed_and_the_element_kept():
    cleaned = clean('<div onclick="steal()" class="note">文字</div>')
    assert markup(cleaned.html) == markup('<div class="note">文字</div>')
    assert [item.what for item in cleaned.removed] == ["<div> 的 onclick 屬性（已刪除）"]


def test_a_javascript_link_keeps_its_text_and_loses_its_address():
    cleaned = clean('<p><a href="JavaScript:alert(1)">點這裡</a></p>')
    assert markup(cleaned.html) == markup("<p><a>點這裡</a></p>")
    assert [item.what for item in cleaned.removed] == ['<a> 的 href 位址 "JavaScript:alert(1)"（已刪除）']


def test_a_data_url_is_refused_even_for_an_image():
    cleaned = clean('<p><img alt="圖" src="data:image/png;base64,iVBORw0KGgo="></p>')
    assert "data:" not in cleaned.html
    assert [item.what for item in cleaned.removed] == ['<img> 的 src 位址 "data:image/png;base64,iVBORw0KGgo="（已刪除）']
    assert cleaned.removed[0].hint.startswith("不能把檔案內容直接寫進網址")


@pytest.mark.parametrize("html, what, gone", [
    ('<iframe src="https://video.example/1"><p>fallback</p></iframe>', "<iframe> 元素（已刪除，連同其中的內容）", "fallback"),
    ('<object data="x.swf"></object>', "<object> 元素（已刪除標籤，保留其中的文字）", "x.swf"),
    ('<embed src="x.swf">', "<embed> 元素（已刪除）", "x.swf"),
    ("<form><input name=q></form>", "<form> 元素（已刪除標籤，保留其中的文字）", "<input"),
    ("<style>body { display: none }</style>", "<style> 元素（已刪除，連同其中的內容）", "display"),
    ('<base href="https://elsewhere.example/">', "<base> 元素（已刪除）", "elsewhere"),
    ('<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">', "<meta> 元素（已刪除）", "elsewhere"),
    ('<a href="vbscript:msgbox(1)">x</a>', '<a> 的 href 位址 "vbscript:msgbox(1)"（已刪除）', "msgbox"),
    ('<svg><use href="data:image/svg+xml,x"/></svg>', "<use> 元素（已刪除標籤，保留其中的文字）", "data:"),
])
def test_what_could_run_embed_or_take_over_the_page_is_removed(html, what, gone):
    cleaned = clean(html)
    assert cleaned.removed[0].what == what and gone not in cleaned.html


def test_ordinary_markdown_comes_through_unchanged():
    text = (
        "## 二、工作 { #work .special data-bulletin-note=\"1\" aria-label=\"工作\" }\n\n"
        "段落 **粗** *斜* 行  \n換行 [連結](../other/ \"標題\") <https://example.org> [電話](tel:123)\n\n"
        "![圖片](img/a.png){ width=\"300\" loading=lazy }\n\n> 引文\n\n- 一\n    - 二\n\n"
        "| 左 | 中 | 右 |\n|:---|:--:|---:|\n| a | b | c |\n\n"
        "```python\ndef f(x):\n    return \"<b>\"\n```\n\n"
        "!!! note \"注意\"\n    內文\n\n??? tip \"可摺疊\"\n    內文\n\n"
        "<div markdown>\n*md in html*\n</div>\n\n詞\n:   定義\n\nHTML[^1]\n\n*[HTML]: Hyper Text Markup Language\n\n"
        "[^1]: 腳註。\n\n---\n\n"
        '<table><thead><tr><th>手寫</th></tr></thead><tbody><tr><td style="color: red" colspan="2">表格</td></tr></tbody></table>\n'
        '<details open><summary>更多</summary><p>x</p></details>\n'
        '<p><span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1"/></svg></span></p>\n'
    )
    html = markdown.markdown(text, extensions=[
        "toc", "tables", "admonition", "attr_list", "md_in_html", "footnotes", "def_list", "abbr",
        "pymdownx.details", "pymdownx.highlight", "pymdownx.superfences",
    ], extension_configs={"toc": {"permalink": True}, "pymdownx.highlight": {"linenums": True, "anchor_linenums": True}})
    assert 'class="highlight"' in html and '<span class="k">' in html  # Pygments did colour the code
    cleaned = clean(html)
    assert cleaned.removed == []
    assert markup(cleaned.html) == markup(html)


def test_our_tables_charts_and_preview_box_come_through_unchanged():
    table = Table("visits", "看望慰問", (Column("慰問項目"), Column("慰問人次", numeric=True)),
                  ((Cell("慰問", "慰問", link="2021/town.md"), Cell(3, "3")),), total=(Cell(None, "合計"), Cell(3, "3")),
                  notes=("備註",))
    chart = Chart("unit-town-visits", "看望慰問人次", ("2020年度", "2021年第一季度"),
                  (Series("人次", (Decimal(3), Decimal(4)), ("3", "4")), Series("元", (Decimal(1), None), ("1", "—"))), "人次")
    box = problems_box([Problem(Location(NARRATIVE, 3, 1), "html", "應為…，實為…", "提示")])
    html = "\n".join([render_table(table, PageContext("2021/index.md"), "2021/visits.csv"), render_chart(chart), box])
    cleaned = clean(html)
    assert cleaned.removed == []
    assert markup(cleaned.html) == markup(html)


def test_a_fragment_placeholder_survives_for_the_tables_to_be_put_back():
    fragments = Fragments()
    page = markdown.markdown(f"前文{fragments.stash('<table><tr><td>1</td></tr></table>')}後文")
    assert "<table>" in fragments.restore(clean(page).html)


def test_comments_are_dropped_without_a_report():
    cleaned = clean("<p>可見</p><!-- 內部備註 -->")
    assert "內部備註" not in cleaned.html and cleaned.removed == []


def test_a_removal_is_located_where_it_was_typed_past_an_example_in_code():
    source = "前言：`<script>` 不能用。\n\n```html\n<script>example()</script>\n```\n\n文字\n\n  <script>alert(1)</script>\n"
    html = markdown.markdown(source, extensions=["fenced_code"])
    [problem] = problems(clean(html).removed, NARRATIVE, source)
    assert str(problem) == (f"{NARRATIVE}:9:3: html: 應為安全的 HTML，實為 <script> 元素（已刪除，連同其中的內容）。"
                            "提示：敘述中不能放腳本，網頁的互動由網站本身提供；需要時請找網站維護人員")


def test_each_of_two_handlers_is_located_on_its_own_line():
    source = '<p onclick="a()">一</p>\n\n[二](x.md){ onclick="b()" }\n'
    html = markdown.markdown(source, extensions=["attr_list"])
    located = [str(p.location) for p in problems(clean(html).removed, NARRATIVE, source)]
    assert located == [f"{NARRATIVE}:1:4", f"{NARRATIVE}:3:12"]


def test_a_removal_not_found_in_the_source_names_the_file_alone():
    [problem] = problems(clean("<p>&#60;x</p><script>1</script>").removed, NARRATIVE, "沒有這個標籤的原文")
    assert str(problem).startswith(f"{NARRATIVE}: html: 應為安全的 HTML，實為 <script> 元素")
