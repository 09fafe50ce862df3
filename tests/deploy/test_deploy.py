"""Deploys: built aside, switched in one step, kept, rolled back; nginx serves them without a gap."""

import base64
import hashlib
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

import nginx_server
from helpers import REPO, write_project

DEPLOY = [sys.executable, str(REPO / "scripts" / "deploy.py")]
RECORDS = {"2021/town": "visits:\n  - occasion: 春節慰問\n    people: 37\n    cash: 14400元\n"}
STYLE = "extra_css:\n  - assets/release.css\n"


def project(root: Path, release: str) -> Path:
    narrative = f"本頁屬於版本{release}。\n\n<!-- bulletin/table {{ kind: visits }} -->\n"
    write_project(root, RECORDS, narratives={"2021/town": narrative}, extra=STYLE)
    (root / "docs" / "assets").mkdir(exist_ok=True)
    (root / "docs" / "assets" / "release.css").write_text(f"/* 版本{release} */ body {{ }}\n", encoding="utf-8")
    return root


def deploy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DEPLOY, *args], capture_output=True, text=True, timeout=300)


def publish(config: Path, root: Path, keep: int = 5) -> subprocess.CompletedProcess[str]:
    return deploy("publish", "--root", str(root), "--keep", str(keep), "-f", str(config / "mkdocs.yml"))


def live(root: Path) -> str:
    return (root / "current").resolve().name


def release_names(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "releases").iterdir())


def test_publishing_switches_the_live_site_and_keeps_the_newest_releases(tmp_path):
    source, root = project(tmp_path / "project", "A"), tmp_path / "srv"
    for _ in range(3):
        assert publish(source, root, keep=2).returncode == 0
    names = release_names(root)
    assert len(names) == 2 and live(root) == names[-1]
    assert (root / "current" / "2021" / "town" / "index.html").is_file()


def test_a_failed_build_leaves_the_live_site_and_the_releases_untouched(tmp_path):
    source, root = project(tmp_path / "project", "A"), tmp_path / "srv"
    assert publish(source, root).returncode == 0
    before_live, before = live(root), release_names(root)
    (source / "data" / "2021" / "town.yml").write_text("visits:\n  - occasion: 慰問\n    people: -2\n", encoding="utf-8")
    failed = publish(source, root)
    assert failed.returncode == 1
    assert 'visits[1].people: 應為 0 或以上的整數，實為 "-2"' in failed.stderr
    assert "建置失敗：網站保持不變" in failed.stderr
    assert live(root) == before_live and release_names(root) == before


def test_private_data_typed_into_a_narrative_stops_the_deploy(tmp_path):
    source, root = project(tmp_path / "project", "A"), tmp_path / "srv"
    assert publish(source, root).returncode == 0
    before_live, before = live(root), release_names(root)
    (source / "data" / "2021" / "town.yml").write_text(
        "visits:\n  - occasion: 探視\n    people: 1\n    beneficiaries: 陳大文\n", encoding="utf-8")
    (source / "docs" / "2021" / "town.md").write_text(
        "探視了陳大文。\n\n<!-- bulletin/table { kind: visits } -->\n", encoding="utf-8")
    failed = publish(source, root)
    assert failed.returncode == 1
    assert "docs/2021/town.md:1:4: 應不含私人資料，實為含有 data/2021/town.yml:4 visits[1].beneficiaries 的值" \
        in failed.stderr
    assert live(root) == before_live and release_names(root) == before


def test_rollback_returns_to_the_release_before_and_forward_by_name(tmp_path):
    root = tmp_path / "srv"
    assert publish(project(tmp_path / "a", "A"), root).returncode == 0
    assert publish(project(tmp_path / "b", "B"), root).returncode == 0
    first, second = release_names(root)
    assert deploy("rollback", "--root", str(root)).returncode == 0
    assert live(root) == first
    assert "版本A" in (root / "current" / "2021" / "town" / "index.html").read_text(encoding="utf-8")
    assert deploy("rollback", "--root", str(root)).returncode == 1  # nothing older: stays put
    assert live(root) == first
    assert deploy("rollback", "--root", str(root), "--to", second).returncode == 0
    assert live(root) == second


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    """A deploy root holding release A and release B (live), with different stylesheets."""
    base = tmp_path_factory.mktemp("deploys")
    root = base / "srv"
    assert publish(project(base / "a", "A"), root).returncode == 0
    assert publish(project(base / "b", "B"), root).returncode == 0
    return root


ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))"')


