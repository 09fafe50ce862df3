"""Deploy the archive to the intranet host: build aside, check, switch in one step, roll back.

    scripts/deploy publish  --root /srv/bulletin [--keep 5] [-f mkdocs.yml] [--wait 600]
    scripts/deploy rollback --root /srv/bulletin [--release RELEASE] [--wait 600]
    scripts/deploy prune    --root /srv/bulletin [--keep 5] [--wait 600]
    scripts/deploy list     --root /srv/bulletin
    scripts/deploy nginx    --root /srv/bulletin --prefix /union/bulletin/ [--auth-file FILE]

Each command but nginx also takes `--to deploy@host:/srv/bulletin` (or ssh://deploy@host:2222/…)
instead of `--root`, with `--identity KEY` and `--known-hosts FILE`: the same on another host over
ssh, with nothing but sh and rsync there (deploy_remote.py, deploy_ssh.py, deploy_answers.py,
deploy_host.sh). `rollback --to RELEASE` still names a release: a host has a `:` before its
path, a release id never.

Layout under the root: `releases/<id>/` holds each release, `current` is a symlink to the one
being served (the web server's document root is `<root>/current/`), `.lock` is what deployers
take turns on. Publishing builds with `mkdocs build --strict` (which also runs the privacy scan)
into `releases/.building-<token>/`, outside the lock, since that is the slow part. Then, holding
the lock: the live release's content-hashed assets are copied in (a page loaded just before the
switch still finds its stylesheets after it), the manifest `.release.json` is written last (every
file with its size and sha256, and the count), the folder is checked against it, renamed to
`releases/<id>/`, and `current` is switched by renaming a new symlink over it — one atomic step,
so a request sees the old site or the new one, never half of each. Only a release that matches
its manifest is ever switched to, by publish or rollback. Prune renames a release to
`releases/.deleting-<id>` before deleting it, and never touches the live release nor the newest
complete one. Leftovers of killed deployers are removed by the next publish or prune.

Every failure is a sentence on stderr and exit status 1, never a traceback, and `current` is
left on a complete release. `BULLETIN_DEPLOY_PAUSE_AT` and `BULLETIN_DEPLOY_FAULT` are for tests
only (see `step`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.asset_names import is_hashed  # noqa: E402

NGINX_TEMPLATE = ROOT / "scripts" / "nginx" / "bulletin.conf"
MANIFEST = ".release.json"  # inside each release folder, written last
CHECKSUMS = ".release.sha256"  # the same files in sha256sum's format, for hosts without Python (deploy_host.sh)
LOCK = ".lock"
LEFTOVERS = (".building-", ".deleting-", ".staging-")  # in releases/; plus `.current-*` links in the root
RELEASE_ID = "%Y%m%dT%H%M%S%fZ"


class DeployError(Exception):
    """A failure the deployer can act on: its message is all they see."""



def step(name: str) -> None:
    """Test-only hooks at a named step of a deploy, so tests can stall, kill or fail it there.

    `BULLETIN_DEPLOY_PAUSE_AT=<step>` with `BULLETIN_DEPLOY_PAUSE_FILE=<path>`: at that step the
    deploy writes its pid to <path> and waits until the file is removed (at most 5 minutes).
    `BULLETIN_DEPLOY_FAULT=<ERRNO>@<step>` (e.g. `ENOSPC@carry`): the step raises that OSError.
    Steps: after-build, carry, after-rename, after-switch, during-prune (`build`: see build_command);
    with --to: after-build, during-transfer, after-transfer (deploy_remote.py).
    """
    code, _, at = os.environ.get("BULLETIN_DEPLOY_FAULT", "").partition("@")
    if at == name:
        number = getattr(errno, code)
        raise OSError(number, os.strerror(number))
    if os.environ.get("BULLETIN_DEPLOY_PAUSE_AT") == name:
        flag = Path(os.environ["BULLETIN_DEPLOY_PAUSE_FILE"])
        written = flag.with_name(flag.name + ".tmp")
        written.write_text(str(os.getpid()), encoding="utf-8")
        written.replace(flag)
        deadline = time.monotonic() + 300
        while flag.exists() and time.monotonic() < deadline:
            time.sleep(0.02)


# Test-only (BULLETIN_DEPLOY_FAULT=<ERRNO>@build): mkdocs runs with writes into the site folder
# failing with that error after the first few files, as they would on a full disk.
FAULTY_BUILD = """
import builtins, errno, io, os, runpy, sys
code, site = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
real_open, written = builtins.open, [0]
def faulty_open(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wax") \\
            and os.path.abspath(file).startswith(site + os.sep):
        written[0] += 1
        if written[0] > 3:
            number = getattr(errno, code)
            raise OSError(number, os.strerror(number), os.fspath(file))
    return real_open(file, mode, *args, **kwargs)
builtins.open = io.open = faulty_open
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict` into `site_dir` (with the test-only fault, when one is asked for)."""
    arguments = ["build", "--strict", "-f", str(config_file), "--site-dir", str(site_dir)]
    code, _, at = os.environ.get("BULLETIN_DEPLOY_FAULT", "").partition("@")
    if at == "build":
        return [sys.executable, "-c", FAULTY_BUILD, code, str(site_dir.absolute()), *arguments]
    return [sys.executable, "-m", "mkdocs", *arguments]


# ---------------------------------------------------------------- the root and its lock

def check_root(root: Path, create: bool = False, writable: bool = True) -> None:
    """The root (and its `releases`) is a folder, made if `create`, that the deployer may write to."""
    for folder in (root, root / "releases"):
        if folder.exists() and not folder.is_dir():
            raise DeployError(f"{folder} 是檔案，不是資料夾：部署的版本放不進去。"
                              f"提示：--root 應指向存放各版本的資料夾（例如 /srv/bulletin）。")
    if not root.exists():
        if not create:
            raise DeployError(f"{root} 不存在：這裡還沒有發佈過。提示：檢查 --root；第一次 publish 會建立它。")
        root.mkdir(parents=True)
    if writable:
        for folder in (root, root / "releases"):
            if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
                raise DeployError(f"沒有寫入權限：{folder}。沒有做任何更動。"
                                  f"提示：以能寫入 {root} 的帳號執行部署（例如網站檔案的擁有者），或調整它的權限。")


def check_current(root: Path) -> None:
    """`current` may be missing or a symlink; anything else is someone's own files, left alone."""
    link = root / "current"
    if link.is_symlink() or not link.exists():
        return
    kind = "資料夾" if link.is_dir() else "檔案"
    raise DeployError(f"{link} 是一個{kind}，不是部署維護的符號連結；部署不會取代或刪除它，沒有做任何更動。"
                      f"提示：把它移開（例如 mv {link} {link}.old），再執行 publish，或以 rollback --release 指定版本。")


class RootLock:
    """An exclusive `flock` on `<root>/.lock`, waited for at most `wait` seconds, with a message."""

    def __init__(self, root: Path, wait: float, what: str) -> None:
        self.path, self.wait, self.what = root / LOCK, wait, what
        self.fd = -1

    def __enter__(self) -> RootLock:
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:
            raise DeployError(f"沒有寫入權限：{self.path}（部署之間的鎖）。沒有做任何更動。"
                              f"提示：以能寫入 {self.path.parent} 的帳號執行部署。") from None
        deadline, told = time.monotonic() + self.wait, False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    raise DeployError(
                        f"等候 {self.wait:g} 秒後，{self.path} 仍被另一個部署（{self.holder()}）鎖住；"
                        f"這次沒有做任何更動。提示：確認那個部署是否仍在執行；它正常進行時，稍後再試或以 --wait 延長等候。"
                    ) from None
                if not told:
                    print(f"另一個部署正在進行（{self.holder()}），等候它完成（最多 {self.wait:g} 秒）…",
                          file=sys.stderr, flush=True)
                    told = True
                time.sleep(0.1)
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"pid {os.getpid()}，{self.what}，開始於 {stamp}\n".encode(), 0)
        return self

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "不明"
        except (OSError, UnicodeDecodeError):
            return "不明"

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # the lock goes with the last descriptor


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- releases and their manifests

def release_folders(root: Path) -> list[Path]:
    """Every release folder, complete or not, oldest first (ids sort by time)."""
    folder = root / "releases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def current(root: Path) -> Path | None:
    """The release `current` points at, as `root/releases/<id>` (maybe missing), or None without a link.

    Spelled like `release_folders` spells it, so the two compare equal even when `releases` is
    itself a symlink to another disk.
    """
    link = root / "current"
    if not link.is_symlink():
        return None
    target = link.resolve()
    release = root / "releases" / target.name
    return release if release.resolve() == target else target


def new_release_id(root: Path) -> str:
    """Now, as an id later than every existing one (so the newest id is the last published)."""
    return next_release_id([p.name for p in release_folders(root)])


def next_release_id(names: list[str]) -> str:
    """Now, as an id later than every one of `names` (sorted), wherever they were listed."""
    now = dt.datetime.now(dt.UTC)
    if names and now.strftime(RELEASE_ID) <= names[-1]:
        try:
            now = dt.datetime.strptime(names[-1], RELEASE_ID).replace(tzinfo=dt.UTC) + dt.timedelta(microseconds=1)
        except ValueError:  # a folder not named by us sorts after ours: cannot happen from publish
            pass
    return now.strftime(RELEASE_ID)


def file_entry(path: Path) -> dict[str, object]:
    """Size and sha256 of a file, flushed to disk on the way (the manifest must not outlive it)."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
        os.fsync(file.fileno())
    return {"size": size, "sha256": digest.hexdigest()}


def files_in(folder: Path) -> list[str]:
    """Every file under `folder` (relative, `/`-separated, sorted), the manifests themselves left out."""
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            relative = os.path.relpath(os.path.join(parent, name), folder).replace(os.sep, "/")
            if relative not in (MANIFEST, CHECKSUMS):
                found.append(relative)
    return sorted(found)


def write_manifest(folder: Path, files: dict[str, dict[str, object]], temporary: Path) -> None:
    """Write `folder/.release.sha256`, then `folder/.release.json`, each through a temporary file
    renamed into place: whole or not at all, the JSON last (its presence says the release is done)."""
    odd = next((name for name in files if any(c in name for c in "\n\r\\")), None)
    if odd is not None:  # sha256sum would escape it, and the host could no longer check it
        raise DeployError(f"網站裡有一個檔名含換行或反斜線的檔案：{odd!r}；這種檔名無法列入清單，沒有切換。"
                          f"提示：改掉 docs/ 裡那個檔案的名字後再發佈。")
    checksums = temporary.with_name(CHECKSUMS + ".tmp")
    with checksums.open("w", encoding="utf-8", newline="\n") as file:
        file.writelines(f"{entry['sha256']}  {name}\n" for name, entry in sorted(files.items()))
        file.flush()
        os.fsync(file.fileno())
    os.replace(checksums, folder / CHECKSUMS)
    manifest = {"format": 1, "count": len(files), "files": dict(sorted(files.items()))}
    with temporary.open("w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False, indent=0)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, folder / MANIFEST)
    fsync_folder(folder)


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    """The files a release's manifest lists; DeployError (its reason) when it is missing or broken."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeployError(f"沒有清單 {MANIFEST}") from None
    except (OSError, ValueError):
        raise DeployError(f"清單 {MANIFEST} 無法讀取") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or manifest.get("count") != len(files) \
            or not all(isinstance(entry, dict) for entry in files.values()):
        raise DeployError(f"清單 {MANIFEST} 不完整")
    return files


def verify(folder: Path) -> str | None:
    """Why `folder` is not a complete release (a short reason), or None when it matches its manifest.

    Every listed file must be there with its size and sha256. A file the manifest does not list
    is allowed only if its name carries its content's hash: a rollback copies those in.
    """
    try:
        listed = read_manifest(folder)
        present = set(files_in(folder))
    except DeployError as reason:
        return str(reason)
    except OSError:
        return "無法讀取"
    missing = [name for name in listed if name not in present]
    if missing:
        return f"缺少 {len(missing)} 個檔案，例如 {missing[0]}"
    extra = [name for name in present if name not in listed and not is_hashed(name)]
    if extra:
        return f"多出清單沒有的檔案，例如 {extra[0]}"
    for name, expected in listed.items():
        path = folder / name
        try:
            if path.stat().st_size != expected.get("size"):
                return f"{name} 的大小與清單不符"
        except OSError:
            return f"缺少 {name}"
    for name, expected in listed.items():
        digest = hashlib.sha256()
        try:
            with (folder / name).open("rb") as file:
                while chunk := file.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return f"無法讀取 {name}"
        if digest.hexdigest() != expected.get("sha256"):
            return f"{name} 的內容與清單不符"
    return None


# ---------------------------------------------------------------- switching, carrying, deleting

def switch(root: Path, release: Path) -> None:
    """Point `current` at `release` atomically: a new symlink renamed over the old one."""
    temporary = root / f".current-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(Path("releases") / release.name)
    os.replace(temporary, root / "current")
    fsync_folder(root)


def hashed_files_missing(previous: Path | None, new: Path) -> list[str]:
    """The previous release's content-hashed files that `new` lacks."""
    if previous is None or not previous.is_dir():
        return []
    return [name for name in files_in(previous) if is_hashed(name) and not (new / name).exists()]


def carry_hashed_assets(previous: Path | None, new: Path, staging: Path | None = None) -> dict[str, dict[str, object]]:
    """Copy the previous release's content-hashed files the new one lacks; their manifest entries.

    With `staging` (a folder beside the releases), each file is copied there first and renamed
    into place, so `new` only ever holds whole files: how a complete release is added to.
    """
    added: dict[str, dict[str, object]] = {}
    if previous is None:  # a first release carries nothing
        return added
    for name in hashed_files_missing(previous, new):
        step("carry")
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = staging / str(len(added)) if staging is not None else target
        shutil.copy2(previous / name, copy)
        added[name] = file_entry(copy)
        if copy != target:
            os.replace(copy, target)
    return added


def remove_tree(path: Path, hook: str | None = None) -> None:
    """Delete a folder (or a file), deepest first; `hook` names the test step after its first file."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
        return
    first = True
    for parent, folders, files in os.walk(path, topdown=False):
        for name in files:
            os.unlink(os.path.join(parent, name))
            if first and hook:
                step(hook)
            first = False
        for name in folders:
            folder = os.path.join(parent, name)
            os.unlink(folder) if os.path.islink(folder) else os.rmdir(folder)
    os.rmdir(path)


def builder_alive(folder: Path) -> bool:
    """Whether the publish building into `folder` still runs: it holds a lock on the folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def clean_leftovers(root: Path) -> list[str]:
    """Remove what killed deployers left: builds whose publish is gone, half-deleted releases,
    staging folders and temporary links. Called holding the lock, so nothing else is mid-way."""
    removed = []
    folder = root / "releases"
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if entry.name.startswith(LEFTOVERS) and not (entry.name.startswith(".building-") and builder_alive(entry)):
            remove_tree(entry)
            removed.append(entry.name)
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".current-") and entry.is_symlink():
            entry.unlink()
            removed.append(entry.name)
    return removed


def prune(root: Path, keep: int) -> list[str]:
    """Delete all but the live release and the newest `keep` complete ones (at least the newest).

    A release is first renamed to `releases/.deleting-<id>`, so a deletion cut short leaves no
    half release where `list` or `rollback` would see it; the next publish finishes the job.
    """
    live = current(root)
    kept, complete = set(), 0
    for release in reversed(release_folders(root)):
        if release == live:
            kept.add(release.name)
        if complete < max(keep, 1) and verify(release) is None:
            kept.add(release.name)
            complete += 1
    removed = []
    for release in release_folders(root):
        if release.name not in kept:
            doomed = release.with_name(f".deleting-{release.name}")
            os.rename(release, doomed)
            fsync_folder(release.parent)
            remove_tree(doomed, hook="during-prune")
            removed.append(release.name)
    return removed


# ---------------------------------------------------------------- commands

def claim_build_folder(root: Path) -> tuple[Path, int]:
    """A new `releases/.building-<token>/`, locked by this process for as long as it builds.

    Made while holding the root lock, so a cleaner never sees the folder before its lock.
    """
    token = f"{dt.datetime.now(dt.UTC).strftime(RELEASE_ID)}-{os.getpid()}"
    building = root / "releases" / f".building-{token}"
    building.mkdir()
    fd = os.open(building, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return building, fd


ERRNO_LINE = re.compile(r"\[Errno (\d+)\] [^:\n]*(?:: '([^'\n]*)')?")


def build(config_file: Path, building: Path, lock_fd: int) -> None:
    """`mkdocs build --strict` into `building`; its messages pass through, a crash is explained.

    The build keeps the folder's lock too, so a build that outlives a killed publish is not
    deleted under it.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(build_command(config_file, building), env=env, stderr=subprocess.PIPE,
                               pass_fds=(lock_fd,))
    assert process.stderr is not None  # piped just above
    crash: list[bytes] = []
    for line in process.stderr:
        if crash or line.startswith(b"Traceback (most recent call last)"):
            crash.append(line)
        else:
            sys.stderr.buffer.write(line)
            sys.stderr.flush()
    if process.wait() == 0 and not crash:
        return
    text = b"".join(crash).decode("utf-8", "replace")
    found = ERRNO_LINE.findall(text)
    number, filename = (int(found[-1][0]), found[-1][1] or None) if found else (0, None)
    # A full disk anywhere, or a release folder it may not write to: the deployer's to fix, not the build's.
    if number in (errno.ENOSPC, errno.EDQUOT) or (
            number in (errno.EACCES, errno.EPERM, errno.EROFS) and filename and filename.startswith(str(building))):
        raise OSError(number, os.strerror(number), filename)
    sys.stderr.write(text)  # a crash of the build itself: shown whole, for whoever fixes it
    raise DeployError("建置失敗：網站保持不變，沒有切換。")


def publish(root: Path, config_file: Path, keep: int, wait: float) -> int:
    check_root(root, create=True)
    check_current(root)
    (root / "releases").mkdir(exist_ok=True)
    with RootLock(root, wait, "publish"):
        cleaned = clean_leftovers(root)
        check_current(root)
        building, build_lock = claim_build_folder(root)
    if cleaned:
        print(f"已清除中斷的部署留下的 {', '.join(cleaned)}", file=sys.stderr)
    release = None
    try:
        build(config_file, building, build_lock)
        step("after-build")
        files = {name: file_entry(building / name) for name in files_in(building)}
        with RootLock(root, wait, "publish"):
            check_current(root)
            files.update(carry_hashed_assets(current(root), building))
            write_manifest(building, files, building / f"{MANIFEST}.tmp")
            problem = verify(building)
            if problem:
                raise DeployError(f"新建置的版本與它的清單不符（{problem}）：網站保持不變，沒有切換。"
                                  f"提示：檢查 {root} 所在的磁碟後再發佈一次。")
            release = root / "releases" / new_release_id(root)
            os.rename(building, release)
            fsync_folder(release.parent)
            step("after-rename")
            switch(root, release)
            step("after-switch")
            try:
                removed = prune(root, keep)
            except OSError as error:  # published all the same: say so, and let the next prune retry
                print(f"已發佈 {release.name}，但刪除舊版時出錯：{explain(error, root)}", file=sys.stderr)
                return 0
    finally:
        if release is None and building.exists():
            remove_tree(building)
        os.close(build_lock)
    print(f"已發佈 {release.name}" + (f"；刪除舊版 {', '.join(removed)}" if removed else ""), file=sys.stderr)
    return 0


def rollback(root: Path, to: str | None, wait: float) -> int:
    check_root(root)
    check_current(root)
    with RootLock(root, wait, "rollback"):
        check_current(root)
        known, live = release_folders(root), current(root)
        if to is not None:
            target = next((r for r in known if r.name == to), None)
            if target is None:
                raise DeployError(f"沒有版本 {to}。現有的版本：{', '.join(r.name for r in known) or '無'}。"
                                  f"提示：以 scripts/deploy list --root {root} 查看。")
            problem = verify(target)
            if problem:
                raise DeployError(f"版本 {to} 不完整（{problem}），不會切換到它；網站保持不變。"
                                  f"提示：以 scripts/deploy list --root {root} 找一個完整的版本。")
        else:
            # Back from the live release; if `current` points at no release folder, to the newest whole one.
            older = [r for r in known if live not in known or r.name < live.name]
            target = None
            for candidate in reversed(older):
                problem = verify(candidate)
                if problem is None:
                    target = candidate
                    break
                print(f"略過不完整的版本 {candidate.name}（{problem}）。", file=sys.stderr)
            if target is None:
                raise DeployError(f"沒有可回復的版本（現有：{', '.join(r.name for r in known) or '無'}）。")
        if live is not None and live != target and live.is_dir():
            # Pages of the live release, open in browsers, must still find their files.
            staging = root / "releases" / f".staging-{os.getpid()}"
            staging.mkdir(exist_ok=True)
            added = carry_hashed_assets(live, target, staging)
            if added:
                write_manifest(target, {**read_manifest(target), **added}, staging / MANIFEST)
            remove_tree(staging)
        switch(root, target)
    print(f"已回復到 {target.name}", file=sys.stderr)
    return 0


def prune_command(root: Path, keep: int, wait: float) -> int:
    check_root(root)
    check_current(root)
    with RootLock(root, wait, "prune"):
        check_current(root)
        removed = clean_leftovers(root) + prune(root, keep)
    print(f"已刪除 {', '.join(removed)}" if removed else "沒有要刪除的版本。", file=sys.stderr)
    return 0


def list_releases(root: Path) -> int:
    """The releases, oldest first, the live one and the incomplete ones marked; warnings on stderr."""
    check_root(root, writable=False)
    link, live = root / "current", current(root)
    known = release_folders(root)
    problems = {}
    for release in list(known):
        problems[release] = verify(release)
        if problems[release] and not release.exists():  # pruned while we looked: not there any more
            known.remove(release)
            continue
        marks = (["← current"] if release == live else []) + \
                ([f"不完整：{problems[release]}，不會切換到它"] if problems[release] else [])
        print("  ".join([release.name, *marks]))
    newest = next((r.name for r in reversed(known) if problems[r] is None), None)
    advice = (f"提示：scripts/deploy rollback --root {root} --release {newest}，或重新發佈。" if newest
              else "提示：重新發佈（scripts/deploy publish）。")
    if link.exists() and not link.is_symlink():
        print(f"警告：{link} 不是符號連結，部署無法切換它。提示：把它移開後再發佈。", file=sys.stderr)
    elif live is not None and live not in known and not live.exists():
        print(f"警告：current 指向 {os.readlink(link)}，那裡沒有版本：網站對每個網址都會回答 404。{advice}",
              file=sys.stderr)
    elif live is not None and live not in known:
        print(f"警告：current 指向 {os.readlink(link)}，不是 {root / 'releases'} 裡的版本：部署無法檢查它。{advice}",
              file=sys.stderr)
    elif live is not None and problems[live]:
        print(f"警告：current 指向的版本 {live.name} 不完整（{problems[live]}）：網站可能缺頁。{advice}",
              file=sys.stderr)
    return 0


def nginx_config(root: Path, prefix: str, auth_file: str | None) -> str:
    """The shipped nginx snippet with this host's paths filled in."""
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    text = text.replace("@PREFIX@", prefix).replace("@ROOT@", str(root.absolute()))
    if auth_file:
        text = text.replace("# @AUTH@ ", "").replace("@AUTH_FILE@", auth_file)
    return text


def explain(error: OSError, root: Path) -> str:
    """A sentence for an OSError the deploy met: what, where, what to do; and what is live now."""
    path = error.filename or root
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        text = (f"磁碟空間不足：無法寫入 {path}。"
                f"提示：清出 {root} 所在磁碟的空間（例如 scripts/deploy prune --root {root} --keep 2）後再試。")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = f"沒有寫入權限：{path}。提示：以能寫入 {root} 的帳號執行部署，或調整它的權限。"
    elif error.errno == errno.ENOTDIR:
        text = f"{path} 的路徑中有一段是檔案，不是資料夾。提示：檢查 --root。"
    else:
        text = f"無法完成部署：{path}：{error.strerror}。提示：排除這個問題後再試一次；留下的暫存資料夾會在下次發佈時清除。"
    try:
        live = current(root)
        return text + (f"目前上線的版本：{live.name}。" if live is not None else "")
    except OSError:
        return text


def rollback_to_release(argv: list[str]) -> list[str]:
    """`rollback --to <release>` (as before --to could name a host) is `rollback --release <release>`.

    A host is written with a `:` before its path; a release id never holds one.
    """
    if not argv or argv[0] != "rollback":
        return argv
    out: list[str] = []
    for index, word in enumerate(argv):
        before = argv[index - 1] if index else ""
        if before == "--to" and ":" not in word:
            out[-1] = "--release"
        elif word.startswith("--to=") and ":" not in word:
            word = "--release=" + word[len("--to="):]
        out.append(word)
    return out


def positive_keep(text: str) -> int:
    keep = int(text)
    if keep < 1:
        raise argparse.ArgumentTypeError("至少要保留 1 個版本（上線中的那個）")
    return keep


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/deploy", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("publish", "rollback", "prune", "list", "nginx"):
        command = commands.add_parser(name)
        if name == "nginx":
            command.add_argument("--root", type=Path, required=True, help="the host's folder for releases")
        else:
            where = command.add_mutually_exclusive_group(required=True)
            where.add_argument("--root", type=Path, help="the folder for releases, on this machine")
            where.add_argument("--to", dest="host", metavar="[ssh://]USER@HOST[:PORT]:/PATH",
                               help="the folder for releases on another host, over ssh (see deploy_remote.py)")
            command.add_argument("--identity", type=Path, help="with --to: the ssh key to log in with")
            command.add_argument("--known-hosts", type=Path,
                                 help="with --to: the known_hosts file holding the host's key (checking stays on)")
        if name in ("publish", "prune"):
            command.add_argument("--keep", type=positive_keep, default=5,
                                 help="complete releases to keep, newest first; the live one is kept too (default 5)")
        if name == "publish":
            command.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
        if name == "rollback":
            command.add_argument("--release", help="a release id from `list` (default: the one before)")
        if name in ("publish", "rollback", "prune"):
            command.add_argument("--wait", type=float, default=600, metavar="SECONDS",
                                 help="how long to wait for another deploy to finish (default 600)")
        if name == "nginx":
            command.add_argument("--prefix", default="/", help="the sub-path the site is served under")
            command.add_argument("--auth-file", help="an htpasswd file: readers must log in")
    args = parser.parse_args(rollback_to_release(argv if argv is not None else sys.argv[1:]))
    if args.command != "nginx" and args.host is None and (args.identity or args.known_hosts):
        parser.error("--identity and --known-hosts go with --to (a host reached over ssh)")
    if getattr(args, "host", None) is not None:
        import deploy_remote  # noqa: PLC0415 (only remote deploys need ssh)
        return deploy_remote.main(args)
    root = args.root.resolve()  # compared with the resolved `current` link
    try:
        if args.command == "publish":
            return publish(root, args.config_file.absolute(), args.keep, args.wait)
        if args.command == "rollback":
            return rollback(root, args.release, args.wait)
        if args.command == "prune":
            return prune_command(root, args.keep, args.wait)
        if args.command == "list":
            return list_releases(root)
        print(nginx_config(root, args.prefix, args.auth_file), end="")
        return 0
    except DeployError as error:
        print(error, file=sys.stderr)
    except OSError as error:
        print(explain(error, root), file=sys.stderr)
    except KeyboardInterrupt:
        print("已中斷：上線的版本沒有變；留下的暫存資料夾會在下次發佈時清除。", file=sys.stderr)
        return 130
    return 1


if __name__ == "__main__":
    sys.modules.setdefault("deploy", sys.modules[__name__])  # deploy_remote imports us: one module, one DeployError
    sys.exit(main())
