"""Figures as readers type them into the search box: 14400 finds the page that shows 14,400.

Pages show amounts with thousands separators and approximate counts as 120多; the search index
splits words (jieba cuts 120多 into 120 and 多) but cannot join them, so each page section gets
every such figure as one word (14400, 120多) in an index field of its own, which search matches
but result snippets never show.
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"  # the word separator Material's Chinese index uses
_GROUPED = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")
# 120多, 1,800多, and 0.18多 (an amount in 萬元 known from below) with its decimals.
_MORE = ("多", "餘", "余")
_APPROXIMATE = re.compile(rf"(?<![\d,.])(\d[\d,]*(?:\.\d+)?){ZERO_WIDTH_SPACE}?({'|'.join(_MORE)})")


FIELD = "figures"


def plain_figures(text: str) -> str:
    """Each figure the text holds, written the way a reader would search for it."""
    words = [match.replace(",", "") for match in _GROUPED.findall(text)]
    if any(more in text for more in _MORE):  # else nothing to find: most texts spared a slow scan
        for number, more in _APPROXIMATE.findall(text):
            words += [f"{number}{more}", f"{number.replace(',', '')}{more}"]
    return ZERO_WIDTH_SPACE.join(dict.fromkeys(words))
