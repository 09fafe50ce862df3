"""ruff and mypy, as configured in pyproject.toml, find nothing: a finding fails the suite, and CI with it.

mypy keeps its cache in .mypy_cache/ (about 4 s cold, under 1 s warm); ruff in .ruff_cache/.
"""

import subprocess
import sys
from pathlib import Path

from helpers import REPO

BIN = Path(sys.executable).parent


def run(command: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing():
    checked = run([str(BIN / "ruff"), "check", "--output-format", "concise", "."])
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_mypy_finds_nothing():
    checked = run([sys.executable, "-m", "mypy"])
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_mypy_as_configured_finds_a_count_added_to_yuan_and_a_missing_report(tmp_path):
    """The configuration is strict enough for the mistakes it was brought in for, in unannotated code too."""
    (tmp_path / "slips.py").write_text(
        "from decimal import Decimal\n"
        "from bulletin.amounts import Count\n"
        "from bulletin.archive import Archive, Report\n"
        "def needs(report: Report) -> None: ...\n"
        "def slips(archive: Archive):\n"
        "    needs(archive.report('town', archive.periods()[0]))\n"
        "def unannotated():\n"
        "    return Count(1) + Decimal(2)\n",
        encoding="utf-8",
    )
    checked = run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
                   "--cache-dir", str(tmp_path / "cache"), str(tmp_path / "slips.py")])
    assert "slips.py:6: error: Argument 1 to \"needs\" has incompatible type \"Report | None\"" in checked.stdout, \
        checked.stdout + checked.stderr
    assert "slips.py:8: error: Unsupported operand types for + (\"Count\" and \"Decimal\")" in checked.stdout, \
        checked.stdout + checked.stderr
