"""A site's files folded for the privacy scan line by line, each distinct line once.

At 2,000 reports the scan reads 230 million characters in 25,000 files, and folding them all
(folding.py) was most of the build's last step. Yet the files are 12.5 million lines of which
about 230,000 are distinct: every page repeats the navigation, the header and the footer of the
others, every CSV its header. So each distinct line is folded once, and a file's folded text is
its lines' folded texts joined.

That is exact because every step of folding keeps to its line: no escape (`\\uXXXX`, `%XX`, an
entity) holds a line break; NFKC neither composes nor reorders across one; case, white space,
invisible characters and the other script go character by character; and the line break itself
folds to nothing. Two things are decided for a whole text, and stay so: whether NFKC runs
(`Folder` runs it on a text with a compatible character anywhere, so a file with one such line
is folded again with NFKC on every line), and the tags, which `without_tags` takes out of the
joined text, where a tag may span lines. A line is folded reduced (see `Folder`): the few
characters that can be in a private value, and the brackets of tags.

Lines are UTF-8 bytes, cut before decoding: the byte of a line break is never inside a
character, so a file in UTF-8 decodes line by line as it does whole, and a line seen before is
not even decoded. A line that is not UTF-8 sends its file back to the whole-text way.
"""

from __future__ import annotations

from collections.abc import Iterator

from .folding import Folder, compatible, decoded

LONGEST_KEPT = 4096  # longer lines (a search index is one line) hardly repeat: folded, not kept
SEEN_BITS = 1 << 24  # lines seen once, by their hash: 2 MB
KEPT_BYTES = 16 << 20  # the lines kept: when more, they are let go and the cache starts again
PIECE = 1 << 16  # a longer line is folded in pieces of about this many bytes, each cut after a space


class LineFolder:
    """`Folder.fold` of whole files, reduced, from a cache of their lines (one per scan)."""

    def __init__(self, folder: Folder) -> None:
        self._folder = folder
        # Keep a line the first time it is seen: for scans of the same few pages again and again
        # (a quick preview's), not a whole site's, where most lines are in one file only.
        self.first_sight = False
        self._plain: dict[bytes, str] = {}
        self._nfkc: dict[bytes, str] = {}
        self._compatible_lines: set[bytes] = set()  # lines that make NFKC run on their file (of those kept)
        self._seen = bytearray(SEEN_BITS // 8)
        self._shared: dict[str, str] = {}  # one of each folded text (a line of tags is <>)
        self._kept = 0  # bytes of the lines kept

    def fold(self, data: bytes) -> str | None:
        """UTF-8 text (without a byte-order mark) folded and reduced; None when it is not UTF-8."""
        lines = data.split(b"\n")
        new = list(set(lines).difference(self._plain))
        try:
            self._plain.update(zip(new, self._fold_new(new), strict=True))
            folded = "".join(map(self._plain.__getitem__, lines))
            if self._compatible_lines and not self._compatible_lines.isdisjoint(lines):
                for line in set(lines).difference(self._nfkc):
                    self._nfkc[line] = "".join(self._folder.fold_decoded(decoded(piece.decode("utf-8")), True, reduced=True)
                                               for piece in pieces(line))
                folded = "".join(map(self._nfkc.__getitem__, lines))
        except UnicodeDecodeError:
            return None
        finally:
            self._keep_repeated(new)
        return folded

    def _keep_repeated(self, new: list[bytes]) -> None:
        """Of a file's new lines, only those seen in an earlier file too stay (and none longer than
        LONGEST_KEPT): 60 % of a large site's distinct lines, its pages' own rows, are in one file
        only, and kept they were half of the scan's memory (40 of 75 MB at 2,000 reports). A line
        is known by its hash: one taken for another (1 in 60 or so) is only kept for nothing."""
        seen, shared = self._seen, self._shared
        for line in new:
            bit = hash(line) % SEEN_BITS
            if len(line) <= LONGEST_KEPT and (self.first_sight or seen[bit >> 3] & (1 << (bit & 7))):
                folded = self._plain.get(line)
                if folded is not None:
                    self._plain[line] = shared.setdefault(folded, folded)
                    self._kept += len(line)
                continue
            seen[bit >> 3] |= 1 << (bit & 7)
            self._plain.pop(line, None)
            self._nfkc.pop(line, None)
            self._compatible_lines.discard(line)  # flagged again if it comes back: it is folded anew
        if self._kept > KEPT_BYTES:
            self._plain, self._nfkc, self._shared, self._kept = {}, {}, {}, 0
            self._compatible_lines = set()

    def _fold_new(self, lines: list[bytes]) -> list[str]:
        """The lines not seen before folded without NFKC: the short ones together, a long one (a
        search index, a workbook's sheet) a piece at a time, never whole: whole, the 27 MB index
        of 2,000 reports took 130 MB more while it was folded, the scan's highest point."""
        short = [line for line in lines if len(line) <= PIECE]
        folded = dict(zip(short, self._fold_together(short), strict=True))
        for line in lines:
            if len(line) > PIECE:
                folded[line] = "".join(self._fold_one(line, piece) for piece in pieces(line))
        return [folded[line] for line in lines]

    def _fold_together(self, lines: list[bytes]) -> list[str]:
        """Lines folded together, a step at a time over them all."""
        if not lines:
            return []
        separator = self._folder.separator
        text = decoded(separator.encode().join(lines).decode("utf-8"))
        if text.count(separator) != len(lines) - 1:  # a line holds one, or an escape of one: one by one
            return [self._fold_one(line, line) for line in lines]
        if compatible(text):
            self._compatible_lines.update(line for line, one in zip(lines, text.split(separator), strict=True)
                                          if compatible(one))
        return self._folder.fold_lines(text)

    def _fold_one(self, line: bytes, piece: bytes) -> str:
        """A line, or a piece of it, folded by itself."""
        text = decoded(piece.decode("utf-8"))
        if compatible(text):
            self._compatible_lines.add(line)
        return self._folder.fold_decoded(text, False, reduced=True)


def pieces(line: bytes) -> Iterator[bytes]:
    """A line cut right after a space every PIECE bytes or so, one piece at a time (a list of them
    would copy the line whole). Folding keeps to a piece as it keeps to a line: no escape or
    entity holds a space, and NFKC composes nothing with one."""
    start = 0
    while len(line) - start > PIECE:
        space = line.find(b" ", start + PIECE)
        if space < 0:
            break
        yield line[start:space + 1]
        start = space + 1
    yield line[start:]
