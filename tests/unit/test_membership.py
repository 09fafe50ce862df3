"""Membership and organisation (會員與組織): 其中 checked, and stocks never added across reports."""

import pytest

from helpers import write_project, read_records as read, table_texts as texts

from bulletin.kinds import KINDS
from bulletin.loading import load_archive
from bulletin.overviews import STOCK_NOTE, RollUp, headlines, unit_history, year_comparison
from bulletin.periods import Period
from bulletin.tables import kind_table

PATH = "data/2021/town.yml"


def test_members_with_their_women_and_the_places_for_workers_are_read_and_shown():
    records, problems = read("""
        membership:
          - scope: 全縣
            members: 6066人
            women: 2258
            new_members: 350
            rate: 92.5%
            unions: 210家
            stations: 11
    """)
    assert problems == []
    table = kind_table(KINDS["membership"], records["membership"])
    assert texts(table)[:2] == [
        ["範圍", "會員（人）", "其中女會員（人）", "新發展會員（人）", "入會率（%）", "建會單位（家）", "工會驛站（個）"],
        ["全縣", "6,066", "2,258", "350", "92.5%", "210", "11"],
    ]


def test_women_members_cannot_outnumber_the_members_and_the_message_points_at_them():
    _, problems = read("""
        membership:
          - scope: 本校
            members: 1200
            women: 2258
            migrant_workers: 1300
    """)
    assert problems == [
        f'{PATH}:4:12: membership[1].women: 應不超過 1200（會員），實為 "2258"',
        f'{PATH}:5:22: membership[1].migrant_workers: 應不超過 1200（會員），實為 "1300"',
    ]


@pytest.fixture
def archive(tmp_path):
    def members(count: str) -> str:
        return f"membership:\n  - scope: 全體\n    members: {count}\n"
    write_project(tmp_path, {
        "2020/town": members("1000"), "2021/town": members("1100"), "2021/district": members("6066"),
    })
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def test_a_year_compares_units_membership_side_by_side_without_adding_them(archive):
    table = year_comparison(archive, Period(2021), "membership")
    assert texts(table) == [["單位", "會員（人）"], ["示範區總工會", "6,066"], ["示範鎮工會", "1,100"]]
    assert STOCK_NOTE in table.notes


def test_membership_is_neither_rolled_up_nor_a_headline(archive):
    assert RollUp(archive).table(archive.units["district"], Period(2021), "membership") is None
    assert headlines(archive, Period(2021)) is None  # membership alone: nothing the period adds up


def test_a_unit_history_of_membership_states_the_year_on_year_change(archive):
    assert texts(unit_history(archive, "town", "membership"))[2] == ["2021年度", "1,100", "+10.0%"]
