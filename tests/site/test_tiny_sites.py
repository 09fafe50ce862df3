"""Real `mkdocs build --strict` runs of tiny archives in a temp folder, checked in the built HTML."""

from pathlib import Path

from helpers import mkdocs_build, page_text, tables_in, write_project

TOWN = """
    visits:
      - occasion: 節日慰問
        people: 349
        migrant_workers: 104
        cash: 0.56萬元
        in_kind: 1.6129萬元
        beneficiaries: 陳大文
    aid:
      - programme: 困難幫扶
        type: 幫扶
        people: 1
        illness: 罕見病甲
"""


def built_page(project: Path, key: str) -> str:
    return (project / "site" / key / "index.html").read_text(encoding="utf-8")


def test_a_marker_becomes_a_computed_table_with_a_total(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    tables = tables_in(built_page(tmp_path, "2021/town"))
    assert tables["visits"] == [
        ["慰問項目", "慰問人次", "其中農民工（人次）", "慰問金（元）", "慰問實物折合（元）"],
        ["節日慰問", "349", "104", "5,600", "16,129"],
        ["合計", "349", "104", "5,600", "16,129"],
    ]


def test_the_page_title_comes_from_the_unit_registry(tmp_path):
    write_project(tmp_path, {"2021-H1/town": TOWN})
    assert mkdocs_build(tmp_path).returncode == 0
    html = built_page(tmp_path, "2021-H1/town")
    assert "<title>示範鎮工會2021年上半年工作總結 - 測試檔案</title>" in html


def test_private_fields_reach_no_file_of_the_built_site(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN})
    assert mkdocs_build(tmp_path).returncode == 0
    leaks = [
        path for path in (tmp_path / "site").rglob("*") if path.is_file()
        and any(secret.encode() in path.read_bytes() for secret in ("陳大文", "罕見病甲"))
    ]
    assert leaks == []


def test_a_broken_record_aborts_the_build_with_its_location_and_no_traceback(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people: -2\n"})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert ('data/2021/town.yml:3:13: visits[1].people: 應為 0 或以上的整數，實為 "-2"。'
            '提示：人數、次數不會是負數；沒有就填 0') in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "site" / "2021" / "town" / "index.html").exists()


def test_every_problem_of_every_file_is_listed_in_one_run(tmp_path):
    write_project(
        tmp_path,
        {"2021/town": "visits:\n  - occasion: 慰問\n    cash: 1.2.3萬\n", "2021/district": "visits:\n\t- x\n"},
        narratives={"2021/district": "<!-- bulletin/table { kind: visit } -->\n"},
    )
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    located = [line.split("-  ", 1)[1].split(": ")[0] for line in run.stderr.splitlines() if ".yml:" in line or ".md:" in line]
    assert located == ["data/2021/district.yml:2:1", "data/2021/town.yml:3:11", "docs/2021/district.md:1:1"]
    assert "檔案庫：3 個問題；請更正後再建置。" in run.stderr


def test_text_from_records_cannot_inject_markup(tmp_path):
    hostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)> | `x` [a](http://e.x) *b*'
    write_project(tmp_path, {"2021/town": f"events:\n  - name: '{hostile}'\n"})
    assert mkdocs_build(tmp_path).returncode == 0
    html = built_page(tmp_path, "2021/town")
    article = html[html.find("<article"):html.find("</article>")]
    assert "<script>alert" not in article and "<img" not in article and 'href="http://e.x"' not in article
    assert tables_in(html)["events"][1] == [hostile]


def test_money_is_shown_in_wan_yuan_when_the_site_says_so(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN}, extra="extra:\n  bulletin:\n    money_unit: 萬元\n")
    assert mkdocs_build(tmp_path).returncode == 0
    visits = tables_in(built_page(tmp_path, "2021/town"))["visits"]
    assert visits[0][3:] == ["慰問金（萬元）", "慰問實物折合（萬元）"]
    assert visits[1][3:] == ["0.56", "1.6129"]


