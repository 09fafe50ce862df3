"""Raw HTML in a narrative, built for real: what could run is gone from every page, and the strict build says where."""

from helpers import mkdocs_build, write_project

RECORDS = {"2021/town": "visits:\n  - occasion: 慰問\n    people: 3\n"}
NARRATIVE = """\
全年慰問職工。

<script>alert("town")</script>

<!-- bulletin/table { kind: visits } -->

[詳情](javascript:alert(2)) <b style="color: red" onclick="alert(3)">重點</b>
"""


def test_a_script_in_a_narrative_stops_the_strict_build_with_its_line(tmp_path):
    write_project(tmp_path, RECORDS, {"2021/town": NARRATIVE})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    located = [line.split("-  ", 1)[1] for line in run.stderr.splitlines() if "docs/2021/town.md" in line]
    assert located == [
        "docs/2021/town.md:3:1: html: 應為安全的 HTML，實為 <script> 元素（已刪除，連同其中的內容）。"
        "提示：敘述中不能放腳本，網頁的互動由網站本身提供；需要時請找網站維護人員",
        'docs/2021/town.md:7:6: html: 應為安全的 HTML，實為 <a> 的 href 位址 "javascript:alert(2)"（已刪除）。'
        "提示：連結只能指向網址（http:、https:）、電郵（mailto:）、電話（tel:）或本站的頁面與檔案",
        "docs/2021/town.md:7:49: html: 應為安全的 HTML，實為 <b> 的 onclick 屬性（已刪除）。"
        "提示：on 開頭的事件屬性會執行腳本，敘述中不能用；請刪去這個屬性",
    ]  # once each: the year's print page repeats the narrative, cleaned without a second report
    assert "Aborted with 3 warnings in strict mode!" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_the_pages_holding_the_narrative_keep_its_text_tables_and_styles_but_nothing_that_runs(tmp_path):
    write_project(tmp_path, RECORDS, {"2021/town": NARRATIVE})
    mkdocs_build(tmp_path)  # strict mode writes every page before it stops on the warnings
    for page in ("2021/town/index.html", "2021/print/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        assert "alert" not in article and "onclick" not in article and "javascript:" not in article
        assert "全年慰問職工" in article and 'data-bulletin-table="' in article and "<a>詳情</a>" in article
        assert '<b style="color: red">重點</b>' in article
