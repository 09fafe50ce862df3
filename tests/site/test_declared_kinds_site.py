"""A kind declared in data/kinds/, built for real with `mkdocs build --strict`: pages, downloads, privacy."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from helpers import MEALS, MEALS_KIND, declare_kind, mkdocs_build, tables_in, write_project


@pytest.fixture(scope="module")
def canteen_site(tmp_path_factory):
    narrative = "<!-- bulletin/table { kind: meals } -->\n\n<!-- bulletin/table { kind: funds } -->\n"
    project = write_project(tmp_path_factory.mktemp("canteen"), {"2021/town": MEALS}, {"2021/town": narrative})
    declare_kind(project, "meals", MEALS_KIND)
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    return project / "site"


def test_the_report_shows_its_table_with_a_total_and_the_funds_it_spent(canteen_site):
    tables = tables_in((canteen_site / "2021/town/index.html").read_text(encoding="utf-8"))
    assert tables["meals"] == [
        ["項目", "就餐人次", "其中女職工（人次）", "供餐（份）", "補貼金額（元）"],
        ["午餐", "300", "120", "310", "12,000"],
        ["夜班加餐", "40多", "—", "40", "800"],
        ["合計", "340多", "120", "350", "12,800"],
    ]
    assert tables["funds"][1][:4] == ["食堂補貼", "12,800", "0", "12,800"]


def test_its_csv_and_the_year_workbook_hold_the_same_cells(canteen_site):
    data = (canteen_site / "downloads/2021/town/meals.csv").read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data)))[-1] == ["合計", "340多", "120", "350", "12800"]
    sheet = load_workbook(canteen_site / "downloads/2021/index/overview-2021.xlsx")["職工食堂"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)][:2] == [
        ["單位", "就餐人次", "其中女職工（人次）", "供餐（份）", "補貼金額（元）"],
        ["示範鎮工會", "340多", 120, 350, 12800],
    ]


def contents(path):
    """A built file's bytes; a workbook's unpacked."""
    if path.suffix != ".xlsx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(name) for name in book.namelist())


def test_its_private_field_reaches_no_file_of_the_site(canteen_site):
    names = ("甄美玲", "賈大廚", "甄美玲".encode("unicode_escape").decode())
    files = [path for path in canteen_site.rglob("*") if path.is_file()]
    assert any("夜班加餐".encode() in contents(path) for path in files)  # public text is found: the search works
    assert [path for path in files if any(name.encode() in contents(path) for name in names)] == []


def test_a_mistake_in_a_declaration_stops_the_build_at_its_line(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n"})
    declare_kind(tmp_path, "meals", MEALS_KIND.replace("type: money", "type: mony"))
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert ('data/kinds/meals.yml:23:11: fields.cost.type: 應為下列之一：text、count、money、date、choice、percent，'
            '實為 "mony"。提示：是不是 money？') in run.stderr
