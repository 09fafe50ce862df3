"""A money lower bound (1800多元) in one report marks every total across reports that includes it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from helpers import TREE_UNITS, visits, write_project

from bulletin.charts import render_chart
from bulletin.downloads import table_csv, tables_xlsx
from bulletin.loading import load_archive
from bulletin.overviews import RollUp, headlines, unit_history, year_comparison
from bulletin.periods import Period
from bulletin.tables import APPROXIMATE_NOTE
from bulletin.trends import unit_charts


@pytest.fixture
def archive(tmp_path):
    write_project(tmp_path, {
        "2020/town-a": visits("10", "1000"),
        "2021/town-a": visits("12", "1800多元"),
        "2021/workshop": visits("3", "200"),
    }, units=TREE_UNITS)
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def test_a_year_comparison_total_over_a_lower_bound_is_a_lower_bound(archive):
    table = year_comparison(archive, Period(2021), "visits")
    assert [c.text for c in table.total] == ["合計", "15", "2,000多"]
    assert APPROXIMATE_NOTE in table.notes


def test_the_funds_comparison_marks_its_total_too(archive):
    table = year_comparison(archive, Period(2021), "funds")
    assert [c.text for c in table.total] == ["合計", "2,000多", "0", "2,000多"]


def test_history_states_no_change_against_a_money_lower_bound(archive):
    rows = [[c.text for c in row] for row in unit_history(archive, "town-a", "visits").rows]
    assert rows[1] == ["2021年度", "12", "+20.0%", "1,800多", "—"]


def test_a_roll_up_and_the_headlines_over_a_lower_bound_are_lower_bounds(archive):
    rollup = RollUp(archive).table(archive.units["town-a"], Period(2021), "visits")
    assert rollup.total[2].text == "2,000多"
    rows = {row[0].text: row[1].text for row in headlines(archive, Period(2021)).rows}
    assert rows["看望慰問：慰問金（元）"] == "2,000多"


def test_downloads_keep_the_mark_as_they_do_for_counts(archive):
    table = year_comparison(archive, Period(2021), "visits")
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig"))))
    assert rows[-1] == ["合計", "15", "2000多"]
    sheet = load_workbook(io.BytesIO(tables_xlsx([("看望慰問", table)]))).active
    assert [c.value for c in sheet[4]] == ["合計", 15, "2000多"]


def test_a_chart_shows_the_lower_bound_with_its_mark(archive):
    funds = next(c for c in unit_charts(archive, "town-a") if c.key.endswith("-funds"))
    assert "1,800多" in render_chart(funds)
