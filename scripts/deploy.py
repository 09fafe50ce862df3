"""Deploy the archive to the intranet host: build aside, check, switch in one step, roll back.

    scripts/deploy publish  --root /srv/bulletin [--keep 5] [-f mkdocs.yml]
    scripts/deploy rollback --root /srv/bulletin [--to RELEASE]
    scripts/deploy list     --root /srv/bulletin
    scripts/deploy nginx    --root /srv/bulletin --prefix /union/bulletin/ [--auth-file FILE]

Layout under the root: `releases/<id>/` holds each build, `current` is a symlink to the one
being served (the web server's document root is `<root>/current/`). Publishing builds into a
new release folder with `mkdocs build --strict` (which also runs the privacy scan); only when
that succeeds does `current` change, by renaming a new symlink over it — one atomic step, so a
request sees the old site or the new one, never half of each. A failed build leaves `current`
and every release as they were. The previous release's content-hashed assets are copied into
the new one, so a page loaded just before the switch still finds its stylesheets after it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.asset_names import is_hashed  # noqa: E402

NGINX_TEMPLATE = ROOT / "scripts" / "nginx" / "bulletin.conf"


def step(name: str) -> None:
    """Test-only hooks at a named step of a deploy, so tests can stall, kill or fail it there.

    `BULLETIN_DEPLOY_PAUSE_AT=<step>` with `BULLETIN_DEPLOY_PAUSE_FILE=<path>`: at that step the
    deploy writes its pid to <path> and waits until the file is removed (at most 5 minutes).
    `BULLETIN_DEPLOY_FAULT=<ERRNO>@<step>` (e.g. `ENOSPC@carry`): the step raises that OSError.
    Steps: after-build, carry, after-rename, after-switch, during-prune (`build`: see build_command).
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


def releases(root: Path) -> list[Path]:
    """Every complete release, oldest first (ids sort by time)."""
    folder = root / "releases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def current(root: Path) -> Path | None:
    link = root / "current"
    return link.resolve() if link.is_symlink() else None


def switch(root: Path, release: Path) -> None:
    """Point `current` at `release` atomically: a new symlink renamed over the old one."""
    temporary = root / f".current-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(Path("releases") / release.name)
    os.replace(temporary, root / "current")


def carry_hashed_assets(previous: Path, new: Path) -> int:
    """Copy the previous release's content-hashed files the new one lacks; returns how many."""
    copied = 0
    for source in previous.rglob("*"):
        relative = source.relative_to(previous).as_posix()
        target = new / relative
        if source.is_file() and is_hashed(relative) and not target.exists():
            step("carry")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied += 1
    return copied


def remove_tree(folder: Path) -> None:
    """Delete a folder, deepest first (a kill part-way leaves it part-deleted, as rmtree would)."""
    first = True
    for parent, folders, files in os.walk(folder, topdown=False):
        for name in files:
            os.unlink(os.path.join(parent, name))
            if first:
                step("during-prune")
                first = False
        for name in folders:
            path = os.path.join(parent, name)
            os.unlink(path) if os.path.islink(path) else os.rmdir(path)
    os.rmdir(folder)


def prune(root: Path, keep: int) -> list[str]:
    """Delete all but the newest `keep` releases, never the one being served."""
    live = current(root)
    removed = []
    for release in releases(root)[:-keep] if keep > 0 else []:
        if release != live:
            remove_tree(release)
            removed.append(release.name)
    return removed


def publish(root: Path, config_file: Path, keep: int) -> int:
    (root / "releases").mkdir(parents=True, exist_ok=True)
    release_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    building = root / "releases" / f".building-{release_id}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(build_command(config_file, building), env=env)
    if run.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        print("建置失敗：網站保持不變，沒有切換。", file=sys.stderr)
        return 1
    step("after-build")
    previous = current(root)
    if previous is not None:
        carry_hashed_assets(previous, building)
    release = building.rename(root / "releases" / release_id)
    step("after-rename")
    switch(root, release)
    step("after-switch")
    removed = prune(root, keep)
    print(f"已發佈 {release_id}" + (f"；刪除舊版 {', '.join(removed)}" if removed else ""), file=sys.stderr)
    return 0


def rollback(root: Path, to: str | None) -> int:
    known = releases(root)
    live = current(root)
    if to is not None:
        target = next((r for r in known if r.name == to), None)
    else:
        older = [r for r in known if live is not None and r.name < live.name]
        target = older[-1] if older else None
    if target is None:
        print(f"沒有可回復的版本（現有：{', '.join(r.name for r in known) or '無'}）。", file=sys.stderr)
        return 1
    if live is not None and live != target:
        carry_hashed_assets(live, target)  # pages of the live release, open in browsers, still find theirs
    switch(root, target)
    print(f"已回復到 {target.name}", file=sys.stderr)
    return 0


def nginx_config(root: Path, prefix: str, auth_file: str | None) -> str:
    """The shipped nginx snippet with this host's paths filled in."""
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    text = text.replace("@PREFIX@", prefix).replace("@ROOT@", str(root.absolute()))
    if auth_file:
        text = text.replace("# @AUTH@ ", "").replace("@AUTH_FILE@", auth_file)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/deploy", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("publish", "rollback", "list", "nginx"):
        command = commands.add_parser(name)
        command.add_argument("--root", type=Path, required=True, help="the host's folder for releases")
        if name == "publish":
            command.add_argument("--keep", type=int, default=5, help="releases to keep (default 5)")
            command.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
        if name == "rollback":
            command.add_argument("--to", help="a release id from `list` (default: the one before)")
        if name == "nginx":
            command.add_argument("--prefix", default="/", help="the sub-path the site is served under")
            command.add_argument("--auth-file", help="an htpasswd file: readers must log in")
    args = parser.parse_args(argv)
    root = args.root.resolve()  # compared with the resolved `current` link
    if args.command == "publish":
        return publish(root, args.config_file.absolute(), args.keep)
    if args.command == "rollback":
        return rollback(root, args.to)
    if args.command == "nginx":
        print(nginx_config(root, args.prefix, args.auth_file), end="")
        return 0
    live = current(root)
    for release in releases(root):
        print(f"{release.name}{'  ← current' if release == live else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
