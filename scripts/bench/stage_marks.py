"""The clock the benchmark's stage build reads: a timestamp at every MkDocs event, three times.

The stage build (`scripts/benchmark --stages`, see stages.py) lists three extra hook files in its
copy of mkdocs.yml, each a few lines that call `handlers` here:

  stage_hook_first.py    priority 1000: before every plugin's and hook's handler of the event
  stage_hook_between.py  priority 0, listed just before hooks/bulletin_hooks.py: after the plugins
                         (Material's search…), before ours
  stage_hook_last.py     priority -1000: after everything

so the time between two marks is exactly one thing: a plugin's handlers, ours, or MkDocs' own work
between two events (Python-Markdown, a template, copying static files). Wall clock, no profiler:
cProfile would inflate the pure-Python parts (our core, Python-Markdown) against the C parts
(json, file copies) and mislead about where a build's seconds go.

Writing a file is not an event, so `mkdocs.utils.write_file` (every page's HTML, the 404 page and
the sitemap) is wrapped to mark its start and end; nothing else of MkDocs is touched. The marks
are written as JSON to $BULLETIN_STAGE_MARKS after the last handler of on_post_build.
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
PRIORITIES = {"first": 1000, "between": 0, "last": -1000}

MARKS: list[tuple[str, float]] = []  # ("page_markdown:between", perf_counter seconds), in order


def mark(name: str) -> None:
    MARKS.append((name, time.perf_counter()))


def handlers(position: str) -> dict[str, Callable[..., None]]:
    """`on_<event>` functions for a hook file's globals: each marks "<event>:<position>" and
    returns None, which MkDocs reads as "nothing changed"."""
    priority = PRIORITIES[position]
    found: dict[str, Callable[..., None]] = {}
    for event in EVENTS:
        found[f"on_{event}"] = _handler(f"{event}:{position}", priority, write=(event, position) == ("post_build",
                                                                                                      "last"))
    if position == "first":
        _wrap_write_file()
    return found


def _handler(name: str, priority: int, write: bool) -> Callable[..., None]:
    def handler(*args: Any, **kwargs: Any) -> None:
        mark(name)
        if write:
            _write_marks()

    handler.mkdocs_priority = priority  # type: ignore[attr-defined]  # what mkdocs.plugins.event_priority sets
    return handler


def _wrap_write_file() -> None:
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
            json.dump(MARKS, out)
