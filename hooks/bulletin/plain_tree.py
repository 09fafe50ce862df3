"""The whole site as a plain MkDocs project, for a generator that runs none of our hooks.

An archive is kept for decades; the generator under it will not last that long unchanged.
Material for MkDocs reaches its end of life on 2027-05-05, MkDocs 2 has no hooks, and other
generators read `mkdocs.yml` but ignore `hooks:` silently (a build then "succeeds" with no
tables). So `scripts/render <folder>` writes what the hooks make during a build as ordinary files:

- `docs/`: every generated page (`Publication.generated_markdown`), every narrative and editor's
  page as the hooks hand it to Markdown (`Publication.page_markdown`, the method on_page_markdown
  calls: one path), tables and charts inline as raw HTML, the downloads, our stylesheets and
  scripts under the content-hashed names the hooks give them, and every other file of docs/;
- `overrides/`: our theme templates (hooks/theme), after the project's own custom_dir if any;
- `mkdocs.yml`: the project's, without `hooks:`, with the navigation the hooks compute and the
  settings they make at on_config (custom_dir, `extra.generator: false`, the site's texts in its
  language, the hashed asset names). Tags such as `!ENV` are written back as they were.

A tree is made only from an archive `scripts/check` passes (checking.check_project), so what a
build would refuse is never rendered; what the finished build still needs (scripts moved out,
the search fields, the privacy scan) is `after_build.py`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .asset_names import hashed_copy
from .checking import check_project
from .language import localiser
from .narrative import strip_front_matter
from .narrative_checks import read_page_text
from .problems import Location, Problem
from .print_whole import with_whole_print_pages
from .publication import publish
from .site_rules import dest_uri

THEME_TEMPLATES = Path(__file__).resolve().parent.parent / "theme"  # what the hooks put before Material's
OVERRIDES = "overrides"
WRITTEN = ("docs", OVERRIDES, "mkdocs.yml")  # what a tree holds, and what --force replaces
SITE_TEXTS = ("site_name", "site_description", "copyright")  # converted on a Simplified site, as the hooks do


@dataclass
class PlainTree:
    config: dict                                             # the mkdocs.yml to write
    files: dict[str, bytes] = field(default_factory=dict)    # every other file, by its path in the tree


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag only MkDocs reads (`!ENV [NAME, default]`, `!!python/name:…`),
    carried through unchanged."""

    tag: str
    value: Any
    style: str  # "scalar", "sequence" or "mapping"


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True), "sequence")
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True), "mapping")
    assert isinstance(node, yaml.ScalarNode)  # YAML has no fourth kind of node
    return Tagged(node.tag, loader.construct_scalar(node), "scalar")


def _represent(dumper: yaml.SafeDumper, value: Tagged) -> yaml.Node:
    if value.style == "sequence":
        return dumper.represent_sequence(value.tag, value.value)
    if value.style == "mapping":
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


def read_config(text: str) -> dict:
    """mkdocs.yml as data, every tag kept for writing back."""
    return yaml.load(text, Loader=_Loader) or {}  # noqa: S506 - a SafeLoader that only keeps tags


def config_text(config: dict) -> str:
    """mkdocs.yml as written into the tree: keys in the project's order, Chinese as typed."""
    header = "# Written by scripts/render from the project's mkdocs.yml: edit that one, then render again.\n"
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def render_tree(config_file: Path, problems: list[Problem]) -> PlainTree | None:
    """The plain tree of the project, or None with the problems `scripts/check` reports."""
    checked = check_project(config_file)
    if checked.problems:
        problems += checked.problems
        return None
    site, result = checked.config, checked.result
    config = read_config(config_file.read_text(encoding="utf-8-sig"))
    language = _language(config)
    say = localiser(language)
    for name in SITE_TEXTS:
        if isinstance(config.get(name), str):
            config[name] = say(config[name])
    _palette_in_language(config, say)
    publication = publish(result.archive, site.directory_urls, str(config.get("site_name") or "工會年度工作總結檔案"),
                          language)
    with_whole_print_pages(publication)  # no hooks to put the report pages' HTML in them
    tree = PlainTree(config)
    page_problems: list[Problem] = []
    docs = Path(site.docs_dir)
    docs_shown = site.docs_dir.relative_to(site.project_dir).as_posix() if site.docs_dir.is_relative_to(
        site.project_dir) else str(site.docs_dir)
    pages: list[str] = []
    for path in result.docs_files:
        src = path.relative_to(docs).as_posix()
        if not _is_page(src):
            tree.files[f"docs/{src}"] = path.read_bytes()
            continue
        pages.append(src)
        text = read_page_text(path, f"{docs_shown}/{src}", page_problems)
        if text is None:
            continue
        body, _ = strip_front_matter(text)
        front = text[: len(text) - len(body)]
        expanded = publication.page_markdown(src, body, src in publication.bodies, page_problems)
        tree.files[f"docs/{src}"] = (front + expanded).encode("utf-8")
    for src in publication.bodies:
        if f"docs/{src}" not in tree.files:
            tree.files[f"docs/{src}"] = publication.generated_markdown(src).encode("utf-8")
    for src, data in publication.downloads.items():
        tree.files[f"docs/{src}"] = data
    tree.files.update({f"docs/{name}": data for name, data in _hashed_assets(config, docs).items()})
    if page_problems:
        problems += page_problems
        return None
    _theme(config, config_file.parent, tree)
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    generated_or_reports = set(publication.bodies) | {r.page_path for r in result.archive.reports.values()}
    # The navigation exactly as the hooks set it in on_files.
    config["nav"] = publication.nav(sorted(p for p in pages if p not in generated_or_reports))
    return tree


