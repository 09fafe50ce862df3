"""What a build keeps of every record lasts until it ends (100,000 records at 10,000 reports): the
objects kept by the hundred thousand carry no dictionary each."""

import dataclasses

from bulletin.amounts import Count
from bulletin.markers import find_markers
from bulletin.problems import Location
from bulletin.tables import Cell

NARRATIVE = "前言\n\n<!-- bulletin/table { kind: visits } -->\n"


def test_the_objects_kept_by_the_hundred_thousand_have_no_dictionary_each():
    markers = find_markers(NARRATIVE, "t.md", [])
    for kept in (Location("t.yml", 3, 5), Count(37), Cell(Count(37), "37"), markers[0]):
        assert dataclasses.is_dataclass(kept) and not hasattr(kept, "__dict__")
