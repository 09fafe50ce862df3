"""Loading a whole archive: record files paired with narratives, every problem of every file at once."""

from pathlib import Path

from helpers import write_project

from bulletin.loading import load_archive
from bulletin.periods import Period

VISITS = """
    visits:
      - occasion: 慰問
        people: 3
"""


def load(root: Path):
    result = load_archive(root, root / "docs")
    return result, [str(p) for p in result.problems]


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
        "data/2021/town.yml:1:1: expected its narrative at docs/2021/town.md, found none",
        "docs/2021/district.md:1:1: expected its records at data/2021/district.yml, found none",
    ]


def test_a_record_file_for_an_unknown_unit_is_reported(tmp_path):
    write_project(tmp_path, {"2021/village": VISITS})
    _, problems = load(tmp_path)
    assert problems == ['data/2021/village.yml:1:1: expected a unit listed in data/units.yml, got "village"']


def test_a_badly_named_period_folder_is_reported(tmp_path):
    write_project(tmp_path, {"20XX/town": VISITS})
    _, problems = load(tmp_path)
    assert problems == [
        'data/20XX: expected a period folder named like 2021, 2021-H1 (half-year) or 2021-Q3 (quarter), got "20XX"',
        "docs/20XX/town.md:1:1: bulletin/table: expected markers only on report pages (docs/<period>/<unit>.md), "
        "got one on a page that is not a report",
    ]


def test_records_not_shown_by_any_marker_are_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": "只有正文。\n"})
    _, problems = load(tmp_path)
    assert problems == ["docs/2021/town.md:1:1: visits: expected a marker <!-- bulletin/table { kind: visits } --> "
                        "to show the records at data/2021/town.yml:2, got none (figures would be left off the page)"]


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
    assert problems == ["data/2021/figures.xlsx:1:1: expected a record file named <unit-id>.yml"]


def test_a_narrative_may_not_have_its_own_title(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS},
                  narratives={"2021/town": "#自訂標題\n\n<!-- bulletin/table { kind: visits } -->\n"})
    _, problems = load(tmp_path)
    assert problems == ['docs/2021/town.md:1:1: expected no level-1 title (the page is titled '
                        '"示範鎮工會2021年度工作總結" from the unit registry), got "#自訂標題"; use ## for sections']


def test_a_heading_inside_code_is_not_a_title(tmp_path):
    narrative = "```sh\n# 註解\n```\n\n<!-- bulletin/table { kind: visits } -->\n"
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": narrative})
    assert load(tmp_path)[1] == []


def test_a_marker_in_front_matter_does_not_count_and_lines_stay_exact(tmp_path):
    narrative = "---\ndescription: \"<!-- bulletin/table { kind: visits } -->\"\n---\n\n<!-- bulletin/table { kind: visit } -->\n"
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": narrative})
    _, problems = load(tmp_path)
    assert [p.split(": ")[0] for p in problems] == ["docs/2021/town.md:1:1", "docs/2021/town.md:5:1"]
    assert "got none (figures would be left off the page)" in problems[0]


def test_a_marker_on_a_page_that_is_not_a_report_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    (tmp_path / "docs" / "about.md").write_text("# 關於\n\n<!-- bulletin/table { kind: funds } -->\n", encoding="utf-8")
    _, problems = load(tmp_path)
    assert problems == ["docs/about.md:3:1: bulletin/table: expected markers only on report pages "
                        "(docs/<period>/<unit>.md), got one on a page that is not a report"]


def test_a_docs_folder_meant_as_a_period_but_misnamed_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021-h2/town": "正文\n"})
    _, problems = load(tmp_path)
    assert problems[0].startswith('docs/2021-h2: expected a period folder named like 2021')


def test_full_width_period_folders_are_not_periods(tmp_path):
    write_project(tmp_path, {"２０２１/town": VISITS})
    _, problems = load(tmp_path)
    assert problems[0].startswith('data/２０２１: expected a period folder')


def test_an_empty_registry_is_reported_and_no_record_is_dropped_silently(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, units="units: {}\n")
    _, problems = load(tmp_path)
    assert problems == [
        "data/2021/town.yml:1:1: expected a unit listed in data/units.yml, got \"town\"",
        "data/units.yml:1:8: units: expected at least one unit, got none",
    ]


def test_a_narrative_that_cannot_be_read_is_reported(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": None})
    (tmp_path / "docs" / "2021" / "town.md").mkdir(parents=True)
    _, problems = load(tmp_path)
    assert problems == ["docs/2021/town.md:1:1: expected a readable file, got Is a directory"]
