"""`scripts/import`: spreadsheet rows into record files, bad rows located, nothing overwritten unasked."""

import subprocess
import sys

from openpyxl import Workbook

from helpers import REPO, write_project

IMPORT = [sys.executable, str(REPO / "scripts" / "import.py")]
CHECK = [sys.executable, str(REPO / "scripts" / "check.py")]


def sheet_file(path, sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def run(project, *args):
    return subprocess.run([*IMPORT, "-f", str(project / "mkdocs.yml"), *args], capture_output=True, text=True, timeout=60)


VISITS = [["單位", "慰問項目", "慰問人次", "慰問金（元）"],
          ["示範鎮工會", "春節慰問", 37, 14400],
          ["district", "工傷探視", "120多", "1.2萬元"]]


def test_rows_become_record_files_that_pass_the_check(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    book = sheet_file(tmp_path / "figures.xlsx", {"看望慰問": VISITS, "獲獎榮譽": [["單位", "獎項", "授予層級"], ["town", "模範職工之家", "區"]]})
    shown = run(tmp_path, str(book), "--period", "2022")
    assert shown.returncode == 0 and not (tmp_path / "data/2022").exists()  # only shown
    assert "+    people: 37" in shown.stdout
    written = run(tmp_path, str(book), "--period", "2022", "--write")
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "data/2022/town.yml").read_text(encoding="utf-8").splitlines()[2:] == [
        "visits:", "  - occasion: 春節慰問", "    people: 37", "    cash: 14400",
        "", "awards:", "  - title: 模範職工之家", "    level: 區"]
    assert "people: 120多" in (tmp_path / "data/2022/district.yml").read_text(encoding="utf-8")
    assert subprocess.run(CHECK, cwd=tmp_path, capture_output=True).returncode == 0


def test_every_unreadable_row_is_located_by_sheet_row_and_column_and_nothing_is_written(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    rows = [VISITS[0], ["示範鎮工會", "慰問", -2, "1.2.3萬"], ["無名工會", "慰問", 3, 10], ["town", "", 3, 10]]
    book = sheet_file(tmp_path / "figures.xlsx", {"看望慰問": rows, "午餐": [["單位"]]})
    result = run(tmp_path, str(book), "--period", "2022", "--write")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "figures.xlsx" in line]
    assert [line.split(": ")[0] for line in lines] == [
        "figures.xlsx#看望慰問:2:3", "figures.xlsx#看望慰問:2:4", "figures.xlsx#看望慰問:3:1",
        "figures.xlsx#看望慰問:4:1", "figures.xlsx#午餐:1:1"]
    assert not (tmp_path / "data/2022").exists()


def test_an_existing_record_file_is_replaced_only_when_asked_and_the_change_is_shown(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    book = sheet_file(tmp_path / "figures.xlsx", {"看望慰問": VISITS[:2]})
    assert run(tmp_path, str(book), "--period", "2021", "--write").returncode == 1
    assert (tmp_path / "data/2021/town.yml").read_text(encoding="utf-8") == "visits:\n  - occasion: x\n"
    replaced = run(tmp_path, str(book), "--period", "2021", "--write", "--replace")
    assert replaced.returncode == 0 and "-  - occasion: x" in replaced.stdout
    assert "春節慰問" in (tmp_path / "data/2021/town.yml").read_text(encoding="utf-8")


def test_a_csv_file_is_one_kind(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    (tmp_path / "visits.csv").write_text("\ufeff單位,慰問項目,慰問人次\ntown,慰問,5\n", encoding="utf-8")
    assert run(tmp_path, str(tmp_path / "visits.csv"), "--period", "2022", "--write").returncode == 0
    assert "people: 5" in (tmp_path / "data/2022/town.yml").read_text(encoding="utf-8")


def test_each_unreadable_row_says_what_was_expected_and_found_in_chinese(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    rows = [VISITS[0], ["示範鎮工會", "慰問", -2, 10], ["無名工會", "慰問", 3, 10], ["town", "", 3, 10]]
    book = sheet_file(tmp_path / "figures.xlsx", {"看望慰問": rows, "午餐": [["單位"]]})
    lines = [line for line in run(tmp_path, str(book), "--period", "2022").stderr.splitlines() if "figures.xlsx" in line]
    assert [line.split("。提示：")[0] for line in lines] == [
        'figures.xlsx#看望慰問:2:3: people: 應為 0 或以上的整數，實為 "-2"',
        'figures.xlsx#看望慰問:3:1: 單位: 應為 data/units.yml 中的單位代號或名稱，實為 "無名工會"',
        "figures.xlsx#看望慰問:4:1: occasion: 應為慰問項目，實為空白",
        'figures.xlsx#午餐:1:1: 應為下列工作表名稱之一：看望慰問、幫扶助學、獲獎榮譽、合理化建議、勞動競賽、'
        '教育培訓、會員與組織、組織建設、民主管理、集體合同、勞資糾紛、安全生產、活動紀要、問卷調查、徵集活動、經費往來、'
        '其他數據，實為 "午餐"',
    ]
    assert all("。提示：" in line for line in lines)


def test_a_row_whose_of_which_figure_exceeds_its_whole_is_refused_at_its_cell_and_nothing_is_written(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: x\n"})
    rows = [["單位", "慰問項目", "慰問人次", "其中農民工"], ["town", "春節慰問", 10, 12], ["district", "慰問", 5, 2]]
    book = sheet_file(tmp_path / "figures.xlsx", {"看望慰問": rows})
    result = run(tmp_path, str(book), "--period", "2022", "--write")
    assert result.returncode == 1
    assert [line.split("。提示：")[0] for line in result.stderr.splitlines() if "figures.xlsx" in line] == [
        'figures.xlsx#看望慰問:2:4: migrant_workers: 應不超過 10（慰問人次），實為 "12"']
    assert not (tmp_path / "data/2022").exists()


def imported_problems(sheet, rows, period="2022"):
    """The problems import_rows finds in one sheet, without the hints: what the editor is told."""
    from bulletin.importing import import_rows
    from bulletin.periods import parse_period
    from bulletin.units import read_units
    from bulletin.yaml_source import parse_yaml_text
    from helpers import UNITS

    units = read_units(parse_yaml_text(UNITS, "data/units.yml", []).root, "data/units.yml", [])
    problems = []
    import_rows({sheet: rows}, "figures.xlsx", units, problems, parse_period(period))
    return [str(p).split("。提示：")[0] for p in problems]


def test_a_date_outside_the_period_is_refused_at_its_cell():
    rows = [["單位", "慰問項目", "日期"], ["town", "春節慰問", "2021-01-20"]]
    assert imported_problems("看望慰問", rows) == [
        'figures.xlsx#看望慰問:2:3: date: 應為 2022年度之內的日期，實為 "2021年1月20日"']


def test_a_kinds_own_rule_between_fields_is_applied_to_each_row():
    rows = [["單位", "項目", "計量", "上期累計", "本期", "累計"], ["town", "工資協議", "家", 45, 5, 51]]
    assert imported_problems("組織建設", rows) == [
        'figures.xlsx#組織建設:2:6: total: 應為上期累計 45 + 本期 5 = 50，實為 "51"']


def test_a_row_entered_twice_for_the_same_unit_is_refused_at_the_second():
    rows = [["單位", "慰問項目", "慰問人次"], ["town", "春節慰問", 3], ["district", "春節慰問", 3],
            ["示範鎮工會", "春節慰問", 3]]
    assert imported_problems("看望慰問", rows) == ["figures.xlsx#看望慰問:4:1: 每筆記錄應只寫一次，實為與第 2 行完全相同"]


def test_several_dates_may_leave_the_year_to_the_period_as_in_a_record_file():
    rows = [["單位", "慰問項目", "日期", "慰問金（元）"], ["town", "春節慰問", "1月、2月", "1800多元"]]
    assert imported_problems("看望慰問", rows) == []
