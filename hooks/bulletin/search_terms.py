"""Figures as readers type them into the search box: 14400 finds the page that shows 14,400.

Pages show amounts with thousands separators and approximate counts as 120多; the search index
splits words (jieba cuts 120多 into 120 and 多) but cannot join them, so each page's index text
also gets every such figure as one word: 14400, 120多.
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"  # the word separator Material's Chinese index uses
_GROUPED = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")
_APPROXIMATE = re.compile(rf"(?<![\d,])(\d[\d,]*){ZERO_WIDTH_SPACE}?(多|餘|余)")


def with_plain_figures(text: str) -> str:
    """The text, followed by each figure it holds written the way a reader would search for it."""
    words = [match.replace(",", "") for match in _GROUPED.findall(text)]
    for number, more in _APPROXIMATE.findall(text):
        words += [f"{number}{more}", f"{number.replace(',', '')}{more}"]
    words = list(dict.fromkeys(words))
    if not words:
        return text
    return text + " " + ZERO_WIDTH_SPACE.join(words)
