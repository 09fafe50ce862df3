"""Rules about the whole site that check and build share: where MkDocs writes a file, what clashes."""

import pytest
from mkdocs.structure.files import File

from helpers import write_project

from bulletin.loading import load_archive
from bulletin.publication import publish
from bulletin.site_rules import clashes, dest_uri, hand_kept_nav, page_paths

PATHS = ["index.md", "awards.md", "2021/index.md", "2021/README.md", "2021/town.md", "units/town/index.md",
         "notes.markdown", "downloads/2021/town/visits.csv", "assets/stylesheets/bulletin.css", "README.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("path", PATHS)
def test_a_files_address_is_the_one_mkdocs_gives_it(path, directory_urls):
    assert dest_uri(path, directory_urls) == File(path, "docs", "site", directory_urls).dest_uri


def test_the_generated_pages_are_the_ones_publish_makes(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people: 3\n",
                             "2022-H1/district": "visits:\n  - occasion: 慰問\n    people: 4\n"})
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    assert sorted(page_paths(archive)) == sorted(publish(archive).bodies)


def test_a_hand_written_page_at_a_generated_pages_address_clashes():
    found = clashes(["awards/index.md", "about.md"], ["awards.md"], "docs")
    assert [str(p) for p in found] == [
        "docs/awards/index.md:1:1: awards/index.html 應沒有手寫的檔案，實為與系統產生的 awards.md 同名。提示：把這個檔案改名或移走"]


def test_pages_clash_by_address_only_as_the_site_serves_them():
    assert clashes(["awards/index.md"], ["awards.md"], "docs", directory_urls=False) == []


def test_a_hand_kept_nav_is_located_at_its_line():
    found = hand_kept_nav(True, "mkdocs.yml", "site_name: x\nnav:\n  - index.md\n")
    assert [str(p).split(" 應")[0] for p in found] == ["mkdocs.yml:2:1: nav:"]


def test_no_nav_is_no_problem():
    assert hand_kept_nav(False, "mkdocs.yml", "site_name: x\n") == []