def _is_page(src: str) -> bool:
    """A file MkDocs renders as a page (.md, .markdown …): the only ones whose address it changes."""
    return dest_uri(src) != src


def _language(config: dict) -> str:
    theme = config.get("theme")
    return str((theme.get("language") if isinstance(theme, dict) else None) or "zh-Hant")


def _palette_in_language(config: dict, say) -> None:
    """The palette switch labels, converted like the site's name (the hooks' _site_texts_in_language)."""
    theme = config.get("theme")
    palette = theme.get("palette") if isinstance(theme, dict) else None
    for scheme in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = say(toggle["name"])


def _hashed_assets(config: dict, docs: Path) -> dict[str, bytes]:
    """extra_css and extra_javascript pointed at content-hashed copies, as the hooks do (asset_names.py)."""
    published: dict[str, bytes] = {}

    def hashed(path: str) -> str:
        return hashed_copy(docs, path, published)

    if isinstance(config.get("extra_css"), list):
        config["extra_css"] = [hashed(p) if isinstance(p, str) else p for p in config["extra_css"]]
    if isinstance(config.get("extra_javascript"), list):
        scripts = []
        for script in config["extra_javascript"]:
            if isinstance(script, str):
                script = hashed(script)
            elif isinstance(script, dict) and isinstance(script.get("path"), str):
                script = {**script, "path": hashed(script["path"])}
            scripts.append(script)
        config["extra_javascript"] = scripts
    return published


def _theme(config: dict, project_dir: Path, tree: PlainTree) -> None:
    """Our templates in `overrides/`, over the project's own custom_dir (the hooks put ours first),
    and no English "Made with Material for MkDocs" unless mkdocs.yml asks for it."""
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else theme if isinstance(theme, dict) else {"name": "material"}
    own = theme.get("custom_dir")
    for folder in ([project_dir / own] if isinstance(own, str) else []) + [THEME_TEMPLATES]:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tree.files[f"{OVERRIDES}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    theme["custom_dir"] = OVERRIDES
    config["theme"] = theme
    extra = config.get("extra")
    extra = extra if isinstance(extra, dict) else {}
    extra.setdefault("generator", False)
    config["extra"] = extra


def folder_problems(folder: Path, project_dir: Path, docs_dir: Path, force: bool) -> list[Problem]:
    """Where a tree may go: not inside the project's docs/ or data/ (it would become part of the
    archive), not the project itself or a folder holding it, and not over anything unless `force`."""
    target, shown = folder.resolve(), str(folder)
    project = project_dir.resolve()
    for inside, name in ((docs_dir.resolve(), "docs"), (project / "data", "data")):
        if target == inside or target.is_relative_to(inside):
            return [Problem(Location.folder(shown), "", f"應為 {name}/ 以外的資料夾，實為在 {name}/ 之內",
                            "換一個資料夾，例如專案旁的 ../plain-site；放在裡面會被當成檔案庫的一部分")]
    if project.is_relative_to(target):
        return [Problem(Location.folder(shown), "", "應為專案以外的資料夾，實為專案本身或包含專案的資料夾",
                        "換一個新的資料夾，例如 ../plain-site")]
    if target.exists() and not target.is_dir():
        return [Problem(Location.folder(shown), "", "應為資料夾，實為一個檔案", "換一個名稱")]
    if not force and target.is_dir() and any(target.iterdir()):
        count = sum(1 for _ in target.iterdir())
        return [Problem(Location.folder(shown), "", f"應為空的或新的資料夾，實為已有 {count} 項內容",
                        "換一個資料夾；要以新的內容取代其中的 docs/、overrides/ 和 mkdocs.yml，加上 --force")]
    return []


def write_tree(tree: PlainTree, folder: Path) -> None:
    """The tree into `folder`; what an earlier render wrote there goes first, so no stale page stays."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in WRITTEN:
        old = folder / name
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        elif old.exists() or old.is_symlink():
            old.unlink()
    for path, data in tree.files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (folder / "mkdocs.yml").write_text(config_text(tree.config), encoding="utf-8")
