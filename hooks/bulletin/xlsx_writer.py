"""XLSX workbooks written directly: a ZIP of a few XML parts, without openpyxl's writer.

openpyxl wrote our workbooks cell object by cell object through et_xmlfile: at 2,000 reports
that was about 40 % of publishing the archive. A workbook of ours is only values (no formulas,
styles, widths or frozen panes: the downloads never set any), so its XML is written here as
text: one shared-strings table (Excel's own layout: a unit or period name repeated on 46,000
rows is stored once, and escaped once), numbers as numbers, an empty cell left out.

What a spreadsheet would otherwise get wrong is handled where the text is written:
- `&`, `<`, `>` are escaped; characters XML 1.0 forbids (control characters but tab and line
  breaks) are taken out, since one would make Excel refuse the whole file (the record checks
  already report them: fieldtypes.UNSAFE_CHARACTERS); a carriage return is kept as `&#13;`,
  which an XML reader would otherwise turn into a line feed.
- Text that reads as Excel's own escape `_x000D_` is written `_x005F_x000D_`, so Excel shows
  it as typed instead of a control character.
- Every text cell is a string cell, never a formula, whatever it starts with (`=1+2`).
- Sheet names are made legal: at most 31 characters, none of `[]:*?/\\`, no apostrophe at
  either end, unique ignoring case (a second 看望慰問 is 看望慰問(2)).

Every part carries FIXED_TIME and the document properties a fixed date, so the same sheets give
the same bytes in every build (downloads.py explains why that matters).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from decimal import Decimal

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # inside ZIP and XLSX files: the same bytes for the same tables
FIXED_DATE = "2000-01-01T00:00:00Z"

CellValue = str | Decimal | None  # text, a number, or an empty cell
Rows = Sequence[Sequence[CellValue]]

SHEET_NAME_LIMIT = 31
_SHEET_NAME_FORBIDDEN = str.maketrans({c: "－" for c in "[]:*?/\\"} | {c: None for c in map(chr, range(32))})
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile("(?=_x[0-9A-Fa-f]{4}_)")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def workbook(sheets: Sequence[tuple[str, Rows]]) -> bytes:
    """The workbook of these sheets, in this order; rows of cells from column A, row 1 on."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")  # Excel refuses one without
    strings: dict[str, int] = {}
    names = sheet_names([name for name, _ in sheets])
    parts = [(f"xl/worksheets/sheet{n}.xml", _sheet_xml(rows, strings)) for n, (_, rows) in enumerate(sheets, 1)]
    files = [("[Content_Types].xml", _content_types(len(sheets))), ("_rels/.rels", _ROOT_RELS),
             ("docProps/app.xml", _APP), ("docProps/core.xml", _CORE),
             ("xl/workbook.xml", _workbook_xml(names)), ("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets))),
             ("xl/styles.xml", _STYLES), ("xl/sharedStrings.xml", _shared_strings_xml(strings)), *parts]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in files:
            package.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def sheet_names(wanted: Sequence[str]) -> list[str]:
    """Each wanted name as Excel accepts it, in order; a repeated one numbered, never dropped."""
    used: set[str] = set()
    names = []
    for name in wanted:
        base = _ILLEGAL_XML.sub("", name.translate(_SHEET_NAME_FORBIDDEN))[:SHEET_NAME_LIMIT]
        base = re.sub("^'|'$", "＇", base) or "工作表"  # Excel refuses an apostrophe at either end
        candidate, n = base, 2
        while candidate.casefold() in used:  # Excel tells sheet names apart ignoring case
            suffix = f"({n})"
            candidate, n = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
        used.add(candidate.casefold())
        names.append(candidate)
    return names


def xml_text(text: str) -> str:
    """Text as the content of an XML element that Excel reads back exactly (see the module doc)."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    if "_x" in text:
        text = _EXCEL_ESCAPE.sub("_x005F", text)
    return text.translate(_TEXT_ESCAPES)


def column_letters(index: int) -> str:
    """A, B, … Z, AA, … for the 0-based column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_xml(rows: Rows, strings: dict[str, int]) -> str:
    width = max((len(row) for row in rows), default=0)
    letters = [column_letters(i) for i in range(width)]
    out = []
    for number, row in enumerate(rows, 1):
        cells = []
        for letter, value in zip(letters, row, strict=False):  # a row may be shorter than the widest
            if isinstance(value, str):
                if not value:
                    continue
                index = strings.get(value)
                if index is None:
                    index = strings[value] = len(strings)
                cells.append(f'<c r="{letter}{number}" t="s"><v>{index}</v></c>')
            elif value is None:
                continue
            elif isinstance(value, Decimal) and value.is_finite():
                cells.append(f'<c r="{letter}{number}"><v>{value}</v></c>')
            else:
                raise TypeError(f"a cell is text, a finite Decimal or None, not {value!r}")
        out.append(f'<row r="{number}">{"".join(cells)}</row>' if cells else "")
    dimension = f"A1:{letters[-1]}{len(rows)}" if width and rows else "A1"
    return (f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="{dimension}"/>'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')


def _shared_strings_xml(strings: dict[str, int]) -> str:
    items = []
    for text in strings:  # in index order: a dict keeps the order the strings were first met
        escaped = xml_text(text)
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        items.append(f"<si><t{space}>{escaped}</t></si>")
    return (f'{_HEAD}<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">'
            f'{"".join(items)}</sst>')


def _workbook_xml(names: list[str]) -> str:
    sheets = "".join(f'<sheet name="{name.translate(_ATTRIBUTE_ESCAPES)}" sheetId="{n}" r:id="rId{n}"/>'
                     for n, name in enumerate(names, 1))
    return (f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{sheets}</sheets></workbook>")


def _workbook_rels(count: int) -> str:
    rels = [(f"rId{n}", "worksheet", f"worksheets/sheet{n}.xml") for n in range(1, count + 1)]
    rels += [(f"rId{count + 1}", "styles", "styles.xml"), (f"rId{count + 2}", "sharedStrings", "sharedStrings.xml")]
    body = "".join(f'<Relationship Id="{rid}" Type="{_DOC_RELS}/{kind}" Target="{target}"/>'
                   for rid, kind, target in rels)
    return f'{_HEAD}<Relationships xmlns="{_RELS}">{body}</Relationships>'


def _content_types(count: int) -> str:
    overrides = [("/xl/workbook.xml", f"{_TYPE}.sheet.main+xml"), ("/xl/styles.xml", f"{_TYPE}.styles+xml"),
                 ("/xl/sharedStrings.xml", f"{_TYPE}.sharedStrings+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    overrides += [(f"/xl/worksheets/sheet{n}.xml", f"{_TYPE}.worksheet+xml") for n in range(1, count + 1)]
    body = "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides)
    return (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>')


_ROOT_RELS = (f'{_HEAD}<Relationships xmlns="{_RELS}">'
              f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
              f'<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" Target="docProps/core.xml"/>'
              f'<Relationship Id="rId3" Type="{_DOC_RELS}/extended-properties" Target="docProps/app.xml"/>'
              "</Relationships>")
_APP = (f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>bulletin xlsx_writer</Application></Properties>")
_CORE = (f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
         ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
         ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
         f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified></cp:coreProperties>')
# The one style every cell has: Excel's default font, no fill, no border, the General format.
_STYLES = (f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           "</styleSheet>")
