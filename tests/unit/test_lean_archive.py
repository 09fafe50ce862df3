"""What a build keeps of every record lasts until it ends (100,000 records at 10,000 reports): the
records share what they can, the objects kept by the hundred thousand carry no dictionary each,
and a report's tables go once its page no longer needs them."""

import dataclasses
import gc

from helpers import write_project

from bulletin.amounts import Count
from bulletin.kinds import KINDS
from bulletin.loading import load_archive
from bulletin.markers import find_markers
from bulletin.problems import Location
from bulletin.reading import NOTHING_PUBLISHED
from bulletin.tables import Cell

RECORD = "visits:\n  - occasion: 慰問\n    people: 37\n  - occasion: 探視\n    people: 2\n    publish: beneficiaries\n"
NARRATIVE = "前言\n\n<!-- bulletin/table { kind: visits } -->\n"


def loaded(tmp_path):
    write_project(tmp_path, {"2021/town": RECORD}, {"2021/town": NARRATIVE})
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive, next(iter(result.archive.reports.values()))


def test_records_keep_their_kinds_own_names_not_the_parsers_copies(tmp_path):
    _, report = loaded(tmp_path)
    names = {spec.name: spec.name for spec in KINDS["visits"].fields}
    assert all(key is KINDS[key].key for key in report.records)
    for record in report.records["visits"]:
        assert all(name is names[name] for name in [*record.locations, *record.published])


def test_records_that_publish_nothing_share_one_empty_set(tmp_path):
    _, report = loaded(tmp_path)
    assert report.records["visits"][0].published is NOTHING_PUBLISHED
    assert report.records["visits"][1].published == {"beneficiaries"}


def test_the_objects_kept_by_the_hundred_thousand_have_no_dictionary_each():
    markers = find_markers(NARRATIVE, "t.md", [])
    for kept in (Location("t.yml", 3, 5), Count(37), Cell(Count(37), "37"), markers[0]):
        assert dataclasses.is_dataclass(kept) and not hasattr(kept, "__dict__")


def test_a_narratives_markers_are_kept_without_a_copy_of_its_text(tmp_path):
    archive, report = loaded(tmp_path)
    text = (tmp_path / "docs" / "2021" / "town.md").read_text(encoding="utf-8")
    kept = archive.kept_markers(report, text)
    assert kept is not None and [m.name for m in kept] == ["table"]
    assert archive.kept_markers(report, text + "\n") is None
    assert text not in strings_within(archive)


def strings_within(kept, depth=6):
    """Every string the object holds, through containers and attributes, `depth` steps down."""
    found, level = [], [kept]
    for _ in range(depth):
        found += [x for x in level if isinstance(x, str)]
        level = [r for x in level if not isinstance(x, (str, type)) for r in gc.get_referents(x)]
    return found


def test_a_report_let_go_has_its_tables_and_markers_made_again_when_asked(tmp_path):
    archive, report = loaded(tmp_path)
    text = (tmp_path / "docs" / "2021" / "town.md").read_text(encoding="utf-8")
    table = archive.table(report, "visits")
    archive.let_go(report.page_path)
    assert archive.kept_markers(report, text) is None
    again = archive.table(report, "visits")
    assert again == table and again is not table


def test_letting_go_of_a_page_that_is_no_report_changes_nothing(tmp_path):
    archive, report = loaded(tmp_path)
    table = archive.table(report, "visits")
    archive.let_go("index.md")
    assert archive.table(report, "visits") is table
