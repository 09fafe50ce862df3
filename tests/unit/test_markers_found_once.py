"""A narrative's markers are found once per build: its page reuses what the load found in the same
text, and finds them afresh in any other text; its year's print page copies the page's HTML."""

from helpers import write_project

import bulletin.publication
from bulletin.loading import load_archive
from bulletin.publication import publish

RECORD = "visits:\n  - occasion: 慰問\n    people: 37\n"
NARRATIVE = "---\ntags: [慰問]\n---\n\n前言\n\n<!-- bulletin/table { kind: visits } -->\n"


def published(tmp_path, monkeypatch, narrative=NARRATIVE):
    write_project(tmp_path, {"2021/town": RECORD}, {"2021/town": narrative})
    result = load_archive(tmp_path, tmp_path / "docs")
    found = []
    real = bulletin.publication.find_markers
    monkeypatch.setattr(bulletin.publication, "find_markers", lambda text, *rest: found.append(text) or real(text, *rest))
    return publish(result.archive), result.problems, found


def test_a_page_reuses_the_markers_the_load_found_and_its_print_page_expands_none(tmp_path, monkeypatch):
    publication, problems, found = published(tmp_path, monkeypatch)
    page = publication.page_markdown("2021/town.md", "前言\n\n<!-- bulletin/table { kind: visits } -->\n", False, [])
    assert problems == [] and found == []
    assert "<!-- bulletin/" not in page and "<table" in page
    assert "<table" not in publication.bodies["2021/print.md"] and "前言" not in publication.bodies["2021/print.md"]


def test_a_narrative_changed_since_the_load_has_its_markers_found_afresh(tmp_path, monkeypatch):
    publication, _, found = published(tmp_path, monkeypatch)
    found.clear()
    changed = "新的前言\n\n<!-- bulletin/table { kind: visits } -->\n"
    page = publication.page_markdown("2021/town.md", changed, False, [])
    assert found == [changed]
    assert page.count("<table") == 1 and page.index("新的前言") < page.index("<table")


def test_markers_with_problems_are_found_again_with_their_problems(tmp_path, monkeypatch):
    publication, problems, found = published(tmp_path, monkeypatch, NARRATIVE + "\n<!-- bulletin/table { kind: aid -->\n")
    rendered: list = []
    publication.page_markdown("2021/town.md", "前言\n\n<!-- bulletin/table { kind: visits } -->\n\n"
                              "<!-- bulletin/table { kind: aid -->\n", False, rendered)
    assert problems and rendered and len(found) == 1  # the page; the print page copies its HTML
