"""The clock the benchmark's stage build reads: a timestamp at every MkDocs event, six times.

The stage build (`scripts/benchmark --stages`, see stages.py) lists six extra hook files in its
copy of mkdocs.yml, each a few lines that call `handlers` here:

  stage_hook_first.py      priority 1000: before every plugin's and hook's handler of the event
  stage_hook_ours_early.py priority 51 and stage_hook_after_ours_early.py priority 49: around
                           our handlers of priority 50 (the page made lean before Material's
                           search plugin reads it, in on_page_context)
  stage_hook_ours.py       priority 0, listed just before hooks/bulletin_hooks.py: after the
                           plugins of priority 0 and above (Material's search…), before ours
  stage_hook_after_ours.py priority 0, listed just after our hooks: after ours, before the plugins
                           of a priority below 0 (the offline plugin's on_post_build)
  stage_hook_last.py       priority -1000: after everything

so the time between two marks is exactly one thing: plugins' handlers, ours, or MkDocs' own work
between two events (Python-Markdown, a template, copying static files). Were one of our handlers
to get a priority of its own, it would run outside its marks; at on_config the marks look at
every event's handlers and name any such one (`misplaced`), and the benchmark prints it under its
table rather than count its time silently on the wrong row. Wall clock, no profiler:
cProfile would inflate the pure-Python parts (our core, Python-Markdown) against the C parts
(json, file copies) and mislead about where a build's seconds go.

Writing a file is not an event, so `mkdocs.utils.write_file` (every page's HTML, the 404 page and
the sitemap) is wrapped to mark its start and end; nothing else of MkDocs is touched. The marks
are written as JSON ({"marks": [[name, seconds]…], "misplaced": [message…]}) to
$BULLETIN_STAGE_MARKS after the last handler of on_post_build.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

# The events of `mkdocs build`, in the order they come (on_serve and on_build_error never do here).
EVENTS = ("startup", "config", "pre_build", "files", "nav", "pre_page", "page_read_source", "page_markdown",
          "page_content", "env", "pre_template", "template_context", "post_template", "page_context",
          "post_page", "post_build")
PRIORITIES = {"first": 1000, "ours_early": 51, "after_ours_early": 49, "ours": 0, "after_ours": 0, "last": -1000}

MARKS: list[tuple[str, float]] = []  # ("page_markdown:ours", perf_counter seconds), in order
MISPLACED: list[str] = []  # handlers running outside the marks meant for them (see `misplaced`)
STAGE_HOOKS = ("stage_hook_first.py", "stage_hook_ours_early.py", "stage_hook_after_ours_early.py", "stage_hook_ours.py",
               "stage_hook_after_ours.py", "stage_hook_last.py")


def mark(name: str) -> None:
    MARKS.append((name, time.perf_counter()))


def handlers(position: str) -> dict[str, Callable[..., None]]:
    """`on_<event>` functions for a hook file's globals: each marks "<event>:<position>" and
    returns None, which MkDocs reads as "nothing changed"."""
    return {f"on_{event}": _handler(event, position) for event in EVENTS}


def _handler(event: str, position: str) -> Callable[..., None]:
    name = f"{event}:{position}"

    def handler(*args: Any, **kwargs: Any) -> None:
        mark(name)
        if name == "config:first":  # every plugin and hook is registered by now
            config = args[0] if args else kwargs["config"]
            ours = {name for name in config.hooks if os.path.basename(name) not in STAGE_HOOKS}
            MISPLACED.extend(misplaced(config.plugins.events, ours))
        elif name == "post_build:last":
            _write_marks()

    handler.mkdocs_priority = PRIORITIES[position]  # type: ignore[attr-defined]  # as mkdocs.plugins.event_priority
    handler.stage_position = position  # type: ignore[attr-defined]
    return handler


def misplaced(events: dict[str, list[Callable[..., Any]]], ours: set[str]) -> list[str]:
    """Handlers the marks do not bound as stages.py assumes: one of our hooks' (named by their
    module, the path mkdocs.yml lists them under) outside the `ours` and `after_ours` marks, or a
    plugin's between them. Their time would be counted on the wrong row."""
    found = []
    for event, methods in events.items():
        side = None  # the position of the last stage mark met in this event's handlers
        for method in methods:
            position = getattr(method, "stage_position", None)
            if position is not None:
                side = position
                continue
            module = getattr(method, "__module__", "") or ""
            if side in ("first", "after_ours_early", "after_ours") and module in ours:
                found.append(f"on_{event}: {module} runs among the plugins' handlers")
            elif side in ("ours_early", "ours") and module not in ours:
                found.append(f"on_{event}: {module} runs among our handlers")
    return found


def mark_files_written() -> None:
    """Wrap mkdocs.utils.write_file in marks, for the pages written between events (stage_hook_first.py)."""
    from mkdocs import utils

    write_file = utils.write_file
    if getattr(write_file, "marked", False):
        return

    def marked(content: bytes, output_path: str) -> None:
        mark("write:start")
        try:
            write_file(content, output_path)
        finally:
            mark("write:end")

    marked.marked = True  # type: ignore[attr-defined]
    utils.write_file = marked


def _write_marks() -> None:
    path = os.environ.get("BULLETIN_STAGE_MARKS")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"marks": MARKS, "misplaced": MISPLACED}, out)
