"""A report's tables are rendered once for its year's print page and its own page, and read the same."""

import bulletin.publication
from helpers import write_project

from bulletin.loading import load_archive, reread_report
from bulletin.printed_tables import PrintedTables
from bulletin.publication import publish

RECORDS = """
    visits:
      - occasion: 節日慰問
        people: 37
        cash: 1800
    awards:
      - title: 先進集體
        level: 市
      - title: 勞動模範
        level: 省
        status: 推薦
"""


def published(tmp_path, records=RECORDS):
    write_project(tmp_path, {"2021/town": records, "2021-H1/town": records})
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    return publish(archive), archive


def own_page(publication, report):
    return publication.page_markdown(report.page_path, report.narrative_file.read_text(encoding="utf-8"), False, [])


def test_a_report_page_takes_the_tables_its_print_page_rendered_instead_of_rendering_them_again(tmp_path, monkeypatch):
    publication, archive = published(tmp_path)
    rendered = []
    real = bulletin.publication.render_table
    monkeypatch.setattr(bulletin.publication, "render_table", lambda *args: rendered.append(args) or real(*args))
    for report in archive.reports.values():
        own_page(publication, report)
    assert rendered == []


def test_a_report_page_reads_the_same_whether_or_not_its_tables_were_printed_first(tmp_path):
    publication, archive = published(tmp_path)
    taken = {r.page_path: own_page(publication, r) for r in archive.reports.values()}
    publication.printed = PrintedTables()
    assert {r.page_path: own_page(publication, r) for r in archive.reports.values()} == taken
    assert 'data-bulletin-table="awards-apart"' in taken["2021/town.md"]


def test_a_table_computed_again_since_it_was_printed_is_rendered_afresh(tmp_path):
    publication, archive = published(tmp_path)
    report = archive.report("town", next(p for p in archive.periods() if p.part is None))
    data = tmp_path / "data" / "2021" / "town.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("people: 37", "people: 41"), encoding="utf-8")
    report = reread_report(archive, report, data, [])
    assert ">41<" in own_page(publication, report)


def test_a_table_whose_link_reads_differently_from_the_report_page_is_rendered_afresh():
    from bulletin.periods import Period
    from bulletin.render import PageContext
    from bulletin.tables import Table

    table, printed = Table("visits", "看望慰問", (), ()), PrintedTables()
    page = PageContext("2021/print.md")
    page.href("2021/town.md")  # "../town/" from the print page, "./" from the report's own
    printed.keep(("town", Period(2021)), table, "2021-town-visits", "<table></table>", page)
    assert printed.take(("town", Period(2021)), table, PageContext("2021/town.md")) is None
