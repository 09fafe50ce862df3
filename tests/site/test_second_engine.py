"""The shipped sample builds under ProperDocs, MkDocs' maintained fork, to the site MkDocs builds.

Material for MkDocs ends in 2027 and MkDocs 2 drops hooks (README "When Material or MkDocs stop
receiving fixes"), so CI proves the way out: the sample (mkdocs.yml, data/, docs/, hooks/), copied
once for each engine, built with `mkdocs build --strict` from .venv/ and with `properdocs build
--strict` from .venv-properdocs/ (scripts/bootstrap-properdocs; MkDocs is not installed there). Both
builds get the same SOURCE_DATE_EPOCH, an input, so the build date is not a difference.

The one thing normalised: each HTML page's single `<meta name="generator" content="…">`, whose
content is the engine's name and version (`mkdocs-1.6.1, mkdocs-material-9.8.2` against
`mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2`, each checked to be exactly what its pins say).
Every other byte must be equal: the same files, every page, every table cell, every download.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, tables_in

SOURCE_DATE_EPOCH = "1700000000"  # 2023-11-14: any fixed day; the same for both builds
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


@dataclass(frozen=True)
class Builds:
    mkdocs: Path
    properdocs: Path


def pins(requirements: str) -> dict[str, str]:
    """`name==version` lines of a requirements file, names lower-cased."""
    found = {}
    for line in (REPO / requirements).read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            found[name.strip().lower()] = version.strip()
    return found


def build(command: list[str], project: Path, site: Path, *options: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    run = subprocess.run([*command, "build", "--strict", *options, "--site-dir", str(site)], cwd=project, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"{command[0]} build failed:\n{run.stderr}"


def sample_copy(folder: Path) -> Path:
    folder.mkdir()
    for name in ("mkdocs.yml", "data", "docs", "hooks"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    """The sample built once by each engine, each from its own copy (no word-break cache shared)."""
    made = subprocess.run([str(REPO / "scripts" / "bootstrap-properdocs")], capture_output=True, text=True,
                          timeout=900)
    assert made.returncode == 0, f"scripts/bootstrap-properdocs could not make .venv-properdocs:\n{made.stderr}"
    root = tmp_path_factory.mktemp("engines")
    sites = Builds(root / "mkdocs-site", root / "properdocs-site")
    build([sys.executable, "-m", "mkdocs"], sample_copy(root / "mkdocs"), sites.mkdocs)
    properdocs = REPO / ".venv-properdocs" / "bin" / "properdocs"
    build([str(properdocs)], sample_copy(root / "properdocs"), sites.properdocs, "--config-file", "mkdocs.yml")
    return sites


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def generator_and_rest(html: str) -> tuple[str, str]:
    """The page's one generator meta content, and the page with that content emptied."""
    found = GENERATOR.findall(html)
    assert len(found) == 1, f"expected one generator meta, found {len(found)}"
    return found[0], GENERATOR.sub('<meta name="generator" content="">', html)


def page_pairs(builds: Builds) -> list[tuple[str, str, str]]:
    return [(name, (builds.mkdocs / name).read_text(encoding="utf-8"),
             (builds.properdocs / name).read_text(encoding="utf-8"))
            for name in sorted(files(builds.mkdocs)) if name.endswith(".html")]


def first_difference(name: str, ours: str, theirs: str) -> str:
    diff = difflib.unified_diff(ours.splitlines(), theirs.splitlines(), "mkdocs/" + name, "properdocs/" + name,
                                lineterm="", n=1)
    return "\n".join(list(diff)[:20])


def test_the_properdocs_pins_are_the_sites_pins_with_properdocs_for_mkdocs():
    site, second = pins("requirements.txt"), pins("requirements-properdocs.txt")
    assert "properdocs" in second
    assert {k: v for k, v in site.items() if k not in ("mkdocs", "mkdocs-get-deps")} == \
        {k: v for k, v in second.items() if k != "properdocs"}


def test_the_second_engine_has_no_mkdocs_to_fall_back_on(builds):
    python = REPO / ".venv-properdocs" / "bin" / "python"
    found = subprocess.run([str(python), "-c", "import importlib.util; print(importlib.util.find_spec('mkdocs'))"],
                           capture_output=True, text=True, timeout=60)
    assert found.stdout.strip() == "None", found.stdout + found.stderr


def test_each_engine_names_itself_in_every_pages_generator_meta(builds):
    site, second = pins("requirements.txt"), pins("requirements-properdocs.txt")
    material = f"mkdocs-material-{site['mkdocs-material']}"
    for name, ours, theirs in page_pairs(builds):
        assert generator_and_rest(ours)[0] == f"mkdocs-{site['mkdocs']}, {material}", name
        assert generator_and_rest(theirs)[0] == f"mkdocs-ProperDocs {second['properdocs']}, {material}", name


def test_both_engines_write_the_same_files(builds):
    assert files(builds.mkdocs) == files(builds.properdocs)


def test_every_table_is_the_same_cell_by_cell(builds):
    compared = 0
    for name, ours, theirs in page_pairs(builds):
        assert tables_in(ours) == tables_in(theirs), name
        compared += len(tables_in(ours))
    assert compared > 100  # the sample's pages hold hundreds of tables: an empty comparison is no proof


def test_every_page_is_the_same_but_for_the_generator_meta(builds):
    normalised = [(name, generator_and_rest(ours)[1], generator_and_rest(theirs)[1])
                  for name, ours, theirs in page_pairs(builds)]
    different = [(name, ours, theirs) for name, ours, theirs in normalised if ours != theirs]
    if different:
        pytest.fail(f"{len(different)} pages differ, the first:\n{first_difference(*different[0])}")


def test_every_download_is_the_same_byte_for_byte(builds):
    downloads = sorted(name for name in files(builds.mkdocs) if name.startswith("downloads/"))
    assert any(name.endswith(".xlsx") for name in downloads) and any(name.endswith(".csv") for name in downloads)
    assert [n for n in downloads if (builds.mkdocs / n).read_bytes() != (builds.properdocs / n).read_bytes()] == []


def test_every_other_file_is_the_same_byte_for_byte(builds):
    """Search index, sitemap, scripts, styles: nothing but HTML pages is normalised."""
    others = [name for name in sorted(files(builds.mkdocs))
              if not name.endswith(".html") and not name.startswith("downloads/")]
    assert "search/search_index.json" in others and "sitemap.xml.gz" in others
    assert [n for n in others if (builds.mkdocs / n).read_bytes() != (builds.properdocs / n).read_bytes()] == []


def test_the_comparison_sees_one_changed_cell_but_not_another_generator(builds):
    name, ours, _ = next(pair for pair in page_pairs(builds) if tables_in(pair[1]))
    cell = re.search(r'(<td[^>]*>)([^<]+)(</td>)', ours)
    assert cell is not None
    broken = ours.replace(cell.group(0), cell.group(1) + cell.group(2) + "0" + cell.group(3), 1)
    assert tables_in(broken) != tables_in(ours)
    assert generator_and_rest(broken)[1] != generator_and_rest(ours)[1]
    renamed = GENERATOR.sub('<meta name="generator" content="another engine 9.9">', ours)
    assert generator_and_rest(renamed)[1] == generator_and_rest(ours)[1]
