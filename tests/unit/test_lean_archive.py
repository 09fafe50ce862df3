"""What a build keeps of every record lasts until it ends (100,000 records at 10,000 reports): the
records share what they can, and the objects kept by the hundred thousand carry no dictionary each."""

import dataclasses

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
