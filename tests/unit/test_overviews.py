"""Overviews across reports: year comparisons, histories with 同比, roll-ups, headlines, awards."""

from decimal import Decimal

import pytest

from helpers import write_tree_archive

from bulletin.amounts import Count
from bulletin.loading import load_archive
from bulletin.overviews import RollUp, awards_by_level, headlines, unit_history, year_comparison
from bulletin.periods import Period


@pytest.fixture
def archive(tmp_path):
    write_tree_archive(tmp_path)
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def texts(table):
    rows = [[c.text for c in row] for row in table.rows]
    return [[c.header for c in table.columns], *rows] + ([[c.text for c in table.total]] if table.total else [])


def test_a_year_comparison_lists_units_in_registry_order_with_the_exact_total(archive):
    table = year_comparison(archive, Period(2021), "visits")
    assert texts(table) == [
        ["單位", "慰問人次", "慰問金（元）"],
        ["示範區總工會", "1", "10"],
        ["甲鎮工會", "90", "1,500"],
        ["甲鎮機械廠工會", "20多", "300"],
        ["乙鎮工會", "5", "50"],
        ["合計", "116多", "1,860"],
    ]
    assert table.total[2].value == Decimal(1860)
    assert table.notes  # the total includes a lower bound and says so


def test_a_half_year_is_compared_in_its_own_table(archive):
    assert texts(year_comparison(archive, Period(2021, "H1"), "visits"))[1:] == [
        ["乙鎮工會", "7", "70"], ["合計", "7", "70"],
    ]


def test_history_states_year_on_year_change_as_a_signed_percentage(archive):
    assert texts(unit_history(archive, "town-a", "visits")) == [
        ["期別", "慰問人次", "慰問人次同比", "慰問金（元）", "慰問金同比"],
        ["2019年度", "100", "—", "1,000", "—"],
        ["2020年度", "120", "+20.0%", "1,500", "+50.0%"],
        ["2021年度", "90", "−25.0%", "1,500", "0.0%"],
    ]


def test_history_gives_no_change_against_a_missing_year_or_a_lower_bound(archive):
    rows = texts(unit_history(archive, "workshop", "visits"))
    assert rows[2] == ["2021年度", "20多", "—", "300", "+50.0%"]


def test_history_compares_a_half_year_with_the_same_half_only(archive):
    rows = texts(unit_history(archive, "town-b", "visits"))
    assert rows[1:] == [["2021年上半年", "7", "—", "70", "—"], ["2021年度", "5", "—", "50", "—"]]


def test_a_roll_up_shows_own_figures_each_child_subtree_and_the_sum(archive):
    rollup = RollUp(archive)
    table = rollup.table(archive.units["district"], Period(2021), "visits")
    assert texts(table) == [
        ["單位", "慰問人次", "慰問金（元）"],
        ["本單位", "1", "10"],
        ["甲鎮工會（含下級）", "110多", "1,800"],
        ["乙鎮工會", "5", "50"],
        ["合計", "116多", "1,860"],
    ]


def test_a_roll_up_never_adds_a_half_year_to_a_full_year(archive):
    rollup = RollUp(archive)
    assert rollup.subtree("district", Period(2021, "H1"), "visits") == {"people": Count(7), "cash": Decimal(70)}
    assert rollup.subtree("district", Period(2021), "visits")["cash"] == Decimal(1860)


def test_a_unit_without_children_has_no_roll_up(archive):
    assert RollUp(archive).table(archive.units["town-b"], Period(2021), "visits") is None


def test_funds_roll_up_like_any_kind(archive):
    table = RollUp(archive).table(archive.units["district"], Period(2021), "funds")
    assert table.total[-1].value == Decimal(1860)


def test_headlines_total_the_latest_period_across_reports(archive):
    assert archive.latest_period() == Period(2021)
    table = headlines(archive, Period(2021))
    rows = {row[0].text: (row[1].text, row[2].text) for row in table.rows}
    assert rows["看望慰問：慰問人次"] == ("116多", "4")
    assert rows["獲獎榮譽：團體數量"] == ("1", "1")
    assert rows["經費使用：經費合計（元）"] == ("1,860", "4")


def test_awards_are_grouped_by_level_oldest_first_with_links_to_reports(archive):
    (table,) = awards_by_level(archive)
    assert table.title == "區級獎項"
    assert [(r[0].text, r[5].text, r[6].text, r[6].link) for r in table.rows] == [
        ("2020年度", "2", "甲鎮工會", "2020/town-a.md"),
        ("2021年度", "1", "示範區總工會", "2021/district.md"),
    ]
