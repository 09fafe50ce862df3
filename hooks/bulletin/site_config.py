"""What the tools outside MkDocs need from mkdocs.yml: where the narratives are, our options.

`scripts/check` validates the archive without building the site, so it reads mkdocs.yml itself;
MkDocs-only tags such as `!ENV` are read as their default, which is all a check needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .inert_titles import site_texts_problems
from .problems import Location, Problem
from .settings import Settings, read_settings
from .site_rules import hand_kept_nav


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that accepts MkDocs' `!ENV [NAME, default]` (taking the default) and `!relative`."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode) and len(node.value) > 1:
        return loader.construct_object(node.value[-1])
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)


@dataclass(frozen=True)
class SiteConfig:
    project_dir: Path
    docs_dir: Path
    settings: Settings
    language: str = "zh-Hant"  # theme.language: messages follow the site's script
    # What the build's site-wide rules need (site_rules.py, checking.py): whether pages are
    # served as folders, our stylesheets and scripts, and the Markdown extensions with their options.
    directory_urls: bool = True
    assets: tuple[str, ...] = ()
    markdown_extensions: tuple[tuple[str, dict], ...] = ()


def read_site_config(config_file: Path, problems: list[Problem]) -> SiteConfig:
    """The parts of mkdocs.yml the archive depends on; a file that cannot be read is a problem."""
    project_dir = config_file.parent
    shown = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8-sig")
        raw = yaml.load(text, Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        problems.append(Problem(Location(shown), "", f"應為可讀的 mkdocs.yml，實為 {str(error).splitlines()[0]}",
                                "檢查檔案是否存在，縮排與冒號是否正確"))
        return SiteConfig(project_dir, project_dir / "docs", Settings())
    extra = raw.get("extra") or {}
    settings = read_settings(extra.get("bulletin") if isinstance(extra, dict) else None, shown, problems, text)
    if isinstance(raw, dict):
        problems += site_texts_problems(raw, shown, text)
        problems += hand_kept_nav(raw.get("nav") is not None, shown, text)
    docs_dir = project_dir / str(raw.get("docs_dir") or "docs")
    theme = raw.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return SiteConfig(project_dir, docs_dir, settings, str(language or "zh-Hant"),
                      raw.get("use_directory_urls") is not False, _assets(raw), _extensions(raw))


def _assets(raw: dict) -> tuple[str, ...]:
    """extra_css and extra_javascript as paths (a script may be `{path: …, defer: true}`)."""
    listed = [*(raw.get("extra_css") or []), *(raw.get("extra_javascript") or [])]
    return tuple(str(item.get("path")) if isinstance(item, dict) else str(item) for item in listed
                 if isinstance(item, (str, dict)))


def _extensions(raw: dict) -> tuple[tuple[str, dict], ...]:
    """markdown_extensions as (name, options): `- toc` or `- toc: {permalink: true}`."""
    found: list[tuple[str, dict]] = []
    for item in raw.get("markdown_extensions") or []:
        if isinstance(item, str):
            found.append((item, {}))
        elif isinstance(item, dict):
            found += [(str(name), options if isinstance(options, dict) else {}) for name, options in item.items()]
    return tuple(found)
