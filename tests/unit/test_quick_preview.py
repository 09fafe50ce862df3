"""A saved file while previewing: only the reports it belongs to are read again, and what depends on them."""

import os

from helpers import UNITS, write_project

from bulletin.loading import load_archive
from bulletin.periods import Period
from bulletin.publication import publish
from bulletin.quick_preview import CheckedNames, PrivateValues, needs_scan, quick_update, snapshot

RECORD = "visits:\n  - occasion: 慰問\n    people: {people}\n"


def project(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/district": RECORD.format(people=5)})
    result = load_archive(tmp_path, tmp_path / "docs")
    publication = publish(result.archive)
    return publication, result.problems, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")


def save(path, text):
    stamp = os.stat(path).st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))  # a later time even on coarse clocks


def test_a_saved_record_file_updates_its_report_year_and_the_units_above(tmp_path):
    publication, problems, before = project(tmp_path)
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=987654))
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, problems)
    assert {"2021/town.md", "2021/index.md", "units/town/index.md", "units/district/index.md"} <= update.pages
    assert {"index.md", "awards.md"} <= update.pages  # every page that shows the report
    assert "downloads/archive/bulletin-archive.xlsx" not in update.pages  # whole-archive files: the full build's
    assert "987,654" in publication.bodies["2021/index.md"] and "987,654" in publication.bodies["units/district/index.md"]
    assert publication.archive.report("town", update.reports[0].period).records["visits"][0].people.value == 987654


def test_a_saved_record_file_sums_again_only_its_unit_and_the_units_above(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/village": RECORD.format(people=5)},
                  units=UNITS + "  village:\n    name: 示範村工會\n    parent: district\n")
    publication = publish(load_archive(tmp_path, tmp_path / "docs").archive)
    before, rollup = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), publication.rollup
    village = rollup.subtree("village", Period(2021), "visits")
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=40))
    quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path, publication, [])
    assert publication.rollup is rollup and rollup.subtree("village", Period(2021), "visits") is village
    assert "45" in publication.bodies["units/district/index.md"]


def test_a_mistake_saved_replaces_the_old_problems_of_that_file_only(tmp_path):
    publication, problems, before = project(tmp_path)
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=-2))
    quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path, publication,
                 problems)
    assert [str(p).split("。")[0] for p in problems] == ['data/2021/town.yml:3:13: visits[1].people: 應為 0 或以上的整數，實為 "-2"']


def test_a_new_file_or_a_changed_registry_needs_a_full_build(tmp_path):
    publication, problems, before = project(tmp_path)
    save(tmp_path / "data/units.yml", (tmp_path / "data/units.yml").read_text(encoding="utf-8") + "\n")
    assert quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                        publication, problems) is None
    publication, problems, before = project(tmp_path)
    save(tmp_path / "data/2021/village.yml", RECORD.format(people=1))
    assert quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                        publication, problems) is None


def test_a_rebuild_with_no_changed_input_is_a_full_build(tmp_path):
    publication, problems, before = project(tmp_path)
    assert quick_update(before, dict(before), tmp_path, publication, problems) is None


CYCLE = "units:\n  district:\n    name: 區\n    parent: town\n  town:\n    name: 鎮\n    parent: district\n"


def test_a_loop_of_parents_is_reported_and_every_page_is_still_made(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/district": RECORD.format(people=5)},
                  units=CYCLE)
    result = load_archive(tmp_path, tmp_path / "docs")
    assert sum("實為繞回了" in p.message for p in result.problems) == 2
    publication = publish(result.archive)  # was a RecursionError in the roll-ups
    assert {"units/town/index.md", "units/district/index.md", "2021/index.md"} <= set(publication.bodies)
    assert publication.nav([])  # the unit tree: both units at the top


def test_a_saved_record_of_a_unit_with_a_misspelt_parent_refreshes_its_pages(tmp_path):
    units = "units:\n  district:\n    name: 區\n  town:\n    name: 鎮\n    parent: distrcit\n"
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/district": RECORD.format(people=5)},
                  units=units)
    result = load_archive(tmp_path, tmp_path / "docs")
    publication, problems = publish(result.archive), result.problems
    before = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=41))
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, problems)  # was a KeyError: 'distrcit'
    assert "units/town/index.md" in update.pages and "41" in publication.bodies["units/town/index.md"]
    assert [p.field for p in problems] == ["units.town.parent"]  # the registry's problem stays shown


