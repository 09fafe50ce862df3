"""A real strict build of a tiny archive using every kind added for real union reports (issue 12)."""

import pytest

from helpers import mkdocs_build, tables_in, write_project

COUNTY = """
    visits:
      - occasion: 送溫暖
        people: 30
        cash: 6000
    awards:
      - title: 模範職工之家
        level: 縣級
        recipient_type: 單位
      - title: 五一勞動獎章
        level: 省級
        recipient_type: 個人
        status: 推薦評選
    membership:
      - scope: 全縣
        members: 6066
        women: 2258
        unions: 210
        stations: 11
    democracy:
      - item: 職代會
        congresses: 1
        motions: 40
        filed: 30
        settled: 28
    agreements:
      - item: 工資集體協商
        type: 工資集體協商
        contracts: 48
        companies: 96
        workers: 5000
    surveys:
      - topic: 職工思想動態
        issued: 240
        returned: 238
    fund_flows:
      - item: 小微企業經費收繳
        direction: 收繳
        units: 93戶
        amount: 63.38萬元
      - item: 工驛站撥款
        direction: 撥款
        units: 11
        amount: 3.3萬元
    other_figures:
      - item: 栽植樹木
        quantity: 105
        measure: 棵
      - item: 住院人次
        quantity: 35000
        measure: 人次
        context: 是
"""
TOWN = """
    fund_flows:
      - item: 經費收繳
        direction: 收繳
        amount: 1萬元
    membership:
      - scope: 全鎮
        members: 900
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("kinds")
    kinds = [line.split(":")[0].strip() for line in COUNTY.splitlines() if line.startswith("    ") and line[4] != " "]
    markers = "\n\n".join(f"<!-- bulletin/table {{ kind: {k} }} -->" for k in [*kinds, "funds"]) + "\n"
    write_project(project, {"2021/district": COUNTY, "2021/town": TOWN}, {"2021/district": markers})
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    return project / "site"


def tables(site, page: str) -> dict[str, list[list[str]]]:
    return tables_in((site / page / "index.html").read_text(encoding="utf-8"))


def test_the_report_shows_fund_flows_per_direction_beside_funds_spent_on_visits_only(site):
    report = tables(site, "2021/district")
    assert report["fund_flows"][-2:] == [["合計（收繳）", "", "93", "633,800"], ["合計（撥付下級）", "", "11", "33,000"]]
    assert report["funds"][1:] == [["看望慰問", "6,000", "0", "6,000", "100.0%"], ["合計", "6,000", "0", "6,000", "100%"]]


def test_nominations_and_context_figures_are_tables_of_their_own_with_downloads(site):
    report = tables(site, "2021/district")
    assert report["awards"][-1] == ["合計（單位）", "", "", "1"]
    assert report["awards-apart"][1][0] == "五一勞動獎章"
    assert report["other_figures-apart"][1:] == [["住院人次", "35,000人次"]]
    assert (site / "downloads/2021/district/awards-apart.csv").is_file()
    assert (site / "downloads/2021/district/other_figures-apart.csv").is_file()


def test_every_new_kind_has_its_table_on_the_report(site):
    report = tables(site, "2021/district")
    assert report["membership"][1][:3] == ["全縣", "6,066", "2,258"]
    assert report["democracy"][-1] == ["合計", "1", "40", "30", "28"]
    assert report["agreements"][-1] == ["合計（工資專項）", "", "48", "96", "5,000"]
    assert report["surveys"][1] == ["職工思想動態", "240", "238", "99.2%"]


def test_the_year_adds_fund_flows_per_direction_and_lists_membership_without_a_total(site):
    year = tables(site, "2021")
    assert year["fund_flows-2021"][0] == ["單位", "收繳單位數（家）", "收繳金額（元）", "撥付下級單位數（家）", "撥付下級金額（元）"]
    assert year["fund_flows-2021"][-1] == ["合計", "93", "643,800", "11", "33,000"]
    assert year["membership-2021"][1:] == [["示範區總工會", "6,066", "2,258", "210", "11"], ["示範鎮工會", "900", "—", "—", "—"]]
    assert "other_figures-2021" not in year


def test_the_district_rolls_up_fund_flows_but_not_membership(site):
    unit = tables(site, "units/district")
    assert "rollup-fund_flows-2021" in unit
    assert not any(key.startswith("rollup-membership") for key in unit)


def test_the_awards_index_lists_the_county_award_and_the_nomination_apart(site):
    awards = tables(site, "awards")
    assert awards["awards-10"][1][1] == "模範職工之家"  # 縣, the eleventh level
    assert awards["awards-apart"][1][1:4] == ["省", "推薦", "五一勞動獎章"]
