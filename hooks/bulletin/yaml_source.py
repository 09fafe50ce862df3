"""Reading an editor's YAML file into position-carrying nodes, with every fault located.

We stop at PyYAML's *composed* node tree instead of constructing Python objects, for three reasons:
every node keeps its line and column for messages; a scalar keeps the exact text the editor typed
(`1.2` stays "1.2", not a float, so money stays exact, and `no` stays text, not False); and no tag is
ever executed. The checks here are the ones PyYAML does not make: duplicate keys, aliases (a
"billion laughs" file shares one node many times), explicit tags, and files that are not UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .input_files import read_capped
from .problems import Location, Problem, quote
from .yaml_slips import line_slips, tree_slips
from .yaml_syntax import describe_syntax_error

# A record file is a few kilobytes; anything this large is a mistake (a pasted export, a binary).
MAX_FILE_BYTES = 2 * 1024 * 1024

_IMPLICIT = yaml.resolver.Resolver()
_SEQ_TAG, _MAP_TAG, _STR_TAG = (f"tag:yaml.org,2002:{name}" for name in ("seq", "map", "str"))

# Tags resolved so far, by (kind of node, text, implicit flags); emptied when it grows this large.
_TAGS: dict[tuple[object, object, object], str] = {}
_TAGS_LIMIT = 200_000


def _resolved(kind: type, value: object, implicit: object) -> str:
    """PyYAML's implicit tag (37 → int, ~ → null), remembered: every node's tag is resolved by
    Python code, called from the C parser and again by _check_tree, half a million times at
    2,000 reports, mostly for the same keys and values (people, 37, 2021-03). Its result depends
    on nothing but the arguments, so remembering it changes no tag."""
    key = (kind, value, implicit)
    tag = _TAGS.get(key)
    if tag is None:
        if len(_TAGS) >= _TAGS_LIMIT:
            _TAGS.clear()
        tag = _TAGS[key] = _IMPLICIT.resolve(kind, value, implicit)
    return tag


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, in C where libyaml is there (several times faster; the pure-Python
    one elsewhere), with its tags resolved through _resolved."""

    def resolve(self, kind, value, implicit):
        return _resolved(kind, value, implicit)


_LOADER = _Loader

Node = yaml.Node
MappingNode = yaml.MappingNode
SequenceNode = yaml.SequenceNode
ScalarNode = yaml.ScalarNode

NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class YamlFile:
    """A parsed file: its root node (None when empty) and the path messages show."""

    shown_as: str
    root: Node | None


def locate(shown_as: str, node: Node) -> Location:
    """The 1-based location of a node, as editors count lines and columns."""
    mark = node.start_mark
    return Location(shown_as, mark.line + 1, mark.column + 1)


def read_yaml(path: Path, shown_as: str, problems: list[Problem]) -> YamlFile:
    """Parse one file; faults go to `problems` and the root is None when nothing usable was read."""
    def too_large(size: int) -> Problem:
        return Problem(
            Location(shown_as), "",
            f"應為小於 {MAX_FILE_BYTES // 1024 // 1024} MB 的資料檔，實為 {size:,} 位元組",
            "一份報告的資料不會這麼大；請檢查是否存錯了檔案，或把資料分到各單位的檔案中",
        )

    # A pipe or device is refused unopened, and a large file before it is read (input_files.py).
    data = read_capped(path, shown_as, MAX_FILE_BYTES, too_large, problems)
    if data is None:
        return YamlFile(shown_as, None)
    text = decode_utf8(data, shown_as, problems)
    if text is None:
        return YamlFile(shown_as, None)
    return parse_yaml_text(text, shown_as, problems)


