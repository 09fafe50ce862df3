"""Runs one corpus case as an editor would: `mkdocs build --strict`, with a time and memory ceiling.

Run as a script it tries every case and prints the counts the closing note asks for:

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

from cases import CASES, Case  # noqa: E402
from helpers import HOOK, MKDOCS_YML  # noqa: E402

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


def main() -> int:
    totals = {"inputs tried": 0, "rejected with exit 1": 0, "located errors": 0, "tracebacks": 0,
              "partial sites": 0}
    slowest = 0.0
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_case(case, Path(folder))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
