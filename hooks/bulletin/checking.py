"""What `scripts/check` runs beyond `load_archive`: the build's rules about the site as a whole.

The build applies three more rules after loading the archive: no hand-written file where a
generated one goes (site_rules.clashes, from the hooks' on_files), no hand-kept `nav:` (read with
mkdocs.yml, see site_config.py), and narratives' raw HTML through the allowlist (sanitize.py,
from the hooks' on_page_content). Here they run without MkDocs, so that a check that passes
means a build that passes.

The sanitizer judges HTML, so a page is made into HTML as the build makes it: Python-Markdown
with MkDocs' built-in extensions and the site's own. That costs an import (about 0.07 s) and a
conversion per page, so only pages that could hold something the allowlist removes are converted:
HTML (`<`), attribute lists (`{`) and link addresses (`](`, `]:`), markers aside. Markdown
makes nothing else that the allowlist would take out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import sanitize
from .archive import Archive
from .input_files import shown_path
from .loading import LoadResult, load_archive
from .markers import ANY_MARKER
from .narrative import strip_front_matter
from .problems import Problem, sorted_problems
from .site_config import SiteConfig, read_site_config
from .site_rules import clashes, generated_files, hashed_assets, page_paths

# What MkDocs always adds to a site's markdown_extensions (mkdocs.config.defaults).
BUILT_IN_EXTENSIONS = ("toc", "tables", "fenced_code")
_MAY_HOLD_HTML = re.compile(r"[<{]|\]\(|\]:")


@dataclass
class Checked:
    """A project as `scripts/check` sees it: its settings, the loaded archive, every problem sorted."""

    config: SiteConfig
    result: LoadResult
    problems: list[Problem]


def check_project(config_file: Path) -> Checked:
    """Every rule the build runs, without MkDocs: what `scripts/check` prints and `scripts/render`
    refuses on, one call, so the two can never disagree."""
    problems: list[Problem] = []
    config = read_site_config(config_file, problems)
    result = load_archive(config.project_dir, config.docs_dir, config.settings)
    return Checked(config, result, sorted_problems(problems + result.problems + site_problems(config, result)))


def site_problems(config: SiteConfig, result: LoadResult) -> list[Problem]:
    """The problems the build finds after loading: clashes with generated files, unsafe HTML."""
    return clash_problems(config, result) + page_html_problems(config, result)


def clash_problems(config: SiteConfig, result: LoadResult) -> list[Problem]:
    """Hand-written files where generated ones go: the build stops on these before any page
    (the hooks' on_files), so the HTML of the pages is never judged when there is one."""
    files = _docs_files(config, result)
    generated = generated_files(list(files), page_paths(result.archive),
                                hashed_assets(config.docs_dir, config.assets),
                                lambda: _downloads(result.archive))
    return clashes(files, generated, _docs(config), config.directory_urls)


def page_html_problems(config: SiteConfig, result: LoadResult) -> list[Problem]:
    """What the allowlist takes out of each page of the docs folder (warnings in the build)."""
    files = _docs_files(config, result)
    pages = {src: result.pages.get(shown_path(path, config.project_dir)) for src, path in files.items()}
    return html_problems({src: text for src, text in pages.items() if text is not None and src.endswith(".md")},
                         _docs(config), config.markdown_extensions)


def _docs(config: SiteConfig) -> str:
    return Path(os.path.relpath(config.docs_dir, config.project_dir)).as_posix()  # as the hooks name it


def _docs_files(config: SiteConfig, result: LoadResult) -> dict[str, Path]:
    return {path.relative_to(config.docs_dir).as_posix(): path for path in result.docs_files}


def html_problems(pages: dict[str, str], docs: str, extensions: Iterable[tuple[str, dict]] = ()) -> list[Problem]:
    """What the sanitizer would take out of each page (docs path → its text), located as the build does."""
    problems: list[Problem] = []
    markdown = None
    for src, text in pages.items():
        body, _ = strip_front_matter(text)
        if not _MAY_HOLD_HTML.search(ANY_MARKER.sub("", body)):
            continue
        markdown = markdown or _markdown(extensions)
        cleaned = sanitize.clean(markdown.reset().convert(body))
        problems += sanitize.problems(cleaned.removed, f"{docs}/{src}", text)
    return problems


def _markdown(extensions: Iterable[tuple[str, dict]]):
    """Python-Markdown as the build configures it; an extension that will not load is left out
    (the build itself says why it cannot load it)."""
    import markdown

    chosen: dict[str, dict] = {name: {} for name in BUILT_IN_EXTENSIONS}
    for name, options in extensions:
        chosen[name] = {**chosen.get(name, {}), **options}
    loaded = {}
    for name, options in chosen.items():
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options})
        except Exception:  # noqa: BLE001 - any failure of a third-party extension: leave it out
            continue
        loaded[name] = options
    return markdown.Markdown(extensions=list(loaded), extension_configs=loaded)


def _downloads(archive: Archive) -> list[str]:
    from .publication import publish

    return list(publish(archive).downloads)
