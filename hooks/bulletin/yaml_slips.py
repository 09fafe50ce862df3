"""Full-width punctuation where YAML needs the half-width sign: the slip of a Chinese input method.

With the input method on, `people: 39` comes out as `people：39`, an indent as the ideographic
space 「　」 (U+3000), a list's dash as 「－」 and a list's comma as 「，」. YAML sees none of them as
syntax: the colon makes the whole line one piece of text, so the parser stops a line later
("could not find expected ':'") or reads `occasion：春節慰問` as a record that is text, and
every later message (the narrative's markers without records …) follows from that. Each slip is
named here at its own line and column, in place of the parser's message about the line after.

Two ways in, because some slips still parse: `line_slips` reads the lines of a file the parser
refused; `tree_slips` looks at the plain scalars of a file it read, where a slip shows as a key
that starts with a full-width space or dash, or a list item or whole file that is `name：value`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Location, Problem

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"  # field and kind names are ASCII (people, visits, migrant_workers)
_COLON = re.compile(rf"^(?P<lead>[ \t\u3000]*(?:[-－][ \u3000]+)?)(?P<key>{_KEY})[ \t]*(?P<sign>：)")
_SPACE = re.compile(r"^[ \t]*(?P<sign>\u3000)")
_DASH = re.compile(r"^[ \t\u3000]*(?P<sign>－)[ \u3000]")
_COMMA = re.compile(rf"^{_KEY}(?:\s*(?P<sign>，)\s*{_KEY})+$")
_SIGNS = ("：", "\u3000", "－", "，")  # every slip's sign, what each pattern above needs to match


@dataclass(frozen=True)
class _Slip:
    found: str
    expected: str
    hint: str


def _colon(key: str) -> _Slip:
    return _Slip(f"全形冒號「{key}：」", f"半形冒號加空格「{key}: 」",
                 "中文輸入法打出的全形「：」不是 YAML 的冒號，整行因此讀不出來；切換到半形，打 : 再加一個空格")


_SPACE_SLIP = _Slip("全形空格「　」（U+3000）", "半形空格的縮排",
                    "中文輸入法打出的全形空格不算縮排；刪去它，改用半形空格對齊")
_DASH_SLIP = _Slip("全形的「－」", "半形的「- 」開始清單的一項", "切換到半形，打 - 再加一個空格")
_COMMA_SLIP = _Slip("全形逗號「，」", "半形逗號「,」分隔清單的各項",
                    "方括號 [ ] 裡的各項用半形逗號分隔，例如 [beneficiaries, circumstances]")


def _problem(shown_as: str, line: int, column: int, slip: _Slip) -> Problem:
    return Problem(Location(shown_as, line, column), "", f"應為{slip.expected}，實為{slip.found}", slip.hint)


def line_slips(text: str, shown_as: str) -> list[Problem]:
    """Every slip at the start of a line (indentation, a dash, a name and its colon), top to bottom."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern, slip in ((_SPACE, _SPACE_SLIP), (_DASH, _DASH_SLIP), (_COLON, None)):
            match = pattern.match(line)
            if match:
                found.append(_problem(shown_as, number, match.start("sign") + 1, slip or _colon(match["key"])))
                break
    return found


def tree_slips(root: yaml.Node, text: str, shown_as: str) -> list[Problem]:
    """Slips that parsed: keys that start with a full-width space or dash, list items and whole
    files that are `name：value`, flow lists of names split by 「，」. Mapping values are text the
    editor wrote (`note: QC：改善`) and left alone. Once one is found, the lines are read too: a
    second `people：39` under `- occasion：慰問` is folded into the same text and shows only there.
    The tree has been checked for aliases (yaml_source._check_tree), so each node is met once."""
    if not any(sign in text for sign in _SIGNS):  # a slip is typed: most files have none of its signs
        return []
    found = []
    stack: list[tuple[yaml.Node, bool | str]] = [(root, True)]  # (node, may hold a slip, or "comma")
    while stack:
        node, suspect = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [(key, True), (value, False)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, True) for item in node.value]
            if node.flow_style:
                stack += [(item, "comma") for item in node.value]
        elif isinstance(node, yaml.ScalarNode) and node.style in (None, "") and suspect:
            problem = _scalar_slip(node, shown_as, comma=suspect == "comma")
            if problem is not None:
                found.append(problem)
    if found:
        found += [slip for slip in line_slips(text, shown_as) if slip.location not in {f.location for f in found}]
    return sorted(found, key=Problem.sort_key)


def _scalar_slip(node: yaml.ScalarNode, shown_as: str, comma: bool) -> Problem | None:
    first_line = node.value.split("\n", 1)[0]
    if comma:
        match, slip = _COMMA.match(first_line), _COMMA_SLIP
    else:
        match, slip = None, None
        for pattern, candidate in ((_SPACE, _SPACE_SLIP), (_DASH, _DASH_SLIP), (_COLON, None)):
            match = pattern.match(first_line)
            if match:
                slip = candidate or _colon(match["key"])
                break
    if match is None or slip is None:  # a slip is found with every match
        return None
    mark = node.start_mark
    return _problem(shown_as, mark.line + 1, mark.column + match.start("sign") + 1, slip)