def test_a_wrong_site_setting_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN}, extra="extra:\n  bulletin:\n    money_unit: 千元\n")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    line = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("    money_unit: 千元") + 1
    assert f'mkdocs.yml:{line}:5: extra.bulletin.money_unit: 應為下列之一：元、萬元，實為 "千元"' in run.stderr


def test_marker_examples_in_code_blocks_stay_as_written(tmp_path):
    narrative = "```\n<!-- bulletin/table { kind: visits } -->\n```\n\n<!-- bulletin/table { kind: visits } -->\n\n<!-- bulletin/table { kind: aid } -->\n"
    write_project(tmp_path, {"2021/town": TOWN}, narratives={"2021/town": narrative})
    assert mkdocs_build(tmp_path).returncode == 0
    html = built_page(tmp_path, "2021/town")
    assert "&lt;!-- bulletin/table { kind: visits } --&gt;" in html
    assert "節日慰問" in page_text(html)


def test_period_folders_appear_in_the_navigation_by_their_label(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN, "2021-H1/district": TOWN})
    assert mkdocs_build(tmp_path).returncode == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "2021年上半年" in html and "2021 H1" not in html


def test_a_unit_name_with_markdown_punctuation_shows_as_typed_in_the_title(tmp_path):
    units = "units:\n  town:\n    name: '1. 鎮工會 (一) & +2 !3 -4'\n"
    write_project(tmp_path, {"2021/town": TOWN}, units=units)
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    heading = built_page(tmp_path, "2021/town").split("<h1")[1].split("</h1>")[0]
    assert heading.split(">", 1)[1].split("<a ")[0] == "1. 鎮工會 (一) &amp; +2 !3 -42021年度工作總結"


def test_a_private_name_typed_into_the_narrative_stops_the_build_at_its_line(tmp_path):
    narrative = "本年探望了陳大文的家人。\n\n<!-- bulletin/table { kind: visits } -->\n\n<!-- bulletin/table { kind: aid } -->\n"
    write_project(tmp_path, {"2021/town": TOWN}, narratives={"2021/town": narrative})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert ("docs/2021/town.md:1:6: 應不含私人資料，實為含有 data/2021/town.yml:7 visits[1].beneficiaries 的值"
            in run.stderr)
    assert not (tmp_path / "site").exists()


def test_a_name_its_record_marks_publishable_is_shown_and_others_stay_private(tmp_path):
    records = ("visits:\n  - occasion: 工傷探視\n    people: 1\n    beneficiaries: 陳大文\n    publish: beneficiaries\n"
               "  - occasion: 困難慰問\n    people: 1\n    beneficiaries: 李小紅\n")
    write_project(tmp_path, {"2021/town": records})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    site = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in (tmp_path / "site").rglob("*")
                   if p.is_file() and p.suffix in (".html", ".json", ".csv"))
    assert "陳大文" in page_text(built_page(tmp_path, "2021/town")) and "陳大文" in site
    assert "李小紅" not in site and "（不公開）" in page_text(built_page(tmp_path, "2021/town"))


def test_money_lower_bounds_and_several_dates_reach_the_page_its_figure_and_its_csv(tmp_path):
    write_project(tmp_path, {"2021/town": """
        events:
          - name: 職工運動會
            date: 4月、9月
            cost: 1800多元
          - name: 讀書月
            date: 2021年4月至6月
            cost: 200
    """}, narratives={"2021/town": "全年活動經費<!-- bulletin/figure { kind: events, field: cost } -->元。\n\n"
                                   "<!-- bulletin/table { kind: events } -->\n"})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    html = built_page(tmp_path, "2021/town")
    assert tables_in(html)["events"] == [
        ["活動", "日期", "活動經費（元）"],
        ["職工運動會", "2021年4月、9月", "1,800多"],
        ["讀書月", "2021年4月至6月", "200"],
        ["合計", "", "2,000多"],
    ]
    assert "全年活動經費2,000多元。" in page_text(html)
    csv = (tmp_path / "site/downloads/2021/town/events.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines() == ["活動,日期,活動經費（元）", "職工運動會,2021年4月、9月,1800多", "讀書月,2021年4月至6月,200",
                                "合計,,2000多"]
