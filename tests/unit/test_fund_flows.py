"""Money collected, passed on or applied for (經費往來) is not spending: its own table, totals per direction."""

from decimal import Decimal

import pytest

from helpers import dedent, write_project, read_records as read, table_texts as texts

from bulletin.funds import fund_lines, funds_table
from bulletin.kinds import KINDS
from bulletin.loading import load_archive
from bulletin.measures import report_measures
from bulletin.overviews import RollUp, headlines, unit_history, year_comparison
from bulletin.periods import Period
from bulletin.tables import kind_table

PATH = "data/2021/town.yml"

FLOWS = """
    fund_flows:
      - item: 小微企業工會經費收繳
        direction: 收繳
        counterpart: 小微企業
        units: 93戶
        amount: 63.38萬元
      - item: 機關事業單位經費收繳
        direction: 代收
        amount: 20萬元
      - item: 工驛站建設撥款
        direction: 撥付下級
        counterpart: 工驛站
        units: 11家
        amount: 3.3萬元
      - item: 困難勞模幫扶資金
        direction: 申請上級資金
        counterpart: 省總工會
        people: 4
        amount: 11.2萬元
"""


def test_a_direction_typed_as_editors_say_it_is_kept_as_the_canonical_one():
    records, problems = read(FLOWS)
    assert problems == []
    assert [r.direction for r in records["fund_flows"]] == ["收繳", "收繳", "撥付下級", "申請上級資金"]


def test_an_unknown_direction_lists_the_canonical_directions_only():
    _, problems = read("""
        fund_flows:
          - item: 經費
            direction: 收入
    """)
    assert problems == [f'{PATH}:3:16: fund_flows[1].direction: 應為下列之一：收繳、上解、留成、撥付下級、返還、上級補助、'
                        '行政補助、募捐、申請上級資金，實為 "收入"']


def test_the_table_totals_each_direction_and_never_adds_directions_together():
    records, _ = read(FLOWS)
    table = kind_table(KINDS["fund_flows"], records["fund_flows"])
    assert table.total is None
    assert texts(table) == [
        ["事項", "方向", "對象", "單位數（家）", "人數（人）", "金額（元）"],
        ["小微企業工會經費收繳", "收繳", "小微企業", "93", "—", "633,800"],
        ["機關事業單位經費收繳", "收繳", "—", "—", "—", "200,000"],
        ["工驛站建設撥款", "撥付下級", "工驛站", "11", "—", "33,000"],
        ["困難勞模幫扶資金", "申請上級資金", "省總工會", "—", "4", "112,000"],
        ["合計（收繳）", "", "", "93", "—", "833,800"],
        ["合計（撥付下級）", "", "", "11", "—", "33,000"],
        ["合計（申請上級資金）", "", "", "—", "4", "112,000"],
    ]


def test_fund_flows_are_not_spending_so_the_funds_table_is_unchanged_by_them():
    visits = "visits:\n  - occasion: 節日慰問\n    cash: 5600\n"
    alone, _ = read(visits)
    together, problems = read(visits + dedent(FLOWS))
    assert problems == []
    assert funds_table(fund_lines(together)) == funds_table(fund_lines(alone))
    assert [line.kind for line in fund_lines(together)] == ["visits"]


@pytest.fixture
def archive(tmp_path):
    two = """
        fund_flows:
          - item: 經費收繳
            direction: 收繳
            amount: {collected}
          - item: 撥付工會驛站
            direction: 撥付下級
            amount: {granted}
    """
    write_project(tmp_path, {
        "2020/town": two.format(collected="10000", granted="2000"),
        "2021/town": two.format(collected="12000", granted="1000"),
        "2021/district": two.format(collected="5000", granted="500"),
    })
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def test_the_year_overview_compares_units_direction_by_direction(archive):
    table = year_comparison(archive, Period(2021), "fund_flows")
    assert texts(table) == [
        ["單位", "收繳金額（元）", "撥付下級金額（元）"],
        ["示範區總工會", "5,000", "500"],
        ["示範鎮工會", "12,000", "1,000"],
        ["合計", "17,000", "1,500"],
    ]


def test_a_unit_history_gives_each_direction_its_own_year_on_year_change(archive):
    table = unit_history(archive, "town", "fund_flows")
    assert texts(table)[2] == ["2021年度", "12,000", "+20.0%", "1,000", "−50.0%"]


def test_the_roll_up_and_the_headlines_add_a_direction_only_to_itself(archive):
    rollup = RollUp(archive).table(archive.units["district"], Period(2021), "fund_flows")
    assert texts(rollup)[-1] == ["合計", "17,000", "1,500"]
    rows = {row[0].text: row[1].value for row in headlines(archive, Period(2021)).rows}
    assert rows["經費往來：收繳金額（元）"] == Decimal(17000)
    assert rows["經費往來：撥付下級金額（元）"] == Decimal(1500)
    assert not any(label.startswith("經費使用") for label in rows)


def test_a_figure_in_the_prose_quotes_one_directions_total(tmp_path):
    marker = "<!-- bulletin/figure { kind: fund_flows, field: amount:收繳 } -->"
    write_project(tmp_path, {"2021/town": FLOWS}, {"2021/town": f"全年收繳經費{marker}元。\n\n<!-- bulletin/table {{ kind: fund_flows }} -->\n"})
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    report = result.archive.report("town", Period(2021))
    assert report_measures(result.archive, report, "fund_flows")["amount:收繳"] == Decimal(833800)


def test_a_figure_marker_cannot_quote_an_amount_over_all_directions(tmp_path):
    marker = "<!-- bulletin/figure { kind: fund_flows, field: amount } -->"
    write_project(tmp_path, {"2021/town": FLOWS}, {"2021/town": f"{marker}\n\n<!-- bulletin/table {{ kind: fund_flows }} -->\n"})
    (problem,) = load_archive(tmp_path, tmp_path / "docs").problems
    assert problem.field == "bulletin/figure.field" and "amount:收繳、" in problem.message
    assert "未分類" not in problem.message  # every flow has a direction

