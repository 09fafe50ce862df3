"""Every broken input: the exact located messages, exit 1; built for real: no traceback, no site,
in bounded time and memory.

expected/<case>.txt holds what `mkdocs build --strict` prints. Most cases are compared through
the core's checker in this process (runner.check_case: the same problems, in the build's order
and words, in hundredths of a second instead of a build's 1-2 s); the cases in REAL_BUILDS are
built for real, because what they test is the build itself. `tests/corpus/runner.py` still
builds every case and names any whose build no longer prints its expected file.
"""

import os
from pathlib import Path

import pytest

from cases import CASES
from runner import check_case, run_case

EXPECTED = Path(__file__).parent / "expected"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# Built for real, with why: only a subprocess has a memory ceiling and a timeout, and only the
# build has an exit code, a traceback and a site to leave behind.
REAL_BUILDS = {
    "alias-bomb": "expanded, it would pass the memory ceiling of a build",
    "fifty-megabyte-file": "refused before parsing: time and memory of a build",
    "narrative-of-24-megabytes": "refused before Markdown reads it: time and memory of a build",
    "narrative-that-is-a-pipe": "opened, it would block: only a subprocess has a timeout",
    "record-file-that-is-a-pipe": "opened, it would block: only a subprocess has a timeout",
    "page-named-in-other-bytes": "MkDocs itself walks the docs folder and meets the name",
    "hand-kept-nav": "MkDocs reads the nav: of mkdocs.yml itself",
    "page-where-a-generated-page-goes": "stopped later, in the hooks' on_files, with its own summary",
    "simplified-site-keeps-file-names-as-typed": "the build's messages on a Simplified site",
}


def _compare(case, outcome):
    expected_file = EXPECTED / f"{case.name}.txt"
    actual = "".join(f"{line}\n" for line in outcome.lines)
    if UPDATE:
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.read_text(encoding="utf-8") == actual


def test_the_corpus_is_large_and_every_case_has_its_own_name():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


def test_every_real_build_names_a_case():
    assert set(REAL_BUILDS) <= {case.name for case in CASES}


@pytest.mark.parametrize("case", [c for c in CASES if c.name not in REAL_BUILDS], ids=lambda case: case.name)
def test_a_broken_input_is_refused_with_the_exact_located_message(case, tmp_path):
    outcome = check_case(case, tmp_path)
    assert outcome.exit_code == 1
    assert outcome.located, outcome.lines
    _compare(case, outcome)


@pytest.mark.parametrize("case", [c for c in CASES if c.name in REAL_BUILDS], ids=lambda case: case.name)
def test_a_broken_input_stops_the_real_build_with_the_exact_located_message(case, tmp_path):
    outcome = run_case(case, tmp_path)
    assert not outcome.traceback, outcome.lines
    assert outcome.exit_code == 1
    assert not outcome.site_written
    assert outcome.located, outcome.lines
    _compare(case, outcome)
