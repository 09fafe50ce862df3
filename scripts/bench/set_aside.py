"""Built sites moved out of the way between timed builds, and deleted only while none is timed.

The benchmark builds each project several times into the same folder. It used to delete the last
build's site (25,000 files at 2,000 reports) just before starting the next, and that build then
paid for the deletion: ext4 without a journal (the root filesystem of the machine the figures
come from) skips, when it gives a new file an inode, every inode freed in the last minute — six
when the inode's block is not yet written out — (fs/ext4/ialloc.c, `recently_deleted`), so each
file the next build created walked past thousands of freed ones. The same build of 2,000 reports,
same code, took 2.7 s of system time started 75 s after such a deletion, and 9.9 to 18 s started
right after it (more after several deletions in a row); its wall time swung with it.

So a timed build finds its site folder absent, as before, but the old one was renamed into a
folder beside the projects (`SetAside.move`: one rename, nothing freed); so are the projects of
an earlier run in a reused work folder, before they are written again. `SetAside.clear`
deletes them all when no build is being timed: at the end of a run, or at its start (a reused
work folder), then with `settle` waiting for the freed inodes to age out. Six minutes, not one:
a freed inode counts as recent for five minutes more while its block of the inode table is
unwritten, and the next build's own new files make those blocks unwritten again (after a 65 s
wait and a `sync`, ours took 29.6 s cold and 31.2 s warm at 2,000 reports, against 23.1 s and
22.8 s in a fresh work folder, 2026-12-01).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

FOLDER = ".set-aside-sites"  # in the benchmark's work folder, on the projects' filesystem
# A freed inode counts as recent for 60 s (RECENTCY_MIN), 360 s while its inode table block is
# unwritten (RECENTCY_DIRTY more), which a build creating files near it makes it again: a margin more.
SETTLE_SECONDS = 365.0


class SetAside:
    """The built sites of one benchmark run, moved out of the way until `clear`."""

    def __init__(self, work: Path) -> None:
        self.folder = work / FOLDER

    def move(self, folder: Path) -> None:
        """`folder` (a built site, a project) no longer there, its files not freed; a missing
        folder is nothing to move."""
        if not folder.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        folder.rename(self.folder / f"{folder.parent.name}-{folder.name}-{time.time_ns()}")

    def clear(self, settle: bool = False) -> float:
        """Every folder moved here deleted; with `settle`, written out and aged before returning.
        The seconds waited (0 when there was nothing to delete)."""
        if not self.folder.exists():
            return 0.0
        anything = any(self.folder.iterdir())
        shutil.rmtree(self.folder, ignore_errors=True)
        if not anything or not settle:
            return 0.0
        os.sync()
        time.sleep(SETTLE_SECONDS)
        return SETTLE_SECONDS
