"""The downloads a build writes are in the site where the pages link them, whatever the site held before.

A full build writes them while it publishes, before MkDocs empties the site folder, into a hidden
folder that cleaning leaves alone, and moves them in once the site is clean (scan_beside.py).
A dirty build writes them in place (`mkdocs build --dirty` cannot be strict: `serve --dirty`'s
full builds, tests/site/test_preview.py)."""

from pathlib import Path

from helpers import mkdocs_build, write_project

from bulletin.scan_beside import STAGING

TOWN = """
    visits:
      - occasion: 節日慰問
        people: {people}
        cash: 5600
"""
VISITS_CSV = Path("site/downloads/2021/town/visits.csv")


def csv_of(project: Path) -> str:
    return (project / VISITS_CSV).read_text(encoding="utf-8-sig")


def test_a_build_leaves_its_downloads_in_place_and_no_staging_folder(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN.format(people=349)})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "節日慰問,349" in csv_of(tmp_path)
    assert not (tmp_path / "site" / STAGING).exists()


def test_a_build_over_the_last_site_replaces_its_downloads(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN.format(people=349)})
    assert mkdocs_build(tmp_path).returncode == 0
    write_project(tmp_path, {"2021/town": TOWN.format(people=350)})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "節日慰問,350" in csv_of(tmp_path)
    assert not (tmp_path / "site" / STAGING).exists()



def test_a_build_stopped_after_its_process_started_leaves_no_staged_download(tmp_path, monkeypatch):
    import time

    write_project(tmp_path, {"2021/town": TOWN.format(people=349)})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999999")  # read after publishing: the build stops there
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "SOURCE_DATE_EPOCH 的值「99999999999999999」不是可用的日期" in run.stderr
    assert "Traceback" not in run.stderr
    time.sleep(1.5)  # a process left running would have written them by now
    assert not (tmp_path / "site" / STAGING).exists()
