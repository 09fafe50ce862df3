"""Downloads people can file: saved names that say what a table is, and the whole archive in two files."""

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from helpers import write_project

from bulletin.archive_downloads import ARCHIVE_WORKBOOK, ARCHIVE_ZIP, csv_zip
from bulletin.loading import load_archive
from bulletin.publication import publish
from bulletin.render import PageContext, render_table
from bulletin.saved_names import saved_name
from bulletin.tables import Cell, Column, Table

TOWN = """
    visits:
      - occasion: 節日慰問
        people: 349
        cash: 1800多元
    awards:
      - title: 先進集體
        level: 區
        recipient_type: 團體
"""
DISTRICT = """
    visits:
      - occasion: 工傷探視
        people: 82
        units: 3
"""


def published(tmp_path: Path):
    write_project(tmp_path, {"2021/town": TOWN, "2021-H1/district": DISTRICT, "2022/town": TOWN.replace("349", "360")})
    return publish(load_archive(tmp_path, tmp_path / "docs").archive)


def test_a_saved_name_carries_period_unit_and_table():
    assert saved_name("2021", "宣城車間工會", "看望慰問") == "2021-宣城車間工會-看望慰問.csv"


def test_a_saved_name_is_safe_as_a_windows_file_name():
    assert saved_name("2021", 'A/B:C*"D"<E>|F?\\', "表\x07") == "2021-A／B：C＊＂D＂＜E＞｜F？＼-表.csv"
    assert saved_name("CON", suffix="") == "_CON"
    assert saved_name("工會. ", suffix="") == "工會"
    assert len(saved_name("長" * 300)) == 100


def test_the_link_keeps_an_ascii_address_and_sets_the_saved_name():
    table = Table("visits", "看望慰問", (Column("慰問項目"),), ((Cell("慰問", "慰問"),),))
    html = render_table(table, PageContext("2021/town.md"), "downloads/2021/town/visits.csv", ("2021", "示範鎮工會"))
    assert 'href="../../downloads/2021/town/visits.csv" download="2021-示範鎮工會-看望慰問.csv"' in html


def test_every_report_table_is_saved_under_its_period_and_unit(tmp_path):
    names = published(tmp_path).saved_names
    assert names["downloads/2021/town/visits.csv"] == "2021-示範鎮工會-看望慰問.csv"
    assert names["downloads/2021-H1/district/visits.csv"] == "2021-H1-示範區總工會-看望慰問.csv"


def test_two_files_saved_under_one_name_are_both_in_the_zip():
    bundle = zipfile.ZipFile(io.BytesIO(csv_zip([("2021/甲.csv", b"1"), ("2021/甲.csv", b"2")])))
    assert [(n, bundle.read(n)) for n in bundle.namelist()] == [("2021/甲.csv", b"1"), ("2021/甲 (2).csv", b"2")]


def test_the_archive_workbook_holds_every_report_table_cell_for_cell_with_period_and_unit(tmp_path):
    publication = published(tmp_path)
    sheet = load_workbook(io.BytesIO(publication.downloads[ARCHIVE_WORKBOOK]))["看望慰問"]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert header[:2] == ["期別", "單位"]
    for period, unit, path in [("2021年上半年", "示範區總工會", "2021-H1/district"), ("2021年度", "示範鎮工會", "2021/town"),
                               ("2022年度", "示範鎮工會", "2022/town")]:
        page = list(csv.reader(io.StringIO(publication.downloads[f"downloads/{path}/visits.csv"].decode("utf-8-sig"))))
        mine = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[:2] == [period, unit]]
        assert [[row[h] for h in page[0]] for row in mine] == page[1:], path
        assert all(row[h] == "" for row in mine for h in header[2:] if h not in page[0])


def test_the_archive_zip_holds_every_csv_byte_for_byte_under_its_saved_name(tmp_path):
    publication = published(tmp_path)
    bundle = zipfile.ZipFile(io.BytesIO(publication.downloads[ARCHIVE_ZIP]))
    csvs = {p: d for p, d in publication.downloads.items() if p.endswith(".csv")}
    assert len(bundle.namelist()) == len(csvs)
    assert bundle.read("2021/2021-示範鎮工會-看望慰問.csv") == csvs["downloads/2021/town/visits.csv"]
    assert sorted(bundle.read(n) for n in bundle.namelist()) == sorted(csvs.values())


def test_the_archive_files_hold_no_time_of_building_so_a_deploy_sends_them_only_when_they_change(tmp_path):
    publication = published(tmp_path)
    for path in (ARCHIVE_WORKBOOK, ARCHIVE_ZIP):
        package = zipfile.ZipFile(io.BytesIO(publication.downloads[path]))
        assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    core = zipfile.ZipFile(io.BytesIO(publication.downloads[ARCHIVE_WORKBOOK])).read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_the_home_page_offers_both_under_names_that_say_what_they_hold(tmp_path):
    home = published(tmp_path).bodies["index.md"]
    assert 'href="downloads/archive/bulletin-archive.xlsx" download="工會年度工作總結檔案-全部年度及類別.xlsx"' in home
    assert 'href="downloads/archive/bulletin-csv.zip" download="工會年度工作總結檔案-全部表格CSV.zip"' in home


def test_text_that_looks_like_a_formula_stays_text_in_the_archive_workbook(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN.replace("節日慰問", "=HYPERLINK(\"x\")")})
    publication = publish(load_archive(tmp_path, tmp_path / "docs").archive)
    cell = load_workbook(io.BytesIO(publication.downloads[ARCHIVE_WORKBOOK]))["看望慰問"]["C2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")


def test_a_year_page_table_whose_title_names_the_year_is_saved_without_repeating_it(tmp_path):
    names = published(tmp_path).saved_names
    assert names["downloads/2021/index/visits-2021.csv"] == "2021年度看望慰問.csv"


def test_publishing_hands_over_the_reports_csvs_and_the_workbook_before_any_page_and_every_download_at_last(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN, "2021-H1/district": DISTRICT, "2022/town": TOWN.replace("349", "360")})
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    handed: list[dict[str, bytes]] = []
    publication = publish(archive, downloads_made=lambda downloads: handed.append(dict(downloads)))
    folders = tuple(f"downloads/{report.page_path[:-3]}/" for report in archive.reports.values())
    reports = {path for path in publication.downloads if path.startswith(folders)}
    first = set(handed[0])
    assert reports and first == reports | {ARCHIVE_WORKBOOK}
    assert handed[-1] == publication.downloads
    assert ARCHIVE_ZIP not in handed[-2]  # made from every CSV, the pages' own included
    assert publication.bodies["index.md"].count("bulletin-csv.zip") == 1  # the home page's section once
