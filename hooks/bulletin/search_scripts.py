"""Search in both scripts: a Simplified query finds a Traditional page, and the reverse.

Mainland readers type Simplified by default; the archive is written in Traditional (a Simplified
site converts it, and readers from Taiwan or Hong Kong type Traditional there). The search index
therefore holds each section's words also in the other script, in a field of its own (`FIELD`)
that search matches but result snippets never show, the way `search_terms.py` adds figures.

Word breaks come from the Simplified form of a text: jieba's dictionary is Simplified, and on
Traditional text it guesses (和諧杯 came out 和 / 諧杯, so 和諧杯 found 和服 and 和田). OpenCC's
character conversion keeps the length of a text, so the breaks of the Simplified form fall at the
same places in the Traditional one; a conversion that changed the length (a phrase table
rewrite) gives no such guarantee, and that text is cut as it is, as before.

A query is also looked for as a whole phrase, in either script, by our wrapper around Material's
search worker (search_worker.py); `simplified_characters` gives it the folding table for the
characters the site uses, so it needs no conversion tables of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

Convert = Callable[[str], str]
Cut = Callable[[str], Iterable[str]]

FIELD = "script"  # the other script's words
FOLDING = "bulletin_folding"  # in the index's config: each Traditional character the site uses, to Simplified
_BREAK = "\u200b"  # Material's word separator in the index
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@cache
def _table(name: str) -> dict[int, str]:
    """OpenCC's character table `name`, each character to its first choice."""
    import opencc

    table: dict[int, str] = {}
    for line in (Path(opencc.__file__).parent / "dictionary" / name).read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split(" ")[0]
        if len(source) == 1 and len(first) == 1 and first != source:
            table[ord(source)] = first
    return table


def to_simplified(text: str) -> str:
    """Character by character (so of the same length): fast on a whole index, and words line up."""
    return text.translate(_table("TSCharacters.txt"))


def to_traditional(text: str) -> str:
    """Character by character, each to OpenCC's first choice (发 to 發)."""
    return text.translate(_table("STCharacters.txt"))


BOTH_WAYS: tuple[Convert, Convert] = (to_simplified, to_traditional)


def cut_through_simplified(text: str, cut: Cut, to_simplified: Convert) -> list[str]:
    """jieba's words of `text`, cut where its Simplified form is cut, in `text`'s own characters."""
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        return list(cut(text))  # the breaks would not line up: cut the text as it is
    words, start = [], 0
    for word in cut(simplified):
        words.append(text[start:start + len(word)])
        start += len(word)
    return words


def other_script_words(title: str, text: str, convert: Iterable[Convert],
                       converted: dict[Convert, dict[str, str]] | None = None) -> str:
    """The words of a section that read differently in another script, each once.

    The conversions go character by character, so a word converts the same wherever it stands:
    each distinct word is converted once, and `converted` (each conversion's words so far, kept by
    the caller across the sections of one index, where words repeat) spares converting it again.
    str.translate costs a dictionary lookup per character; at 2,000 reports this was 3 s.
    """
    words = dict.fromkeys((title + _BREAK + text).split(_BREAK))  # each once, in order
    converted = {} if converted is None else converted
    found: dict[str, None] = {}
    for change in convert:
        known = converted.setdefault(change, {})
        for before in words:
            after = known.get(before)
            if after is None:
                after = change(before)
                after = known[before] = before if after == before else after  # most words: no second copy
            if after != before and after not in words:
                found[after.strip()] = None
    found.pop("", None)
    return _BREAK.join(found)


def simplified_characters(texts: Iterable[str]) -> dict[str, str]:
    """Each character of `texts` that Simplified writes differently, with its Simplified form.

    The search worker folds both a query and the pages to Simplified with it, so a phrase typed
    in either script is found in either, and the page's own spelling of it is highlighted.
    """
    characters: set[str] = set()
    for text in texts:
        characters.update(text)  # each text's characters as a set first: a large index has few kinds
    return simplified_forms(characters)


def simplified_forms(characters: set[str]) -> dict[str, str]:
    """`simplified_characters` of texts that use these characters."""
    return {c: to_simplified(c) for c in sorted(characters) if _HAN.match(c) and to_simplified(c) != c}
