"""The words of a kind declaration (data/kinds/<key>.yml) read into field specs, every mistake located.

A declaration says, for the kind, its `title`, its `order` among the kinds and, when its money
is spending, the `fund_purpose`; for each field, its `type` and `label` and only what that type
can use: `measure` words and `part_of` (其中) for a count, `options` for a choice, `fund` (cash
or in_kind) for money, `private`, `names` and `max_length` for text, `required` for any. A
setting that does not apply to the field's type is a mistake, never silently ignored.

The result is the `FieldSpec`s the helpers of schema.py make, so a declared kind is read,
checked and shown by the same code as a built-in one (declared_kinds.py compiles them).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import TypedDict

from .fieldtypes import BOOL_TAG, Choice, CountOf, Date, FieldType, FieldValueError, Money, Percent, Text
from .problems import Location, Problem, expected, expected_nothing, spaced, unknown_name
from .schema import CASH, IN_KIND, FieldSpec
from .yaml_source import MappingNode, Node, ScalarNode, SequenceNode, describe_node, is_null, locate

TYPES = ("text", "count", "money", "date", "choice", "percent")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}", re.ASCII)
FIELD_NAME_RULE = "小寫英文字母開頭，只用小寫字母、數字和底線"
# Names a record already uses for itself, or that mean something in a record file.
RESERVED = frozenset({"publish", "source", "locations", "published", "figures"})
KIND_KEYS = ("title", "order", "fund_purpose", "fields")
FIELD_KEYS = ("type", "label", "required", "measure", "part_of", "options", "fund", "private", "names", "max_length")
ONLY_FOR = {"measure": "count", "part_of": "count", "options": "choice", "fund": "money",
            "private": "text", "names": "text", "max_length": "text"}
FUNDS = {"cash": CASH, "in_kind": IN_KIND}
DEFAULT_ORDER = 1000  # after every built-in kind
TITLE_LIMIT, LABEL_LIMIT, OPTION_LIMIT, TEXT_LIMIT = 20, 20, 30, 300
MEASURE_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{1,4}")  # 人次, 份, 家: Chinese only, so never a digit
_EXAMPLE = "例如 item: { type: text, label: 項目, required: true }"
_INT_TAG = "tag:yaml.org,2002:int"


@dataclass(frozen=True)
class Declaration:
    """A declaration read without a mistake: what a kind module would pass to `Kind`."""

    title: str
    order: int
    fund_purpose: str | None
    fields: tuple[FieldSpec, ...]


@dataclass
class _Reader:
    shown_as: str
    problems: list[Problem]

    def at(self, node: Node) -> Location:
        return locate(self.shown_as, node)

    def mapping(self, node: Node, path: str, what: str, hint: str) -> list[tuple[Node, Node]] | None:
        if isinstance(node, MappingNode):
            return node.value
        found = "空白" if is_null(node) else describe_node(node)
        self.problems.append(Problem(self.at(node), path, f"{spaced('應為', what)}，{spaced('實為', found)}", hint))
        return None

    def text(self, node: Node, path: str, what: str, limit: int) -> str | None:
        if is_null(node) or (isinstance(node, ScalarNode) and not node.value.strip()):
            self.problems.append(expected_nothing(self.at(node), path, what))
            return None
        if not isinstance(node, ScalarNode):
            found = describe_node(node)
            self.problems.append(Problem(self.at(node), path, f"{spaced('應為', what)}，{spaced('實為', found)}",
                                         "只寫一個值，寫在冒號後面的同一行"))
            return None
        try:
            return Text(limit).read(node)
        except FieldValueError as error:
            self.problems.append(expected(self.at(node), path, error.expected, node.value, error.hint))
            return None

    def flag(self, node: Node, path: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on")
        self.problems.append(expected(self.at(node), path, "true 或 false", getattr(node, "value", ""),
                                      "寫 true（是）或 false（否）；不寫就是 false"))
        return None

    def integer(self, node: Node, path: str, low: int, high: int, what: str) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == _INT_TAG and node.value.isdigit() \
                and low <= int(node.value) <= high:
            return int(node.value)
        self.problems.append(expected(self.at(node), path, f"{low} 到 {high} 的整數（{what}）",
                                      getattr(node, "value", describe_node(node)), "只寫阿拉伯數字"))
        return None

    def words(self, node: Node, path: str, what: str, limit: int, pattern: re.Pattern | None = None) -> tuple[str, ...]:
        """One word or a list of them (`measure: 人次` or `measure: [人次, 人]`), each once."""
        items = node.value if isinstance(node, SequenceNode) else [node]
        found: list[str] = []
        for item in items:
            word = self.text(item, path, what, limit)
            if word is None:
                continue
            if pattern is not None and not pattern.fullmatch(word):
                self.problems.append(expected(self.at(item), path, what, word, "只寫中文的量詞，例如 人次、份、家"))
            elif word in found:
                self.problems.append(expected(self.at(item), path, "各不相同的詞", word, "刪去重複的一個"))
            else:
                found.append(word)
        if not items:
            self.problems.append(expected_nothing(self.at(node), path, what))
        return tuple(found)


def read_declaration(root: Node | None, shown_as: str, titles: dict[str, str],
                     problems: list[Problem]) -> Declaration | None:
    """A declaration file's tree, or None with its problems; `titles` are the other kinds' titles."""
    reader = _Reader(shown_as, problems)
    before = len(problems)
    what = "種類的宣告（title: 與 fields:）"
    hint = "照 README「Declaring a kind of figure」的例子，寫 title: 和 fields:"
    if root is None:
        problems.append(expected_nothing(Location(shown_as), "", what, hint))
        return None
    items = reader.mapping(root, "", what, hint)
    if items is None:
        return None
    given: dict[str, Node] = {}
    for key, value in items:
        if key.value in KIND_KEYS:
            given[key.value] = value
        else:
            problems.append(unknown_name(reader.at(key), key.value, "名稱", key.value, KIND_KEYS))
    title = None
    if "title" not in given:
        problems.append(expected_nothing(reader.at(root), "title", "種類的標題，例如 title: 職工食堂",
                                         "標題是表格、導航和試算表工作表的名稱"))
    else:
        title = reader.text(given["title"], "title", "種類的標題，例如 職工食堂", TITLE_LIMIT)
        if title in titles:
            problems.append(expected(reader.at(given["title"]), "title", "與其他種類不同的標題", title,
                                     f"「{title}」已是 {titles[title]} 的標題；匯入試算表和敘述中的數字都靠標題分辨種類"))
    order = DEFAULT_ORDER
    if "order" in given:
        order = reader.integer(given["order"], "order", 0, 100_000, "排列次序，內建種類是 10、20 …") or 0
    fund_purpose = None
    if "fund_purpose" in given:
        fund_purpose = reader.text(given["fund_purpose"], "fund_purpose", "經費用途，例如 食堂補貼", TITLE_LIMIT)
    fields: tuple[FieldSpec, ...] = ()
    fields_read = False
    if "fields" not in given:
        problems.append(expected_nothing(reader.at(root), "fields", "各欄位的說明", _EXAMPLE))
    else:
        before_fields = len(problems)
        fields = _read_fields(reader, given["fields"])
        fields_read = len(problems) == before_fields  # else a money field may be among those not read
    if fund_purpose is not None and fields and fields_read and not any(spec.fund for spec in fields):
        problems.append(Problem(reader.at(given["fund_purpose"]), "fund_purpose",
                                "應有計入經費的金額欄位（fund: cash 或 fund: in_kind），實為沒有",
                                "在金額欄位加上 fund:，或刪去 fund_purpose"))
    if len(problems) > before or title is None:
        return None
    return Declaration(title, order, fund_purpose, fields)


def _read_fields(reader: _Reader, node: Node) -> tuple[FieldSpec, ...]:
    items = reader.mapping(node, "fields", "各欄位的說明（名稱: { type: …, label: … }）", _EXAMPLE)
    if items is None:
        return ()
    if not items:
        reader.problems.append(expected_nothing(reader.at(node), "fields", "至少一個欄位", _EXAMPLE))
        return ()
    specs: list[FieldSpec] = []
    nodes: dict[tuple[str, str], Node] = {}  # (field, setting) → where it was written
    labels: dict[str, str] = {}
    for key, value in items:
        name, path = key.value, f"fields.{key.value}"
        if not FIELD_NAME.fullmatch(name) or keyword.iskeyword(name):
            reader.problems.append(expected(reader.at(key), path, f"欄位名稱（{FIELD_NAME_RULE}，最多 40 個字元）", name,
                                            "欄位名稱是記錄檔中冒號前的名稱，例如 diners"))
        elif name in RESERVED:
            reader.problems.append(expected(reader.at(key), path, "其他欄位名稱", name,
                                            f"{name} 是系統保留的名稱（publish: 用來公開私人欄位）"))
        spec = _read_field(reader, name, value, nodes)
        if spec is None:
            continue
        if spec.label in labels:
            reader.problems.append(expected(reader.at(nodes[name, "label"]), f"{path}.label", "與其他欄位不同的標籤", spec.label,
                                            f"fields.{labels[spec.label]} 已用這個標籤；匯入試算表時以標籤對應欄名"))
        labels.setdefault(spec.label, name)
        specs.append(spec)
    first = specs[0] if specs and specs[0].name == items[0][0].value else None  # None: its mistake is reported
    if first is not None and not (isinstance(first.type, Text) and first.required):
        found = "選填的 text 欄位" if isinstance(first.type, Text) else f"{nodes[first.name, 'type'].value} 欄位"
        reader.problems.append(Problem(
            reader.at(items[0][0]), f"fields.{first.name}",
            f"應為必填的 text 欄位（第一個欄位是每一列的名稱），{spaced('實為', found)}",
            "合計列也寫在這一欄；把項目名稱一類的欄位放在最前面，寫上 required: true"))
    counts = {spec.name for spec in specs if isinstance(spec.type, CountOf)}
    unread = {key.value for key, _ in items} - {spec.name for spec in specs}  # their mistakes are reported
    for spec in specs:
        if spec.part_of is None:
            continue
        at, path = reader.at(nodes[spec.name, "part_of"]), f"fields.{spec.name}.part_of"
        wholes = sorted(counts - {spec.name})
        if spec.part_of in wholes or spec.part_of in unread:
            continue
        if wholes:
            reader.problems.append(unknown_name(at, path, "計數欄位", spec.part_of, wholes))
        else:
            reader.problems.append(expected(at, path, "同一種類中另一個計數欄位的名稱", spec.part_of,
                                            "「其中」指向總數的欄位：先宣告那個 type: count 的欄位"))
    return tuple(specs)


def _read_field(reader: _Reader, name: str, node: Node, nodes: dict[tuple[str, str], Node]) -> FieldSpec | None:
    """One field's settings as the FieldSpec schema.py would make, or None when any is wrong."""
    path = f"fields.{name}"
    before = len(reader.problems)
    items = reader.mapping(node, path, "欄位的說明（type:、label: …）", _EXAMPLE)
    if items is None:
        return None
    given: dict[str, tuple[Node, Node]] = {}
    for key, value in items:
        if key.value in FIELD_KEYS:
            given[key.value] = (key, value)
        else:
            reader.problems.append(unknown_name(reader.at(key), f"{path}.{key.value}", "設定", key.value, FIELD_KEYS))
    type_name = None
    if "type" not in given:
        reader.problems.append(expected_nothing(reader.at(node), f"{path}.type", Choice(TYPES).expected,
                                                "加一行 type:，例如 type: count"))
    else:
        value = given["type"][1]
        type_name = reader.text(value, f"{path}.type", Choice(TYPES).expected, 20)
        if type_name is not None and type_name not in TYPES:
            hint = unknown_name(reader.at(value), "", "", type_name, TYPES).hint
            reader.problems.append(expected(reader.at(value), f"{path}.type", Choice(TYPES).expected, type_name, hint))
            type_name = None
    label = None
    if "label" not in given:
        reader.problems.append(expected_nothing(reader.at(node), f"{path}.label", "欄位的標籤（表頭），例如 就餐人次",
                                                "加一行 label:；標籤是表格的表頭和試算表的欄名"))
    else:
        label = reader.text(given["label"][1], f"{path}.label", "欄位的標籤（表頭），例如 就餐人次", LABEL_LIMIT)
    for setting, (key, _) in given.items():
        needs = ONLY_FOR.get(setting)
        if needs is not None and type_name is not None and needs != type_name:
            reader.problems.append(Problem(reader.at(key), f"{path}.{setting}",
                                           f"應只用於 {needs} 欄位，實為用在 {type_name} 欄位",
                                           f"刪去這一行，或把 type 改為 {needs}"))
    roles = _roles(reader, path, given)
    if type_name == "count" and "measure" not in given:
        reader.problems.append(expected_nothing(reader.at(node), f"{path}.measure", "計數的量詞，例如 人次、份、家",
                                                "加一行 measure: 份；可寫幾個，例如 measure: [人次, 人]，第一個顯示在表頭"))
    if type_name == "choice" and "options" not in given:
        reader.problems.append(expected_nothing(reader.at(node), f"{path}.options", "可選的詞，例如 [早餐, 午餐, 晚餐]",
                                                "加一行 options: [ …, … ]"))
    if roles.get("names") and not roles.get("private"):
        reader.problems.append(Problem(reader.at(given["names"][0]), f"{path}.names",
                                       "應與 private: true 一起用（列出姓名的私人欄位），實為只有 names",
                                       "加上 private: true；公開的姓名不必標 names"))
    if len(reader.problems) > before or type_name is None or label is None:
        return None
    nodes.update({(name, setting): value for setting, (_, value) in given.items()})
    field_type = _field_type(type_name, roles)
    return FieldSpec(name=name, label=label, type=field_type, required=bool(roles.get("required")),
                     private=bool(roles.get("private")), names=bool(roles.get("names")),
                     part_of=roles.get("part_of"), fund=roles.get("fund"))


