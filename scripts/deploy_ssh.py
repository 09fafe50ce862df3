"""How `scripts/deploy --to` reaches the intranet host: ssh with host key checking on, and rsync.

The host needs nothing but sh, rsync and a web server, so nothing of ours is installed there:
every call sends `deploy_host.sh` over ssh (the launcher reads that many bytes of it from stdin
and runs them), and rsync uploads the release. Host key checking cannot be turned off from
here: `StrictHostKeyChecking=yes` comes first on ssh's command line, where the first value
wins over any ssh_config. `BatchMode=yes` makes a missing key or an unknown host a failure with
a message instead of a password prompt that a CI job would hang on.

Child processes (ssh, rsync) die with the deployer (PR_SET_PDEATHSIG on Linux): a killed publish
leaves no upload running into a folder the next publish is about to clean.
"""

from __future__ import annotations

import ctypes
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HOST_SCRIPT = Path(__file__).resolve().parent / "deploy_host.sh"
PROTOCOL = "1"
# deploy_host.sh's LAUNCHER: a test keeps the two equal (a forced key recognises our calls by it).
LAUNCHER = """sh -c 'eval "$(dd bs=1 count=$1 2>/dev/null)"' bulletin-deploy"""

SAFE_PATH = re.compile(r"/[A-Za-z0-9._/@+-]*")
SCP_FORM = re.compile(r"(?:(?P<user>[^@/:\s]+)@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(?P<path>.*)")
URL_FORM = re.compile(r"ssh://(?:(?P<user>[^@/:\s]+)@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)"
                      r"(?::(?P<port>[0-9]{1,5}))?(?P<path>/.*)")


class DestinationError(ValueError):
    """A `--to` that names no host folder we can deploy to: its message says how to write one."""


@dataclass(frozen=True)
class Destination:
    """Where releases go: `root` on `host`, logged in as `user` (ssh's default when None)."""

    user: str | None
    host: str
    port: int | None
    root: str

    @property
    def login(self) -> str:
        return f"{self.user}@{self.host}" if self.user else self.host

    def __str__(self) -> str:
        port = f":{self.port}" if self.port else ""
        return f"ssh://{self.login}{port}{self.root}" if self.port else f"{self.login}:{self.root}"


def parse_destination(text: str) -> Destination:
    """`deploy@intranet:/srv/bulletin` or `ssh://deploy@intranet:2222/srv/bulletin`."""
    found = URL_FORM.fullmatch(text) or SCP_FORM.fullmatch(text)
    if found is None:
        raise DestinationError(f"--to 應為 使用者@主機:/路徑 或 ssh://使用者@主機:連接埠/路徑，實為 {text!r}。"
                               f"提示：例如 --to deploy@intranet:/srv/bulletin。")
    root = found["path"].rstrip("/") or "/"
    if not root.startswith("/"):
        raise DestinationError(f"--to 的路徑應為主機上的絕對路徑（以 / 開頭），實為 {found['path']!r}。"
                               f"提示：例如 --to {found['host']}:/srv/bulletin。")
    if not SAFE_PATH.fullmatch(root) or root == "/":
        raise DestinationError(f"--to 的路徑只能含英文字母、數字與 . _ - + @ /，且不能是 /，實為 {root!r}。"
                               f"提示：在主機上改用這樣的資料夾（例如 /srv/bulletin），它會原樣寫進 ssh 的命令列。")
    port = int(found["port"]) if found.groupdict().get("port") else None
    return Destination(found["user"], found["host"], port, root)


