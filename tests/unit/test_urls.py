"""Relative links between the site's pages, as MkDocs would write them."""

import posixpath

from bulletin.urls import relative_path, relative_url

PATHS = ["index.md", "awards.md", "units/index.md", "units/town/index.md", "2021/index.md", "2021/print.md",
         "2021/town.md", "2021-H1/town.md", "downloads/2021/town/visits.csv", "downloads/index/archive.zip",
         "units/town-a/index.md", "units/town/a.md"]


def test_a_relative_path_is_what_posixpath_relpath_gives_for_every_pair_of_site_paths():
    folders = sorted({posixpath.dirname(p) for p in PATHS} | set(PATHS) | {".", "units/town/", "./2021"})
    for path in folders:
        for start in folders:
            assert relative_path(path or ".", start or ".") == posixpath.relpath(path or ".", start or "."), (path, start)


def test_a_path_that_climbs_is_left_to_relpath():
    assert relative_path("2021/town.md", "units/../2021") == posixpath.relpath("2021/town.md", "units/../2021")
    assert relative_path("../outside/a.md", "2021") == posixpath.relpath("../outside/a.md", "2021")


def test_links_between_pages_follow_directory_urls():
    assert relative_url("2021/town.md", "units/town/index.md") == "../../units/town/"
    assert relative_url("2021/index.md", "2021/town.md") == "town/"
    assert relative_url("units/town/index.md", "units/town/index.md") == "./"
    assert relative_url("2021/town.md", "2021/index.md", directory_urls=False) == "index.html"
    assert relative_url("index.md", "downloads/2021/town/visits.csv") == "downloads/2021/town/visits.csv"
