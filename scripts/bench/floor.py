"""The floor a build is measured against: the same pages as plain Markdown, built without our hooks.

Every page our build produces — report narratives with their tables already rendered, the
generated year, unit, awards, home and print pages, the CSV and XLSX files — is written out as a
plain MkDocs project with the same theme settings and the same navigation. Building it costs
what MkDocs and Material cost for these pages; what our full build takes beyond that is ours.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.loading import load_archive  # noqa: E402
from bulletin.narrative import strip_front_matter  # noqa: E402
from bulletin.publication import publish  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402

_HOOKS = re.compile(r"^hooks:\n(?:  - .*\n)+", re.MULTILINE)
_FEATURES = re.compile(r"^  features:\n(?:    - .*\n)+", re.MULTILINE)


def pages(project: Path) -> tuple[dict[str, str], dict[str, bytes], list]:
    """(Markdown by docs path, downloads by docs path, the navigation) of the project's archive."""
    problems: list = []
    config = read_site_config(project / "mkdocs.yml", problems)
    result = load_archive(project, config.docs_dir, config.settings)
    if problems or result.problems:
        raise SystemExit("\n".join(str(p) for p in problems + result.problems))
    publication = publish(result.archive, True, "工會年度工作總結檔案", config.language)
    markdown: dict[str, str] = {}
    for report in result.archive.reports.values():
        if report.narrative_file is None:  # loading adds a report only with its narrative
            raise SystemExit(f"{report.data_path}: no narrative")
        body, _ = strip_front_matter(report.narrative_file.read_text(encoding="utf-8-sig"))
        markdown[report.page_path] = publication.page_markdown(report.page_path, body, False, problems)
    for src in publication.bodies:
        handwritten = config.docs_dir / src
        if handwritten.is_file():
            text = handwritten.read_text(encoding="utf-8")
            markdown[src] = publication.page_markdown(src, text, True, problems)
        else:
            markdown[src] = publication.generated_markdown(src)
    return markdown, dict(publication.downloads), publication.nav([])


def write_floor(project: Path, out: Path, stock: bool = False) -> Path:
    """A hook-free project in `out`; `stock` drops our navigation and Material features too."""
    markdown, downloads, nav = pages(project)
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    shutil.copytree(project / "docs" / "assets", docs / "assets")
    for src, text in markdown.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    for src, data in downloads.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_bytes(data)
    config = _HOOKS.sub("", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    if stock:
        config = _FEATURES.sub("", config)  # Material's defaults, the navigation from the folders
    else:
        config += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out