def decode_utf8(data: bytes, shown_as: str, problems: list[Problem]) -> str | None:
    """UTF-8 with or without a byte-order mark (Windows editors add one); anything else is a fault."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.append(Problem(
            Location(shown_as, line, column), "",
            "應為 UTF-8 編碼的文字，實為其他編碼（例如 Big5 或 GBK）",
            "用編輯器「另存為」UTF-8 編碼",
        ))
        return None


_UNUSUAL_BREAKS = re.compile("[\u0085\u2028\u2029]|\r(?!\n)")


def parse_yaml_text(text: str, shown_as: str, problems: list[Problem]) -> YamlFile:
    """Compose one YAML document and check the node tree for what PyYAML lets through."""
    # YAML counts U+0085, U+2028, U+2029 and a carriage return without its line feed as line
    # breaks, most editors and our line numbers do not: every later message would be off. They
    # come from pasted web or spreadsheet text; say where they are.
    unusual = _UNUSUAL_BREAKS.search(text)
    if unusual:
        line = text.count("\n", 0, unusual.start()) + 1
        column = unusual.start() - (text.rfind("\n", 0, unusual.start()) + 1) + 1
        problems.append(Problem(Location(shown_as, line, column), "",
                                f"應為普通的換行，實為特殊的換行字元 U+{ord(unusual[0]):04X}",
                                "這個看不見的字元多半是從網頁或其他軟體複製來的；刪去後重新輸入這一段"))
        return YamlFile(shown_as, None)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _within(text, shown_as, mark.line + 1, mark.column + 1) if mark else Location(shown_as)
        # A full-width colon or space at or above the line the parser gave up on is the cause:
        # say that, where it is, instead of what the parser made of the line after (yaml_slips.py).
        slips = line_slips(text, shown_as)
        if not any(slip.location.line <= where.line for slip in slips):
            problems.append(Problem(where, "", *describe_syntax_error(error, text)))
        problems.extend(slips)
        return YamlFile(shown_as, None)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        problems.append(Problem(Location(shown_as, line, column), "",
                                f"應為文字，實為控制字元 U+{code:04X}",
                                "這個看不見的字元多半是從其他軟體複製來的；刪去後重新輸入這一段"))
        return YamlFile(shown_as, None)
    except yaml.YAMLError as error:
        problems.append(Problem(Location(shown_as), "", f"YAML 語法錯誤：{str(error).splitlines()[0]}",
                                "對照上下行，檢查縮排、冒號後的空格和引號是否成對"))
        return YamlFile(shown_as, None)
    if root is None:
        return YamlFile(shown_as, None)
    # Duplicate keys are reported and the rest of the file still read, so its other mistakes show
    # too; an alias, a tag or a non-text key makes the tree unsafe to walk, so none of it is used.
    if _check_tree(root, shown_as, problems, tagged="!" in text):
        return YamlFile(shown_as, None)
    slips = tree_slips(root, text, shown_as)
    if slips:  # the file parsed into another shape than the editor meant: none of it is used
        problems.extend(slips)
        return YamlFile(shown_as, None)
    return YamlFile(shown_as, root)


def _within(text: str, shown_as: str, line: int, column: int) -> Location:
    """A location the editor can jump to: "end of file" is the end of the last line, not one past it."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if line > len(lines):
        return Location(shown_as, max(len(lines), 1), len(lines[-1]) + 1 if lines else 1)
    return Location(shown_as, line, column)


def _check_tree(root: Node, shown_as: str, problems: list[Problem], tagged: bool = True) -> bool:
    """One pass over the tree, each node visited once so an alias bomb costs nothing; True if unsafe.
    Every tag is typed with a `!`: in a text without one (`tagged` False), no node's tag needs a look."""
    unsafe = False
    seen: set[int] = set()
    aliases: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            aliases.append(node)
            continue
        seen.add(id(node))
        if tagged and node.tag != _implicit_tag(node):
            problems.append(Problem(
                locate(shown_as, node), "",
                f"應為普通的值，實為標籤 {node.tag.replace('tag:yaml.org,2002:', '!!')}",
                "刪去以 ! 開頭的標記，只寫值",
            ))
            unsafe = True
            continue
        if isinstance(node, MappingNode):
            unsafe |= _check_keys(node, shown_as, problems)
            for key, value in node.value:
                stack.extend((value, key))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
    if aliases:  # one message for the file: an alias bomb repeats the same alias a hundred times
        first = min(aliases, key=lambda n: (n.start_mark.line, n.start_mark.column))
        count = f"，共 {len(aliases)} 處" if len(aliases) > 1 else ""
        problems.append(Problem(locate(shown_as, first), "", f"應為直接寫出的值，實為別名（*名稱，指向 &名稱）{count}",
                                "不支援 & 和 * 的引用；把值直接寫出來"))
        unsafe = True
    return unsafe


def _implicit_tag(node: Node) -> str:
    """The tag a node gets without an explicit `!!tag`; any other tag was typed by the editor."""
    if isinstance(node, SequenceNode):
        return _SEQ_TAG
    if isinstance(node, MappingNode):
        return _MAP_TAG
    if isinstance(node, ScalarNode) and node.style in ("", None):  # plain scalar: resolved by its text (37 → int, ~ → null)
        return _resolved(ScalarNode, node.value, (True, False))
    return _STR_TAG  # quoted or block scalar


def _check_keys(node: MappingNode, shown_as: str, problems: list[Problem]) -> bool:
    """Keys must be plain names, each once; True when a key is a list or mapping (unsafe to read)."""
    unsafe = False
    first_line: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
            problems.append(Problem(locate(shown_as, key), "", "應為名稱，實為清單或對照表",
                                    "冒號前只寫欄位名稱，例如 people"))
            unsafe = True
            continue
        if key.value in first_line:
            problems.append(Problem(
                locate(shown_as, key), "",
                f"重複的名稱 {quote(key.value)}（第 {first_line[key.value]} 行已經寫過）",
                "同一處每個名稱只能出現一次；刪去一行，或把這一筆另起一項（\"- \"）",
            ))
        else:
            first_line[key.value] = key.start_mark.line + 1
    return unsafe


def is_null(node: Node) -> bool:
    """An empty value (`people:` or `people: ~`) counts as not given."""
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL")


def describe_node(node: Node) -> str:
    """What a message says the editor wrote, for nodes that are not the scalar expected."""
    if isinstance(node, MappingNode):
        return "對照表（「名稱: 值」的多行）"
    if isinstance(node, SequenceNode):
        return "清單（以 \"- \" 開頭的多行）"
    return quote(node.value)  # trimmed: a whole file read as one value must not fill the message
