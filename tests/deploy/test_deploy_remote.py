"""Deploys to another host over ssh (`scripts/deploy … --to`): a real sshd and nginx on loopback.

The "host" is this machine seen through Debian's sshd on 127.0.0.1 (tests/sshd_server.py), with
its own host key checked against a known_hosts file the test writes. The sites are bare MkDocs
builds (tests/release_sites.py): what is tested is the transport, the host's checks and its switch.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import nginx_server
import sshd_server
from bulletin import asset_names
from helpers import REPO
from release_sites import build_sites, style, style_text, version_of

sys.path.insert(0, str(REPO / "scripts"))
import deploy as deploy_cli  # noqa: E402
import deploy_ssh  # noqa: E402

DEPLOY = [sys.executable, str(REPO / "scripts" / "deploy.py")]
HOST_SCRIPT = REPO / "scripts" / "deploy_host.sh"
LEFTOVER_PREFIXES = (".incoming-", ".building-", ".deleting-", ".staging-", ".current-", ".lock.d")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return build_sites(tmp_path_factory.mktemp("sites"), "ABCD")


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    with sshd_server.serving(tmp_path_factory.mktemp("sshd")) as running:
        yield running


def deploy(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*DEPLOY, *args], capture_output=True, text=True, timeout=120,
                            env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def remote(host, root: Path, command: str, *args: str, key: Path | None = None) -> list[str]:
    return [command, "--to", host.to(root), *host.client_args(key), *args]


def publish_args(host, sites, version: str, root: Path, *args: str) -> list[str]:
    return remote(host, root, "publish", "-f", str(sites[0][version] / "mkdocs.yml"), *args)


def start(args: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    # A session of its own, as a terminal or a CI job runs it: killing it kills its rsync and ssh too.
    return subprocess.Popen([*DEPLOY, *args], stdout=subprocess.DEVNULL, stderr=log.open("w", encoding="utf-8"),
                            env={**os.environ, **(env or {})}, start_new_session=True)


def finish(process: subprocess.Popen, log: Path) -> tuple[int, str]:
    code = process.wait(timeout=120)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text, text
    return code, text


def paused_at(step: str, flag: Path) -> dict[str, str]:
    return {"BULLETIN_DEPLOY_PAUSE_AT": step, "BULLETIN_DEPLOY_PAUSE_FILE": str(flag)}


def wait_until(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def live(root: Path) -> Path:
    return (root / "current").resolve()


def release_folders(root: Path) -> list[Path]:
    return sorted(p for p in (root / "releases").iterdir() if not p.name.startswith("."))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for folder in (root, root / "releases") for p in folder.iterdir()
                  if p.name.startswith(LEFTOVER_PREFIXES))


def serves(root: Path, sites) -> str | None:
    """The version `current` serves whole, or None."""
    assert (root / "current").is_symlink() and live(root).parent == (root / "releases").resolve()
    return version_of(live(root), sites[1])


@pytest.fixture(scope="module")
def seeded(host, sites, tmp_path_factory):
    """A host folder where A and then B were published over ssh (B is live)."""
    root = tmp_path_factory.mktemp("seeded") / "srv"
    for version in "AB":
        published = deploy(*publish_args(host, sites, version, root))
        assert published.returncode == 0, published.stderr
    return root


@pytest.fixture
def root(seeded, tmp_path):
    """A copy of the seeded host folder for one test to change."""
    copy = tmp_path / "srv"
    shutil.copytree(seeded, copy, symlinks=True)
    return copy


def test_a_publish_builds_here_uploads_checks_and_switches_the_host(host, sites, seeded):
    first, second = release_folders(seeded)
    assert serves(seeded, sites) == "B" and live(seeded) == second and version_of(first, sites[1]) == "A"
    for release in (first, second):
        assert (release / ".release.json").is_file() and (release / ".release.sha256").is_file()
    assert leftovers(seeded) == []
    listed = deploy(*remote(host, seeded, "list"))
    assert listed.returncode == 0 and listed.stderr == ""
    assert listed.stdout.splitlines() == [first.name, f"{second.name}  ← current"]


def test_releases_published_over_ssh_are_whole_to_a_local_deploy_on_the_host_too(seeded):
    listed = deploy("list", "--root", str(seeded))
    assert listed.returncode == 0 and listed.stderr == "" and "不完整" not in listed.stdout


def test_a_publish_sends_only_what_changed_and_links_the_rest_to_the_live_release(host, sites, root):
    published = deploy(*publish_args(host, sites, "B", root))
    assert published.returncode == 0, published.stderr
    before, after = release_folders(root)[-2:]
    assert live(root) == after and serves(root, sites) == "B"
    stylesheet = next(p.relative_to(after) for p in after.rglob("site.*.css"))
    assert (after / stylesheet).stat().st_ino == (before / stylesheet).stat().st_ino  # one file on the host's disk
    sent = int(published.stderr.split("傳送 ")[1].split(" 個檔案")[0])
    assert 0 < sent <= 4, published.stderr  # the pages that carry the build date, and the manifests


def test_a_transfer_killed_midway_never_goes_live_and_its_upload_is_removed(host, sites, root, tmp_path):
    flag = tmp_path / "paused"
    killed = start(publish_args(host, sites, "C", root), tmp_path / "C.log", paused_at("during-transfer", flag))
    wait_until(flag.exists, what="the upload to start")
    assert [p.name for p in (root / "releases").iterdir() if p.name.startswith(".incoming-")]
    # The whole job killed (a CI job cancelled, a terminal closed): the deploy, its rsync (stopped
    # where the pause cut it) and their ssh connections. Killing the deploy alone left that
    # stopped rsync and its connection alive, and the host's upload sometimes outlived the wait.
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    wait_until(lambda: not leftovers(root), timeout=30, what="the host to drop the upload")
    assert serves(root, sites) == "B" and len(release_folders(root)) == 2
    published = deploy(*publish_args(host, sites, "D", root))
    assert published.returncode == 0, published.stderr
    assert serves(root, sites) == "D" and leftovers(root) == []


def test_an_upload_that_does_not_match_its_manifest_is_refused_and_dropped(host, sites, root, tmp_path):
    flag = tmp_path / "paused"
    log = tmp_path / "C.log"
    publishing = start(publish_args(host, sites, "C", root), log, paused_at("after-transfer", flag))
    wait_until(flag.exists, what="the upload to end")
    incoming = next(p for p in (root / "releases").iterdir() if p.name.startswith(".incoming-"))
    (incoming / "index.html").write_text("在路上被改過的首頁\n", encoding="utf-8")
    flag.unlink()
    code, text = finish(publishing, log)
    assert code == 1
    assert "傳到主機的版本與它的清單不符（index.html 的內容與清單不符）：網站保持不變，沒有切換。" in text
    assert serves(root, sites) == "B" and len(release_folders(root)) == 2 and leftovers(root) == []


def test_two_publishes_at_once_take_turns_on_the_host_and_the_last_to_switch_is_live(host, sites, root, tmp_path):
    processes = [(start(publish_args(host, sites, v, root), tmp_path / f"{v}.log"), tmp_path / f"{v}.log") for v in "CD"]
    results = [finish(process, log) for process, log in processes]
    assert [code for code, _ in results] == [0, 0], results
    assert serves(root, sites) in "CD" and live(root) == release_folders(root)[-1]
    assert all(version_of(p, sites[1]) for p in release_folders(root)) and leftovers(root) == []


def test_a_remote_publish_waits_for_a_local_deploy_on_the_same_lock(host, sites, root, tmp_path):
    flag = tmp_path / "paused"
    local = start(["publish", "--root", str(root), "-f", str(sites[0]["C"] / "mkdocs.yml")], tmp_path / "C.log",
                  paused_at("after-rename", flag))
    wait_until(flag.exists, what="the local publish to stall holding the lock")
    refused = deploy(*publish_args(host, sites, "D", root, "--wait", "1"))
    assert refused.returncode == 1
    assert "另一個部署正在進行（pid " in refused.stderr
    assert f"等候 1 秒後，127.0.0.1:{root}/.lock 仍被另一個部署（pid " in refused.stderr
    flag.unlink()
    assert finish(local, tmp_path / "C.log")[0] == 0
    assert serves(root, sites) == "C" and leftovers(root) == []


def test_rollback_goes_to_the_release_before_and_forward_by_id(host, sites, root):
    first, second = release_folders(root)
    assert deploy(*remote(host, root, "rollback")).returncode == 0
    assert serves(root, sites) == "A"
    nothing = deploy(*remote(host, root, "rollback"))
    assert nothing.returncode == 1 and "沒有可回復的版本" in nothing.stderr
    assert deploy(*remote(host, root, "rollback", "--release", second.name)).returncode == 0
    assert serves(root, sites) == "B"
    assert all(version_of(p, sites[1]) for p in (first, second))


def test_a_damaged_release_is_listed_as_incomplete_and_never_switched_to(host, sites, root):
    older, newer = release_folders(root)
    (older / "index.html").write_text("改過的首頁\n", encoding="utf-8")
    listed = deploy(*remote(host, root, "list"))
    assert listed.stdout.splitlines()[0] == f"{older.name}  不完整：index.html 的內容與清單不符，不會切換到它"
    refused = deploy(*remote(host, root, "rollback", "--release", older.name))
    assert refused.returncode == 1
    assert f"版本 {older.name} 不完整（index.html 的內容與清單不符），不會切換到它；網站保持不變。" in refused.stderr
    assert live(root) == newer


def test_prune_keeps_the_live_release_and_the_newest_complete_one(host, sites, root):
    assert deploy(*publish_args(host, sites, "C", root)).returncode == 0
    a, b, c = release_folders(root)
    assert deploy(*remote(host, root, "rollback", "--release", a.name)).returncode == 0
    pruned = deploy(*remote(host, root, "prune", "--keep", "1"))
    assert pruned.returncode == 0 and pruned.stderr.strip() == f"已刪除 {b.name}"
    assert release_folders(root) == [a, c] and serves(root, sites) == "A" and leftovers(root) == []


def test_a_host_whose_key_is_not_the_known_one_is_never_deployed_to(host, sites, root, tmp_path):
    impostor = sshd_server.new_key(tmp_path / "impostor")
    known = tmp_path / "known_hosts"
    algorithm, public = impostor.with_name("impostor.pub").read_text(encoding="utf-8").split()[:2]
    known.write_text(f"[127.0.0.1]:{host.port} {algorithm} {public}\n", encoding="utf-8")
    args = publish_args(host, sites, "C", root)
    args[args.index("--known-hosts") + 1] = str(known)
    refused = deploy(*args)
    assert refused.returncode == 1
    assert "主機 127.0.0.1 的主機金鑰與" in refused.stderr and "部署不會關閉主機金鑰檢查" in refused.stderr
    assert serves(root, sites) == "B" and len(release_folders(root)) == 2


def test_a_key_restricted_to_the_deploy_publishes_but_runs_nothing_else(host, sites, root, tmp_path):
    key = sshd_server.new_key(tmp_path / "ci_key")
    host.authorize(key, f'restrict,command="{HOST_SCRIPT} --forced {root}"')  # as the README says
    published = deploy(*remote(host, root, "publish", "-f", str(sites[0]["C"] / "mkdocs.yml"), key=key))
    assert published.returncode == 0, published.stderr
    assert serves(root, sites) == "C" and leftovers(root) == []
    assert deploy(*remote(host, root, "rollback", key=key)).returncode == 0 and serves(root, sites) == "B"
    elsewhere = deploy(*remote(host, tmp_path / "other", "list", key=key))
    assert elsewhere.returncode == 1 and f"這把部署金鑰只能部署到 127.0.0.1:{root}" in elsewhere.stderr
    ssh = ["ssh", "-p", str(host.port), "-i", str(key), "-o", f"UserKnownHostsFile={host.known_hosts}",
           "-o", "BatchMode=yes", f"{host.user}@127.0.0.1"]
    shell = subprocess.run([*ssh, f"touch {tmp_path / 'owned'}"], capture_output=True, text=True, timeout=30)
    assert shell.returncode != 0 and "這把金鑰只能部署" in shell.stderr and not (tmp_path / "owned").exists()
    upload = subprocess.run([*ssh, f"rsync --server -rce.iLsfxCIvu . {tmp_path}/"], capture_output=True, text=True,
                            timeout=30)
    assert upload.returncode != 0 and f"只能上傳到 {root}/releases/.incoming-*/" in upload.stderr


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


ASSET = re.compile(r'(?:href|src)="(?!https?:)([^"]+\.(?:css|js))"')  # the theme's own; not its CDN ones


def page_view(base: str) -> tuple[list[int], str, bool]:
    """A reader opening the home page, then every stylesheet and script it names."""
    status, body = fetch(base)
    statuses, html = [status], body.decode("utf-8", "replace")
    release = next((v for v in "ABCD" if f"版本{v}" in html), "?")
    consistent = True
    for asset in ASSET.findall(html):
        asset_status, content = fetch(base + asset)
        statuses.append(asset_status)
        if re.search(r"site\.[0-9a-f]{8}\.css$", asset):  # ours: named by its content, saying its version
            consistent &= asset == style(release) and content == style_text(release)
    return statuses, release, consistent


def test_readers_during_ten_remote_switches_never_fail_or_mix_releases(host, sites, root, tmp_path):
    first, second = release_folders(root)

    def switch(swap: int) -> None:
        target = first if swap % 2 == 0 else second
        assert deploy(*remote(host, root, "rollback", "--release", target.name)).returncode == 0

    with nginx_server.serving(root, tmp_path / "nginx") as base:
        seen = nginx_server.readers_during(lambda: page_view(base), switch, switches=10)
    print(f"\nremote switches: 10, page views: {seen['page views']}, requests: {seen['requests']}, "
          f"failed: {seen['failed']}, mixed: {seen['mixed']}")
    assert seen["releases"] == {"A", "B"}
    assert seen["failed"] == 0 and seen["mixed"] == 0


# ---------------------------------------------------------------- without ssh: the two ends agree, the words

def shell_value(name: str) -> str:
    """A `NAME='…'` assignment of deploy_host.sh, unquoted as sh would."""
    line = next(line for line in HOST_SCRIPT.read_text(encoding="utf-8").splitlines() if line.startswith(f"{name}="))
    return shlex.split(line.split("=", 1)[1], comments=True)[0]


def test_the_host_script_knows_our_hashed_names_and_our_launcher():
    assert shell_value("HASHED") == asset_names.HASHED.pattern.replace("(?:", "(")
    assert shell_value("LAUNCHER") == deploy_ssh.LAUNCHER


@pytest.mark.parametrize("text, expected", [
    ("deploy@intranet:/srv/bulletin", ("deploy", "intranet", None, "/srv/bulletin")),
    ("ssh://deploy@intranet:2222/srv/bulletin/", ("deploy", "intranet", 2222, "/srv/bulletin")),
    ("intranet:/srv/bulletin", (None, "intranet", None, "/srv/bulletin")),
])
def test_a_destination_is_written_as_scp_or_as_an_ssh_url(text, expected):
    found = deploy_ssh.parse_destination(text)
    assert (found.user, found.host, found.port, found.root) == expected


@pytest.mark.parametrize("text, words", [
    ("intranet", "--to 應為 使用者@主機:/路徑 或 ssh://使用者@主機:連接埠/路徑，實為 'intranet'。"),
    ("deploy@intranet:srv/bulletin", "--to 的路徑應為主機上的絕對路徑（以 / 開頭），實為 'srv/bulletin'。"),
    ("deploy@intranet:/srv/my bulletin", "--to 的路徑只能含英文字母、數字與 . _ - + @ /，且不能是 /，實為 '/srv/my bulletin'。"),
])
def test_a_destination_that_is_not_a_host_folder_is_refused_with_a_message(text, words):
    refused = deploy("list", "--to", text)
    assert refused.returncode == 1 and refused.stderr.startswith(words)


def test_rollback_to_a_release_id_still_means_the_release():
    assert deploy_cli.rollback_to_release(["rollback", "--root", "/srv", "--to", "20210101T000000000000Z"]) == \
        ["rollback", "--root", "/srv", "--release", "20210101T000000000000Z"]
    assert deploy_cli.rollback_to_release(["rollback", "--to", "deploy@intranet:/srv"]) == \
        ["rollback", "--to", "deploy@intranet:/srv"]


def test_without_flock_a_mkdir_lock_keeps_deployers_apart_and_a_dead_holders_lock_is_taken_over(tmp_path):
    tools = tmp_path / "bin"  # this machine's tools, flock left out
    tools.mkdir()
    for name in os.listdir("/usr/bin"):
        if name != "flock":
            (tools / name).symlink_to(Path("/usr/bin") / name)
    env = {**os.environ, "PATH": str(tools)}
    root = tmp_path / "srv"
    host_publish = ["sh", str(HOST_SCRIPT), "1", str(root), "publish"]
    holder = subprocess.Popen([*host_publish, "60", "5"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert holder.stdout.readline().startswith("ready ") and (root / ".lock.d").is_dir()
    second = subprocess.run([*host_publish, "1", "5"], stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=30)
    assert second.returncode == 1 and second.stdout.splitlines()[-1].startswith(f"error lock-timeout 1 pid {holder.pid}，publish")
    holder.kill()
    holder.wait()
    third = subprocess.run([*host_publish, "1", "5"], stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=30)
    assert third.stdout.startswith("cleaned .incoming-") and "\nready " in third.stdout
    assert leftovers(root) == []
