"""Every kind of figure the archive knows: the built-in modules here, and the project's own.

A module in this package that defines `KIND = Kind(...)` is a built-in kind; adding
`kinds/loans.py` is all it takes for record files, tables, funds and messages to know about
loans. An office adds a kind without Python by declaring it in `data/kinds/<key>.yml`
(declared_kinds.py), compiled into the same `Kind` objects.

Which kinds exist is therefore a fact about a project, not about the code: `KINDS` holds the set
of the archive loaded last. It stays one module-level dict because some twenty places read it
(reading, tables, funds, measures, privacy, markers, import, scaffold, schema, reference) and
threading a registry through all of them would touch every one; instead the set is scoped to a
load and replaced whole by it: `loading.load_archive` reads the declarations afresh and calls
`use_kinds`, so a `mkdocs serve` rebuild after a declaration was deleted no longer knows it, and
a test that loads many archives in one process gets each archive's own kinds (a quick preview
loads nothing and keeps the set of the full build it refines). The archive keeps its set too
(`Archive.kinds`) and computes its tables with it. A plain global, not a context variable:
`mkdocs serve` rebuilds in another thread than the first build, and must see the same set.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

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
    return in_order(found)


def in_order(kinds: Mapping[str, Kind]) -> dict[str, Kind]:
    """Kinds by their `order`; equal orders by key, so the order never depends on file listing."""
    return dict(sorted(kinds.items(), key=lambda item: (item[1].order, item[0])))


# Code, not data: discovered once per process, which `mkdocs serve` may keep.
BUILT_IN: Mapping[str, Kind] = MappingProxyType(_discover())

# The kinds of the project loaded last (see the module docstring); the built-in ones until a load.
KINDS: dict[str, Kind] = dict(BUILT_IN)


def use_kinds(kinds: Mapping[str, Kind]) -> None:
    """Make `kinds` the set every reader of `KINDS` sees, replacing the previous load's whole."""
    if kinds is KINDS:
        return
    fresh = in_order(kinds)
    KINDS.clear()
    KINDS.update(fresh)
    # measures.py caches each kind's columns by its key; another project may mean another kind by it.
    from ..measures import measure_columns

    measure_columns.cache_clear()
