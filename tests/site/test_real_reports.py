"""Real public union summaries of kinds the sample lacks (tests/real_reports/) build strictly, and
every figure they give has its place in a computed table."""

import shutil
from pathlib import Path

import pytest

from helpers import HOOK, MKDOCS_YML, REPO, mkdocs_build, tables_in

REAL = REPO / "tests" / "real_reports"

# Every figure of each summary as the page shows it, by the table that holds it (SOURCES.md says
# where each summary comes from and what of it was left out).
FIGURES = {
    "2021/county": {
        "other_figures": ["1,790棵", "105棵", "6戶", "11戶", "1輛", "2輛", "4人", "38個"],
        "visits": ["30多", "20", "34,000", "39", "13,100", "1,270", "48,000"],
        "aid": ["16", "88,000", "33", "39,600", "248", "50,000"],
        "awards": ["30", "70", "全國安康杯職工安全應急技能知識競賽三等獎", "市級職業健康達人", "全國2021年度最美工驛站"],
        "awards-apart": ["11", "推薦"],
        "training": ["5", "440多"],
        "events": ["80,000", "11", "19,000"],
        "fund_flows": ["93", "633,800", "4", "112,000", "11", "33,000"],
        "membership": ["12"],
    },
    "2020/university": {
        "membership": ["6,066", "2,258"],
        "organisation": ["2個", "61個", "5個"],
        "surveys": ["240", "238", "2020年3月"],
        "events": ["2020年4月、9月", "190"],
        "awards": ["五一勞動獎章", "首都勞動獎章", "全國師德標兵"],
        "awards-apart": ["10"],
    },
    "2021-H1/school": {
        "events": ["1,800多", "800多"],
        "visits": ["1", "100"],
    },
    "2021/hospital": {
        "democracy": ["2021年1月25日", "1", "50多"],
        "agreements": ["1"],
        "other_figures-apart": ["362人", "304人", "281人"],
    },
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("real") / "project"
    shutil.copytree(REAL, project, ignore=shutil.ignore_patterns("SOURCES.md"))
    (project / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(hook=HOOK, extra=""), encoding="utf-8")
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    return project / "site"


def tables(site: Path, page: str) -> dict[str, list[list[str]]]:
    return tables_in((site / page / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", FIGURES)
def test_every_figure_of_a_real_summary_has_its_place_in_a_table(site, page):
    found = tables(site, page)
    missing = [(kind, figure) for kind, figures in FIGURES[page].items() for figure in figures
               if not any(figure in cell for row in found.get(kind, [])[1:] for cell in row)]
    assert missing == []


def test_money_that_passes_through_a_federation_is_never_counted_as_its_spending(site):
    funds = tables(site, "2021/county")["funds"]
    assert funds[-1][:4] == ["合計", "323,700", "48,000", "371,700"]
    flows = tables(site, "2021/county")["fund_flows"]
    assert [row[0] for row in flows if row[0].startswith("合計")] == ["合計（收繳）", "合計（撥付下級）", "合計（申請上級資金）"]


def test_awards_are_totalled_by_recipient_type_and_nominations_apart(site):
    awards = tables(site, "2021/county")["awards"]
    assert [row for row in awards if row[0].startswith("合計")] == [
        ["合計（個人）", "", "", "", "72"], ["合計（單位）", "", "", "", "31"]]
    assert "市五一勞動獎狀、獎章" not in [row[0] for row in awards]


def test_a_capital_citys_award_is_filed_at_provincial_rank(site):
    awards = tables(site, "2020/university")["awards"]
    assert ["首都勞動獎章", "省", "北京市總工會", "個人", "1"] in awards


def test_context_figures_of_the_host_hospital_are_in_no_total(site):
    context = tables(site, "2021/hospital")["other_figures-apart"]
    assert not any(row[0].startswith("合計") for row in context)


def test_a_total_holding_a_lower_bound_says_so(site):
    events = tables(site, "2021-H1/school")["events"]
    assert events[-1] == ["合計", "", "2,600多"]

