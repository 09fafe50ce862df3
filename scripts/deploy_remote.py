"""`scripts/deploy publish|rollback|prune|list --to user@host:/srv/bulletin`: releases on another host.

A publish builds here exactly as a local one does (`mkdocs build --strict`, with the privacy
scan, into a temporary folder) and writes the release's manifests. Then one ssh session runs
deploy_host.sh on the host, which: waits for the host's lock (the `<root>/.lock` local deploys
take) and keeps it to the end; removes what killed deploys left; makes
`releases/.incoming-<token>/`. rsync uploads the release there, hard-linking every file that is
the same as in the live (or newest) release instead of sending it. Only then does the session
say `commit <id>`: the host checks the upload against its manifest (the count, every sha256,
nothing unlisted but content-hashed files, no links), carries the live release's hashed files
in, renames it to `releases/<id>/` and switches `current` with one rename. A transfer that fails
or is cut (the deployer killed, the network gone) never gets its `commit`: the host drops the
upload and frees the lock when the session ends, and the next publish removes anything left.

The host answers in lines (deploy_host.sh lists them), which deploy_answers.py turns into
sentences like the local deploy's, naming the host. Test-only steps (see deploy.step):
after-build, during-transfer (rsync is stopped while paused there), after-transfer (before the
commit).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import deploy
from deploy import DeployError
from deploy_answers import host_error, reason_text
from deploy_ssh import Connection, DestinationError, die_with_parent, last_line, parse_destination, \
    rsync_failure, ssh_failure

def seconds(wait: float) -> str:
    return format(wait, "f").rstrip("0").rstrip(".") or "0"


class HostSession:
    """One run of deploy_host.sh over ssh: its answers as they come, sentences for its errors."""

    def __init__(self, connection: Connection, wait: float, command: str, *args: str) -> None:
        self.connection, self.wait = connection, wait
        self.process = connection.start(command, *args)
        # Connection.start pipes all three.
        assert self.process.stdin is not None and self.process.stdout is not None and self.process.stderr is not None
        self.stdin, self.stdout, stderr = self.process.stdin, self.process.stdout, self.process.stderr
        self.errors: list[bytes] = []
        self.reader = threading.Thread(target=lambda: self.errors.extend(stderr), daemon=True)
        self.reader.start()

    def answer(self) -> tuple[str, str] | None:
        """The next answer as (word, rest), None at the end; an `error` raises its sentence."""
        for raw in self.stdout:
            word, _, rest = raw.decode("utf-8", "replace").rstrip("\n").partition(" ")
            if word == "error":
                self.close()
                raise DeployError(host_error(rest, self.connection))
            if word == "waiting":
                print(f"另一個部署正在進行（{rest or '不明'}），等候它完成（最多 {seconds(self.wait)} 秒）…",
                      file=sys.stderr, flush=True)
            elif word == "cleaned":
                print(f"已清除中斷的部署在主機上留下的 {', '.join(rest.split())}", file=sys.stderr, flush=True)
            else:
                return word, rest
        self.close()
        return None

    def expect(self, word: str) -> str:
        """The rest of the next answer, which must be `word`."""
        got = self.answer()
        if got is None or got[0] != word:
            raise DeployError(self.failure(got))
        return got[1]

    def send(self, line: str) -> None:
        try:
            self.stdin.write(line.encode() + b"\n")
            self.stdin.flush()
        except BrokenPipeError:
            pass

    def close(self) -> int:
        """End the session (the host drops an upload not yet committed) and wait for the host."""
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        try:
            code = self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.reader.join(timeout=10)
        return code

    def failure(self, got: tuple[str, str] | None) -> str:
        code = self.close()
        stderr = b"".join(self.errors).decode("utf-8", "replace")
        sentence = ssh_failure(stderr, self.connection) if code == 255 else None
        refused = next((line for line in stderr.splitlines() if line.startswith("bulletin-deploy: ")), None)
        if refused:
            return f"主機 {self.connection.destination.host} 拒絕了這個要求：{refused.removeprefix('bulletin-deploy: ')}"
        return sentence or (f"主機 {self.connection.destination.host} 上的部署沒有完成"
                            f"（{'回答 ' + ' '.join(got) if got else 'ssh 結束碼 ' + str(code)}"
                            f"{'：' + last_line(stderr) if last_line(stderr) else ''}）。網站保持不變。"
                            f"提示：以 scripts/deploy list --to {self.connection.destination} 查看主機上的版本。")


# ---------------------------------------------------------------- the upload

STATS = {
    "files": re.compile(r"^Number of files: [\d,.]+ \(reg: ([\d,.]+)", re.M),
    "sent": re.compile(r"^Number of regular files transferred: ([\d,.]+)", re.M),
    "bytes": re.compile(r"^Total transferred file size: ([\d,.]+)", re.M),
}


def upload(connection: Connection, folder: Path, token: str, link_dests: list[str]) -> dict[str, int]:
    """rsync `folder` into the host's incoming folder; rsync's counts (files, sent, bytes)."""
    process = subprocess.Popen(connection.rsync_command(folder, token, link_dests), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "LC_ALL": "C"}, preexec_fn=die_with_parent)
    assert process.stdout is not None and process.stderr is not None  # piped just above
    stdout, stderr = process.stdout, process.stderr
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.extend(stderr), daemon=True)
    reader.start()
    pause = os.environ.get("BULLETIN_DEPLOY_PAUSE_AT") == "during-transfer"
    output = []
    for raw in stdout:
        line = raw.decode("utf-8", "replace")
        output.append(line)
        if pause and line.strip() and not line.rstrip("\n").endswith("/"):  # a file is on its way: cut here
            process.send_signal(signal.SIGSTOP)
            deploy.step("during-transfer")
            process.send_signal(signal.SIGCONT)
            pause = False
    code = process.wait()
    reader.join(timeout=10)
    if code != 0:
        raise DeployError(rsync_failure(code, b"".join(errors).decode("utf-8", "replace"), connection))
    text = "".join(output)
    counts = {}
    for key, pattern in STATS.items():
        found = pattern.search(text)
        counts[key] = int(re.sub(r"[,.]", "", found[1])) if found else 0
    return counts


def size_text(count: int) -> str:
    return f"{count} 位元組" if count < 1024 else f"{count / 1024:.0f} KB" if count < 1 << 20 else f"{count / (1 << 20):.1f} MB"


# ---------------------------------------------------------------- commands

def build_here(config_file: Path, building: Path) -> None:
    """deploy.build into a folder of ours (the build keeps a descriptor of it, as locally)."""
    fd = os.open(building, os.O_RDONLY | os.O_DIRECTORY)
    try:
        deploy.build(config_file, building, fd)
    finally:
        os.close(fd)


def publish(connection: Connection, config_file: Path, keep: int, wait: float) -> int:
    with tempfile.TemporaryDirectory(prefix="bulletin-release-") as temporary:
        building = Path(temporary) / "site"
        building.mkdir()
        build_here(config_file, building)
        deploy.step("after-build")
        files = {name: deploy.file_entry(building / name) for name in deploy.files_in(building)}
        deploy.write_manifest(building, files, Path(temporary) / deploy.MANIFEST)
        session = HostSession(connection, wait, "publish", seconds(wait), str(keep))
        try:
            token, live, *names = session.expect("ready").split(" ")
            bases = [name for name in dict.fromkeys([live, *names[-1:]]) if name != "-"]
            counts = upload(connection, building, token, bases)
            deploy.step("after-transfer")
            session.send(f"commit {deploy.next_release_id(names)}")
            release = session.expect("released")
            removed = []
            try:
                while (got := session.answer()) is not None:
                    if got[0] == "removed":
                        removed += got[1].split()
            except DeployError as error:  # published all the same: say so; the next prune retries
                print(f"已發佈 {release} 到 {connection.destination}，但{error}", file=sys.stderr)
                return 0
        finally:
            session.close()
    if session.process.returncode != 0:
        raise DeployError(session.failure(None))
    same = max(counts["files"] - counts["sent"], 0)
    print(f"已發佈 {release} 到 {connection.destination}：傳送 {counts['sent']} 個檔案（{size_text(counts['bytes'])}），"
          f"{same} 個與主機上的上一版相同，沒有重傳" + (f"；刪除舊版 {', '.join(removed)}" if removed else ""),
          file=sys.stderr)
    return 0


def rollback(connection: Connection, release: str | None, wait: float) -> int:
    session = HostSession(connection, wait, "rollback", seconds(wait), *([release] if release else []))
    while (got := session.answer()) is not None:
        word, rest = got
        if word == "skipped":
            name, _, reason = rest.partition(" ")
            print(f"略過不完整的版本 {name}（{reason_text(reason)}）。", file=sys.stderr)
        elif word == "rolledback":
            target = rest
    if session.process.returncode != 0:
        raise DeployError(session.failure(None))
    print(f"已回復到 {target}（{connection.destination}）", file=sys.stderr)
    return 0


def prune(connection: Connection, keep: int, wait: float) -> int:
    session = HostSession(connection, wait, "prune", seconds(wait), str(keep))
    removed = []
    while (got := session.answer()) is not None:
        if got[0] == "removed":
            removed += got[1].split()
    if session.process.returncode != 0:
        raise DeployError(session.failure(None))
    print(f"已刪除 {', '.join(removed)}" if removed else "沒有要刪除的版本。", file=sys.stderr)
    return 0


def list_releases(connection: Connection) -> int:
    """The host's releases as `scripts/deploy list --root` prints a local root's."""
    session = HostSession(connection, 0, "list")
    releases: dict[str, tuple[bool, str | None]] = {}
    link = not_link = None
    while (got := session.answer()) is not None:
        word, rest = got
        if word == "release":
            name, mark, reason = rest.split(" ", 2)
            releases[name] = (mark == "live", None if reason == "ok" else reason_text(reason))
            marks = (["← current"] if mark == "live" else []) + \
                    ([f"不完整：{releases[name][1]}，不會切換到它"] if releases[name][1] else [])
            print("  ".join([name, *marks]))
        elif word == "current":
            link = rest
        elif word == "current-not-link":
            not_link = True
    if session.process.returncode != 0:
        raise DeployError(session.failure(None))
    destination = connection.destination
    newest = next((name for name, (_, problem) in reversed(releases.items()) if problem is None), None)
    advice = (f"提示：scripts/deploy rollback --to {destination} --release {newest}，或重新發佈。" if newest
              else "提示：重新發佈（scripts/deploy publish --to …）。")
    live = next((name for name, (is_live, _) in releases.items() if is_live), None)
    if not_link:
        print(f"警告：{destination.host}:{destination.root}/current 不是符號連結，部署無法切換它。提示：把它移開後再發佈。",
              file=sys.stderr)
    elif link is not None and live is None:
        target = link.removeprefix(destination.root + "/").removeprefix("releases/")
        what = ("那裡沒有版本：網站對每個網址都會回答 404" if "/" not in target
                else f"不是 {destination.root}/releases 裡的版本：部署無法檢查它")
        print(f"警告：current 指向 {link}，{what}。{advice}", file=sys.stderr)
    elif live is not None and releases[live][1]:
        print(f"警告：current 指向的版本 {live} 不完整（{releases[live][1]}）：網站可能缺頁。{advice}", file=sys.stderr)
    return 0


def local_failure(error: OSError) -> str:
    """An OSError on this machine (the build's temporary folder): the host was not touched."""
    path = error.filename or tempfile.gettempdir()
    if error.errno in (28, 122):  # ENOSPC, EDQUOT
        return (f"本機磁碟空間不足：無法寫入 {path}。主機上的網站保持不變。"
                f"提示：清出 {tempfile.gettempdir()} 所在磁碟的空間，或以 TMPDIR 指向另一個磁碟。")
    return f"本機無法完成建置：{path}：{error.strerror}。主機上的網站保持不變。提示：排除這個問題後再試一次。"


def main(args: argparse.Namespace) -> int:
    try:
        connection = Connection(parse_destination(args.host), args.identity, args.known_hosts)
        for what, path in (("金鑰檔（--identity）", args.identity), ("known_hosts 檔（--known-hosts）", args.known_hosts)):
            if path is not None and not path.is_file():
                raise DeployError(f"找不到{what} {path}：沒有連線，沒有做任何更動。提示：檢查路徑；CI 裡檢查那個祕密變數。")
        if args.command == "publish":
            return publish(connection, args.config_file.absolute(), args.keep, args.wait)
        if args.command == "rollback":
            return rollback(connection, args.release, args.wait)
        if args.command == "prune":
            return prune(connection, args.keep, args.wait)
        return list_releases(connection)
    except (DeployError, DestinationError) as error:
        print(error, file=sys.stderr)
    except OSError as error:
        print(local_failure(error), file=sys.stderr)
    except KeyboardInterrupt:
        print("已中斷：主機上線的版本沒有變；傳了一半的檔案會被刪除。", file=sys.stderr)
        return 130
    return 1
