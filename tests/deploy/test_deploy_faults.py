"""Deploys under faults: deployers at once, one stalled or killed at each step, a full disk, odd roots.

These build a bare MkDocs site (no hooks, a fraction of a second) instead of the archive: what is
tested is the deploy around the build. After every fault the live site must be one whole release,
every kept release whole, and `list`, `rollback` and the next `publish` must behave.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO
from release_sites import build_sites, version_of

DEPLOY = [sys.executable, str(REPO / "scripts" / "deploy.py")]
LEFTOVER_PREFIXES = (".building-", ".deleting-", ".staging-", ".current-")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Projects for versions A to F, each with a reference build to compare releases with."""
    return build_sites(tmp_path_factory.mktemp("sites"), "ABCDEF")


def deploy(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*DEPLOY, *args], capture_output=True, text=True, timeout=120,
                            env={**os.environ, **(env or {})}, **kwargs)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def publish_args(sites, version: str, root: Path, keep: int = 5, *extra: str) -> list[str]:
    projects, _ = sites
    return ["publish", "--root", str(root), "--keep", str(keep), "-f", str(projects[version] / "mkdocs.yml"), *extra]


def start(args: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A deployer in the background, its messages going to `log` (read while it runs)."""
    return subprocess.Popen([*DEPLOY, *args], stdout=subprocess.DEVNULL, stderr=log.open("w", encoding="utf-8"),
                            env={**os.environ, **(env or {})})


def paused_at(step: str, flag: Path) -> dict[str, str]:
    return {"BULLETIN_DEPLOY_PAUSE_AT": step, "BULLETIN_DEPLOY_PAUSE_FILE": str(flag)}


def wait_until(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def finish(process: subprocess.Popen, log: Path) -> tuple[int, str]:
    code = process.wait(timeout=120)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text, text
    return code, text


def live(root: Path) -> Path:
    return (root / "current").resolve()


def release_folders(root: Path) -> list[Path]:
    return sorted(p for p in (root / "releases").iterdir() if not p.name.startswith("."))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for folder in (root, root / "releases") for p in folder.iterdir()
                  if p.name.startswith(LEFTOVER_PREFIXES))


def assert_serves_a_whole_release(root: Path, references) -> str:
    link = root / "current"
    assert link.is_symlink() and live(root).parent == (root / "releases").resolve()
    version = version_of(live(root), references)
    assert version is not None, f"current serves {live(root).name}, which is not a whole release"
    return version


@pytest.fixture(scope="module")
def seeded(sites, tmp_path_factory):
    """A deploy root where A and then B were published (B is live)."""
    root = tmp_path_factory.mktemp("seeded") / "srv"
    for version in "AB":
        assert deploy(*publish_args(sites, version, root)).returncode == 0
    return root


@pytest.fixture
def root(seeded, tmp_path):
    """A copy of the seeded deploy root for one test to break."""
    copy = tmp_path / "srv"
    shutil.copytree(seeded, copy, symlinks=True)
    return copy


def test_three_publishes_at_once_all_succeed_and_the_newest_release_is_live(sites, root, tmp_path):
    """Check that three concurrent publishes all succeed, one after the other, and leave the newest release live."""
    _, references = sites
    processes = [(start(publish_args(sites, version, root, 2), tmp_path / f"{version}.log"), tmp_path / f"{version}.log")
                 for version in "CDE"]
    results = [finish(process, log) for process, log in processes]
    assert [code for code, _ in results] == [0, 0, 0], results
    names = [p.name for p in release_folders(root)]
    assert len(names) == 2 and live(root).name == names[-1]
    assert assert_serves_a_whole_release(root, references) in "CDE"
    assert all(version_of(p, references) for p in release_folders(root))
    assert leftovers(root) == []


def test_a_publish_waits_for_one_stalled_before_its_switch(sites, root, tmp_path):
    """Check that a publish started while another is stalled between rename and switch waits, and both end whole."""
    _, references = sites
    flag = tmp_path / "paused"
    first = start(publish_args(sites, "C", root, 1), tmp_path / "C.log", paused_at("after-rename", flag))
    wait_until(flag.exists, what="the first publish to stall")
    second = start(publish_args(sites, "D", root, 1), tmp_path / "D.log")
    wait_until(lambda: "等候" in (tmp_path / "D.log").read_text(encoding="utf-8") or second.poll() is not None,
               what="the second publish to wait or end")
    assert second.poll() is None, "the second publish went ahead while the first held the root"
    assert version_of(live(root), references) == "B"
    flag.unlink()
    assert finish(first, tmp_path / "C.log")[0] == 0 and finish(second, tmp_path / "D.log")[0] == 0
    assert assert_serves_a_whole_release(root, references) == "D"
    assert live(root).name == release_folders(root)[-1].name


def test_a_deployer_that_waits_too_long_gives_up_with_a_message(sites, root, tmp_path):
    """Check that a deployer gives up after --wait seconds with a message naming the lock, changing nothing."""
    _, references = sites
    flag = tmp_path / "paused"
    first = start(publish_args(sites, "C", root), tmp_path / "C.log", paused_at("after-switch", flag))
    wait_until(flag.exists, what="the publish to stall")
    before = [p.name for p in release_folders(root)]
    began = time.monotonic()
    refused = deploy("rollback", "--root", str(root), "--wait", "1")
    assert refused.returncode == 1 and time.monotonic() - began < 10
    assert str(root / ".lock") in refused.stderr and "--wait" in refused.stderr
    assert [p.name for p in release_folders(root)] == before and version_of(live(root), references) == "C"
    flag.unlink()
    assert finish(first, tmp_path / "C.log")[0] == 0


@pytest.mark.parametrize("step", ["after-build", "after-rename", "after-switch", "during-prune"])
def test_a_publish_killed_at_any_step_leaves_a_whole_live_release(sites, root, tmp_path, step):
    """Check that after a publish is killed at a step, list, rollback and the next publish all see whole releases."""
    _, references = sites
    flag = tmp_path / "paused"
    killed = start(publish_args(sites, "C", root, 1), tmp_path / "C.log", paused_at(step, flag))
    wait_until(flag.exists, what=f"the publish to reach {step}")
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert_serves_a_whole_release(root, references)

    listed = deploy("list", "--root", str(root))
    assert listed.returncode == 0 and listed.stderr == ""
    for line in listed.stdout.splitlines():  # a release is whole, or out of sight (renamed away)
        name = line.split()[0]
        assert version_of(root / "releases" / name, references) and "不完整" not in line, line

    while (rolled := deploy("rollback", "--root", str(root))).returncode == 0:
        assert_serves_a_whole_release(root, references)
    assert "沒有可回復的版本" in rolled.stderr
    assert_serves_a_whole_release(root, references)

    assert deploy(*publish_args(sites, "D", root, 2)).returncode == 0
    assert assert_serves_a_whole_release(root, references) == "D"
    assert leftovers(root) == []
    kept = release_folders(root)
    assert len(kept) == 2 and all(version_of(p, references) for p in kept)


@pytest.mark.parametrize("step", ["build", "carry"])
def test_a_full_disk_stops_a_publish_with_a_message_and_changes_nothing(sites, root, step):
    """Check that running out of disk space while building or copying ends in a message, the site unchanged."""
    _, references = sites
    before = [p.name for p in release_folders(root)]
    failed = deploy(*publish_args(sites, "C", root), env={"BULLETIN_DEPLOY_FAULT": f"ENOSPC@{step}"})
    assert failed.returncode == 1
    assert "磁碟空間不足" in failed.stderr and str(root) in failed.stderr
    assert [p.name for p in release_folders(root)] == before and version_of(live(root), references) == "B"
    assert leftovers(root) == []


def test_a_root_that_is_a_file_is_refused_with_a_message(sites, tmp_path):
    """Check that every command refuses a --root that is a file, naming it, without a traceback."""
    file = tmp_path / "srv"
    file.write_text("not a folder\n", encoding="utf-8")
    for args in (publish_args(sites, "A", file), ["list", "--root", str(file)], ["rollback", "--root", str(file)],
                 ["prune", "--root", str(file)]):
        refused = deploy(*args)
        assert refused.returncode == 1 and f"{file} 是檔案" in refused.stderr, (args, refused.stderr)
    assert file.read_text(encoding="utf-8") == "not a folder\n"


def test_a_current_that_is_a_real_folder_is_refused_and_left_alone(sites, root):
    """Check that publish and rollback refuse to replace a `current` that is a real folder, and leave it be."""
    shutil.rmtree(root / "releases")
    (root / "current").unlink()
    (root / "current").mkdir()
    (root / "current" / "index.html").write_text("手動放置的網站\n", encoding="utf-8")
    for args in (publish_args(sites, "C", root), ["rollback", "--root", str(root)]):
        refused = deploy(*args)
        assert refused.returncode == 1 and f"{root / 'current'} 是一個資料夾" in refused.stderr, refused.stderr
    assert (root / "current" / "index.html").read_text(encoding="utf-8") == "手動放置的網站\n"
    assert not (root / "releases").exists() or release_folders(root) == []


def test_a_root_the_deployer_cannot_write_to_is_refused_with_a_message(sites, root):
    """Check that publish and rollback on a root the deployer may not write to end in a message."""
    # As root (CI), permissions bind only without the capability to override them.
    without_override = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []
    if without_override and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    before = [p.name for p in release_folders(root)]
    root.chmod(0o555)
    try:
        for args in (publish_args(sites, "C", root), ["rollback", "--root", str(root)]):
            refused = subprocess.run([*without_override, *DEPLOY, *args], capture_output=True, text=True, timeout=60)
            assert refused.returncode == 1 and "沒有寫入權限" in refused.stderr and str(root) in refused.stderr, \
                refused.stderr
            assert "Traceback" not in refused.stderr
    finally:
        root.chmod(0o755)
    assert [p.name for p in release_folders(root)] == before and leftovers(root) == []


def test_rollback_to_an_unknown_release_names_the_ones_there_are(root):
    """Check that `rollback --to` an id that is not there fails with the ids there are, the site unchanged."""
    before = live(root)
    refused = deploy("rollback", "--root", str(root), "--to", "20000101T000000000000Z")
    assert refused.returncode == 1 and "20000101T000000000000Z" in refused.stderr
    assert all(p.name in refused.stderr for p in release_folders(root))
    assert live(root) == before


def test_list_warns_when_current_points_at_a_missing_release(root):
    """Check that `list` warns when `current` dangles: the site would answer 404 to everything."""
    (root / "current").unlink()
    (root / "current").symlink_to(Path("releases") / "20000101T000000000000Z")
    listed = deploy("list", "--root", str(root))
    assert listed.returncode == 0 and "警告" in listed.stderr and "20000101T000000000000Z" in listed.stderr


def test_list_marks_damaged_releases_and_rollback_never_switches_to_them(sites, root):
    """Check that a release with a changed or missing file, or none of its records, is marked and never switched to."""
    _, references = sites
    older, newer = release_folders(root)
    (older / "index.html").write_text("改過的首頁\n", encoding="utf-8")
    bare = root / "releases" / "20000101T000000000000Z"  # copied in by hand: files, but nothing to check them by
    shutil.copytree(older, bare, ignore=shutil.ignore_patterns(".*"))
    listed = deploy("list", "--root", str(root))
    lines = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert "不完整" in lines[older.name] and "不完整" in lines[bare.name] and "不完整" not in lines[newer.name]
    assert deploy("rollback", "--root", str(root)).returncode == 1
    for target in (older, bare):
        refused = deploy("rollback", "--root", str(root), "--to", target.name)
        assert refused.returncode == 1 and "不完整" in refused.stderr
    assert live(root) == newer and version_of(newer, references) == "B"
    (newer / "index.html").unlink()
    listed = deploy("list", "--root", str(root))
    assert "警告" in listed.stderr and newer.name in listed.stderr


def test_the_next_publish_clears_leftovers_of_dead_deployers_but_not_a_running_build(sites, root, tmp_path):
    """Check that a publish removes dead deployers' leftovers and leaves a build still running alone."""
    releases = root / "releases"
    for leftover in (releases / ".building-20000101T000000000000Z-1", releases / ".deleting-20000101T000000000000Z"):
        (leftover / "assets").mkdir(parents=True)
        (leftover / "assets" / "x.css").write_text("body { }\n", encoding="utf-8")
    (root / ".current-99999").symlink_to(Path("releases") / "nowhere")
    flag = tmp_path / "paused"
    running = start(publish_args(sites, "C", root), tmp_path / "C.log", paused_at("after-build", flag))
    wait_until(flag.exists, what="the running build")
    assert deploy(*publish_args(sites, "D", root)).returncode == 0
    remaining = leftovers(root)
    assert len(remaining) == 1 and remaining[0].startswith(".building-")  # the running one's
    flag.unlink()
    assert finish(running, tmp_path / "C.log")[0] == 0
    assert leftovers(root) == [] and version_of(live(root), sites[1]) == "C"


def test_prune_keeps_the_live_release_and_the_newest_whole_one(sites, root):
    """Check that `prune --keep 1` keeps the live release and the newest whole one, and drops damaged ones."""
    _, references = sites
    assert deploy(*publish_args(sites, "C", root)).returncode == 0
    a, b, c = release_folders(root)
    assert deploy("rollback", "--root", str(root), "--to", a.name).returncode == 0
    (c / "index.html").write_text("改過的首頁\n", encoding="utf-8")
    pruned = deploy("prune", "--root", str(root), "--keep", "1")
    assert pruned.returncode == 0
    assert release_folders(root) == [a, b] and live(root) == a
    assert version_of(a, references) == "A" and version_of(b, references) == "B"
    assert leftovers(root) == []
