"""The benchmark's memory figure: every process of a build at once, not the largest alone."""

import subprocess
import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts" / "bench"))

from tree_memory import TreeMemory, descendants  # noqa: E402

# A parent holding 60 MB that starts a child holding 60 MB; both hold it until told to stop.
HOLDS = "b = bytearray(60 * 2**20); b[::4096] = b'x' * len(b[::4096]); import sys; sys.stdin.read()"
PARENT = (f"import subprocess, sys; child = subprocess.Popen([sys.executable, '-c', {HOLDS!r}], "
          f"stdin=subprocess.PIPE); {HOLDS}; child.communicate()")


def test_two_processes_holding_60_mb_each_are_counted_together():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE)
    sampler = TreeMemory(parent.pid, every=0.02).start()
    try:
        for _ in range(500):  # until the child exists and both have touched their memory
            if len(descendants(parent.pid)) == 2 and sampler.peak_bytes > 120 * 2**20:
                break
            sampler._stopped.wait(0.02)
    finally:
        parent.communicate(b"")
        peak = sampler.stop()
    assert peak is not None and peak > 120  # either alone is 60 MB and a little


def test_a_process_that_ended_before_sampling_gives_no_figure():
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert TreeMemory(ended.pid).start().stop() is None
