"""The unit registry (`data/units.yml`): every union organisation, its name and its parent.

Units form a tree — a workshop union reports to its section union, a town union to the district
federation — and higher levels roll up their children's figures, so a parent that does not exist
or a loop of parents is a mistake to report, not something to work around. Once reported, such a
unit stands as a root of the registry the archive uses: a preview goes on showing the problems,
and nothing that walks the tree (roll-ups, navigation, a quick preview's units above) can loop
or look up a unit that is not there.

    units:
      xuancheng-workshop:
        name: 宣城車間工會
        parent: wuhu-depot
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .inert_titles import has_markup
from .problems import Location, Problem, expected, expected_nothing, quote, spaced, unknown_name
from .spelling import did_you_mean, nearest
from .yaml_source import MappingNode, Node, ScalarNode, describe_node, is_null, locate

# Unit ids become folder and file names and URLs: lower-case letters, digits and single hyphens.
UNIT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
# `index.md` in a period folder is that year's overview and `print.md` its printable reports,
# never a unit's narrative.
RESERVED_IDS = frozenset({"index", "print"})
NAME_LIMIT = 60
# A district federation over towns over enterprises over workshops is a handful of levels;
# a chain much deeper than this is a mistake in the parents.
MAX_DEPTH = 30
_FIELDS = {"name": "工會全稱", "parent": "上級單位的代號",
           "type": "工會類別（車間工會、鎮工會 …）"}


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    source: Location
    parent: str | None = None
    type: str | None = None


@dataclass
class UnitRegistry:
    """Units by id, in the registry's order, with the tree walked both ways."""

    units: dict[str, Unit] = field(default_factory=dict)
    _child_index: dict[str, list[Unit]] | None = field(default=None, repr=False)
    _position_index: dict[str, int] | None = field(default=None, repr=False)

    def __contains__(self, unit_id: str) -> bool:
        return unit_id in self.units

    def __getitem__(self, unit_id: str) -> Unit:
        return self.units[unit_id]

    def children(self, unit_id: str) -> list[Unit]:
        return self._children().get(unit_id, [])

    def roots(self) -> list[Unit]:
        return [u for u in self.units.values() if u.parent is None or u.parent not in self.units]

    def position(self, unit_id: str) -> int:
        """Where the unit stands in the registry: pages list units in the office's own order."""
        return self._positions()[unit_id]

    def _children(self) -> dict[str, list[Unit]]:
        # Built on first use; the registry is not changed after loading.
        if self._child_index is None:
            self._child_index = {}
            for unit in self.units.values():
                if unit.parent is not None:
                    self._child_index.setdefault(unit.parent, []).append(unit)
        return self._child_index

    def _positions(self) -> dict[str, int]:
        if self._position_index is None:
            self._position_index = {unit_id: i for i, unit_id in enumerate(self.units)}
        return self._position_index


def read_units(root: Node | None, shown_as: str, problems: list[Problem]) -> UnitRegistry:
    """The registry from the parsed file; every bad entry reported, every good one kept."""
    registry = UnitRegistry()
    if root is None or is_null(root):
        problems.append(Problem(Location(shown_as), "units", "應為單位名冊，實為空檔案",
                                "以 units: 開頭，下面每個單位寫 代號: 加 name:、parent:"))
        return registry
    units_node = _top_level_units(root, shown_as, problems)
    if units_node is None:
        return registry
    if not units_node.value:
        problems.append(expected_nothing(locate(shown_as, units_node), "units", "至少一個單位",
                                         "用 scripts/new unit 登記第一個單位"))
    for key_node, value_node in units_node.value:
        unit = _read_unit(key_node, value_node, shown_as, problems)
        if unit is not None:
            registry.units[unit.id] = unit
    _check_parents(registry, problems)
    return registry


def _top_level_units(root: Node, shown_as: str, problems: list[Problem]) -> MappingNode | None:
    if not isinstance(root, MappingNode):
        problems.append(Problem(locate(shown_as, root), "", f"應為以 units: 開頭的名冊，{spaced('實為', describe_node(root))}",
                                "檔案第一行寫 units:"))
        return None
    found = None
    for key_node, value_node in root.value:
        if key_node.value != "units":
            problems.append(unknown_name(locate(shown_as, key_node), key_node.value, "名稱", key_node.value,
                                         {"units": None}))
        elif not isinstance(value_node, MappingNode):
            problems.append(Problem(locate(shown_as, value_node), "units",
                                    f"應為各單位（代號: 加 name: 等行），{spaced('實為', describe_node(value_node))}",
                                    "在 units: 下面縮排寫 單位代號:，再縮排寫 name: 和 parent:"))
        else:
            found = value_node
    return found


