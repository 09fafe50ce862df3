"""Workbooks written without openpyxl read back, sheet for sheet and cell for cell, as openpyxl wrote them."""

import io
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.utils.escape import unescape

from helpers import REPO

from bulletin import xlsx_writer
from bulletin.downloads import tables_xlsx
from bulletin.loading import load_archive
from bulletin.publication import publish
from bulletin.tables import Cell, Column, Table
from bulletin.xlsx_writer import sheet_names, workbook


def openpyxl_workbook(sheets) -> bytes:
    """The same sheets as the downloads were written before: openpyxl, cell by cell, text never a formula."""
    book = Workbook()
    book.remove(book.worksheets[0])
    used: set[str] = set()
    for name, rows in sheets:
        sheet = book.create_sheet(openpyxl_sheet_name(name, used))
        for row_number, row in enumerate(rows, start=1):
            for column_number, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column_number)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def openpyxl_sheet_name(name: str, used: set[str]) -> str:
    """How the downloads named sheets before: forbidden characters full-width, 31 at most, (2) for a repeat."""
    base = name.translate(str.maketrans({c: "－" for c in "[]:*?/\\"}))[:31]
    candidate, n = base, 2
    while candidate in used:
        candidate, n = base[: 31 - len(f"({n})")] + f"({n})", n + 1
    used.add(candidate)
    return candidate


def read_back(data: bytes):
    """Sheet names in order, each cell as (type, value)."""
    book = load_workbook(io.BytesIO(data))

    def cell(value):
        if value is None:
            return None
        return ("s", value) if isinstance(value, str) else ("n", value)

    return [(sheet.title, [[cell(v) for v in row] for row in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets]


TRICKY = [
    ["單位", "人次", "慰問金（元）", "備註"],
    ["A&B <工會>", Decimal("1234.50"), Decimal("1800"), 'he said "yes" & \'no\''],
    ["=1+2", "1800多", None, ""],
    [" 前後有空格 ", Decimal("-3.0"), Decimal("0"), "第一行\n第二行\t完"],
    ["+12.5%", Decimal("12345678.9"), "120多", "@x"],
]


def test_text_numbers_and_empty_cells_read_back_as_openpyxl_wrote_them():
    sheets = [("看望慰問", TRICKY)]
    assert read_back(workbook(sheets)) == read_back(openpyxl_workbook(sheets))


def test_a_tables_page_texts_become_numbers_lower_bounds_text_and_empty_cells():
    columns = (Column("單位"), Column("人次", True), Column("金額（元）", True), Column("同比", True))
    rows = ((Cell("A&B", "A&B"), Cell(None, "1,234.50"), Cell(None, "1800多"), Cell(None, "−3.0%")),
            (Cell("—", "—"), Cell(None, "—"), Cell(None, "−12"), Cell(None, "14,400")))
    sheet = read_back(tables_xlsx([("看望慰問", Table("visits", "看望慰問", columns, rows))]))[0][1]
    assert sheet[1:] == [[("s", "A&B"), ("n", 1234.5), ("s", "1800多"), ("s", "-3.0%")],
                         [None, None, ("n", -12), ("n", 14400)]]


def test_sheet_names_of_31_characters_and_repeated_ones_are_named_as_openpyxl_named_them():
    names = ["長" * 40, "長" * 40, "看望慰問", "看望慰問", "看望慰問", "a[b]:c*?/\\d", "經費使用（上半年）"]
    sheets = [(name, [["單位"], ["示範鎮工會"]]) for name in names]
    got = read_back(workbook(sheets))
    assert [name for name, _ in got] == [name for name, _ in read_back(openpyxl_workbook(sheets))]
    assert [name for name, _ in got][:5] == ["長" * 31, "長" * 28 + "(2)", "看望慰問", "看望慰問(2)", "看望慰問(3)"]


def test_a_sheet_of_2000_rows_reads_back_cell_for_cell():
    rows = [["期別", "單位", "人次", "金額"]] + [
        ["2021年度", f"第{n}工會", Decimal(n), f"{n}多" if n % 7 == 0 else Decimal(f"{n}.50")] for n in range(2000)]
    sheets = [("看望慰問", rows), ("活動紀要", rows[:10])]
    got = read_back(workbook(sheets))
    assert got == read_back(openpyxl_workbook(sheets))
    assert len(got[0][1]) == 2001 and got[0][1][-1] == [("s", "2021年度"), ("s", "第1999工會"), ("n", 1999), ("n", 1999.5)]


def test_columns_past_z_are_lettered_as_excel_letters_them():
    sheets = [("寬表", [[f"欄{n}" for n in range(703)], [Decimal(n) for n in range(703)]])]
    got = read_back(workbook(sheets))
    assert got == read_back(openpyxl_workbook(sheets)) and got[0][1][1][702] == ("n", 702)


def test_text_is_never_read_as_a_formula():
    sheet = load_workbook(io.BytesIO(workbook([("活動", [["=HYPERLINK(\"x\")", "=1+2"]])]))).active
    assert [(c.value, c.data_type) for c in sheet[1]] == [('=HYPERLINK("x")', "s"), ("=1+2", "s")]


def test_characters_xml_forbids_are_taken_out_and_the_text_around_them_kept():
    data = workbook([("看望\x01慰問", [["慰\x00問\x1f金\x0b（元）\ufffe", "tab\tand\nline"]])])
    for name in zipfile.ZipFile(io.BytesIO(data)).namelist():
        ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))  # every part is well-formed XML
    assert read_back(data) == [("看望慰問", [[("s", "慰問金（元）"), ("s", "tab\tand\nline")]])]


