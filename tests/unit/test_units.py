"""The unit registry: ids that can be file names, parents that exist, no loops."""

from helpers import dedent

from bulletin.units import read_units
from bulletin.yaml_source import parse_yaml_text

PATH = "data/units.yml"


def read(text: str):
    problems = []
    root = parse_yaml_text(dedent(text), PATH, problems).root
    registry = read_units(root, PATH, problems)
    return registry, [str(p) for p in problems]


def test_units_form_a_tree():
    registry, problems = read("""
        units:
          district: {name: 區總工會}
          town: {name: 鎮工會, parent: district}
          workshop: {name: 車間工會, parent: town}
    """)
    assert problems == []
    assert [u.id for u in registry.children("district")] == ["town"]


def test_an_unknown_parent_is_reported_with_a_suggestion():
    _, problems = read("""
        units:
          district: {name: 區總工會}
          town: {name: 鎮工會, parent: distrct}
    """)
    assert problems == [f'{PATH}:3:3: units.town.parent: expected one of these units: district, town, got "distrct" '
                        "(did you mean district?)"]


def test_a_loop_of_parents_is_reported():
    _, problems = read("""
        units:
          a: {name: 甲, parent: b}
          b: {name: 乙, parent: a}
    """)
    assert len(problems) == 2
    assert all("got a loop through" in p for p in problems)


def test_unit_ids_must_be_safe_file_names():
    _, problems = read("""
        units:
          ../etc: {name: 甲}
          my unit: {name: 乙}
    """)
    assert [p.split(": ")[0] for p in problems] == [f"{PATH}:2:3", f"{PATH}:3:3"]
    assert all("lower-case letters, digits and hyphens" in p for p in problems)


def test_a_unit_needs_a_name():
    _, problems = read("""
        units:
          town: {parent: district}
    """)
    assert f"{PATH}:2:9: units.town.name: expected the union's full name, got nothing" in problems


def test_index_is_not_a_unit_id():
    _, problems = read("""
        units:
          index: {name: 首頁}
    """)
    assert len(problems) == 1 and 'got "index"' in problems[0]


def test_a_unit_name_with_markup_or_several_lines_is_refused():
    _, problems = read("""
        units:
          a: {name: '<img src=x onerror=alert(1)>區'}
          b:
            name: |
              第一行
              第二行
    """)
    assert [p.split(": ")[1] for p in problems] == ["units.a.name", "units.b.name"]


def test_a_chain_of_parents_deeper_than_any_union_is_refused():
    lines = ["units:", "  u0: {name: 甲}"] + [f"  u{i}: {{name: 甲{i}, parent: u{i - 1}}}" for i in range(1, 40)]
    _, problems = read("\n".join(lines) + "\n")
    assert problems and all("expected at most 30 levels of parents" in p for p in problems)
