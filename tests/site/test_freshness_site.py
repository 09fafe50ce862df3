"""Every page says how current its figures are and when the site was built (freshness.py)."""

import os
import subprocess
from datetime import date
from pathlib import Path

from helpers import mkdocs_build, page_text, write_project

VISITS = """
    visits:
      - occasion: 慰問
        people: 3
"""
BUILT = "2026-11-30"
EPOCH = "1796040000"  # 2026-11-30 12:00 UTC


def git(project: Path, *args: str, day: str) -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def built(project: Path, key: str) -> str:
    return page_text((project / "site" / key / "index.html").read_text(encoding="utf-8"))


def test_pages_show_their_inputs_last_commit_and_the_build_date(tmp_path, monkeypatch):
    assert date.fromtimestamp(int(EPOCH)).isoformat() == BUILT
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    (tmp_path / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    git(tmp_path, "init", "-q", day="2022-01-05")
    git(tmp_path, "add", ".", day="2022-01-05")
    git(tmp_path, "commit", "-qm", "first", day="2022-01-05")
    (tmp_path / "docs/2021/town.md").write_text("<!-- bulletin/table { kind: visits } -->\n\n改過。\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "town", day="2022-03-09")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert built(tmp_path, "2021/district").endswith(f"資料更新：2022-01-05 網站建置：{BUILT}")
    assert built(tmp_path, "2021/town").endswith(f"資料更新：2022-03-09 網站建置：{BUILT}")
    for page in ("", "2021", "units/district", "awards"):
        assert built(tmp_path, page).endswith(f"資料更新：2022-03-09 網站建置：{BUILT}"), page


def test_the_dates_are_kept_out_of_search(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "資料更新" in built(tmp_path, "2021/town")
    assert "資料更新" not in (tmp_path / "site/search/search_index.json").read_text(encoding="utf-8")


def test_a_simplified_site_says_it_in_simplified(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh"), encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "资料更新：" in built(tmp_path, "2021/town") and "网站建置：" in built(tmp_path, "2021/town")
