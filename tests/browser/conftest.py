"""The browser suite's fixtures: the sample archive built, served, and opened in Debian's Chromium.

Builds are made once per session in a temp copy of the project (symlinks to data/, docs/,
hooks/) so a variant can change mkdocs.yml (site_url for a sub-path, the offline plugin for
file://) without touching the real one. Every page a test opens records its requests, so any
request to another origin or any failed request is caught where it happens.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import REPO, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]


def build_variant(root: Path, extra_config: str = "") -> Path:
    """The sample archive built from a temp project whose mkdocs.yml adds `extra_config`."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("data", "docs", "hooks"):
        (root / name).symlink_to(REPO / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8") + "\n" + extra_config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    run = mkdocs_build(root)
    assert run.returncode == 0, run.stderr
    return root / "site"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    return build_variant(tmp_path_factory.mktemp("plain") / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(sample_site):
    """The site at the root of a loopback HTTP server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run scripts/install-system-packages (scripts/test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """Every request a page made, and the ones that failed or went to another origin."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.origin) or u.startswith(("data:", "blob:", "about:")))]


@pytest.fixture
def open_page(browser):
    """open_page(url, origin, **context options) → (page, traffic); the context closes after the test."""
    contexts = []

    def open_(url: str, origin: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        traffic = Traffic(origin)
        page.on("request", lambda request: traffic.requests.append(request.url))
        # A request the browser itself abandons (the reader moved on, a worker was stopped) is
        # not a failure of the site; a missing file shows as a 404 response instead.
        page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
                and traffic.failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and traffic.failed.append(
            f"{response.url} ({response.status})"))
        page.goto(url)
        return page, traffic

    yield open_
    for context in contexts:
        context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


NGINX_CONF = """\
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {root}/access.log;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        location /union/bulletin/ {{
            alias {site}/;
            error_page 404 /union/bulletin/404.html;
        }}
    }}
}}
"""


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory):
    """The site built for, and served by Debian's nginx under /union/bulletin/ on loopback."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing: run scripts/install-system-packages (scripts/test does)")
    port = free_port()
    base = f"http://127.0.0.1:{port}/union/bulletin/"
    site = build_variant(tmp_path_factory.mktemp("subpath") / "project", f"site_url: {base}\n")
    root = tmp_path_factory.mktemp("nginx")
    (root / "tmp").mkdir()
    conf = root / "nginx.conf"
    # As root (CI), workers would drop to `nobody`, who cannot read pytest's private temp folders.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_CONF.format(user=user, root=root, port=port, site=site), encoding="utf-8")
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(root), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            threading.Event().wait(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)
