"""Debian's OpenSSH server on loopback, as the intranet host `scripts/deploy --to` publishes to.

A throwaway host key and user key in a temp folder, its own sshd_config (`-f`), a known_hosts
file naming the host key, so the deploy's `StrictHostKeyChecking=yes` holds. The "remote" user is
whoever runs the tests (root in CI); more keys, e.g. one restricted with `command=`, can be
authorised while it runs.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nginx_server import free_port, wait_for_port

CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {work}/host_key
PidFile {work}/sshd.pid
AuthorizedKeysFile {work}/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
MaxStartups 50
LogLevel ERROR
"""


def sshd_binary() -> str:
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    if not Path(sshd).exists():
        raise RuntimeError("sshd is missing: run scripts/install-system-packages (scripts/test does)")
    return sshd


def new_key(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", path.name, "-f", str(path)], check=True)
    return path


@dataclass
class SshHost:
    """The running server: where to log in, and the files a client needs."""

    port: int
    user: str
    key: Path
    known_hosts: Path
    work: Path

    def to(self, root: Path) -> str:
        return f"ssh://{self.user}@127.0.0.1:{self.port}{root}"

    def client_args(self, key: Path | None = None) -> list[str]:
        return ["--identity", str(key or self.key), "--known-hosts", str(self.known_hosts)]

    def authorize(self, key: Path, options: str = "") -> None:
        public = key.with_name(key.name + ".pub").read_text(encoding="utf-8").strip()
        with (self.work / "authorized_keys").open("a", encoding="utf-8") as file:
            file.write(f"{options + ' ' if options else ''}{public}\n")


@contextlib.contextmanager
def serving(work: Path) -> Iterator[SshHost]:
    """sshd on 127.0.0.1 with a fresh host key, accepting a fresh user key; yields an SshHost."""
    work.mkdir(parents=True, exist_ok=True)
    host_key, user_key = new_key(work / "host_key"), new_key(work / "user_key")
    port = free_port()
    host = SshHost(port, getpass.getuser(), user_key, work / "known_hosts", work)
    host.authorize(user_key)
    algorithm, public = host_key.with_name("host_key.pub").read_text(encoding="utf-8").split()[:2]
    host.known_hosts.write_text(f"[127.0.0.1]:{port} {algorithm} {public}\n", encoding="utf-8")
    conf = work / "sshd_config"
    conf.write_text(CONFIG.format(port=port, work=work), encoding="utf-8")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    log = work / "sshd.log"
    process = subprocess.Popen([sshd_binary(), "-D", "-e", "-f", str(conf)], stdout=subprocess.DEVNULL,
                               stderr=log.open("w", encoding="utf-8"))
    try:
        wait_for_port(port, process, lambda: f"sshd did not start: {log.read_text(encoding='utf-8')}")
        yield host
    finally:
        process.terminate()
        process.wait(timeout=10)
