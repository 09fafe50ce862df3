"""Chinese word breaks for the search index, each text segmented once and remembered between builds.

Material's search plugin cuts every run of Han characters of every page with jieba, at every
build: on a large archive that is a third of the build, plus a second to load jieba's model.
Most of that text did not change since the last build, and much of it repeats within a build
(table headers, unit names, the stock phrases of a 工作總結). So each run is cut once, and the cuts
are kept in a file under `.cache/` for the next build; a build that meets only known text never
loads jieba at all. The words are jieba's own, so search finds exactly what it found before.

The file is rewritten with only the runs this build used, so it never grows beyond the archive;
it is tied to jieba's version and dictionaries, and any doubt about it (unreadable, another
version) means starting empty, never a wrong word break.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

Cut = Callable[[str], Iterable[str]]
_BREAK = "\u200b"  # the separator Material puts between words; never inside a run of Han characters


class SegmentCache:
    """jieba's cut of each text, by the text, for this build and the next."""

    def __init__(self, path: Path | None, cut: Callable[[], Cut], identity: str) -> None:
        self._path = path
        self._make_cut = cut  # called only on the first text not known: loading jieba costs a second
        self._cut: Cut | None = None
        self._identity = identity
        self._known: dict[str, str] = self._read()
        self._used: dict[str, str] = {}
        self.misses = 0

    def _read(self) -> dict[str, str]:
        if self._path is None:
            return {}
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("identity") != self._identity:
            return {}
        words = data.get("words")
        return words if isinstance(words, dict) else {}

    @property
    def identity(self) -> str:
        """What the words were cut with (jieba's version and dictionaries): a file of another is not read."""
        return self._identity

    def words(self, text: str) -> list[str]:
        """The words of `text`, as jieba cuts them."""
        return self.joined(text).split(_BREAK)

    def joined(self, text: str) -> str:
        """`words(text)` joined by Material's separator: what its index holds of a run."""
        joined = self._used.get(text)
        if joined is None:
            joined = self._known.get(text)
            if joined is None:
                self.misses += 1
                if self._cut is None:
                    self._cut = self._make_cut()
                joined = _BREAK.join(self._cut(text))
            self._used[text] = joined
        return joined

    def save(self) -> None:
        """Keep this build's cuts for the next one, written whole or not at all."""
        if self._path is None or (self._used.keys() == self._known.keys() and not self.misses):
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"identity": self._identity, "words": self._used}, ensure_ascii=False)
        handle, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".segments-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(data)
            os.replace(temporary, self._path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._known = self._used
        self._used = {}
        self.misses = 0

    def start_build(self) -> None:
        """A new build (another rebuild of `mkdocs serve`): what the last one used is known now."""
        if self._used:
            self._known = {**self._known, **self._used}
        self._used = {}
        self.misses = 0