def page_view(base: str) -> tuple[list[int], str, bool]:
    """A reader opening the report: the page, then every stylesheet and script it names."""
    status, _, body = fetch(base + "2021/town/")
    statuses, html = [status], body.decode("utf-8", "replace")
    release = "A" if "版本A" in html else "B" if "版本B" in html else "?"
    consistent = True
    for asset in ASSET.findall(html):
        asset_status, _, content = fetch(base + "2021/town/" + asset)
        statuses.append(asset_status)
        name = re.search(r"release\.([0-9a-f]{8})\.css$", asset)
        if name:  # our stylesheet: its name is its content's hash, and it says which release it is
            consistent &= hashlib.sha256(content).hexdigest()[:8] == name[1]
            consistent &= f"版本{release}".encode() in content
    return statuses, release, consistent


def test_requests_during_repeated_switches_never_fail_or_mix_releases(two_releases, tmp_path):
    root = two_releases
    first, second = release_names(root)
    with nginx_server.serving(root, tmp_path / "nginx") as base:
        seen = nginx_server.readers_during(
            lambda: page_view(base),
            lambda swap: assert_switched(deploy("rollback", "--root", str(root), "--to",
                                                first if swap % 2 == 0 else second)),
            switches=20)
    print(f"\nswaps: 20, page views: {seen['page views']}, requests: {seen['requests']}, "
          f"failed: {seen['failed']}, mixed: {seen['mixed']}")
    assert seen["releases"] == {"A", "B"}  # the switches happened under load
    assert seen["failed"] == 0 and seen["mixed"] == 0


def assert_switched(run) -> None:
    assert run.returncode == 0, run.stderr


def test_the_shipped_nginx_configuration_caches_compresses_and_types(two_releases, tmp_path):
    with nginx_server.serving(two_releases, tmp_path / "nginx") as base:
        status, headers, _ = fetch(base + "2021/town/", {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Cache-Control"] == "no-cache"
        assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["Content-Encoding"] == "gzip"
        asset = next(a for a in ASSET.findall(fetch(base + "2021/town/")[2].decode()) if "main." in a)
        status, headers, _ = fetch(base + "2021/town/" + asset, {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"].startswith("text/css")
        status, headers, _ = fetch(base + "downloads/2021/town/visits.csv")
        assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
        workbook = re.search(r'href="([^"]+\.xlsx)"', fetch(base + "2021/")[2].decode())[1]
        status, headers, _ = fetch(base + "2021/" + workbook)
        assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert fetch(base + "no/such/page/")[0] == 404


def test_basic_auth_when_asked_for(two_releases, tmp_path):
    passwords = tmp_path / "htpasswd"
    passwords.write_text("reader:{PLAIN}工會2021\n".encode().decode("latin-1"), encoding="latin-1")
    with nginx_server.serving(two_releases, tmp_path / "nginx", auth_file=str(passwords)) as base:
        assert fetch(base + "2021/town/")[0] == 401
        token = base64.b64encode("reader:工會2021".encode()).decode()
        assert fetch(base + "2021/town/", {"Authorization": f"Basic {token}"})[0] == 200


def test_the_release_manifest_is_not_served_to_readers(two_releases, tmp_path):
    assert (two_releases / "current" / ".release.json").is_file()
    with nginx_server.serving(two_releases, tmp_path / "nginx") as base:
        assert fetch(base + ".release.json")[0] == 404
        assert fetch(base + "2021/town/")[0] == 200
