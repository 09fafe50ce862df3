"""Large blocks of memory given back to the system once Python frees them (glibc only).

glibc serves a request above its mmap threshold with a mapping of its own, returned on free, and
smaller ones from its heap, which keeps what is freed below its top. The threshold starts at
128 KiB but grows to the size of any mapped block freed (up to 32 MiB), so after the first large
page a build's large strings — a year's print page is megabytes, made three times over: its
HTML, the page around it, its UTF-8 — come from the heap and stay counted in the process's
memory after they are freed. Fixed at 1 MiB (and the heap's top trimmed past 2 MiB, which glibc
pairs with it), they are returned. At 2,000 reports, six builds each way interleaved
(2026-12-01): the build's own process peaked at 329–331 MB against 349 MB, both processes
together 390–411 MB (mean 398) against 400–426 MB (mean 412), and the wall time of each pair
differed by −1.9 to +2.2 s (mean −0.3 s). Fixing the threshold alone leaves the trim threshold
at 128 KiB, and the heap's top is given back and taken again page after page: 0.6–1.0 s slower
in three pairs at 1 MiB.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers in glibc's malloc.h
THRESHOLD_BYTES = 1 << 20


def return_large_blocks() -> bool:
    """True when glibc took both settings; False elsewhere (musl, macOS, Windows), where nothing
    changes."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES) == 1 and mallopt(M_TRIM_THRESHOLD, 2 * THRESHOLD_BYTES) == 1
