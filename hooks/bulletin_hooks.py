"""MkDocs hooks for the union bulletin: thin wiring of the `bulletin` core into MkDocs events.

Per-build state is made in `on_config`, never at import: `mkdocs serve` keeps this module
loaded between rebuilds, and each rebuild must read the data afresh.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bulletin.loading import LoadResult, load_archive
from bulletin.pages import expand_narrative
from bulletin.periods import folder_label
from bulletin.problems import Problem
from bulletin.settings import read_settings
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section

# Under the `mkdocs` logger, so `mkdocs build --strict` counts these messages.
log = logging.getLogger("mkdocs.hooks.bulletin")

_build: LoadResult | None = None


def _project_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _abort_on(problems: list[Problem], what: str) -> None:
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(f"{len(problems)} problem(s) in {what}; fix them and build again.")


def on_config(config):
    global _build
    project_dir = _project_dir(config)
    problems: list[Problem] = []
    config_file = Path(config.config_file_path)
    settings = read_settings(config.extra.get("bulletin"), config_file.name, problems,
                             config_file.read_text(encoding="utf-8-sig"))
    result = load_archive(project_dir, Path(config.docs_dir), settings)
    _abort_on(problems + result.problems, "the archive")
    _build = result
    return config


def on_serve(server, config, builder):
    # Record files live outside docs/, so MkDocs would not rebuild when they change.
    server.watch(str(_project_dir(config) / "data"))
    return server


def on_nav(nav, config, files):
    # Period folders are named 2021-H1 on disk; readers see 2021年上半年.
    for section in _sections(nav.items):
        pages = [child for child in section.children if getattr(child, "file", None) is not None]
        label = folder_label(pages[0].file.src_uri) if pages else None
        if label is not None:
            section.title = label
    return nav


def _sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def on_page_markdown(markdown, page, config, files):
    problems: list[Problem] = []
    expanded = expand_narrative(_build.archive, page.file.src_uri, markdown, problems)
    _abort_on(problems, page.file.src_uri)
    return expanded
