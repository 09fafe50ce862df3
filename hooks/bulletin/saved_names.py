"""The names downloads are saved under: what a table is, safe as a Windows file name.

A CSV is served under an ASCII address (downloads/2021/xuancheng-workshop/visits.csv) that
survives any server, proxy and shared drive; the link's `download` attribute names the saved
file for a person filing it: `2021-宣城車間工會-看望慰問.csv`, not `visits (1).csv`. Windows, the
office's file system, refuses \\ / : * ? " < > | and control characters, a trailing dot or
space, and device names (CON, NUL …); the first become their full-width forms, which read the
same to a Chinese reader.
"""

from __future__ import annotations

import re

NAME_LIMIT = 100
# Windows refuses these in a file name; their full-width forms read the same to a Chinese reader.
_WINDOWS_FORBIDDEN = str.maketrans({'\\': "＼", "/": "／", ":": "：", "*": "＊", "?": "？", '"': "＂",
                                    "<": "＜", ">": "＞", "|": "｜"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


def saved_name(*parts: str, suffix: str = ".csv") -> str:
    """`2021`, `宣城車間工會`, `看望慰問` → `2021-宣城車間工會-看望慰問.csv`, safe on Windows."""
    stem = "-".join(p.strip() for p in parts if p and p.strip())
    stem = _CONTROL.sub("", stem.translate(_WINDOWS_FORBIDDEN))
    stem = stem[: NAME_LIMIT - len(suffix)].rstrip(". ")
    if not stem or _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem + suffix
