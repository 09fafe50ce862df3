"""Every broken input: a located message, exit 1, no traceback, no site, in bounded time and memory."""

import os
from pathlib import Path

import pytest

from cases import CASES
from runner import run_case

EXPECTED = Path(__file__).parent / "expected"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def test_the_corpus_is_large_and_every_case_has_its_own_name():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_input_is_refused_with_the_exact_located_message(case, tmp_path):
    outcome = run_case(case, tmp_path)
    assert not outcome.traceback, outcome.lines
    assert outcome.exit_code == 1
    assert not outcome.site_written
    assert outcome.located, outcome.lines
    expected_file = EXPECTED / f"{case.name}.txt"
    actual = "".join(f"{line}\n" for line in outcome.lines)
    if UPDATE:
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.read_text(encoding="utf-8") == actual
