"""Downloads hold the page's own cells; charts carry their numbers as text."""

import csv
import io
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from helpers import write_tree_archive

from bulletin.charts import render_chart
from bulletin.downloads import table_csv, tables_xlsx
from bulletin.loading import load_archive
from bulletin.overviews import year_comparison
from bulletin.periods import Period
from bulletin.trends import archive_charts, unit_charts


@pytest.fixture
def archive(tmp_path):
    write_tree_archive(tmp_path)
    return load_archive(tmp_path, tmp_path / "docs").archive


def page_cells(table):
    rows = [[c.header for c in table.columns]]
    for row in [*table.rows, table.total]:
        rows.append([c.text for c in row])
    return rows


def test_csv_starts_with_a_byte_order_mark_for_excel(archive):
    data = table_csv(year_comparison(archive, Period(2021), "visits"))
    assert data.startswith("\ufeff".encode())


def test_csv_agrees_with_the_page_table_cell_for_cell(archive):
    table = year_comparison(archive, Period(2021), "visits")
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig"))))
    expected = [[("" if t == "—" else t.replace(",", "")) for t in row] for row in page_cells(table)]
    assert rows == expected
    assert rows[-1] == ["合計", "116多", "1860"]


def test_xlsx_has_the_same_cells_with_numbers_as_numbers(archive):
    tables = [year_comparison(archive, Period(2021), k) for k in ("visits", "funds")]
    workbook = load_workbook(io.BytesIO(tables_xlsx([("看望慰問", tables[0]), ("經費使用", tables[1])])))
    assert workbook.sheetnames == ["看望慰問", "經費使用"]
    for sheet, table in zip(workbook.worksheets, tables, strict=True):
        cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        for got_row, page_row in zip(cells, page_cells(table), strict=True):
            for got, text in zip(got_row, page_row, strict=True):
                expected = text.replace(",", "")
                if isinstance(got, int | float):
                    assert Decimal(str(got)) == Decimal(expected)
                else:
                    assert (got or "") == ("" if text == "—" else expected)
    assert workbook["看望慰問"]["C6"].value == 1860


def test_charts_are_well_formed_html_with_every_number_as_text(archive):
    charts = unit_charts(archive, "town-a")
    assert [c.key for c in charts] == ["unit-town-a-visits-people", "unit-town-a-awards-count", "unit-town-a-funds"]
    root = ET.fromstring(render_chart(charts[0]))
    assert " ".join(t.strip() for t in root.itertext() if t.strip()) == (
        "看望慰問人次（年度） 單位：人次 2019年度 100 2020年度 120 2021年度 90")


def test_chart_text_is_escaped():
    from bulletin.charts import Chart, Series

    chart = Chart("x", "<script>", ("<b>",), (Series("&", (Decimal(1),), ("1",)),), "元")
    svg = render_chart(chart)
    ET.fromstring(svg)
    assert "<script>" not in svg and "<b>" not in svg


def test_archive_trends_keep_a_half_year_out_of_the_years_series(archive):
    visits = archive_charts(archive)[0]
    assert visits.categories == ("2019年度", "2020年度", "2021年度")
    assert [s.texts for s in visits.series] == [("100", "130", "116多")]


def test_text_that_a_spreadsheet_would_run_stays_text(tmp_path):
    from bulletin.tables import Cell, Column, Table

    table = Table("t", "活動", (Column("活動"), Column("人數", True)),
                  ((Cell("=1+2", "=1+2"), Cell(None, "−3.0%")), (Cell("@x", "@x"), Cell(None, "5"))))
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig"))))
    assert rows[1:] == [["'=1+2", "-3.0%"], ["'@x", "5"]]
    sheet = load_workbook(io.BytesIO(tables_xlsx([("活動", table)]))).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=1+2", "s")


def test_a_control_character_in_a_cell_is_taken_out_of_the_workbook_and_the_rest_kept():
    from bulletin.tables import Cell, Column, Table

    table = Table("t", "活動", (Column("活動"), Column("人數", True)), ((Cell("慰\x00問\x1f", "慰\x00問\x1f"), Cell(5, "5")),))
    sheet = load_workbook(io.BytesIO(tables_xlsx([("活動", table)]))).active
    assert [c.value for c in sheet[2]] == ["慰問", 5]


def test_a_numeric_cell_reading_nan_or_infinity_stays_text():
    from bulletin.tables import Cell, Column, Table

    table = Table("t", "活動", (Column("人數", True),), ((Cell(None, "NaN"),), (Cell(None, "Infinity"),)))
    sheet = load_workbook(io.BytesIO(tables_xlsx([("活動", table)]))).active
    assert [(c.value, c.data_type) for c in sheet["A"]][1:] == [("NaN", "s"), ("Infinity", "s")]


def test_long_period_labels_each_have_a_line_of_their_own():
    from bulletin.charts import Chart, Series

    labels = tuple(f"{y}年第{q}季度" for y in (2019, 2020, 2021) for q in "一二三四")
    chart = Chart("q", "季度", labels, (Series("人次", (Decimal(1),) * 12, ("1",) * 12),), "人次")
    assert render_chart(chart).count('<div class="bulletin-bar-label">') == 12


def test_a_year_workbook_holds_no_time_of_building_so_two_builds_give_the_same_bytes(archive):
    package = zipfile.ZipFile(io.BytesIO(tables_xlsx([("看望慰問", year_comparison(archive, Period(2021), "visits"))])))
    assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert package.read("docProps/core.xml").decode().count("2000-01-01T00:00:00Z") == 2

