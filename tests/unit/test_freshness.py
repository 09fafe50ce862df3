"""How current a page is: its inputs' last change from git (else the files), and the build date."""

import os
import subprocess
from datetime import date, datetime
from pathlib import Path

from helpers import write_project

from bulletin.freshness import Freshness, build_date, file_dates, freshness, page_inputs, run_git
from bulletin.loading import load_archive

VISITS = """
    visits:
      - occasion: 慰問
        people: 3
"""


def git(project: Path, *args: str, day: str = "2021-12-30") -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def committed_project(tmp_path: Path) -> Path:
    """Two reports committed on different days, the town's record changed again later."""
    project = tmp_path / "p"
    write_project(project, {"2021/town": VISITS, "2021/district": VISITS})
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "first", day="2022-01-05")
    (project / "data/2021/town.yml").write_text(VISITS.replace("3", "4"), encoding="utf-8")
    git(project, "commit", "-qam", "town again", day="2022-03-09")
    return project


def test_a_file_is_dated_by_the_last_commit_that_touched_it(tmp_path):
    dates = file_dates(committed_project(tmp_path))
    assert dates["data/2021/town.yml"] == date(2022, 3, 9)
    assert dates["data/2021/district.yml"] == date(2022, 1, 5)


def test_git_is_asked_once_for_the_whole_history_however_many_files(tmp_path):
    calls = []

    def counting(args, cwd):
        calls.append(args[0])
        return run_git(args, cwd)

    project = committed_project(tmp_path)
    for n in range(30):
        write_project(project, {f"2020/town{n}": VISITS}, units="units: {}\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "more", day="2022-04-01")
    assert len(file_dates(project, run=counting)) > 60
    assert calls.count("log") == 1


def test_a_file_edited_since_its_commit_is_dated_by_its_modification_time(tmp_path):
    project = committed_project(tmp_path)
    (project / "docs/2021/district.md").write_text("改過\n", encoding="utf-8")
    os.utime(project / "docs/2021/district.md", (1700000000, 1700000000))
    dated = freshness(project)
    assert "docs/2021/district.md" not in dated.committed
    assert dated.changed("docs/2021/district.md") == date.fromtimestamp(1700000000)


def test_without_git_every_file_is_dated_by_its_modification_time(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    os.utime(tmp_path / "data/2021/town.yml", (1640000000, 1640000000))
    dated = freshness(tmp_path)
    assert dated.committed == {}
    assert dated.changed("data/2021/town.yml") == date.fromtimestamp(1640000000)


def test_a_quick_preview_keeps_the_modification_dates_found_before_but_of_the_files_saved(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    for path in ("data/2021/town.yml", "data/2021/district.yml"):
        os.utime(tmp_path / path, (1640000000, 1640000000))
    earlier = freshness(tmp_path)
    earlier.newest(["data/2021/town.yml", "data/2021/district.yml"])
    os.utime(tmp_path / "data/2021/town.yml", (1700000000, 1700000000))
    os.utime(tmp_path / "data/2021/district.yml", (1700000000, 1700000000))  # not saved, as far as it is told
    dated = freshness(tmp_path)
    dated.keep_modified(earlier, ["data/2021/town.yml"])
    assert dated.changed("data/2021/town.yml") == date.fromtimestamp(1700000000)
    assert dated.changed("data/2021/district.yml") == date.fromtimestamp(1640000000)


def test_a_shallow_clone_dates_older_changes_by_its_oldest_commit(tmp_path):
    project = committed_project(tmp_path)
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True,
                   capture_output=True)
    dates = file_dates(clone)
    assert dates["data/2021/town.yml"] == date(2022, 3, 9)
    assert dates["data/2021/district.yml"] == date(2022, 3, 9)  # never earlier than the truth


def test_a_report_page_is_as_current_as_the_newer_of_its_two_files(tmp_path):
    project = committed_project(tmp_path)
    archive = load_archive(project, project / "docs").archive
    assert freshness(project).newest(page_inputs(archive, "2021/district.md")) == date(2022, 1, 5)


def test_a_year_page_and_a_parent_unit_take_the_newest_of_their_reports(tmp_path):
    project = committed_project(tmp_path)
    archive = load_archive(project, project / "docs").archive
    dated = freshness(project)
    assert dated.newest(page_inputs(archive, "2021/index.md")) == date(2022, 3, 9)
    assert dated.newest(page_inputs(archive, "units/district/index.md")) == date(2022, 3, 9)  # the town below it
    assert dated.newest(page_inputs(archive, "units/town/index.md")) == date(2022, 3, 9)


def test_the_line_says_both_dates_in_chinese():
    dated = Freshness(Path("."), date(2026, 11, 30), {"data/2021/a.yml": date(2021, 12, 30)})
    assert dated.line(["data/2021/a.yml"]) == "資料更新：2021-12-30　網站建置：2026-11-30"


def test_the_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640000000")
    assert build_date() == date.fromtimestamp(1640000000)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date(lambda: datetime(2026, 11, 30, 9)) == date(2026, 11, 30)
