"""The name an editor probably meant: the nearest of the valid ones by edit distance.

Folder and file names are typed by hand, so a unit id or a period comes out as `twon` for `town`
or `2012` for `2021`: a swapped pair of neighbours is one slip, as is a wrong, missing or extra
character (optimal string alignment distance). A name is suggested only when it is that close,
and only when one or two are: four equally near guesses would be a guess, not a hint.
"""

from __future__ import annotations

from collections.abc import Iterable


def distance(a: str, b: str) -> int:
    """Edits from `a` to `b`: insert, delete, replace a character, or swap two neighbours."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def nearest(name: str, candidates: Iterable[str], within: int, most: int = 2) -> list[str]:
    """The candidates nearest to `name`, if at most `within` edits away and no more than `most`."""
    scored = sorted((distance(name, c), c) for c in set(candidates) if c != name)
    if not scored or scored[0][0] > within:
        return []
    best = [c for d, c in scored if d == scored[0][0]]
    return best if len(best) <= most else []


def did_you_mean(names: list[str]) -> str:
    """`是不是 town？`, `是不是 2004 或 2020？`, or "" when there is no suggestion."""
    return f"是不是 {' 或 '.join(names)}？" if names else ""