def _read_unit(key_node: Node, node: Node, shown_as: str, problems: list[Problem]) -> Unit | None:
    unit_id = key_node.value
    path = f"units.{unit_id}"
    if not is_unit_id(unit_id):
        problems.append(expected(
            locate(shown_as, key_node), path,
            "由小寫字母、數字和連字號組成的單位代號（例如 xuancheng-workshop）", unit_id,
            f"代號用於網址和檔名，不能有空格、中文或 / ；也不能是 {'、'.join(sorted(RESERVED_IDS))}",
        ))
        return None
    if not isinstance(node, MappingNode):
        problems.append(Problem(locate(shown_as, node), path,
                                f"應為 name: 和 parent: 等行，{spaced('實為', describe_node(node))}",
                                "在代號下面縮排寫 name: 工會全稱"))
        return None
    values: dict[str, str] = {}
    for field_key, field_value in node.value:
        name = field_key.value
        if name not in _FIELDS:
            problems.append(unknown_name(locate(shown_as, field_key), f"{path}.{name}", "欄位", name, _FIELDS))
        elif not isinstance(field_value, ScalarNode) or is_null(field_value) or not field_value.value.strip():
            problems.append(Problem(locate(shown_as, field_value), f"{path}.{name}",
                                    f"{spaced('應為', _FIELDS[name])}，{spaced('實為', _describe_blank(field_value))}",
                                    "在冒號後面的同一行寫上一個值"))
        elif name == "name" and not is_plain_name(field_value.value.strip()):
            problems.append(expected(
                locate(shown_as, field_value), f"{path}.name",
                f"一行、不超過 {NAME_LIMIT} 個字的名稱",
                field_value.value,
                "名稱會用在標題和導航中，不能含 < > * _ ` [ ] { } | # \\ 等符號或 &lt; 這類字元參照",
            ))
        else:
            values[name] = field_value.value.strip()
    if "name" not in values:
        if not any(k.value == "name" for k, _ in node.value):
            problems.append(expected_nothing(locate(shown_as, node), f"{path}.name", _FIELDS["name"],
                                             "每個單位必須有 name:"))
        return None
    return Unit(id=unit_id, source=locate(shown_as, key_node), **values)


def _describe_blank(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return "空白"
    return describe_node(node)


def unknown_unit(shown_as: str, unit_id: str, registry: UnitRegistry, units_shown: str) -> Problem:
    """A record file or narrative named for a unit the registry lacks; the nearest id when one is
    a slip away (twon → town: a swapped pair, a letter missing or wrong, one edit in three)."""
    guess = did_you_mean(nearest(unit_id, registry.units, within=max(1, len(unit_id) // 3)))
    register = f"先在 {units_shown} 中登記這個單位（scripts/new unit），或更正檔名"
    return Problem(Location(shown_as), "", f"應為 {units_shown} 中列出的單位，實為 {quote(unit_id)}",
                   f"{guess}{'若是新單位，' if guess else ''}{register}")


def is_unit_id(text: str) -> bool:
    return UNIT_ID.fullmatch(text) is not None and text not in RESERVED_IDS


def is_plain_name(name: str) -> bool:
    """Names go into titles and navigation; markup characters there would be read as markup."""
    return (0 < len(name) <= NAME_LIMIT and name.isprintable()
            and not any(ch in name for ch in "<>*_`[]{}\\|#") and not has_markup(name))


def _check_parents(registry: UnitRegistry, problems: list[Problem]) -> None:
    """Every parent exists and every chain reaches the top; a unit whose chain does not becomes a root."""
    cut: list[str] = []
    for unit in registry.units.values():
        if unit.parent is None:
            continue
        if unit.parent not in registry:
            problems.append(unknown_name(unit.source, f"units.{unit.id}.parent", "單位", unit.parent,
                                         registry.units))
            cut.append(unit.id)
            continue
        seen = {unit.id}
        current: str | None = unit.parent
        while current is not None and current in registry:
            if current in seen:
                problems.append(Problem(
                    unit.source, f"units.{unit.id}.parent",
                    f"上級單位應能追溯到頂，實為繞回了 {current}",
                    "一個單位不能是自己的上級；檢查這一串 parent: 中哪一個寫錯了",
                ))
                cut.append(unit.id)
                break
            if len(seen) > MAX_DEPTH:
                problems.append(Problem(
                    unit.source, f"units.{unit.id}.parent",
                    f"上級單位應不超過 {MAX_DEPTH} 層，實為更多",
                    "檢查 parent: 是否寫錯",
                ))
                cut.append(unit.id)
                break
            seen.add(current)
            current = registry[current].parent
    # Every unit of a loop (and every chain too deep) was reported above, so with these parents
    # dropped what is left is a tree; the messages keep what the editor typed.
    for unit_id in cut:
        registry.units[unit_id] = dataclasses.replace(registry.units[unit_id], parent=None)
