"""Every kind of figure the archive knows, one module each, found without a hand-kept list.

A module in this package that defines `KIND = Kind(...)` is a kind; adding `kinds/loans.py`
is all it takes for record files, tables, funds and messages to know about loans.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..schema import Kind


def _discover() -> dict[str, Kind]:
    found: dict[str, Kind] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            if kind.key in found:
                raise TypeError(f"two kinds use the key {kind.key!r}")
            found[kind.key] = kind
    return dict(sorted(found.items(), key=lambda item: item[1].order))


# Code, not data: discovered once per process, which `mkdocs serve` may keep.
KINDS: dict[str, Kind] = _discover()
