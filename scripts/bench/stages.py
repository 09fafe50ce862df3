"""Where a build's seconds go: the marks of one stage build (stage_marks.py) as a table of stages.

Every gap between two consecutive marks is given to exactly one stage, by the two marks that bound
it: between an event's `first` and `ours` marks run the plugins' handlers (but for our handlers
of priority 50, between `ours_early` and `after_ours_early`) (Material's search
adds a page to its index in on_page_context), between `ours` and `after_ours` ours, then the
plugins of a priority below 0 until `last` (as "other"); between the last mark of one event and the first of the next runs MkDocs itself (page_markdown → page_content is
Python-Markdown, page_context → post_page the page's template, on_env → the next event copying
the static files). The time before the first mark (starting Python, imports,
reading mkdocs.yml) and after the last (freeing, interpreter exit) comes from the benchmark's own
clock around the process, the same monotonic clock on Linux; so the stages add up to the build's
wall time and the shares to 100 %. Nothing is sampled or profiled: each row is measured whole.

A file written inside a handler (the search plugin writes its index with mkdocs.utils.write_file)
is that handler's time; "pages written" is only what MkDocs writes between events.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

BENCH = Path(__file__).resolve().parent
STAGE_CONFIG = "mkdocs-stages.yml"

STARTUP = "starting: Python, imports, reading mkdocs.yml"
LOAD = "loading the archive and computing the generated pages (our on_config)"
OUR_FILES = "our other handlers (on_files: generated pages and assets handed to MkDocs)"
MARKDOWN = "Markdown (Python-Markdown)"
OUR_MARKDOWN = "our page Markdown (on_page_markdown: titles, tables and charts in)"
OUR_PAGES = "our page HTML (sanitizing, fragments back, dates, scripts to files)"
SEARCH = "search index (Material's search plugin)"
TEMPLATES = "templates (Jinja: navigation, page)"
STATIC = "static files copied (theme, our assets)"
WRITTEN = "pages written (HTML files)"
OUR_POST_BUILD = "our post-build (downloads written, search fields, privacy scan)"
OTHER = "other (MkDocs between events: files, navigation, reading pages, anchors; other plugin handlers)"
EXIT = "exit (after the last on_post_build handler)"

# Each row, and the marks it is measured between.
STAGES = {
    STARTUP: "process start → first on_startup handler",
    LOAD: "on_config, our handler",
    OUR_FILES: "our handlers of on_startup, on_files, on_nav…",
    OUR_MARKDOWN: "on_page_markdown, our handler",
    MARKDOWN: "last on_page_markdown → first on_page_content",
    OUR_PAGES: "our handlers of on_page_content, on_page_context, on_post_page, on_post_template…",
    SEARCH: "plugins' handlers of on_page_context and on_post_build",
    TEMPLATES: "previous page written → on_page_context (context) → on_post_page (render); 404, sitemap",
    STATIC: "last on_env → next event (copy_static_files)",
    WRITTEN: "on_post_page → end of mkdocs.utils.write_file",
    OUR_POST_BUILD: "on_post_build, our handler",
    OTHER: "every other gap between marks",
    EXIT: "last on_post_build handler → process end",
}

_OUR_ROWS = {"config": LOAD, "page_markdown": OUR_MARKDOWN, "pre_page": OUR_PAGES, "page_read_source": OUR_PAGES,
             "page_content": OUR_PAGES, "page_context": OUR_PAGES, "post_page": OUR_PAGES, "post_template": OUR_PAGES,
             "post_build": OUR_POST_BUILD}
_PLUGIN_ROWS = {"page_context": SEARCH, "post_build": SEARCH}
_TEMPLATE_ENDS = {"page_context:first", "pre_template:first", "template_context:first", "post_template:first",
                  "post_page:first"}


def handler_stage(mark: str) -> str | None:
    """The stage of the handlers a mark starts (an event's `first`, `ours` or `after_ours` mark),
    None after its `last` mark: until the next mark of the event, files written are that stage's too."""
    event, _, position = mark.partition(":")
    if position in ("first", "after_ours_early"):
        return _PLUGIN_ROWS.get(event, OTHER)
    if position in ("ours_early", "ours"):
        return _OUR_ROWS.get(event, OUR_FILES)
    if position == "after_ours":
        return OTHER
    return None


def stage_of(previous: str, following: str) -> str:
    """The stage of MkDocs' own work between two consecutive marks outside every handler."""
    if previous == "env:last":
        return STATIC
    if previous == "write:start" or following == "write:start":
        return WRITTEN
    if (previous, following) == ("page_markdown:last", "page_content:first"):
        return MARKDOWN
    if following in _TEMPLATE_ENDS:
        return TEMPLATES
    return OTHER


def stage_seconds(marks: list[tuple[str, float]], started: float, ended: float) -> dict[str, float]:
    """Seconds per stage, in STAGES' order, adding up to ended - started."""
    seconds = dict.fromkeys(STAGES, 0.0)
    handlers: str | None = None  # the stage of the handlers running, if any
    for (previous, at), (following, then) in pairwise(marks):
        if not previous.startswith("write:"):
            handlers = handler_stage(previous)
        seconds[handlers or stage_of(previous, following)] += then - at
    if marks and started <= marks[0][1] and marks[-1][1] <= ended:
        seconds[STARTUP] = marks[0][1] - started
        seconds[EXIT] = ended - marks[-1][1]
    else:  # the process's clock is not ours (not Linux?): before and after the marks is "other"
        span = marks[-1][1] - marks[0][1] if marks else 0.0
        seconds[OTHER] += ended - started - span
    return seconds


def stage_table(seconds: dict[str, float]) -> str:
    """A Markdown table: stage, seconds, share of the whole build, and what it is measured between."""
    total = sum(seconds.values())
    lines = ["| stage | seconds | share | measured between |", "| --- | ---: | ---: | --- |"]
    for stage, value in seconds.items():
        share = 100 * value / total if total else 0.0
        lines.append(f"| {stage} | {value:.2f} | {share:.1f} % | {STAGES[stage]} |")
    lines.append(f"| whole build | {total:.2f} | 100 % | process start → process end |")
    return "\n".join(lines)


_HOOKS = re.compile(r"^hooks:\n((?:  - .*\n)+)", re.MULTILINE)


def write_stage_config(project: Path) -> Path:
    """`mkdocs-stages.yml` beside the project's mkdocs.yml: the same, with the marking hooks
    around its own (stage_marks.py says where each goes and why)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    found = _HOOKS.search(text)
    if found is None:
        raise SystemExit(f"{project / 'mkdocs.yml'}: no hooks: list to put the stage marks around")
    hooks = (f"hooks:\n  - {BENCH / 'stage_hook_first.py'}\n  - {BENCH / 'stage_hook_ours_early.py'}\n"
             f"  - {BENCH / 'stage_hook_after_ours_early.py'}\n  - {BENCH / 'stage_hook_ours.py'}\n{found[1]}"
             f"  - {BENCH / 'stage_hook_after_ours.py'}\n  - {BENCH / 'stage_hook_last.py'}\n")
    path = project / STAGE_CONFIG
    path.write_text(text[:found.start()] + hooks + text[found.end():], encoding="utf-8")
    return path
