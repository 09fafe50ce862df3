"""The memory a build holds with all its processes at once, sampled while it runs.

`wait4` reports the largest single process of a tree (the kernel keeps the maximum of a process
and its children, never their sum), so a build that does part of its work in a second process
(bulletin/scan_beside.py) would look smaller than it is. This samples the resident memory of the
build and every descendant from /proc, adds them up at each instant and keeps the largest sum.
A sample every 50 ms can miss a short spike: the benchmark reports the larger of this and wait4's
figure. Linux only (/proc); elsewhere it measures nothing and says so with None.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
PROC = Path("/proc")


def descendants(pid: int) -> list[int]:
    """`pid` and every process under it, from the kernel's lists of each thread's children."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            threads = list((PROC / str(current) / "task").iterdir())
        except OSError:
            continue  # ended meanwhile
        for thread in threads:
            try:
                waiting += [int(child) for child in (thread / "children").read_text().split()]
            except (OSError, ValueError):
                continue
    return found


def resident_bytes(pid: int) -> int:
    """The process's resident memory now, 0 when it has ended."""
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return 0


class TreeMemory:
    """Samples the summed resident memory of `pid` and its descendants until `stop`."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid = pid
        self.every = every
        self.peak_bytes = 0
        self.samples = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def start(self) -> TreeMemory:
        if (PROC / str(self.pid)).is_dir():
            self._thread.start()
        return self

    def stop(self) -> float | None:
        """The peak in MB, or None when nothing could be sampled (no /proc, or ended at once)."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        return self.peak_bytes / 2**20 if self.samples else None

    def _run(self) -> None:
        while not self._stopped.is_set():
            total = sum(resident_bytes(pid) for pid in descendants(self.pid))
            if total:
                self.samples += 1
                self.peak_bytes = max(self.peak_bytes, total)
            self._stopped.wait(self.every)
