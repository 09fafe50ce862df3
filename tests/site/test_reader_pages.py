"""What a reader meets around the figures: the 單位 tab's unit tree, 首頁, the year's order, a
404 page and a Simplified site, all in Chinese."""

import re
from pathlib import Path

import pytest

from helpers import mkdocs_build, page_text, visits, write_project, write_tree_archive


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = write_tree_archive(tmp_path_factory.mktemp("tree"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    tabs = "font: false\n  features:\n    - navigation.tabs\n    - navigation.indexes"
    (project / "mkdocs.yml").write_text(config.replace("font: false", tabs), encoding="utf-8")
    (project / "docs" / "index.md").write_text("# 測試檔案\n\n本站為示例。\n", encoding="utf-8")  # as the sample's
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    return project / "site"


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def squeezed(page: str) -> str:
    return re.sub(r"\s+", "", page_text(page))


def tabs(page: str) -> list[str]:
    nav = page[page.find('class="md-tabs__list"'):page.find("</nav>", page.find('class="md-tabs__list"'))]
    return [re.sub(r"<[^>]+>|\s+", "", label) for label in re.findall(r'class="md-tabs__link">(.*?)</a>', nav, re.S)]


def test_the_tabs_read_home_years_units_and_awards(site):
    assert tabs(html(site, "")) == ["首頁", "年度", "單位", "獲獎榜"]


def test_the_units_tab_opens_the_unit_tree_with_each_units_report_count_and_latest_period(site):
    tab = re.search(r'<a href="([^"]+)" class="md-tabs__link">\s*單位', html(site, "")).group(1)
    assert tab == "units/"
    text = squeezed(html(site, "units"))
    assert "示範區總工會（1份報告，最近：2021年度）甲鎮工會（3份報告，最近：2021年度）甲鎮機械廠工會" in text
    assert "乙鎮工會（2份報告，最近：2021年度）" in text


def test_the_year_page_lists_the_full_year_before_its_half_years(site):
    text = squeezed(html(site, "2021"))
    assert text.index("2021年度：") < text.index("2021年上半年：")
    assert text.index("2021年度各單位比較") < text.index("2021年上半年各單位比較")


def test_the_not_found_page_is_chinese_and_leads_home_and_to_search(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "找不到這一頁" in page and "Not found" not in page
    assert '<a href="/">回到首頁</a>' in page and '<a href="/?q=">搜尋全站</a>' in page


def test_no_page_carries_materials_english_credit_line(site):
    assert all("Made with" not in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_one_search_result_is_counted_in_traditional(site):
    assert '"search.result.one": "\\u627e\\u5230 1 \\u500b' in html(site, "")  # 找到 1 個, not 个


def test_a_simplified_site_converts_its_name_palette_labels_and_narratives_but_not_their_links(tmp_path):
    project = write_project(tmp_path, {"2021/town": visits("3", "30")}, narratives={
        "2021/town": "## 職工之家建設\n\n全年[看望慰問](../2021/town.md)職工。\n\n<!-- bulletin/table { kind: visits } -->\n"})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh")
    palette = "font: false\n  palette:\n    - scheme: default\n      toggle:\n        icon: material/weather-night\n" \
              "        name: 切換至深色模式"
    (project / "mkdocs.yml").write_text(config.replace("font: false", palette), encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    report = html(project / "site", "2021/town")
    assert 'title="切换至深色模式"' in report or 'aria-label="切换至深色模式"' in report
    assert "<title>" in report and "测试档案" in report and "測試檔案" not in report
    assert "职工之家建设" in squeezed(report) and "全年看望慰问职工。" in squeezed(report)
    assert 'href="../../2021/town/"' in report or 'href="./"' in report  # the link still leads to the page


def test_the_navigation_lists_a_years_full_year_reports_before_its_half_years(site):
    nav = html(site, "2021")
    nav = re.sub(r"<[^>]+>|\s+", "", nav[nav.find("md-nav--primary"):nav.find("<article")])
    assert nav.index("甲鎮工會2021年度工作總結") < nav.index("乙鎮工會2021年上半年工作總結")
