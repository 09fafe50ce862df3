"""Charts tell the truth and can be read: one kind of period per chart, one point stated, numbers on every bar."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from helpers import write_tree_archive

from bulletin.charts import Chart, Series, render_chart
from bulletin.loading import load_archive
from bulletin.trends import archive_charts, unit_charts


@pytest.fixture
def archive(tmp_path):
    write_tree_archive(tmp_path)
    return load_archive(tmp_path, tmp_path / "docs").archive


def text_of(html: str) -> str:
    return "".join(ET.fromstring(html).itertext())


def test_a_half_year_is_never_in_the_same_series_as_full_years(archive):
    charts = {c.key: c for c in archive_charts(archive)}
    assert charts["archive-visits-people"].categories == ("2019年度", "2020年度", "2021年度")
    assert charts["archive-visits-people-half"].categories == ("2021年上半年",)


def test_each_kind_of_period_is_named_in_its_title(archive):
    charts = {c.key: c for c in archive_charts(archive)}
    assert charts["archive-visits-people"].title == "看望慰問人次（年度）"
    assert charts["archive-visits-people-half"].title == "看望慰問人次（半年度）"


def test_a_single_point_is_stated_as_a_figure_not_drawn():
    chart = Chart("one", "看望慰問人次（半年度）", ("2021年上半年",), (Series("看望慰問人次", (Decimal(7),), ("7",)),), "人次")
    html = render_chart(chart)
    assert "bulletin-bar" not in html and "data-bulletin-chart" not in html
    assert text_of(html) == "看望慰問人次（半年度）：2021年上半年 7人次。"


def test_a_single_point_of_several_series_names_each():
    chart = Chart("one", "經費按用途", ("2021年度",),
                  (Series("慰問", (Decimal(1500),), ("1,500",)), Series("助學", (None,), ("—",))), "元", stacked=True)
    assert text_of(render_chart(chart)) == "經費按用途：2021年度 慰問 1,500元。"


def test_every_bar_carries_its_number_as_text(archive):
    (visits,) = [c for c in unit_charts(archive, "town-a") if c.key.endswith("visits-people")]
    html = render_chart(visits)
    values = [e.text for e in ET.fromstring(html).iter() if "bulletin-bar-value" in e.get("class", "")]
    assert values == ["100", "120", "90"]


def test_stacked_bars_carry_each_part_with_its_name():
    chart = Chart("f", "經費按用途", ("2020年度", "2021年度"),
                  (Series("慰問", (Decimal(1500), Decimal(900)), ("1,500", "900")),
                   Series("助學", (None, Decimal(300)), ("—", "300"))), "元", stacked=True)
    parts = [e for e in ET.fromstring(render_chart(chart)).iter() if e.get("class") == "bulletin-bar-part"]
    assert ["".join(p.itertext()) for p in parts] == ["慰問 1,500", "慰問 900", "助學 300"]


def test_bar_colours_are_classes_the_stylesheet_sets_for_both_palettes():
    chart = Chart("g", "獲獎", ("2020年度", "2021年度"),
                  (Series("團體", (Decimal(1), Decimal(2)), ("1", "2")), Series("個人", (Decimal(3), None), ("3", "—"))), "項")
    html = render_chart(chart)
    assert "bulletin-c1" in html and "bulletin-c2" in html and "#" not in html


def test_no_bar_is_drawn_for_a_missing_figure():
    chart = Chart("g", "獲獎", ("2020年度", "2021年度"),
                  (Series("團體", (Decimal(1), Decimal(2)), ("1", "2")), Series("作品", (None, Decimal(3)), ("—", "3"))), "項")
    rows = [e for e in ET.fromstring(render_chart(chart)).iter() if e.get("class") == "bulletin-bar-row"]
    assert [len(list(row.iter("span"))) for row in rows] == [3, 2, 3, 3]  # track, bar, value; no bar for 作品 —


def test_no_chart_of_the_sample_archive_sets_a_half_year_beside_full_years():
    from helpers import REPO

    archive = load_archive(REPO, REPO / "docs").archive
    units = {r.unit.id for p in archive.periods() for r in archive.reports_in(p)}
    charts = archive_charts(archive) + [c for u in sorted(units) for c in unit_charts(archive, u)]
    mixed = [c.key for c in charts if len({label.endswith("年度") for label in c.categories}) > 1]
    assert charts and mixed == []
