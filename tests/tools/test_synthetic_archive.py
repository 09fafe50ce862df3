"""The benchmark's synthetic archive passes the check, so the benchmark measures a build that succeeds."""

import subprocess
import sys

from helpers import REPO


def test_a_small_synthetic_archive_has_no_problem(tmp_path):
    out = tmp_path / "archive"
    subprocess.run([sys.executable, str(REPO / "scripts" / "bench" / "synthetic.py"), str(out),
                    "--units", "12", "--years", "2"], check=True, capture_output=True, timeout=120)
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "-f", str(out / "mkdocs.yml")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[:2000]
