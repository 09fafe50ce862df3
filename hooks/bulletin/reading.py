"""Turning a record file's node tree into typed records, reporting every field that does not fit.

One report file is a mapping of kind keys to lists of records:

    visits:
      - occasion: 看望慰問職工
        people: 37
        cash: 14400元

Nothing invalid becomes a record, and nothing valid is dropped because a neighbour was invalid:
each record is judged on its own, and every problem is collected.
"""

from __future__ import annotations

from .dates import DateValue
from .fieldtypes import Date, FieldValueError
from .kinds import KINDS
from .periods import PartialDate, Period
from .problems import Location, Problem, expected, expected_nothing, spaced, unknown_name
from .schema import Kind, Record
from .yaml_source import MappingNode, Node, ScalarNode, SequenceNode, describe_node, is_null, locate


def read_report_records(
    root: Node | None, shown_as: str, period: Period, problems: list[Problem],
) -> dict[str, tuple[Record, ...]]:
    """All records of one report file, by kind key, in the order the editor wrote them."""
    if root is None or is_null(root):
        return {}
    if not isinstance(root, MappingNode):
        problems.append(Problem(locate(shown_as, root), "", f"應為各類記錄（visits:、awards: …），{spaced('實為', describe_node(root))}",
                                "每類記錄以 名稱: 開頭，下面列出各筆，例如 visits:"))
        return {}
    records: dict[str, tuple[Record, ...]] = {}
    for key_node, value_node in root.value:
        key = key_node.value
        kind = KINDS.get(key)
        if kind is None:
            problems.append(unknown_name(locate(shown_as, key_node), key, "種類", key, KINDS))
            continue
        records[kind.key] = tuple(_read_kind(kind, value_node, shown_as, period, problems))  # its own string: see NOTHING_PUBLISHED
    return records


def _read_kind(kind: Kind, node: Node, shown_as: str, period: Period, problems: list[Problem]) -> list[Record]:
    if is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        problems.append(Problem(
            locate(shown_as, node), kind.key,
            f"應為記錄的清單（每筆以 \"- \" 開頭），{spaced('實為', describe_node(node))}",
            f"在 {kind.key}: 下面逐筆列出，每筆第一行以 \"- \" 開頭",
        ))
        return []
    records: list[Record] = []
    seen: dict[tuple, int] = {}
    for index, item in enumerate(node.value, start=1):
        path = f"{kind.key}[{index}]"
        record = read_record(kind, item, shown_as, path, period, problems)
        if record is None:
            continue
        figures = record.figures()
        if figures in seen:
            problems.append(Problem(
                record.source, path,
                f"每筆記錄應只寫一次，實為與 {kind.key}[{seen[figures]}] 完全相同",
                "重複的記錄會被算兩次；刪去一筆，或寫明兩者的不同（日期、note）",
            ))
            continue
        seen[figures] = index
        records.append(record)
    return records


def read_record(
    kind: Kind, node: Node, shown_as: str, path: str, period: Period, problems: list[Problem],
) -> Record | None:
    """One record, or None when any of its fields is wrong (the problems say which)."""
    where = locate(shown_as, node)
    if not isinstance(node, MappingNode):
        problems.append(Problem(where, path, f"應為一筆記錄（「名稱: 值」的多行），{spaced('實為', describe_node(node))}",
                                "每筆記錄在 \"- \" 後面寫 名稱: 值，其餘各行與第一行對齊"))
        return None
    before = len(problems)
    specs = {spec.name: spec for spec in kind.fields}
    values: dict[str, object] = {}
    locations: dict[str, Location] = {}
    given: set[str] = set()
    published = NOTHING_PUBLISHED
    for key_node, value_node in node.value:
        name = key_node.value
        field_path = f"{path}.{name}"
        if name == PUBLISH:
            published = _read_published(kind, value_node, shown_as, field_path, problems)
            continue
        spec = specs.get(name)
        if spec is None:
            problems.append(unknown_name(locate(shown_as, key_node), field_path, "欄位", name, specs))
            continue
        name = spec.name  # kept as a key of every record's locations: the kind's one string, not the parser's
        if is_null(value_node):
            continue
        value_at = locate(shown_as, value_node)
        if not isinstance(value_node, ScalarNode):
            given.add(name)
            problems.append(Problem(value_at, field_path, f"{spaced('應為', spec.type.expected)}，{spaced('實為', describe_node(value_node))}",
                                    "這個欄位只寫一個值，寫在冒號後面的同一行"))
            continue
        if value_node.value.strip() == "":
            continue
        given.add(name)
        try:
            if isinstance(spec.type, Date):  # 4月、9月: months of the report's year
                values[name] = spec.type.read(value_node, period.year)
            else:
                values[name] = spec.type.read(value_node)
        except FieldValueError as error:
            problems.append(expected(value_at, field_path, error.expected, value_node.value, error.hint))
            continue
        locations[name] = value_at
    for spec in kind.fields:
        if spec.required and spec.name not in given:
            problems.append(expected_nothing(where, f"{path}.{spec.name}", f"{spec.label}（{spec.type.expected}）",
                                             f"這個欄位必填：加一行 {spec.name}: …"))
    if len(problems) > before:
        return None
    record = kind.record(source=where, locations=locations, published=published, **values)
    _check_record(kind, record, path, period, problems)
    return None if len(problems) > before else record


