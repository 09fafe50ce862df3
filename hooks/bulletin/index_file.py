"""The search index written as JSON a document at a time, with the C encoder.

`json.dump` to a file runs Python's own encoder (the C one is used only to make a whole string):
2.6 s for the 26 MB index of 2,000 reports, the last thing the build waited for. `json.dumps`
of the whole index is fast but holds it a second time as one string, and a third as its UTF-8.
Here each top-level value and each document of `docs` is made by `json.dumps`, so it is fast and
holds one document's text at a time; the bytes are those `json.dump` writes with the same
options (a test compares them).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, TextIO

# What Material's plugin and our hooks have always written: compact, Chinese as it is, and any
# value JSON cannot hold (a page's date in meta) as its text.
OPTIONS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "default": str}


def write_index(index: dict[str, Any], path: Path | str) -> None:
    with open(path, "w", encoding="utf-8") as written:
        write_index_to(index, written)


def write_index_to(index: dict[str, Any], written: TextIO) -> None:
    written.write("{")
    for number, (key, value) in enumerate(index.items()):
        written.write(("," if number else "") + json.dumps(key, **OPTIONS) + ":")
        if isinstance(value, list):
            written.write("[")
            for place, item in enumerate(value):
                written.write(("," if place else "") + json.dumps(item, **OPTIONS))
            written.write("]")
        else:
            written.write(json.dumps(value, **OPTIONS))
    written.write("}")


class SpooledDocs:
    """An index's documents written as they are made, to a file without a name, and the index
    written whole at the end, its config first as always.

    The process beside the build makes the documents while the build makes its pages, but the
    config's folding table is known only after the last one: held as dicts until then, the
    documents of 2,000 reports were ~60 MB of the two processes' peak. The bytes are those
    `write_index` writes for {"config": config, "docs": the documents} (a test compares them).
    """

    def __init__(self) -> None:
        # newline="": read back as written, whatever json.dumps might hold (it escapes line breaks).
        self._docs = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.count = 0

    def add(self, doc: dict[str, Any]) -> None:
        self._docs.write(("," if self.count else "") + json.dumps(doc, **OPTIONS))
        self.count += 1

    def write(self, config: dict[str, Any], path: Path | str) -> None:
        """The index file; the documents are let go (the spool is closed)."""
        with open(path, "w", encoding="utf-8") as written:
            self.write_to(config, written)

    def write_to(self, config: dict[str, Any], written: TextIO) -> None:
        try:
            written.write('{"config":' + json.dumps(config, **OPTIONS) + ',"docs":[')
            self._docs.seek(0)
            shutil.copyfileobj(self._docs, written, 1 << 20)
            written.write("]}")
        finally:
            self._docs.close()
