"""Generated pages come from one registry: publishing, navigation, preview and dates all follow it."""

import os

from helpers import write_project

from bulletin.freshness import page_reports
from bulletin.loading import load_archive
from bulletin.page_types import PAGE_TYPES, PRINT_IN_PREVIEW
from bulletin.publication import publish
from bulletin.quick_preview import quick_update, snapshot

RECORD = "visits:\n  - occasion: 慰問\n    people: {people}\n"


def project(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/district": RECORD.format(people=5),
                             "2020/town": RECORD.format(people=3)})
    result = load_archive(tmp_path, tmp_path / "docs")
    return publish(result.archive), result.problems, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")


def save(path, text):
    stamp = os.stat(path).st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


def test_publish_writes_exactly_the_pages_the_registry_lists(tmp_path):
    publication, _, _ = project(tmp_path)
    listed = {page for page_type in PAGE_TYPES for page in page_type.pages(publication.archive)}
    assert set(publication.bodies) == listed
    assert set(publication.titles) == listed


def test_the_navigation_has_a_section_for_each_page_type_that_has_a_place_in_order(tmp_path):
    publication, _, _ = project(tmp_path)
    sections = [next(iter(entry)) for entry in publication.nav(["about.md"])[:-1]]
    assert sections == ["首頁", "年度", "單位", "獲獎榜"]
    assert publication.nav(["about.md"])[-1] == "about.md"


def test_a_saved_record_rewrites_every_page_of_every_quick_type_that_shows_its_report(tmp_path):
    publication, problems, before = project(tmp_path)
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=987654))
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, problems)
    archive = publication.archive
    town_2021 = next(r for r in archive.reports.values() if r.unit.id == "town" and r.period.year == 2021)
    showing = {page for page_type in PAGE_TYPES if page_type.quick for page in page_type.pages(archive)
               if town_2021.key in {r.key for r in page_type.shows(archive, page)}}
    assert showing and showing <= update.pages
    assert "2020/index.md" not in update.pages and "2021/print.md" not in update.pages
    for page in ("2021/index.md", "units/town/index.md"):
        assert "987,654" in publication.bodies[page], page
    assert "987,659" in publication.bodies["index.md"]  # the year's total with the district's 5


def test_a_page_type_that_finds_its_pages_from_the_report_finds_those_whose_reports_it_shows(tmp_path):
    units = ("units:\n  district:\n    name: 區\n  town:\n    name: 鎮\n    parent: district\n"
             "  village:\n    name: 村\n    parent: town\n  stray:\n    name: 散\n    parent: distrcit\n"
             "  a:\n    name: 甲\n    parent: b\n  b:\n    name: 乙\n    parent: a\n")
    write_project(tmp_path, {f"2021/{unit}": RECORD.format(people=1) for unit in ("district", "town", "village", "stray", "a", "b")},
                  units=units)
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    quick = [page_type for page_type in PAGE_TYPES if page_type.showing is not None]
    assert [page_type.name for page_type in quick] == ["unit"]
    for page_type in quick:
        for report in archive.reports.values():
            asked = [page for page in page_type.pages(archive) if report in page_type.shows(archive, page)]
            assert sorted(page_type.showing(archive, report)) == sorted(asked), report.key


def test_a_saved_narrative_rewrites_its_own_page_and_no_overview(tmp_path):
    publication, problems, before = project(tmp_path)
    save(tmp_path / "docs/2021/town.md", "本年新寫的一句話。\n")
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, problems)
    assert update.pages == {"2021/town.md"}


def test_the_print_pages_a_preview_leaves_for_the_full_build_say_so_while_previewing(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37)})
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    slow = [page_type.name for page_type in PAGE_TYPES if not page_type.quick]
    assert slow == ["print"]
    assert PRINT_IN_PREVIEW in publish(archive, previewing=True).bodies["2021/print.md"]
    assert PRINT_IN_PREVIEW not in publish(archive).bodies["2021/print.md"]


def test_a_generated_page_is_dated_by_the_reports_its_type_says_it_shows(tmp_path):
    publication, _, _ = project(tmp_path)
    archive = publication.archive
    assert {r.period.year for r in page_reports(archive, "2020/print.md")} == {2020}
    assert {r.unit.id for r in page_reports(archive, "units/district/index.md")} == {"district", "town"}
    assert len(page_reports(archive, "index.md")) == 3


def test_the_cycle_collector_waits_while_the_pages_are_published(tmp_path, monkeypatch):
    import gc

    import bulletin.page_types

    write_project(tmp_path, {"2021/town": RECORD.format(people=37)})
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    collecting = []
    real = bulletin.page_types._page
    monkeypatch.setattr(bulletin.page_types, "_page", lambda *args: collecting.append(gc.isenabled()) or real(*args))
    publish(archive)
    assert collecting and not any(collecting)
    assert gc.isenabled()  # and is back as it was after
