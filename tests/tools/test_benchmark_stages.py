"""The benchmark's stage table: where a build's seconds go, every gap between MkDocs events counted once."""

import sys

import pytest

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts" / "bench"))

import stage_marks  # noqa: E402
import stages  # noqa: E402
from synthetic import generate  # noqa: E402

from scripts.benchmark import measure_stages  # noqa: E402


def test_markdown_is_the_gap_between_the_last_page_markdown_and_the_first_page_content_handler():
    assert stages.stage_of("page_markdown:last", "page_content:first") == stages.MARKDOWN


def test_the_plugins_handlers_of_page_context_are_the_search_index_and_ours_of_on_config_the_load():
    assert stages.handler_stage("page_context:first") == stages.SEARCH
    assert stages.handler_stage("config:ours") == stages.LOAD
    assert stages.handler_stage("post_build:after_ours") == stages.OTHER  # plugins of a priority below 0


def test_our_markdown_handler_is_a_row_apart_from_our_handlers_of_the_html():
    assert stages.handler_stage("page_markdown:ours") == stages.OUR_MARKDOWN
    assert stages.handler_stage("page_content:ours") == stages.OUR_PAGES
    assert stages.handler_stage("page_context:ours") == stages.OUR_PAGES


def test_the_gap_after_on_env_is_the_static_files_copied():
    assert stages.stage_of("env:last", "pre_template:first") == stages.STATIC


def test_every_second_from_process_start_to_end_is_in_exactly_one_stage():
    marks = [("startup:first", 1.0), ("config:first", 1.5), ("config:ours", 1.75), ("config:last", 3.0),
             ("post_build:last", 9.0)]
    seconds = stages.stage_seconds(marks, started=0.5, ended=10.0)
    assert sum(seconds.values()) == pytest.approx(9.5)
    assert seconds[stages.STARTUP] == 0.5 and seconds[stages.LOAD] == 1.25 and seconds[stages.EXIT] == 1.0


def test_a_file_written_inside_a_handler_is_that_handlers_time_not_pages_written():
    marks = [("post_build:first", 0.0), ("write:start", 1.0), ("write:end", 2.0), ("post_build:ours", 3.0),
             ("write:start", 4.0), ("write:end", 5.0), ("post_build:last", 6.0)]
    seconds = stages.stage_seconds(marks, started=0.0, ended=6.0)
    assert seconds[stages.SEARCH] == 3.0 and seconds[stages.OUR_POST_BUILD] == 3.0 and seconds[stages.WRITTEN] == 0


def _handler_of(module):
    def handler():
        pass
    handler.__module__ = module
    return handler


def test_a_plugin_running_among_our_handlers_or_ours_among_the_plugins_is_named():
    first, before, after, last = (stage_marks.handlers(p)["on_page_content"]
                                  for p in ("first", "ours", "after_ours", "last"))
    search, ours = _handler_of("material.plugins.search.plugin"), _handler_of("hooks/bulletin_hooks.py")
    late = _handler_of("material.plugins.offline.plugin")
    hooks = {"hooks/bulletin_hooks.py"}
    assert stage_marks.misplaced({"page_content": [first, search, before, ours, after, late, last]}, hooks) == []
    assert stage_marks.misplaced({"page_content": [first, ours, before, search, after, last]}, hooks) == [
        "on_page_content: hooks/bulletin_hooks.py runs among the plugins' handlers",
        "on_page_content: material.plugins.search.plugin runs among our handlers"]


def test_the_stage_config_puts_the_marks_around_the_projects_own_hooks(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nhooks:\n  - hooks/bulletin_hooks.py\nplugins: []\n",
                                         encoding="utf-8")
    text = stages.write_stage_config(tmp_path).read_text(encoding="utf-8")
    order = [line.rsplit("/", 1)[-1] for line in text.splitlines() if line.startswith("  - ")]
    assert order == ["stage_hook_first.py", "stage_hook_ours_early.py", "stage_hook_after_ours_early.py",
                     "stage_hook_ours.py", "bulletin_hooks.py", "stage_hook_after_ours.py", "stage_hook_last.py"]
    assert text.startswith("site_name: x\nhooks:\n") and text.endswith("plugins: []\n")


def test_a_stage_build_of_a_small_archive_has_every_row_and_its_shares_add_up_to_the_whole(tmp_path):
    generate(tmp_path / "archive", 10, 1)
    measured = measure_stages(tmp_path / "archive")
    table = stages.stage_table(measured.seconds)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines()[2:]}
    assert set(rows) == {*stages.STAGES, "whole build"}
    shares = [float(line.split(" | ")[2].removesuffix(" %")) for stage, line in rows.items() if stage != "whole build"]
    assert sum(shares) == pytest.approx(100, abs=1)
    assert measured.seconds[stages.MARKDOWN] > 0 and measured.seconds[stages.LOAD] > 0 and measured.megabytes > 0
    assert measured.misplaced == []


def test_our_handler_before_the_search_plugin_is_measured_between_its_own_marks():
    first, early, after_early, before, after, last = (
        stage_marks.handlers(p)["on_page_context"]
        for p in ("first", "ours_early", "after_ours_early", "ours", "after_ours", "last"))
    search, ours = _handler_of("material.plugins.search.plugin"), _handler_of("hooks/bulletin_hooks.py")
    hooks = {"hooks/bulletin_hooks.py"}
    assert stage_marks.misplaced(
        {"page_context": [first, early, ours, after_early, search, before, ours, after, last]}, hooks) == []
    assert stage_marks.misplaced({"page_context": [first, early, after_early, ours, search, before, after, last]},
                                 hooks) == ["on_page_context: hooks/bulletin_hooks.py runs among the plugins' handlers"]
    assert stages.handler_stage("page_context:ours_early") == stages.OUR_PAGES
    assert stages.handler_stage("page_context:after_ours_early") == stages.SEARCH