class _Roles(TypedDict, total=False):
    """A field's settings besides type and label, as read; None where the setting was a mistake (reported)."""

    required: bool | None
    private: bool | None
    names: bool | None
    measure: tuple[str, ...]
    options: tuple[str, ...]
    part_of: str | None
    fund: str | None
    max_length: int | None


def _roles(reader: _Reader, path: str, given: dict[str, tuple[Node, Node]]) -> _Roles:
    """The settings besides type and label, each read by what it holds."""
    roles: _Roles = {}
    if "required" in given:
        roles["required"] = reader.flag(given["required"][1], f"{path}.required")
    if "private" in given:
        roles["private"] = reader.flag(given["private"][1], f"{path}.private")
    if "names" in given:
        roles["names"] = reader.flag(given["names"][1], f"{path}.names")
    if "measure" in given:
        roles["measure"] = reader.words(given["measure"][1], f"{path}.measure", "1 至 4 個中文字的量詞", 4, MEASURE_WORD)
    if "options" in given:
        roles["options"] = reader.words(given["options"][1], f"{path}.options",
                                        f"不超過 {OPTION_LIMIT} 個字的選項", OPTION_LIMIT)
    if "part_of" in given:
        roles["part_of"] = reader.text(given["part_of"][1], f"{path}.part_of", "總數欄位的名稱", 40)
    if "fund" in given:
        form = reader.text(given["fund"][1], f"{path}.fund", Choice(tuple(FUNDS)).expected, 20)
        if form is not None and form not in FUNDS:
            reader.problems.append(expected(reader.at(given["fund"][1]), f"{path}.fund", Choice(tuple(FUNDS)).expected,
                                            form, "cash 是現金，in_kind 是實物折合"))
        roles["fund"] = FUNDS.get(form or "")
    if "max_length" in given:
        roles["max_length"] = reader.integer(given["max_length"][1], f"{path}.max_length", 1, TEXT_LIMIT, "字數上限")
    return roles


def _field_type(type_name: str, roles: _Roles) -> FieldType:
    if type_name == "text":
        return Text(roles.get("max_length") or TEXT_LIMIT)
    if type_name == "count":
        return CountOf(roles["measure"])
    if type_name == "choice":
        return Choice(roles["options"])
    if type_name == "money":
        return Money()
    if type_name == "date":
        return Date()
    return Percent()
