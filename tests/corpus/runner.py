"""Runs one corpus case as an editor would: `mkdocs build --strict`, with a time and memory ceiling;
or through the core's checker in this process, printing the lines that build would print.

A real build costs 1-2 s of MkDocs and Python start-up a case; the core's checker (what
`scripts/check` runs) finds the same problems in a few hundredths of a second, so the tests
compare most cases in-process (`check_case`) and build only those whose point is the build itself
(test_corpus.py, REAL_BUILDS). Run as a script it still builds every case for real, prints the
counts the closing note asks for, and names any case whose build no longer prints its expected file:

    .venv/bin/python tests/corpus/runner.py
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from bulletin.checking import clash_problems, page_html_problems  # noqa: E402
from bulletin.language import Localise, localise_problem, localiser  # noqa: E402
from bulletin.loading import load_archive  # noqa: E402
from bulletin.problems import Problem  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402
from cases import CASES, Case  # noqa: E402
from helpers import HOOK, MKDOCS_YML  # noqa: E402

EXPECTED = HERE / "expected"

SECONDS = 60                    # a case that takes longer is a failure, not a wait
MEMORY = 2 * 1024 ** 3          # address space per build; an alias bomb expanded would pass it
LOCATED = ("data/", "docs/", "mkdocs.yml")


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    lines: list[str]            # the messages the editor sees, as printed
    traceback: bool
    site_written: bool
    seconds: float

    @property
    def located(self) -> list[str]:
        """Messages that start with a file location (path:line:column or a folder)."""
        return [line for line in self.lines if line.startswith(LOCATED)]


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_case(case: Case, root: Path) -> Outcome:
    case.write(root, MKDOCS_YML.format(hook=HOOK, extra=""))
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
        timeout=SECONDS, preexec_fn=_limits,
    )
    seconds = time.perf_counter() - started
    output = run.stdout + run.stderr
    lines = [line.split("-  ", 1)[1].strip() for line in output.splitlines()
             if line.startswith(("ERROR", "WARNING")) and "-  " in line]
    site = root / "site"
    return Outcome(run.returncode, lines, "Traceback" in output, site.exists() and any(site.iterdir()), seconds)


def check_case(case: Case, root: Path) -> Outcome:
    """The case through the core's checker, in the build's order and words: the build stops after
    loading on any problem of mkdocs.yml or the archive ("檔案庫"), then on hand-written files where
    generated ones go ("docs", the hooks' on_files); only then are pages' HTML problems warned of."""
    case.write(root, MKDOCS_YML.format(hook=HOOK, extra=""))
    started = time.perf_counter()
    problems: list[Problem] = []
    config = read_site_config(root / "mkdocs.yml", problems)
    result = load_archive(config.project_dir, config.docs_dir, config.settings)
    say = localiser(config.language)
    if problems := problems + result.problems:
        lines = _aborted(problems, "檔案庫", say)
    elif problems := clash_problems(config, result):
        lines = _aborted(problems, "docs", say)
    else:
        problems = page_html_problems(config, result)
        lines = [localise_problem(problem, say) for problem in problems]
    site = root / "site"
    return Outcome(1 if problems else 0, lines, False, site.exists(), time.perf_counter() - started)


def _aborted(problems: list[Problem], what: str, say: Localise) -> list[str]:
    """The lines of the hooks' _abort_on: each problem, then what stopped and how many."""
    return [localise_problem(problem, say) for problem in problems] + \
        [say(what) + say(f"：{len(problems)} 個問題；請更正後再建置。")]


def main() -> int:
    totals = {"inputs tried": 0, "rejected with exit 1": 0, "located errors": 0, "tracebacks": 0,
              "partial sites": 0}
    slowest = 0.0
    differing = []
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_case(case, Path(folder))
        expected = EXPECTED / f"{case.name}.txt"
        if not expected.exists() or expected.read_text(encoding="utf-8").splitlines() != outcome.lines:
            differing.append(case.name)
        totals["inputs tried"] += 1
        totals["rejected with exit 1"] += outcome.exit_code == 1
        totals["located errors"] += len(outcome.located)
        totals["tracebacks"] += outcome.traceback
        totals["partial sites"] += outcome.site_written
        slowest = max(slowest, outcome.seconds)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for name, value in totals.items():
        print(f"{name}: {value}")
    print(f"slowest case: {slowest:.2f} s; peak memory of any build: {peak:.0f} MB")
    print(f"builds whose lines differ from expected/: {len(differing)}", *differing, sep="\n  ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