PUBLISH = "publish"  # names the private fields a record may show on the site

# What a record keeps lasts the whole build, 100,000 records at 10,000 reports, so it shares what
# it can: this one empty set (Python makes a new 216-byte one at every frozenset()), and as keys the
# kind's own strings, not the parser's copy of each key typed (about 20 MB each at 10,000 reports).
NOTHING_PUBLISHED: frozenset[str] = frozenset()


def _read_published(kind: Kind, node: Node, shown_as: str, path: str, problems: list[Problem]) -> frozenset[str]:
    """`publish: beneficiaries` or `publish: [beneficiaries, circumstances]`: private fields made public."""
    private = [spec.name for spec in kind.fields if spec.private]
    if isinstance(node, SequenceNode) and all(isinstance(item, ScalarNode) for item in node.value):
        items = [(item.value.strip(), item) for item in node.value]
    elif isinstance(node, ScalarNode) and not is_null(node):
        items = [(name, node) for name in node.value.replace("、", ",").replace("，", ",").split(",")]
        items = [(name.strip(), at) for name, at in items if name.strip()]
    else:
        found = "空白" if is_null(node) else describe_node(node)
        problems.append(Problem(locate(shown_as, node), path, f"應為要公開的私人欄位名稱，{spaced('實為', found)}",
                                f"寫上要公開的欄位，例如 publish: {private[0] if private else '…'}"))
        return NOTHING_PUBLISHED
    if not private:
        problems.append(Problem(locate(shown_as, node), path, f"{kind.title}沒有私人欄位可以公開",
                                "刪去 publish: 這一行"))
        return NOTHING_PUBLISHED
    names = set()
    for name, at in items:
        if name in private:
            names.add(kind.field(name).name)
        else:
            problems.append(unknown_name(locate(shown_as, at), path, "私人欄位", name, private))
    return frozenset(names) if names else NOTHING_PUBLISHED


def _check_date(value: DateValue, period: Period, at: Location, path: str, problems: list[Problem]) -> None:
    """Every part of a date within the period; for several dates or a range, the parts outside named."""
    outside = [part for part in value.parts if not period.contains(part)]
    if not outside:
        return
    found = f"\"{value}\""
    if not isinstance(value, PartialDate):
        found += "，其中 " + "、".join(f'"{part}"' for part in outside) + " 不在期內"
    problems.append(Problem(at, path, f"{spaced('應為', period.label)}之內的日期，實為 {found}",
                            "其他期間的事請記在那一期的資料檔中；也請檢查年份是否打錯"))


def _check_record(kind: Kind, record: Record, path: str, period: Period, problems: list[Problem]) -> None:
    """Rules between fields: 其中 within its whole, dates within the period, the kind's own rules."""
    for spec in kind.fields:
        value = getattr(record, spec.name)
        if value is None:
            continue
        at = record.locations.get(spec.name, record.source)
        whole_name = _given_whole(kind, record, spec)
        if whole_name is not None:
            whole = getattr(record, whole_name)
            if not value.fits_within(whole):
                problems.append(Problem(
                    at, f"{path}.{spec.name}",
                    f"應{'小於' if value.at_least else '不超過'} {whole.value}（{kind.field(whole_name).label}），"
                    f"實為 \"{value}\"",
                    f"「其中」的數字不會多於 {whole_name} 的總數；請核對兩個數字",
                ))
        if isinstance(spec.type, Date):
            _check_date(value, period, at, f"{path}.{spec.name}", problems)
    if kind.checks is not None:
        for name, message, hint in kind.checks(record):
            at = record.locations.get(name, record.source)
            problems.append(Problem(at, f"{path}.{name}", message, hint))


def _given_whole(kind: Kind, record: Record, spec) -> str | None:
    """The field a 其中 figure is checked against: its whole, or when that is left empty the whole's
    own whole (辦結 ≤ 立案 ≤ 提出: with no 立案, 辦結 is still at most 提出)."""
    name = spec.part_of
    while name is not None and getattr(record, name) is None:
        name = kind.field(name).part_of
    return name
