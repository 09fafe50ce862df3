"""Loading a whole archive: record files paired with narratives, every problem of every file at once."""

from pathlib import Path

from helpers import write_project, problem_line

from bulletin.loading import load_archive
from bulletin.periods import Period

VISITS = """
    visits:
      - occasion: 慰問
        people: 3
"""


def load(root: Path):
    result = load_archive(root, root / "docs")
    return result, [problem_line(p) for p in result.problems]


def test_a_report_is_its_record_file_and_its_narrative(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021-H1/district": VISITS})
    result, problems = load(tmp_path)
    assert problems == []
    assert sorted(result.archive.reports) == [("district", Period(2021, "H1")), ("town", Period(2021))]
    report = result.archive.report_for_page("2021/town.md")
    assert report.title == "示範鎮工會2021年度工作總結"


def test_records_without_narrative_and_narrative_without_records_are_both_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": None, "2021/district": "正文\n"})
    _, problems = load(tmp_path)
    assert problems == [
        "data/2021/town.yml:1:1: 應有對應的敘述 docs/2021/town.md，實為沒有",
        "docs/2021/district.md:1:1: 應有對應的資料檔 data/2021/district.yml，實為沒有",
    ]


def test_a_record_file_for_an_unknown_unit_is_reported(tmp_path):
    write_project(tmp_path, {"2021/village": VISITS})
    _, problems = load(tmp_path)
    assert problems == ['data/2021/village.yml:1:1: 應為 data/units.yml 中列出的單位，實為 "village"']


def test_a_badly_named_period_folder_is_reported(tmp_path):
    write_project(tmp_path, {"20XX/town": VISITS})
    _, problems = load(tmp_path)
    assert problems == [
        'data/20XX: 應為以期間命名的資料夾，例如 2021（全年）、2021-H1（上半年）或 2021-Q3（第三季度），實為 "20XX"',
        "docs/20XX/town.md:1:1: bulletin/table: 標記應只用在報告頁（docs/<期間>/<單位代號>.md），實為用在其他頁面",
    ]


def test_records_not_shown_by_any_marker_are_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": "只有正文。\n"})
    _, problems = load(tmp_path)
    assert problems == ["docs/2021/town.md:1:1: visits: 應有標記 <!-- bulletin/table { kind: visits } --> "
                        "顯示 data/2021/town.yml:2 起的記錄，實為沒有"]


def test_problems_from_every_file_come_back_together_sorted_by_file(tmp_path):
    write_project(
        tmp_path,
        {"2021/town": "visits:\n  - occasion: 慰問\n    people: -1\n", "2021/district": "awards: 3\n"},
        narratives={"2021/district": "<!-- bulletin/table { kind: award } -->\n"},
    )
    _, problems = load(tmp_path)
    assert [p.split(": ")[0] for p in problems] == [
        "data/2021/district.yml:1:9", "data/2021/town.yml:3:13", "docs/2021/district.md:1:1",
    ]


def test_stray_files_in_data_are_reported_not_ignored(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    (tmp_path / "data" / "2021" / "figures.xlsx").write_bytes(b"PK")
    _, problems = load(tmp_path)
    assert problems == ["data/2021/figures.xlsx:1:1: 應為以單位代號命名的 .yml 資料檔"]


def test_a_narrative_may_not_have_its_own_title(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS},
                  narratives={"2021/town": "#自訂標題\n\n<!-- bulletin/table { kind: visits } -->\n"})
    _, problems = load(tmp_path)
    assert problems == ['docs/2021/town.md:1:1: 應沒有一級標題（頁面標題 "示範鎮工會2021年度工作總結" 取自單位名冊），'
                        '實為 "#自訂標題"']


def test_a_heading_inside_code_is_not_a_title(tmp_path):
    narrative = "```sh\n# 註解\n```\n\n<!-- bulletin/table { kind: visits } -->\n"
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": narrative})
    assert load(tmp_path)[1] == []


def test_a_marker_in_front_matter_does_not_count_and_lines_stay_exact(tmp_path):
    narrative = "---\ndescription: \"<!-- bulletin/table { kind: visits } -->\"\n---\n\n<!-- bulletin/table { kind: visit } -->\n"
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": narrative})
    _, problems = load(tmp_path)
    assert [p.split(": ")[0] for p in problems] == ["docs/2021/town.md:1:1", "docs/2021/town.md:5:1"]
    assert "應有標記 <!-- bulletin/table { kind: visits } -->" in problems[0]


def test_a_marker_on_a_page_that_is_not_a_report_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    (tmp_path / "docs" / "about.md").write_text("# 關於\n\n<!-- bulletin/table { kind: funds } -->\n", encoding="utf-8")
    _, problems = load(tmp_path)
    assert problems == ["docs/about.md:3:1: bulletin/table: 標記應只用在報告頁（docs/<期間>/<單位代號>.md），實為用在其他頁面"]


def test_a_docs_folder_meant_as_a_period_but_misnamed_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021-h2/town": "正文\n"})
    _, problems = load(tmp_path)
    assert problems[0] == 'docs/2021-h2: 應為以期間命名的資料夾，例如 2021（全年）、2021-H1（上半年）或 2021-Q3（第三季度），實為 "2021-h2"'


def test_full_width_period_folders_are_not_periods(tmp_path):
    write_project(tmp_path, {"２０２１/town": VISITS})
    _, problems = load(tmp_path)
    assert problems[0] == 'data/２０２１: 應為以期間命名的資料夾，例如 2021（全年）、2021-H1（上半年）或 2021-Q3（第三季度），實為 "２０２１"'


def test_an_empty_registry_is_reported_and_no_record_is_dropped_silently(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, units="units: {}\n")
    _, problems = load(tmp_path)
    assert problems == [
        'data/2021/town.yml:1:1: 應為 data/units.yml 中列出的單位，實為 "town"',
        "data/units.yml:1:8: units: 應為至少一個單位，實為空白",
    ]


def test_a_narrative_that_cannot_be_read_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": None})
    (tmp_path / "docs" / "2021" / "town.md").mkdir(parents=True)
    _, problems = load(tmp_path)
    assert problems == ["docs/2021/town.md:1:1: 應為可讀的檔案，實為一個資料夾"]


def test_the_cycle_collector_waits_while_an_archive_loads(tmp_path, monkeypatch):
    import gc

    import bulletin.loading

    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    collecting = []
    real = bulletin.loading.read_yaml
    monkeypatch.setattr(bulletin.loading, "read_yaml", lambda *args: collecting.append(gc.isenabled()) or real(*args))
    load(tmp_path)
    assert collecting == [False, False, False]  # units.yml and the two record files


def test_loading_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    import gc

    write_project(tmp_path, {"2021/town": VISITS})
    load(tmp_path)
    assert gc.isenabled()
    gc.disable()
    try:
        load(tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()
