"""Debian's nginx on loopback, configured with the shipped snippet (scripts/nginx/bulletin.conf)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts"))
from deploy import nginx_config  # noqa: E402

SERVER = """\
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log {work}/access.log;
    client_body_temp_path {work}/tmp;
    proxy_temp_path {work}/tmp;
    fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp;
    scgi_temp_path {work}/tmp;
    server {{
        listen 127.0.0.1:{port};
{snippet}
    }}
}}
"""


# pytest-xdist's workers ("gw0", "gw1" …) each take ports from their own block below the kernel's
# ephemeral range (32768 up), so two workers never pick the same free port in the moment before
# their servers bind it; a random start within the block keeps two runs at once apart too.
PORT_BLOCKS = range(10000, 32000, 1000)


def free_port() -> int:
    """A loopback port nothing listens on now, for a server the caller starts next."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    low = PORT_BLOCKS[int(worker[2:]) % len(PORT_BLOCKS)]
    start = random.randrange(PORT_BLOCKS.step)
    for offset in range(PORT_BLOCKS.step):
        port = low + (start + offset) % PORT_BLOCKS.step
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {low}-{low + PORT_BLOCKS.step - 1}")


def wait_for_port(port: int, process: subprocess.Popen, why: Callable[[], str]) -> None:
    """Until a server started as `process` accepts connections on `port` (10 s); `why()` if it died."""
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(why()) from None
            time.sleep(0.05)


def nginx_binary() -> str:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is missing: run scripts/install-system-packages (scripts/test does)")
    return nginx


@contextlib.contextmanager
def serving(deploy_root: Path, work: Path, prefix: str = "/union/bulletin/",
            auth_file: str | None = None, port: int | None = None) -> Iterator[str]:
    """nginx serving `<deploy_root>/current` under `prefix`; yields the base URL."""
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    # As root (CI), workers would drop to `nobody`, who cannot read pytest's private temp folders.
    user = "user root;" if os.geteuid() == 0 else ""
    snippet = nginx_config(deploy_root, prefix, auth_file)
    conf = work / "nginx.conf"
    conf.write_text(SERVER.format(user=user, work=work, port=port, snippet=snippet), encoding="utf-8")
    process = subprocess.Popen([nginx_binary(), "-c", str(conf), "-p", str(work), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process, lambda: f"nginx did not start: {process.stderr.read().decode()}")
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def readers_during(view, switch, switches: int, readers: int = 4) -> dict[str, object]:
    """`readers` threads call `view()` (one page view: (statuses, release, consistent)) in a loop
    while `switch(i)` runs `switches` times; returns the counts and the releases seen."""
    import threading

    results: list = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            results.append(view())

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    try:
        for number in range(switches):
            switch(number)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return {
        "page views": len(results),
        "requests": sum(len(statuses) for statuses, _, _ in results),
        "failed": sum(1 for statuses, _, _ in results for status in statuses if status != 200),
        "mixed": sum(1 for _, _, consistent in results if not consistent),
        "releases": {release for _, release, _ in results},
    }
