"""Text folded for comparing names: one spelling for all the ways a name can be written.

The privacy scan must find 陳麗華 whether the site holds it as 陈丽华 (a Simplified site converts
every text), 陳 麗華, 陳&#40599;華, 陳<b>麗</b>華, `%E9%99%B3…` in a link, `\\u9673…` in a JSON
file, or ＬＩ　ＭＩＮＧ for LI MING. Folding maps all of these to one string:

- `%XX` escapes (URLs), `\\uXXXX` escapes (JSON) and HTML entities decoded;
- NFKC (full-width letters and digits, compatibility ideographs), Latin case folded;
- Traditional characters mapped to Simplified with OpenCC's character table (its first choice),
  so both scripts fold alike;
- white space, zero-width characters and soft hyphens removed (jieba's word breaks in the search
  index are zero-width spaces inside names).

Tags are a separate step (`without_tags`): a name split by markup is found in the text without
tags, a name inside an attribute only in the text with them, so callers fold both.

`fold` is the fast path, run on every file of the site. `fold_with_positions` does the same
character by character and also says where in the original text each folded character came from,
so a found name can be located (a narrative's line) or masked (a preview page); it is only run on
the few texts where `fold` found something.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from pathlib import Path
from urllib.parse import unquote

_TAG = re.compile(r"<[^<>]*>")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# Only what can hold a name: UTF-8 sequences of non-ASCII characters, and spaces (%20).
# Written as one escape and then more, not (…)+: starting with a plain %, the pattern is searched
# for as fast as the % itself (at 2,000 reports, 1 s of 50 million characters → 0.02 s).
_ONE_PERCENT = r"%(?:20|[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f]){1,3})"
_PERCENT = re.compile(_ONE_PERCENT + f"(?:{_ONE_PERCENT})*")
# What NFKC changes in a name: full-width letters and digits, compatibility ideographs, and the
# Kangxi radicals (⼤ for 大) that text copied out of a PDF or Word is full of.
_COMPATIBLE = re.compile(
    r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uf900-\ufaff\U0002f800-\U0002fa1f\u2e80-\u2fdf]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@cache
def _table() -> dict[int, str | None]:
    """Every white-space and invisible character dropped; Traditional characters to Simplified."""
    import opencc

    dictionary = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str | None] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and first and first != traditional:
            table[ord(traditional)] = first
    for code in range(0x3001):  # U+3000, the ideographic space, is the last white space
        if chr(code).isspace():
            table[code] = None
    for character in _INVISIBLE:
        table[ord(character)] = None
    return table


def without_tags(text: str) -> str:
    return _TAG.sub("", text)


def _decode_json_escapes(text: str) -> str:
    if "\\u" not in text:
        return text
    return _JSON_ESCAPE.sub(lambda m: _printable(chr(int(m[1], 16))), text)


def _printable(character: str) -> str:
    return "" if 0xD800 <= ord(character) <= 0xDFFF else character


def _decode_percent(text: str) -> str:
    if "%" not in text:
        return text
    return _PERCENT.sub(lambda m: unquote(m[0], errors="strict") if _utf8(m[0]) else m[0], text)


def _utf8(escaped: str) -> bool:
    try:
        bytes.fromhex(escaped.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _fold_characters(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_table())


def decoded(text: str) -> str:
    """The escapes decoded: JSON's, then URLs', then HTML's (the first step of folding)."""
    text = _decode_percent(_decode_json_escapes(text))
    if "&" in text:
        text = html.unescape(text)
    return text


def compatible(text: str) -> bool:
    """Whether a decoded text holds a character NFKC would change in a name (see Folder)."""
    return _COMPATIBLE.search(text) is not None


def fold(text: str) -> str:
    """The text as the scan compares it (see the module's docstring)."""
    return _fold_characters(decoded(text))


