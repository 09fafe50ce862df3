"""The archive's generated pages, built for real: pages, navigation, links, downloads."""

import csv
import io
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from helpers import mkdocs_build, page_text, tables_in, visits, write_project, write_tree_archive

HREF = re.compile(r'(?:href|src)="([^"#]*)(?:#[^"]*)?"')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = write_tree_archive(tmp_path_factory.mktemp("tree"))
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    return project / "site"


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_home_year_unit_and_awards_pages_are_generated(site):
    for path in ("", "2019", "2020", "2021", "awards", "units/district", "units/town-a", "units/workshop", "units/town-b"):
        assert (site / path / "index.html").is_file(), path


def test_navigation_offers_years_units_and_awards(site):
    nav = html(site, "")
    nav = nav[nav.find('<nav class="md-nav md-nav--primary"'):]
    for label in ("年度", "2021年", "單位", "示範區總工會", "甲鎮機械廠工會", "獲獎榜"):
        assert label in nav


def test_every_relative_link_of_every_page_leads_to_a_file(site):
    broken = []
    for page in site.rglob("*.html"):
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if not href or urlparse(href).scheme or href.startswith(("/", "data:", "mailto:")):
                continue
            target = (page.parent / unquote(href)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {href}")
    assert broken == []


def test_every_table_has_a_csv_that_agrees_with_it_cell_for_cell(site):
    checked = 0
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        for key, rows in tables_in(text).items():
            link = re.search(rf'data-bulletin-table="{re.escape(key)}".*?<a href="([^"]+\.csv)" download="[^"]+\.csv">', text, re.S)
            assert link, f"{page}: table {key} has no CSV link"
            data = (page.parent / link.group(1)).resolve().read_bytes()
            got = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            expected = [row if i == 0 else [("" if t in ("—",) else t.replace(",", "").replace("−", "-")) for t in row]
                        for i, row in enumerate(rows)]
            assert got == expected, f"{page}: {key}"
            checked += 1
    assert checked > 20


def test_year_page_links_its_workbook(site):
    page = html(site, "2021")
    assert 'href="../downloads/2021/index/overview-2021.xlsx"' in page
    assert (site / "downloads/2021/index/overview-2021.xlsx").is_file()


def test_unit_page_shows_history_roll_up_and_charts(site):
    page = html(site, "units/district")
    text = page_text(page)
    assert "彙總（本單位及下級單位）" in text and "甲鎮工會（含下級）" in text
    assert tables_in(page)["rollup-visits-2021"][-1] == ["合計", "116多", "1,860"]
    town = html(site, "units/town-a")
    assert tables_in(town)["history-visits"][3] == ["2021年度", "90", "−25.0%", "1,500", "0.0%"]
    assert town.count("data-bulletin-chart=") == 2  # visits and funds over three years
    assert town.count('data-bulletin-figure="unit-town-a-awards-count"') == 1  # awards in one year only: stated


def test_adding_a_year_is_adding_its_files(tmp_path):
    project = write_tree_archive(tmp_path)
    assert mkdocs_build(project).returncode == 0
    write_project(project, {"2022/town-a": visits("99", "1600")}, units=(project / "data/units.yml").read_text())
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    assert tables_in(html(project / "site", "units/town-a"))["history-visits"][-1][:3] == ["2022年度", "99", "+10.0%"]
    assert "2022年" in html(project / "site", "")
    assert (project / "site/2022/index.html").is_file()


def test_an_editors_intro_on_a_generated_page_is_kept_above_the_figures(tmp_path):
    project = write_tree_archive(tmp_path)
    (project / "docs" / "2021").mkdir(exist_ok=True)
    (project / "docs" / "2021" / "index.md").write_text("# 2021年工作回顧\n\n本年度由各基層工會報送。\n", encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    text = page_text(html(project / "site", "2021"))
    assert text.index("本年度由各基層工會報送") < text.index("2021年度各單位比較")


def test_a_hand_kept_nav_is_refused(tmp_path):
    project = write_tree_archive(tmp_path)
    line = len((project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()) + 1
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n  - index.md\n")
    run = mkdocs_build(project)
    assert run.returncode == 1
    assert f"mkdocs.yml:{line}:1: nav: 應沒有 nav:，實為手寫的導航。提示：導航由檔案庫自動產生" in run.stderr


def test_links_work_without_directory_urls_for_file_hosting(tmp_path):
    project = write_tree_archive(tmp_path)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("use_directory_urls: false\n")
    assert mkdocs_build(project).returncode == 0
    page = (project / "site" / "2021" / "index.html").read_text(encoding="utf-8")
    assert 'href="town-a.html"' in page
    assert 'href="../downloads/2021/index/visits-2021.csv"' in page


def test_an_intro_without_a_title_keeps_the_generated_title(tmp_path):
    project = write_tree_archive(tmp_path)
    (project / "docs" / "units" / "town-a").mkdir(parents=True)
    (project / "docs" / "units" / "town-a" / "index.md").write_text("本鎮簡介。\n", encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    page = html(project / "site", "units/town-a")
    assert "<title>甲鎮工會 - 測試檔案</title>" in page and "本鎮簡介" in page


def test_a_hand_written_file_where_a_generated_one_goes_is_reported(tmp_path):
    project = write_tree_archive(tmp_path)
    (project / "docs" / "awards").mkdir()
    (project / "docs" / "awards" / "index.md").write_text("# 我的獎項\n", encoding="utf-8")
    run = mkdocs_build(project)
    assert run.returncode == 1
    assert ("docs/awards/index.md:1:1: awards/index.html 應沒有手寫的檔案，實為與系統產生的 awards.md 同名"
            "。提示：把這個檔案改名或移走") in run.stderr


def test_one_setting_turns_the_interface_and_our_labels_simplified(tmp_path):
    project = write_tree_archive(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    year = html(project / "site", "2021")
    tables = tables_in(year)
    assert tables["visits-2021"][0] == ["单位", "慰问人次", "慰问金（元）"]
    assert tables["visits-2021"][-1][0] == "合计"
    assert "<caption>2021年度看望慰问</caption>" in year
    assert 'lang="zh"' in year and "单位" in year.split("md-nav--primary")[1] and "搜索" in year
    csv_text = (project / "site/downloads/2021/index/visits-2021.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "单位,慰问人次,慰问金（元）"
