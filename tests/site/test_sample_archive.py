"""The shipped sample archive builds strictly and shows every seed figure in the right table."""

import shutil
from pathlib import Path

import pytest

from helpers import REPO, mkdocs_build, page_text, tables_in


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One strict build of the repository's own archive into a temp folder."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    run = mkdocs_build(REPO, "--site-dir", str(site_dir))
    assert run.returncode == 0, run.stderr
    return site_dir


def page(site: Path, key: str) -> str:
    return (site / key / "index.html").read_text(encoding="utf-8")


def rows(site: Path, key: str, kind: str) -> list[list[str]]:
    return tables_in(page(site, key))[kind]


def test_workshop_visits_aid_and_suggestions(site):
    assert rows(site, "2021/xuancheng-workshop", "visits")[1] == ["看望慰問職工（含生病住院探望）", "37", "14,400"]
    aid = rows(site, "2021/xuancheng-workshop", "aid")
    assert aid[1][:5] == ["金秋助學", "助學", "18", "19", "—"]
    assert aid[1][5] == "14,000"
    assert rows(site, "2021/xuancheng-workshop", "suggestions")[1] == ["「金點子」及合理化建議活動", "14"]


def test_workshop_awards_and_collections(site):
    awards = rows(site, "2021/xuancheng-workshop", "awards")
    assert ["車務段安全知識競賽", "團體第一名"] == awards[1][:2]
    # 合計 per recipient type, none over all: 2 team awards, 1 individual, 1 organisation, 1+3+3+4 works.
    assert [(r[0], r[-1]) for r in awards[-4:]] == [
        ("合計（團體）", "2"), ("合計（個人）", "1"), ("合計（單位）", "1"), ("合計（作品）", "11")]
    collections = rows(site, "2021/xuancheng-workshop", "collections")
    assert [r[2] for r in collections[1:]] == ["3枚", "1首", "7條", "19條", "18幅"]


def test_company_visits_with_of_which_and_in_kind(site):
    visits = rows(site, "2021/meixin-company", "visits")
    assert visits[1][1:] == ["9", "349", "104", "5,600", "16,129"]
    assert rows(site, "2021/meixin-company", "suggestions")[1] == ["合理化建議活動", "92", "85", "81"]
    assert rows(site, "2021/meixin-company", "funds")[-1] == ["合計", "5,600", "16,129", "21,729", "100%"]


def test_bank_training_is_an_approximate_count(site):
    training = rows(site, "2021/cooperative-bank", "training")
    assert training[1][1] == "120多"
    assert "帶「多」的數字為約數" in page_text(page(site, "2021/cooperative-bank"))


def test_bank_funds_add_prize_money_and_aid(site):
    funds = rows(site, "2021/cooperative-bank", "funds")
    assert funds[1:] == [
        ["困難幫扶", "5,000", "0", "5,000", "29.4%"],
        ["競賽獎勵", "12,000", "0", "12,000", "70.6%"],
        ["合計", "17,000", "0", "17,000", "100%"],
    ]


def test_town_competitions_suggestions_training_and_organisation(site):
    key = "2021/zhangqi-town"
    assert rows(site, key, "competitions")[-1] == ["合計", "19", "9", "1,300", "1,460,000"]
    assert rows(site, key, "suggestions")[1] == ["合理化建議（雙增雙節）", "211", "125", "660,000"]
    assert rows(site, key, "training")[-1] == ["合計", "", "103", "2,500"]
    organisation = {r[0]: r[1:] for r in rows(site, key, "organisation")[1:]}
    assert organisation["工資集體協議"] == ["45家", "5家", "50家", "—"]
    assert organisation["建會企業集體合同簽訂率"][-1] == "100%"
    assert organisation["新增會員"][1] == "1,850人"


def test_district_half_year_report(site):
    key = "2021-H1/luohu-district"
    assert rows(site, key, "disputes")[1] == ["勞資糾紛輿情監督處理（按省市總工會要求）", "15"]
    assert rows(site, key, "safety")[1][3] == "400"
    assert rows(site, key, "visits")[1][1:] == ["82", "41,000"]
    assert "羅湖區總工會2021年上半年工作總結" in page(site, key)


def test_the_private_hardship_case_is_counted_but_never_published(site):
    aid = rows(site, "2021/xuancheng-workshop", "aid")
    assert aid[2][0] == "重困職工幫扶申請"
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in ("唐元斌", "小腸間質瘤", "2.4萬"):
                assert secret.encode() not in data, f"{secret} leaked into {path}"


def test_the_site_says_the_sample_is_illustrative(site):
    assert "示例資料" in page_text((site / "index.html").read_text(encoding="utf-8"))
    for key in ("2021/xuancheng-workshop", "2021-H1/luohu-district"):
        assert "示例資料" in page_text(page(site, key))


def test_a_broken_sample_record_aborts_with_its_location(tmp_path):
    for name in ("mkdocs.yml", "data", "docs", "hooks"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    record = tmp_path / "data" / "2021" / "meixin-company.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("people: 349", "people: 三百"), encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert 'data/2021/meixin-company.yml:12:13: visits[1].people: 應為 0 或以上的整數' in run.stderr
    assert "Traceback" not in run.stderr


def test_the_sample_has_a_page_per_unit_per_year_and_an_awards_index(site):
    units = [line.split(":")[0].strip() for line in (REPO / "data/units.yml").read_text(encoding="utf-8").splitlines()
             if line.startswith("  ") and not line.startswith("   ") and line.strip().endswith(":")]
    assert len(units) == 11
    for unit in units:
        assert (site / "units" / unit / "index.html").is_file(), unit
    assert (site / "2021" / "index.html").is_file()
    awards = tables_in(page(site, "awards"))
    assert [row[1] for row in awards["awards-9"][1:]] == ["模範職工之家"]  # 區, the tenth level


def test_the_railway_bureau_rolls_up_its_workshop_through_the_section(site):
    rollup = tables_in(page(site, "units/railway-bureau"))["rollup-visits-2021"]
    assert rollup[1:] == [["蕪湖車務段工會（含下級）", "37", "14,400"], ["合計", "37", "14,400"]]


def test_the_year_overview_keeps_the_half_year_report_apart(site):
    tables = tables_in(page(site, "2021"))
    assert tables["visits-2021"][-1] == ["合計", "9", "386", "104", "20,000", "16,129"]
    assert tables["visits-2021-H1"][1:] == [["羅湖區總工會", "82", "41,000"], ["合計", "82", "41,000"]]


SAMPLE_UNITS = ("xuancheng-workshop", "meixin-company", "cooperative-bank", "zhangqi-town", "luohu-district")


def test_the_sample_is_an_archive_of_several_years_for_every_unit(site):
    for year in ("2019", "2020", "2022"):
        for unit in SAMPLE_UNITS:
            assert "示例資料" in page_text(page(site, f"{year}/{unit}")), f"{year}/{unit}"
    assert "示例資料" in page_text(page(site, "2022-H1/luohu-district"))


def test_a_unit_history_compares_each_year_with_the_one_before(site):
    history = rows(site, "units/xuancheng-workshop", "history-visits")
    assert [row[:3] for row in history[1:]] == [
        ["2019年度", "29", "—"], ["2020年度", "33", "+13.8%"], ["2021年度", "37", "+12.1%"], ["2022年度", "41", "+10.8%"]]
