"""Large blocks freed by Python are given back to the system once return_large_blocks has run."""

import subprocess
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
ON_LINUX = pytest.mark.skipif(sys.platform != "linux" or not Path("/proc/self/status").exists(), reason="glibc and /proc")

# In a process of its own: 30 blocks of 2 MiB, each followed by a small block that stays (so
# none is at the heap's top), after one 8 MiB block freed (which raises glibc's own threshold).
# Prints how much of the 60 MiB the process still holds after freeing them.
HELD_AFTER_FREEING = """
import sys
sys.path.insert(0, {hooks!r})
from bulletin.large_blocks import return_large_blocks
if {returning}:
    assert return_large_blocks()
def resident():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) // 1024
first = bytearray(8 << 20); del first
before = resident()
large, small = [], []
for _ in range(30):
    large.append(bytearray(2 << 20))
    small.append(bytearray(1024))
del large
print(resident() - before)
"""


def held_after_freeing(returning: bool) -> int:
    script = HELD_AFTER_FREEING.format(hooks=str(HOOKS), returning=returning)
    return int(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)


@ON_LINUX
def test_freed_large_blocks_are_given_back_once_returning_is_on():
    assert held_after_freeing(True) < 10  # MB


@ON_LINUX
def test_without_it_glibc_keeps_them_which_is_why_it_is_there():
    assert held_after_freeing(False) > 40  # MB: the test above would fail without the call
