"""The benchmark's timed builds start without a site, and no deletion comes just before one."""

import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts" / "bench"))

import set_aside  # noqa: E402
from set_aside import SetAside  # noqa: E402


def test_a_built_site_is_moved_aside_whole_not_deleted(tmp_path):
    site = tmp_path / "archive-100" / "site"
    (site / "2016").mkdir(parents=True)
    (site / "2016" / "index.html").write_text("<html>", encoding="utf-8")
    SetAside(tmp_path).move(site)
    assert not site.exists()
    [moved] = list((tmp_path / set_aside.FOLDER).iterdir())
    assert moved.name.startswith("archive-100-site-") and (moved / "2016" / "index.html").read_text(encoding="utf-8") == "<html>"


def test_two_sites_of_one_project_are_both_kept_aside(tmp_path):
    aside = SetAside(tmp_path)
    for _ in range(2):
        (tmp_path / "archive-100" / "site").mkdir(parents=True)
        aside.move(tmp_path / "archive-100" / "site")
    assert len(list((tmp_path / set_aside.FOLDER).iterdir())) == 2


def test_no_site_is_nothing_to_move(tmp_path):
    SetAside(tmp_path).move(tmp_path / "archive-100" / "site")
    assert not (tmp_path / set_aside.FOLDER).exists()


def test_clearing_deletes_every_site_set_aside_without_waiting(tmp_path, monkeypatch):
    waits = []
    monkeypatch.setattr(set_aside.time, "sleep", waits.append)
    (tmp_path / "archive-100" / "site").mkdir(parents=True)
    aside = SetAside(tmp_path)
    aside.move(tmp_path / "archive-100" / "site")
    assert aside.clear() == 0.0
    assert not (tmp_path / set_aside.FOLDER).exists() and waits == []


def test_clearing_to_settle_writes_the_disk_out_and_waits_for_freed_inodes_to_age(tmp_path, monkeypatch):
    waits, synced = [], []
    monkeypatch.setattr(set_aside.time, "sleep", waits.append)
    monkeypatch.setattr(set_aside.os, "sync", lambda: synced.append(True))
    (tmp_path / "archive-100" / "site").mkdir(parents=True)
    aside = SetAside(tmp_path)
    aside.move(tmp_path / "archive-100" / "site")
    assert aside.clear(settle=True) == set_aside.SETTLE_SECONDS > 360
    assert synced == [True] and waits == [set_aside.SETTLE_SECONDS]


def test_nothing_set_aside_is_nothing_to_wait_for(tmp_path, monkeypatch):
    monkeypatch.setattr(set_aside.time, "sleep", lambda seconds: (_ for _ in ()).throw(AssertionError("waited")))
    assert SetAside(tmp_path).clear(settle=True) == 0.0
    (tmp_path / set_aside.FOLDER).mkdir()  # left empty
    assert SetAside(tmp_path).clear(settle=True) == 0.0 and not (tmp_path / set_aside.FOLDER).exists()


def test_a_reused_work_folders_project_is_moved_aside_whole(tmp_path):
    project = tmp_path / "archive-100"
    (project / "site").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    SetAside(tmp_path).move(project)
    [moved] = list((tmp_path / set_aside.FOLDER).iterdir())
    assert not project.exists() and (moved / "mkdocs.yml").is_file() and (moved / "site").is_dir()
