"""Awards: levels as editors type them, 縣 in its place, won apart from nominated, totals per recipient type."""

import pytest

from helpers import write_project, read_records as read, table_texts as texts

from bulletin.kinds import KINDS
from bulletin.loading import load_archive
from bulletin.overviews import RollUp, awards_by_level, headlines
from bulletin.periods import Period
from bulletin.render import render_table
from bulletin.tables import kind_table
from bulletin.trends import unit_charts

PATH = "data/2021/town.yml"


def award(title: str, level: str, **more: str) -> str:
    return f"  - title: {title}\n    level: {level}\n" + "".join(f"    {k}: {v}\n" for k, v in more.items())


@pytest.mark.parametrize(("typed", "level"), [
    ("縣級", "縣"), ("县级", "縣"), ("市級", "市"), ("省級", "省"), ("國家級", "全國"), ("全國級", "全國"),
    ("直轄市級", "省"), ("直轄市", "省"), ("區", "區"),
])
def test_a_level_typed_as_editors_say_it_is_kept_as_the_canonical_level(typed, level):
    records, problems = read("awards:\n" + award("先進集體", typed))
    assert problems == []
    assert records["awards"][0].level == level


def test_districts_and_counties_together_are_refused_and_the_message_lists_the_canonical_levels():
    _, problems = read("awards:\n" + award("先進集體", "區縣"))
    assert problems == [f'{PATH}:3:12: awards[1].level: 應為下列之一：本單位、車間、段、路局、部、公司、集團、街道、鎮、'
                        '區、縣、市、省、全國，實為 "區縣"']


def test_an_award_is_won_unless_the_record_says_it_was_a_nomination():
    records, problems = read("awards:\n" + award("五一勞動獎章", "省") + award("勞動模範", "市", status="推薦評選"))
    assert problems == []
    assert [a.status for a in records["awards"]] == ["獲得", "推薦"]


AWARDS = "awards:\n" + "".join([
    award("技能競賽", "段", rank="團體第一名", recipient_type="團體"),
    award("書畫作品徵集", "段", rank="二等獎", recipient_type="作品", count="3"),
    award("技術能手", "路局", recipient_type="個人"),
    award("五一勞動獎章", "省", recipient_type="個人", status="推薦"),
    award("職工書屋示範點", "市", recipient_type="單位", status="入圍"),
])


def test_the_table_totals_each_recipient_type_and_has_no_mixed_total():
    records, _ = read(AWARDS)
    table = kind_table(KINDS["awards"], records["awards"])
    assert table.total is None
    assert [row for row in texts(table) if row[0].startswith("合計")] == [
        ["合計（團體）", "", "", "", "1"], ["合計（個人）", "", "", "", "1"], ["合計（作品）", "", "", "", "3"]]


def test_nominations_and_shortlistings_are_listed_apart_and_counted_nowhere():
    records, _ = read(AWARDS)
    table = kind_table(KINDS["awards"], records["awards"])
    assert [row[0].text for row in table.rows] == ["技能競賽", "書畫作品徵集", "技術能手"]
    assert table.aside.title == "獲獎榮譽：推薦與入圍"
    assert texts(table.aside) == [
        ["獎項", "授予層級", "獲獎類型", "數量", "狀態"],
        ["五一勞動獎章", "省", "個人", "1", "推薦"],
        ["職工書屋示範點", "市", "單位", "1", "入圍"],
    ]
    assert table.aside.notes[0].startswith("推薦、入圍不是獲獎")


def test_a_report_with_only_a_nomination_shows_it_and_no_empty_table_note():
    records, _ = read("awards:\n" + award("勞動模範", "市", status="推薦"))
    html = render_table(kind_table(KINDS["awards"], records["awards"]))
    assert "本期未填報" not in html
    assert "獲獎榮譽：推薦與入圍" in html and "勞動模範" in html


@pytest.fixture
def archive(tmp_path):
    write_project(tmp_path, {
        "2021/town": "awards:\n" + award("先進集體", "縣級", recipient_type="團體")
        + award("縣勞動模範", "縣", recipient_type="個人", count="2") + award("省勞動模範", "省", status="推薦"),
        "2021/district": "awards:\n" + award("模範職工之家", "區", recipient_type="單位")
        + award("市文明單位", "市", recipient_type="單位"),
    })
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def test_the_awards_index_lists_the_highest_level_first_counties_below_cities_and_nominations_last(archive):
    tables = awards_by_level(archive)
    assert [t.title for t in tables] == ["市級獎項", "縣級獎項", "區級獎項", "推薦與入圍（未獲獎，不計入獲獎數）"]
    assert [row[3].text for row in tables[-1].rows] == ["省勞動模範"]
    assert all("省勞動模範" not in repr(t) for t in tables[:-1])


def test_headlines_and_roll_ups_count_won_awards_per_recipient_type(archive):
    rows = {row[0].text: row[1].text for row in headlines(archive, Period(2021)).rows}
    assert {k: v for k, v in rows.items() if k.startswith("獲獎榮譽")} == {
        "獲獎榮譽：團體數量": "1", "獲獎榮譽：個人數量": "2", "獲獎榮譽：單位數量": "2"}
    rollup = RollUp(archive).table(archive.units["district"], Period(2021), "awards")
    assert texts(rollup)[0] == ["單位", "團體數量", "個人數量", "單位數量"]
    assert texts(rollup)[-1] == ["合計", "1", "2", "2"]


def test_the_awards_chart_shows_recipient_types_side_by_side_not_stacked(archive):
    (chart,) = [c for c in unit_charts(archive, "town") if c.key.endswith("awards-count")]
    assert [s.name for s in chart.series] == ["團體", "個人"]
    assert not chart.stacked


def test_a_simplified_site_converts_the_totals_per_type_and_the_table_set_apart():
    from bulletin.language import localise_table, localiser

    records, _ = read(AWARDS)
    table = localise_table(kind_table(KINDS["awards"], records["awards"]), localiser("zh"))
    assert [row[0].text for row in table.group_totals] == ["合计（团体）", "合计（个人）", "合计（作品）"]
    assert table.aside.title == "获奖荣誉：推荐与入围"


def test_the_csv_holds_every_total_per_type():
    from bulletin.downloads import table_csv

    records, _ = read(AWARDS)
    csv = table_csv(kind_table(KINDS["awards"], records["awards"])).decode("utf-8-sig")
    assert csv.splitlines()[-3:] == ["合計（團體）,,,,1", "合計（個人）,,,,1", "合計（作品）,,,,3"]
