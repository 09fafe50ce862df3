"""Bare MkDocs sites for deploy tests, and a check that a release folder holds one of them whole.

These build in a fraction of a second (no hooks): what the deploy tests test is the deploy around
the build. Each version's home page and content-hashed stylesheet say which version it is.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

BUILD_DATE = re.compile(rb"Build Date UTC : [^\n]*")  # the mkdocs theme's home page says when it was built


def style_text(version: str) -> bytes:
    return f"/* 版本{version} */ body {{ }}\n".encode()


def style(version: str) -> str:
    return f"assets/site.{hashlib.sha256(style_text(version)).hexdigest()[:8]}.css"


def write_site(folder: Path, version: str) -> Path:
    """A bare MkDocs project whose home page and content-hashed stylesheet say `version`."""
    (folder / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(f"site_name: 測試{version}\nextra_css:\n  - {style(version)}\n", encoding="utf-8")
    (folder / "docs" / "index.md").write_text(f"# 首頁\n\n本頁屬於版本{version}。\n", encoding="utf-8")
    (folder / "docs" / style(version)).write_bytes(style_text(version))
    return folder


def content(path: Path) -> bytes:
    return BUILD_DATE.sub(b"", path.read_bytes())


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): content(p) for p in folder.rglob("*") if p.is_file()}


def build_sites(base: Path, versions: str) -> tuple[dict[str, Path], dict[str, dict[str, bytes]]]:
    """Projects for `versions`, each with a reference build to compare releases with."""
    projects, references = {}, {}
    for version in versions:
        projects[version] = write_site(base / version, version)
        site_dir = base / f"{version}-reference"
        build(load_config(str(projects[version] / "mkdocs.yml"), site_dir=str(site_dir)))  # in this process: faster
        # The sitemap carries the build's date; everything else is the same build after build.
        references[version] = {k: v for k, v in files_of(site_dir).items() if not k.startswith("sitemap")}
    return projects, references


def version_of(release: Path, references: dict[str, dict[str, bytes]]) -> str | None:
    """The version a release folder holds whole (every file of its reference build, byte for byte), or None."""
    try:
        home = (release / "index.html").read_text(encoding="utf-8")
    except OSError:
        return None
    version = next((v for v in references if f"版本{v}" in home), None)
    if version is None:
        return None
    for name, expected in references[version].items():
        try:
            if content(release / name) != expected:
                return None
        except OSError:
            return None
    return version