def test_a_carriage_return_is_kept_not_turned_into_a_line_feed():
    assert read_back(workbook([("a", [["第一行\r\n第二行\r"]])]))[0][1] == [[("s", "第一行\r\n第二行\r")]]


def test_text_that_reads_like_excels_own_escape_shows_as_typed():
    data = workbook([("a", [["_x000D_ 與 _x0041_", "_x00"]])])
    assert read_back(data)[0][1] == [[("s", "_x000D_ 與 _x0041_"), ("s", "_x00")]]
    shared = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml"))
    as_excel_reads = [unescape("".join(si.itertext())) for si in shared]  # Excel decodes every _xHHHH_
    assert as_excel_reads == ["_x000D_ 與 _x0041_", "_x00"]


def test_sheet_names_excel_would_take_for_the_same_are_numbered():
    assert sheet_names(["Visits", "VISITS", "visits"]) == ["Visits", "VISITS(2)", "visits(3)"]


def test_an_apostrophe_at_either_end_of_a_sheet_name_is_made_full_width():
    assert sheet_names(["'引號'", "中'間"]) == ["＇引號＇", "中'間"]


def test_a_sheet_name_of_nothing_but_forbidden_characters_still_names_the_sheet():
    assert sheet_names(["\x01\x02", "\x03"]) == ["工作表", "工作表(2)"]


def test_the_same_sheets_give_the_same_bytes_and_no_time_of_building():
    sheets = [("看望慰問", TRICKY)]
    data = workbook(sheets)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert data == workbook(sheets)
    assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert package.read("docProps/core.xml").decode().count("2000-01-01T00:00:00Z") == 2


def test_the_sample_archive_workbooks_read_back_as_openpyxl_wrote_them(monkeypatch):
    written = []

    def recording(sheets):
        written.append((sheets, real(sheets)))
        return written[-1][1]

    real = xlsx_writer.workbook
    monkeypatch.setattr(xlsx_writer, "workbook", recording)
    publication = publish(load_archive(REPO, REPO / "docs").archive)
    workbooks = [data for path, data in publication.downloads.items() if path.endswith(".xlsx")]
    assert len(written) == len(workbooks) > 1 and {id(d) for _, d in written} == {id(d) for d in workbooks}
    for sheets, data in written:
        assert read_back(data) == read_back(openpyxl_workbook(sheets))
