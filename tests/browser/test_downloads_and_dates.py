"""Downloads save under names people can file, the home page offers the whole archive, and every
page says how current it is: in Debian's Chromium, as a reader clicks."""

import io
import re
import zipfile

from openpyxl import load_workbook

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_a_report_table_csv_is_saved_as_period_unit_and_kind(served_site, open_page):
    page, traffic = open_page(served_site + "2021/xuancheng-workshop/", served_site, accept_downloads=True)
    with page.expect_download() as saved:
        page.click('a[href$="downloads/2021/xuancheng-workshop/visits.csv"]')
    assert saved.value.suggested_filename == "2021-宣城車間工會-看望慰問.csv"
    assert traffic.failed == [] and traffic.outside() == []


def test_the_home_page_offers_the_whole_archive_as_a_workbook_and_a_zip(served_site, open_page, tmp_path):
    page, traffic = open_page(served_site, served_site, accept_downloads=True)
    with page.expect_download() as workbook:
        page.get_by_text("全部年度、全部類別").click()
    assert workbook.value.suggested_filename == "工會年度工作總結檔案-全部年度及類別.xlsx"
    sheet = load_workbook(io.BytesIO(workbook.value.path().read_bytes()))["看望慰問"]
    periods = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"2019年度", "2020年度", "2021年度", "2022年度", "2021年上半年"} <= periods
    with page.expect_download() as bundle:
        page.get_by_text("全部表格（CSV").click()
    assert bundle.value.suggested_filename == "工會年度工作總結檔案-全部表格CSV.zip"
    names = zipfile.ZipFile(bundle.value.path()).namelist()
    assert "2021/2021-宣城車間工會-看望慰問.csv" in names and "2019/2019-掌起鎮工會-勞動競賽.csv" in names
    assert traffic.failed == []


def test_the_workbook_holds_the_cells_the_report_page_shows(served_site, open_page):
    page, _ = open_page(served_site + "2022/meixin-company/", served_site)
    shown = page.eval_on_selector_all('table[data-bulletin-table="visits"] tr',
                                      "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")
    home, _ = open_page(served_site, served_site, accept_downloads=True)
    with home.expect_download() as workbook:
        home.get_by_text("全部年度、全部類別").click()
    sheet = load_workbook(io.BytesIO(workbook.value.path().read_bytes()))["看望慰問"]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    mine = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[:2] == ["2022年度", "東航美心公司工會"]]
    as_page = [[row[h] for h in shown[0]] for row in mine]
    assert as_page == [[t.replace(",", "") for t in r] for r in shown[1:]]


def test_every_page_type_says_how_current_its_figures_are_even_on_a_phone(served_site, open_page):
    for path in ("", "2021/", "2021/xuancheng-workshop/", "units/railway-bureau/", "awards/", "units/"):
        page, _ = open_page(served_site + path, served_site, **PHONE)
        line = page.locator(".bulletin-freshness")
        assert line.count() == 1, path
        assert re.fullmatch(r"資料更新：\d{4}-\d\d-\d\d　網站建置：\d{4}-\d\d-\d\d", line.inner_text().strip()), path
        assert line.is_visible()
        assert float(line.evaluate("e => parseFloat(getComputedStyle(e.querySelector('small')).fontSize)")) >= 11
