"""A build's print page put together from its report pages: kept copies or bodies asked for, in the year's order."""

import markdown
from helpers import write_project

from bulletin.heading_record import HeadingRecorder
from bulletin.loading import load_archive
from bulletin.page_types import PRINT_SECTIONS
from bulletin.preview import problems_box
from bulletin.print_pages import PrintPages
from bulletin.problems import Location, Problem

RECORD = "visits:\n  - occasion: 慰問\n    people: 3\n"


def printing(tmp_path) -> PrintPages:
    write_project(tmp_path, {"2021/town": RECORD, "2021/district": RECORD})
    return PrintPages(load_archive(tmp_path, tmp_path / "docs").archive)


def converted(text: str):
    recorder = HeadingRecorder()
    html = markdown.Markdown(extensions=["toc", recorder]).convert(text)
    return html, recorder.take()


def made(pages: PrintPages, bodies: dict[str, str], kept: tuple[str, ...] = ()):
    own, record = converted("# 2021年全部報告\n\nbulletinfragment\n")
    pages.headings["2021/print.md"] = record
    for src, text in bodies.items():
        html, pages.headings[src] = converted(text)
        if src in kept:
            pages.keep(pages.archive.report_for_page(src), html)
    asked = []

    def body_of(report):
        asked.append(report.page_path)
        return converted(bodies[report.page_path])[0]

    return pages.make("2021/print.md", own.replace("<p>bulletinfragment</p>", PRINT_SECTIONS), body_of), asked


def test_reports_come_in_the_years_order_from_kept_copies_or_asked_for_when_written_after_it(tmp_path):
    page, asked = made(printing(tmp_path), {"2021/district.md": "# 區\n", "2021/town.md": "# 鎮\n"},
                       kept=("2021/town.md",))
    assert asked == ["2021/district.md"]
    assert page.html.index('id="print-2021-district"') < page.html.index("區") < page.html.index("鎮")


def test_a_reports_problems_box_shown_while_previewing_is_not_printed(tmp_path):
    pages = printing(tmp_path)
    box = problems_box([Problem(Location("data/2021/town.yml", 2, 3), "visits[0]", "應為數字，實為 甲")])
    pages.boxed.add("2021/town.md")
    page, _ = made(pages, {"2021/district.md": "# 區\n", "2021/town.md": f"# 鎮\n\n{box}正文\n"})
    assert "bulletin-problems" not in page.html and "正文" in page.html


def test_a_taken_copy_is_let_go_and_the_year_is_done(tmp_path):
    pages = printing(tmp_path)
    made(pages, {"2021/district.md": "# 區\n", "2021/town.md": "# 鎮\n"}, kept=("2021/town.md", "2021/district.md"))
    assert pages.copies == {} and not pages.wanted(pages.archive.report_for_page("2021/town.md"))


def test_a_report_whose_page_was_not_made_in_this_build_is_printed_as_its_sheets_start_alone(tmp_path):
    pages = printing(tmp_path)
    own, pages.headings["2021/print.md"] = converted("# 2021年全部報告\n\nbulletinfragment\n")
    html, pages.headings["2021/town.md"] = converted("# 鎮\n")
    page = pages.make("2021/print.md", own.replace("<p>bulletinfragment</p>", PRINT_SECTIONS),
                      lambda report: html if report.page_path == "2021/town.md" else None)
    assert '<div class="bulletin-page-break" id="print-2021-district"></div>\n<div class="bulletin-page-break" id="print-2021-town"></div>\n<h1' in page.html
