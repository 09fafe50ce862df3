"""Python's cycle collector paused while a build makes objects that all stay.

Loading an archive and publishing it each make hundreds of thousands of objects (nodes, records,
tables, cells, page texts) with almost no cycles among them. The collector, run at every few
hundred new objects, went over them again and again: a quarter of the load's time at 2,000
reports, and a fifth of the publication's. Paused, and put back as it was, it runs once after.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside, back as it was after (still off if it was off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