def die_with_parent() -> None:
    """In a child, before exec: be killed when the deployer dies (Linux; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@dataclass(frozen=True)
class Connection:
    """ssh to a destination with an optional key and known_hosts file; launches the host script."""

    destination: Destination
    identity: Path | None = None
    known_hosts: Path | None = None

    def ssh_command(self) -> list[str]:
        command = ["ssh", "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20",
                   "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"]
        if self.destination.port:
            command += ["-p", str(self.destination.port)]
        if self.identity is not None:
            command += ["-i", str(self.identity), "-o", "IdentitiesOnly=yes"]
        if self.known_hosts is not None:
            known = str(self.known_hosts)
            command += ["-o", f'UserKnownHostsFile="{known}"' if re.search(r"\s", known) else f"UserKnownHostsFile={known}"]
        return command

    def rsync_shell(self) -> str:
        """ssh's command line for rsync's `-e`, which splits on spaces and honours single quotes."""
        return " ".join(f"'{word}'" if re.search(r"[\s\"]", word) else word for word in self.ssh_command())

    def start(self, command: str, *args: str) -> subprocess.Popen[bytes]:
        """deploy_host.sh running `command args` on the host; its stdin is ours after the script."""
        for path in (self.identity, self.known_hosts):
            if path is not None and ("'" in str(path) or '"' in str(path)):
                raise DestinationError(f"檔名不能含引號：{path}。提示：把檔案移到名字沒有引號的位置。")
        script = HOST_SCRIPT.read_bytes()
        remote = " ".join([LAUNCHER, str(len(script)), PROTOCOL, self.destination.root, command, *args])
        process = subprocess.Popen([*self.ssh_command(), self.destination.login, remote], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=die_with_parent)
        assert process.stdin is not None  # piped just above
        try:
            process.stdin.write(script)
            process.stdin.flush()
        except BrokenPipeError:  # ssh already gave up: its stderr says why
            pass
        return process

    def rsync_command(self, folder: Path, token: str, link_dests: list[str]) -> list[str]:
        """Upload `folder` into the host's `releases/.incoming-<token>/`.

        `-c` compares files by checksum and no times or permissions are kept, so a file the same
        as in a `--link-dest` release is hard-linked there instead of sent: a publish sends only
        what changed, and the host stores it once.
        """
        command = ["rsync", "-rc", "--stats", "--out-format=%n", "-e", self.rsync_shell()]
        command += [f"--link-dest=../{name}" for name in link_dests]
        return [*command, f"{folder}/",
                f"{self.destination.login}:{self.destination.root}/releases/.incoming-{token}/"]


# ---------------------------------------------------------------- what went wrong, in sentences

def ssh_failure(stderr: str, connection: Connection) -> str | None:
    """A sentence for ssh's own failure (exit status 255), or None when the words are not ssh's."""
    destination = connection.destination
    host = destination.host
    port = f"-p {destination.port} " if destination.port else ""
    known = connection.known_hosts or "~/.ssh/known_hosts"
    if "REMOTE HOST IDENTIFICATION HAS CHANGED" in stderr:
        return (f"主機 {host} 的主機金鑰與 {known} 記錄的不同：可能有人冒充它，也可能它重裝過。沒有連線，沒有做任何更動。"
                f"提示：向主機管理員核對金鑰指紋（在主機上 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）"
                f"後，才更新 {known} 裡那一行；部署不會關閉主機金鑰檢查。")
    if "Host key verification failed" in stderr or "No ED25519 host key is known" in stderr \
            or "host key is known" in stderr:
        return (f"無法確認主機 {host} 的身分：它的主機金鑰不在 {known} 裡。沒有連線，沒有做任何更動。"
                f"提示：以 ssh-keyscan {port}{host} 取得金鑰，向主機管理員核對指紋後加入 {known}"
                f"（CI 裡放進 BULLETIN_KNOWN_HOSTS）；部署不會關閉主機金鑰檢查。")
    if "UNPROTECTED PRIVATE KEY FILE" in stderr:
        return (f"金鑰檔 {connection.identity} 的權限太寬，ssh 不肯使用它。沒有做任何更動。"
                f"提示：chmod 600 {connection.identity}。")
    if "Permission denied" in stderr:
        key = f"金鑰 {connection.identity}" if connection.identity else "這台機器的 ssh 金鑰"
        return (f"主機 {host} 不接受{key}（以 {destination.user or '目前的使用者'} 登入）。沒有做任何更動。"
                f"提示：把部署金鑰的公開金鑰加入主機上該使用者的 ~/.ssh/authorized_keys（見 README「Publishing from CI」），"
                f"或以 --identity 指定私密金鑰。")
    for words, why in (("Could not resolve hostname", "找不到這個主機名稱"), ("Connection refused", "連線被拒（ssh 沒有在那個連接埠執行？）"),
                       ("timed out", "連線逾時"), ("No route to host", "網路不通"), ("Network is unreachable", "網路不通"),
                       ("Connection closed", "連線被主機關閉"), ("Connection reset", "連線被主機中斷")):
        if words in stderr:
            return (f"無法連線到 {host}{'（連接埠 ' + str(destination.port) + '）' if destination.port else ''}：{why}。"
                    f"沒有做任何更動。提示：檢查 --to 的主機名稱與連接埠、網路，以及主機上的 ssh 服務。")
    return None


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def rsync_failure(code: int, stderr: str, connection: Connection) -> str:
    """A sentence for a failed upload; the live site is untouched whatever the reason."""
    destination = connection.destination
    unchanged = "網站保持不變，沒有切換；傳了一半的檔案已刪除。"
    refused = next((line for line in stderr.splitlines() if line.startswith("bulletin-deploy: ")), None)
    if refused:
        return f"主機 {destination.host} 拒絕了上傳：{refused.removeprefix('bulletin-deploy: ')}。{unchanged}"
    sentence = ssh_failure(stderr, connection)
    if sentence:
        return sentence
    if "No space left on device" in stderr or "Disk quota exceeded" in stderr:
        return (f"主機 {destination.host} 的磁碟空間不足：上傳到 {destination.root} 沒有完成。{unchanged}"
                f"提示：清出空間（例如 scripts/deploy prune --to {destination} --keep 2）後再發佈。")
    if "Permission denied" in stderr:
        return (f"沒有寫入權限：{destination.host}:{destination.root}/releases。{unchanged}"
                f"提示：以能寫入 {destination.root} 的帳號部署（--to 的使用者）。")
    if code == 127 or "command not found" in stderr:
        return f"主機 {destination.host} 上沒有 rsync。{unchanged}提示：在主機上安裝 rsync（Debian：apt-get install rsync）。"
    if code in (20, -signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL):
        return f"上傳被中斷。{unchanged}"
    return (f"上傳到 {destination.host} 失敗（rsync 結束碼 {code}：{last_line(stderr) or '沒有訊息'}）。{unchanged}"
            f"提示：排除這個問題後再發佈一次。")
