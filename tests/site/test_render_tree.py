"""The sample built both ways, with our hooks and from `scripts/render`'s tree with none, gives one site."""

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, mkdocs_build, page_text, tables_in

RENDER = [sys.executable, str(REPO / "scripts" / "render.py")]


@dataclass
class Builds:
    project: Path  # the sample, copied
    hooked: Path   # its site, built with our hooks
    tree: Path     # scripts/render's tree
    plain: Path    # the tree's site, built with no hooks, then `scripts/render --after-build`


def render(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RENDER, *args, "-f", str(project / "mkdocs.yml")], cwd=project,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    """The sample built once with the hooks, rendered, and the tree built once without them."""
    root = tmp_path_factory.mktemp("render")
    project = root / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "data", "docs", "hooks"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    hooked = mkdocs_build(project, "--site-dir", str(root / "hooked"))
    assert hooked.returncode == 0, hooked.stderr
    rendered = render(project, str(root / "tree"))
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    plain = mkdocs_build(root / "tree")
    assert plain.returncode == 0, plain.stderr
    after = render(project, "--after-build", str(root / "tree" / "site"))
    assert after.returncode == 0, after.stdout + after.stderr
    return Builds(project, root / "hooked", root / "tree", root / "tree" / "site")


def files(site: Path, pattern: str = "*") -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob(pattern) if path.is_file()}


def test_the_tree_has_no_hooks(builds):
    assert "hooks" not in (builds.tree / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (builds.tree / "hooks").exists()


def test_both_builds_have_the_same_pages(builds):
    pages = files(builds.hooked, "*.html")
    assert len(pages) > 40
    assert files(builds.plain, "*.html") == pages


def test_every_table_of_every_page_is_the_same_cell_by_cell(builds):
    cells = 0
    for page in sorted(files(builds.hooked, "*.html")):
        hooked = tables_in((builds.hooked / page).read_text(encoding="utf-8"))
        assert tables_in((builds.plain / page).read_text(encoding="utf-8")) == hooked, page
        cells += sum(len(row) for table in hooked.values() for row in table)
    assert cells > 6000  # the sample: 6,165 cells


def test_every_page_reads_the_same_its_freshness_line_included(builds):
    for page in sorted(files(builds.hooked, "*.html")):
        hooked = (builds.hooked / page).read_text(encoding="utf-8")
        assert page_text((builds.plain / page).read_text(encoding="utf-8")) == page_text(hooked), page
    assert "資料更新：" in page_text((builds.plain / "2021" / "xuancheng-workshop" / "index.html").read_text(encoding="utf-8"))


def test_the_downloads_are_the_same_bytes(builds):
    downloads = files(builds.hooked / "downloads")
    assert {name.rsplit(".", 1)[-1] for name in downloads} == {"csv", "xlsx", "zip"}
    assert files(builds.plain / "downloads") == downloads
    for name in sorted(downloads):
        assert (builds.plain / "downloads" / name).read_bytes() == (builds.hooked / "downloads" / name).read_bytes(), name


def test_after_build_the_plain_site_holds_every_file_of_the_hooked_one(builds):
    assert files(builds.plain) == files(builds.hooked)


def test_after_build_every_file_but_the_pages_and_the_search_index_is_the_same_bytes(builds):
    """Moved-out scripts, our search worker, assets, sitemap, downloads: the pages differ only by
    the allowlist's serialising, the index by the word breaks (README)."""
    others = sorted(f for f in files(builds.hooked) if not f.endswith(".html") and f != "search/search_index.json")
    assert any(f.startswith("assets/javascripts/inline.") for f in others)
    assert any(f.startswith("assets/javascripts/workers/search-phrases.") for f in others)
    for name in others:
        assert (builds.plain / name).read_bytes() == (builds.hooked / name).read_bytes(), name


def test_after_build_every_page_loads_the_same_scripts_and_none_inline(builds):
    script = re.compile(r"<script\b[^>]*>")
    for page in sorted(files(builds.hooked, "*.html")):
        plain = (builds.plain / page).read_text(encoding="utf-8")
        assert script.findall(plain) == script.findall((builds.hooked / page).read_text(encoding="utf-8")), page
        assert re.search(r"<script>\S", plain) is None, page


def test_after_build_gives_the_index_the_fields_of_the_hooked_build(builds):
    fields = json.loads((builds.plain / "search" / "search_index.json").read_bytes())["config"]["fields"]
    hooked_fields = json.loads((builds.hooked / "search" / "search_index.json").read_bytes())["config"]["fields"]
    assert fields == hooked_fields and "figures" in fields and "script" in fields


def test_after_build_again_changes_no_file(builds, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(builds.plain, site)
    run = render(builds.project, "--after-build", str(site))
    assert run.returncode == 0, run.stdout + run.stderr
    assert files(site) == files(builds.plain)
    for name in sorted(files(site)):
        assert (site / name).read_bytes() == (builds.plain / name).read_bytes(), name


def test_a_private_value_planted_in_a_rendered_narrative_is_found_and_the_output_refused(builds, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(builds.tree, tree, ignore=shutil.ignore_patterns("site"))
    narrative = tree / "docs" / "2021" / "xuancheng-workshop.md"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\n感謝唐元斌同志。\n", encoding="utf-8")
    assert mkdocs_build(tree).returncode == 0  # no hooks: nothing stops the generator
    run = render(builds.project, "--after-build", str(tree / "site"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert re.search(r"^data/2021/xuancheng-workshop\.yml:\d+:\d+: aid\[\d\]\.beneficiary: 私人資料不應出現在網站上，"
                     r"實為出現在 2021/xuancheng-workshop/index\.html", run.stdout, re.MULTILINE), run.stdout
    assert not (tree / "site" / "2021" / "xuancheng-workshop").exists()
    for path in (tree / "site").rglob("*"):
        assert not path.is_file() or "唐元斌".encode() not in path.read_bytes(), path


def test_a_project_scripts_check_refuses_is_not_rendered(builds, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(builds.project, project, ignore=shutil.ignore_patterns(".cache"))
    record = project / "data" / "2021" / "meixin-company.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("people: 349", "people: 三百"), encoding="utf-8")
    run = render(project, str(tmp_path / "tree"))
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py")], cwd=project,
                           capture_output=True, text=True, timeout=60)
    assert run.returncode == check.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout == check.stdout != ""
    assert not (tmp_path / "tree").exists()


def test_a_folder_with_files_is_not_written_over_without_force(builds, tmp_path):
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "notes.md").write_text("mine", encoding="utf-8")
    run = render(builds.project, str(tmp_path / "tree"))
    assert run.returncode == 1 and "--force" in run.stdout and "Traceback" not in run.stderr
    assert [p.name for p in (tmp_path / "tree").iterdir()] == ["notes.md"]
    assert render(builds.project, str(tmp_path / "tree"), "--force").returncode == 0
    assert (tmp_path / "tree" / "docs" / "2021" / "xuancheng-workshop.md").is_file()


def primary_navigation(html: str) -> str:
    start = html.index('<div class="md-sidebar md-sidebar--primary"')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_every_page_has_materials_own_navigation_though_the_hooks_write_most_of_it_from_a_cache(builds):
    """The plain build writes the navigation with Material's nav-item.html as it ships; the hooks
    with our copy that caches the items off the page's path (bulletin_patches.cache_nav_items)."""
    pages = sorted(files(builds.hooked, "*.html"))
    for page in pages:
        hooked = primary_navigation((builds.hooked / page).read_text(encoding="utf-8"))
        assert primary_navigation((builds.plain / page).read_text(encoding="utf-8")) == hooked, page
    assert len(pages) > 40
