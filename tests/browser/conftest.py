"""The browser suite's fixtures: the sample archive built, served, and opened in Debian's Chromium.

Builds are made once per session (the plain sample once per run, shared by pytest-xdist's
workers) in a temp copy of the project (symlinks to data/, docs/, hooks/) so a variant can change
mkdocs.yml (site_url for a sub-path, the offline plugin for file://) without touching the real
one. Every page a test opens records its requests, so any request to another origin or any failed
request is caught where it happens.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import nginx_server
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
    return built_once(tmp_path_factory, "plain", lambda folder: build_variant(folder / "project"))


def built_once(tmp_path_factory, name: str, build: Callable[[Path], Path]) -> Path:
    """A session's build made once for the whole run: under pytest-xdist (scripts/test runs two
    workers) the first worker to need it builds it in the run's shared temp folder while the other
    waits for it, instead of each spending a build's half-minute of the two shared cores on it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build(tmp_path_factory.mktemp(name))
    folder = tmp_path_factory.getbasetemp().parent / f"shared-{name}"  # beside the workers' own folders
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, even if the build fails
        done = folder / "built"
        if done.exists():
            return Path(done.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)  # a failed build's remains
        folder.mkdir()
        built = build(folder)
        done.write_text(str(built), encoding="utf-8")
        return built


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


free_port = nginx_server.free_port


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory):
    """The site built for, and served by Debian's nginx under /union/bulletin/ on loopback.

    Served the way a deploy leaves it: `<root>/current` pointing at the release, through the
    shipped nginx snippet.
    """
    probe_port = free_port()
    root = tmp_path_factory.mktemp("deploy-root")
    with nginx_server.serving(root, tmp_path_factory.mktemp("nginx"), port=probe_port) as base:
        site = build_variant(tmp_path_factory.mktemp("subpath") / "project", f"site_url: {base}\n")
        (root / "releases").mkdir()
        (root / "releases" / "sample").symlink_to(site)
        (root / "current").symlink_to(Path("releases") / "sample")
        yield base
