"""Files and folders named by hand: the unit or period probably meant, and periods not begun yet."""

import datetime as dt

from helpers import problem_line, write_project

from bulletin.loading import load_archive

VISITS = "visits:\n  - occasion: 慰問\n    people: 3\n"
TODAY = dt.date(2022, 6, 30)


def load(root, today=TODAY):
    return [str(p) for p in load_archive(root, root / "docs", today=today).problems]


def test_a_record_file_for_a_misspelt_unit_is_told_the_nearest_id(tmp_path):
    write_project(tmp_path, {"2021/twon": VISITS})
    assert load(tmp_path) == [
        'data/2021/twon.yml:1:1: 應為 data/units.yml 中列出的單位，實為 "twon"。提示：是不是 town？'
        "若是新單位，先在 data/units.yml 中登記這個單位（scripts/new unit），或更正檔名",
    ]


def test_a_narrative_alone_for_a_misspelt_unit_is_told_the_unit_not_the_missing_record_file(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/tonw": "正文。\n"})
    assert [p.split("。提示")[0] for p in load(tmp_path)] == [
        'docs/2021/tonw.md:1:1: 應為 data/units.yml 中列出的單位，實為 "tonw"']
    assert "是不是 town？" in load(tmp_path)[0]


def test_a_unit_unlike_any_registered_one_gets_no_guess(tmp_path):
    write_project(tmp_path, {"2021/village": VISITS})
    assert "是不是" not in load(tmp_path)[0]


def test_a_period_that_has_not_begun_is_refused_with_the_nearest_existing_period(tmp_path):
    write_project(tmp_path, {"2019/town": VISITS, "2020/town": VISITS, "2021/town": VISITS, "2040/town": VISITS})
    assert load(tmp_path) == [
        'data/2040: 應為已經開始的期間，實為 "2040"（2040年度，2040-01-01 才開始）。提示：是不是 2020？',
        'docs/2040: 應為已經開始的期間，實為 "2040"（2040年度，2040-01-01 才開始）。提示：是不是 2020？',
    ]


def test_the_current_period_and_half_year_are_not_in_the_future(tmp_path):
    write_project(tmp_path, {"2022/town": VISITS, "2022-H1/town": VISITS})
    assert load(tmp_path) == []


def test_the_next_half_year_is_in_the_future_until_its_first_day(tmp_path):
    write_project(tmp_path, {"2022-H2/town": VISITS})
    assert [problem_line(p) for p in load_archive(tmp_path, tmp_path / "docs", today=dt.date(2022, 7, 1)).problems] == []
    assert load(tmp_path, today=dt.date(2022, 6, 30))[0].startswith("data/2022-H2: 應為已經開始的期間")


def test_a_misnamed_period_folder_is_told_the_period_it_probably_is(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021-h1/town": VISITS, "２０２０/district": VISITS})
    found = load(tmp_path)
    assert found[0].startswith('data/2021-h1: 應為以期間命名的資料夾') and found[0].endswith("是不是 2021-H1？")
    assert found[1].startswith('data/２０２０: 應為以期間命名的資料夾') and found[1].endswith("是不是 2020？")