class Folder:
    """`fold` made fast for a known set of folded strings to look for.

    Mapping every character of a large site through a table costs more than reading it; only
    the characters that fold into one of the strings matter. So the Traditional→Simplified step
    replaces just those (a regular expression finds them), case is folded only when a string has
    Latin letters, and NFKC runs only on a text that has something it would change. For the
    strings given, `Folder(s).fold(text)` finds exactly what `fold(text)` would.

    `fold_decoded(..., reduced=True)` goes further for a scan: every run of characters that is
    in none of the strings (and is no < or >, which `without_tags` needs) becomes one gap
    character (a control character in none of the strings), and a run of tags that then hold
    nothing but gaps becomes one empty tag (<>). The brackets pair as before, so a string is
    found in the reduced text, with tags or without, exactly where it is found in the whole one;
    and the reduced text of a page is a few per cent of it.
    """

    def __init__(self, wanted: set[str]) -> None:
        characters = set("".join(wanted))
        table = _table()
        self._canonical = {chr(code): to for code, to in table.items()
                           if isinstance(to, str) and to in characters}
        self._variants = re.compile("[" + re.escape("".join(self._canonical)) + "]") if self._canonical else None
        self._latin = any(c.isascii() and c.isalpha() for c in characters)
        kept = "".join(sorted(characters | set(self._canonical) | {"<", ">"}))
        # Control characters in none of the strings: one stands for the rest, one between lines.
        self._gap, self.separator = [c for c in map(chr, range(32)) if not c.isspace() and c not in characters][:2]
        self._others = re.compile("[^" + re.escape(kept + self.separator) + "]+")
        self._empty_tags = re.compile(f"(?:<{re.escape(self._gap)}*>)+")
        self.ascii_free = not any(c.isascii() for c in characters)  # no string can come from ASCII alone

    def fold(self, text: str) -> str:
        text = decoded(text)
        return self.fold_decoded(text, compatible(text))

    def fold_decoded(self, text: str, nfkc: bool, reduced: bool = False) -> str:
        """The rest of `fold` after `decoded`: NFKC when the whole text was `compatible` (`nfkc`),
        case, white space, invisible characters, the other script; `reduced` as the class says."""
        if nfkc:
            text = unicodedata.normalize("NFKC", text)
        if self._latin:
            text = text.casefold()
        text = "".join(text.split())  # white space, faster than a pattern
        for invisible in _INVISIBLE:
            if invisible in text:
                text = text.replace(invisible, "")
        if reduced:
            text = self._empty_tags.sub("<>", self._others.sub(self._gap, text))
        if self._variants is not None:
            canonical = self._canonical
            text = self._variants.sub(lambda match: canonical[match[0]], text)
        return text

    def fold_lines(self, text: str) -> list[str]:
        """`fold_decoded(line, False, reduced=True)` of each of the decoded lines `text` holds
        joined by `separator` (which none of them holds), with a pass of each step over them all
        (a scan folds 200,000 lines): no step joins two of them, or takes out the separator."""
        return self.fold_decoded(text, False, reduced=True).split(self.separator)


def fold_with_positions(text: str, tags: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """`fold(text)` (or `fold(without_tags(text))` when `tags` is False) and, for each folded
    character, the span of the original text it came from."""
    folded: list[str] = []
    spans: list[tuple[int, int]] = []
    pieces = _pieces(text, tags)
    for start, end, piece in pieces:
        for character in _fold_characters(piece):
            folded.append(character)
            spans.append((start, end))
    return "".join(folded), spans


_PIECE = re.compile(r"<[^<>]*>|\\u[0-9a-fA-F]{4}|(?:%[0-9A-Fa-f]{2})+|" + _ENTITY.pattern, re.DOTALL)


def _pieces(text: str, tags: bool):
    """The text cut into (start, end, decoded) pieces: escapes decoded, tags dropped unless kept."""
    position = 0
    for match in _PIECE.finditer(text):
        for index in range(position, match.start()):
            yield index, index + 1, text[index]
        piece = match[0]
        if piece.startswith("<"):
            if tags:
                for index in range(match.start(), match.end()):
                    yield index, index + 1, text[index]
        elif piece.startswith("\\u"):
            yield match.start(), match.end(), _printable(chr(int(piece[2:], 16)))
        elif piece.startswith("%"):
            if _utf8(piece):
                yield match.start(), match.end(), unquote(piece)
            else:
                for index in range(match.start(), match.end()):
                    yield index, index + 1, text[index]
        else:
            yield match.start(), match.end(), html.unescape(piece)
        position = match.end()
    for index in range(position, len(text)):
        yield index, index + 1, text[index]
