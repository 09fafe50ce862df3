"""The tests' builds: each in a process of its own, with its own folder, environment and exit status."""

import os
import subprocess

import pytest

from helpers import _build_server, mkdocs_build

CONFIG = "site_name: !ENV [BULLETIN_TEST_NAME, 預設名稱]\ntheme:\n  name: mkdocs\n"


def project(root):
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root


def test_a_build_gets_its_own_folder_and_environment_and_leaves_none_to_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_TEST_NAME", "第一個網站")
    first = project(tmp_path / "a")
    assert mkdocs_build(first).returncode == 0
    monkeypatch.delenv("BULLETIN_TEST_NAME")
    second = project(tmp_path / "b")
    assert mkdocs_build(second).returncode == 0
    assert "第一個網站" in (first / "site" / "index.html").read_text(encoding="utf-8")
    assert "預設名稱" in (second / "site" / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_gives_its_exit_status_and_its_messages(tmp_path):
    broken = project(tmp_path / "c")
    (broken / "mkdocs.yml").write_text(CONFIG + "nav:\n  - 不存在.md\n", encoding="utf-8")
    run = mkdocs_build(broken)
    assert run.returncode == 1
    assert "不存在.md" in run.stderr and "Aborted with 1 warnings in strict mode!" in run.stdout  # as MkDocs prints them


def test_a_build_past_its_time_is_killed_and_reported_as_a_timeout(tmp_path):
    fifo = project(tmp_path / "d") / "docs" / "slow.md"
    os.mkfifo(fifo)  # MkDocs waits for a writer that never comes
    with pytest.raises(subprocess.TimeoutExpired):
        _build_server().build(["build"], tmp_path / "d", dict(os.environ), timeout=2)
    assert mkdocs_build(project(tmp_path / "e")).returncode == 0  # the server goes on
