"""The unit registry (`data/units.yml`): every union organisation, its name and its parent.

Units form a tree — a workshop union reports to its section union, a town union to the district
federation — and higher levels roll up their children's figures, so a parent that does not exist
or a loop of parents is a mistake to report, not something to work around.

    units:
      xuancheng-workshop:
        name: 宣城車間工會
        parent: wuhu-depot
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Location, Problem, expected, unknown_name_message
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
_FIELDS = {"name": "the union's full name", "parent": "the id of the unit it reports to",
           "type": "what sort of union it is (車間工會, 鎮工會 …)"}


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
        problems.append(Problem(Location(shown_as), "units", "expected the list of units, got an empty file"))
        return registry
    units_node = _top_level_units(root, shown_as, problems)
    if units_node is None:
        return registry
    if not units_node.value:
        problems.append(Problem(locate(shown_as, units_node), "units", "expected at least one unit, got none"))
    for key_node, value_node in units_node.value:
        unit = _read_unit(key_node, value_node, shown_as, problems)
        if unit is not None:
            registry.units[unit.id] = unit
    _check_parents(registry, problems)
    return registry


def _top_level_units(root: Node, shown_as: str, problems: list[Problem]) -> MappingNode | None:
    if not isinstance(root, MappingNode):
        problems.append(expected(locate(shown_as, root), "", "a mapping with a units: key", describe_node(root)))
        return None
    found = None
    for key_node, value_node in root.value:
        if key_node.value != "units":
            problems.append(Problem(locate(shown_as, key_node), key_node.value,
                                    unknown_name_message("key", key_node.value, {"units": None})))
        elif not isinstance(value_node, MappingNode):
            problems.append(Problem(locate(shown_as, value_node), "units",
                                    f"expected a mapping of unit ids to units, got {describe_node(value_node)}"))
        else:
            found = value_node
    return found


def _read_unit(key_node: Node, node: Node, shown_as: str, problems: list[Problem]) -> Unit | None:
    unit_id = key_node.value
    path = f"units.{unit_id}"
    if not is_unit_id(unit_id):
        problems.append(expected(
            locate(shown_as, key_node), path,
            "a unit id of lower-case letters, digits and hyphens (such as xuancheng-workshop)", unit_id,
        ))
        return None
    if not isinstance(node, MappingNode):
        problems.append(Problem(locate(shown_as, node), path,
                                f"expected name: and parent: lines, got {describe_node(node)}"))
        return None
    values: dict[str, str] = {}
    for field_key, field_value in node.value:
        name = field_key.value
        if name not in _FIELDS:
            problems.append(Problem(locate(shown_as, field_key), f"{path}.{name}",
                                    unknown_name_message("field", name, _FIELDS)))
        elif not isinstance(field_value, ScalarNode) or is_null(field_value) or not field_value.value.strip():
            problems.append(Problem(locate(shown_as, field_value), f"{path}.{name}",
                                    f"expected {_FIELDS[name]}, got {describe_node(field_value)}"))
        elif name == "name" and not is_plain_name(field_value.value.strip()):
            problems.append(expected(
                locate(shown_as, field_value), f"{path}.name",
                f"a name on one line of at most {NAME_LIMIT} characters, without <, >, *, _, `, [, ], {{ or }}",
                field_value.value,
            ))
        else:
            values[name] = field_value.value.strip()
    if "name" not in values:
        if not any(k.value == "name" for k, _ in node.value):
            problems.append(Problem(locate(shown_as, node), f"{path}.name", f"expected {_FIELDS['name']}, got nothing"))
        return None
    return Unit(id=unit_id, source=locate(shown_as, key_node), **values)


def is_unit_id(text: str) -> bool:
    return UNIT_ID.fullmatch(text) is not None and text not in RESERVED_IDS


def is_plain_name(name: str) -> bool:
    """Names go into titles and navigation; markup characters there would be read as markup."""
    return (0 < len(name) <= NAME_LIMIT and name.isprintable()
            and not any(ch in name for ch in "<>*_`[]{}\\|#"))


def _check_parents(registry: UnitRegistry, problems: list[Problem]) -> None:
    for unit in registry.units.values():
        if unit.parent is None:
            continue
        if unit.parent not in registry:
            problems.append(Problem(unit.source, f"units.{unit.id}.parent",
                                    unknown_name_message("unit", unit.parent, registry.units)))
            continue
        seen, current = {unit.id}, unit.parent
        while current is not None and current in registry:
            if current in seen:
                problems.append(Problem(
                    unit.source, f"units.{unit.id}.parent",
                    f"expected a chain of parents that ends, got a loop through {current}",
                ))
                break
            if len(seen) > MAX_DEPTH:
                problems.append(Problem(
                    unit.source, f"units.{unit.id}.parent",
                    f"expected at most {MAX_DEPTH} levels of parents, got more",
                ))
                break
            seen.add(current)
            current = registry[current].parent