def test_a_narrative_gone_or_unreadable_after_loading_leaves_the_print_page_without_it(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37), "2021/district": RECORD.format(people=5)})
    result = load_archive(tmp_path, tmp_path / "docs")
    (tmp_path / "docs/2021/town.md").unlink()  # deleted while the build ran (a period folder removed)
    (tmp_path / "docs/2021/district.md").write_bytes("慰問\n".encode("big5"))
    publication = publish(result.archive)  # was FileNotFoundError, then UnicodeDecodeError
    assert "鎮工會2021年度工作總結" in publication.bodies["2021/print.md"]


def test_a_big5_narrative_is_reported_and_the_pages_are_still_made(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD.format(people=37)})
    (tmp_path / "docs/2021/town.md").write_bytes("<!-- bulletin/table { kind: visits } -->\n全年\n".encode("big5"))
    result = load_archive(tmp_path, tmp_path / "docs")
    assert [p.location.path for p in result.problems] == ["docs/2021/town.md"]
    assert "2021/print.md" in publish(result.archive).bodies  # was a UnicodeDecodeError


def test_a_narrative_saved_beside_a_record_file_that_cannot_be_read_is_not_blamed_for_it(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people：37\n"})
    result = load_archive(tmp_path, tmp_path / "docs")
    publication, problems = publish(result.archive), result.problems
    before = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")
    save(tmp_path / "docs/2021/town.md", "共<!-- bulletin/figure { kind: visits, field: people } -->人次。\n\n"
                                         "<!-- bulletin/table { kind: visits } -->\n")
    quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path, publication,
                 problems)
    assert [str(p).split(": ")[0] for p in problems] == ["data/2021/town.yml:3:11"]


def test_the_search_index_written_back_is_scanned_again_only_for_a_value_new_since_it_was_found_clean():
    assert not needs_scan(frozenset({"唐元斌", "李小明"}), frozenset({"唐元斌"}))
    assert needs_scan(frozenset({"唐元斌"}), frozenset({"唐元斌", "李小明"}))
    assert needs_scan(None, frozenset())  # never found clean (masked since): scanned


def test_a_saved_narrative_keeps_the_private_values_and_a_saved_record_file_finds_them_again(tmp_path):
    publication, problems, before = project(tmp_path)
    kept = PrivateValues.of(publication.archive)
    save(tmp_path / "docs/2021/town.md", "慰問。\n")
    after = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")
    assert quick_update(before, after, tmp_path, publication, problems, kept).private is kept
    save(tmp_path / "data/2021/town.yml", RECORD.format(people=3))
    update = quick_update(after, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, problems, kept)
    assert update.private is not kept


def test_a_saved_record_files_private_values_are_found_again_alone_and_equal_the_whole_archives(tmp_path):
    private = "visits:\n  - occasion: 慰問\n    people: 3\n    beneficiaries: {names}\n"
    write_project(tmp_path, {"2021/town": private.format(names="唐元斌"), "2021/district": private.format(names="李小明")})
    publication = publish(load_archive(tmp_path, tmp_path / "docs").archive)
    before = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")
    kept = PrivateValues.of(publication.archive)
    save(tmp_path / "data/2021/town.yml", "# 新的一行\n" + private.format(names="王大明"))
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, [], kept)
    whole = PrivateValues.of(publication.archive)
    assert update.private is not None and update.private.values == whole.values
    assert update.private.needles == whole.needles and "王大明" in whole.needles and "唐元斌" not in whole.needles


def test_the_private_values_matcher_is_made_once_and_anew_for_a_record_file_read_again(tmp_path):
    private = "visits:\n  - occasion: 慰問\n    people: 3\n    beneficiaries: {names}\n"
    write_project(tmp_path, {"2021/town": private.format(names="唐元斌")})
    publication = publish(load_archive(tmp_path, tmp_path / "docs").archive)
    before = snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")
    kept = PrivateValues.of(publication.archive)
    assert kept.matcher is kept.matcher and kept.matcher.values_in("探望唐元斌")
    save(tmp_path / "data/2021/town.yml", private.format(names="王大明"))
    update = quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path,
                          publication, [], kept)
    assert update.private is not None and update.private.matcher.values_in("探望王大明")
    assert not update.private.matcher.values_in("探望唐元斌")


def test_a_quick_previews_clash_check_takes_only_the_generated_names_new_since_the_last_clean_one():
    checked = CheckedNames(frozenset({"index.md"}), frozenset({"2021/town.md", "downloads/a.csv"}))
    assert checked.unchecked(["index.md"], ["2021/town.md", "downloads/a.csv", "downloads/b.csv"]) == ["downloads/b.csv"]
    assert checked.unchecked(["index.md", "x.md"], ["2021/town.md"]) == ["2021/town.md"]  # hand-written ones changed
