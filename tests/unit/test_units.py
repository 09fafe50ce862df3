"""The unit registry: ids that can be file names, parents that exist, no loops."""

from helpers import dedent, problem_line

from bulletin.units import read_units
from bulletin.yaml_source import parse_yaml_text

PATH = "data/units.yml"


def read(text: str):
    problems = []
    root = parse_yaml_text(dedent(text), PATH, problems).root
    registry = read_units(root, PATH, problems)
    return registry, [problem_line(p) for p in problems]


def hints(text: str) -> list[str]:
    problems = []
    read_units(parse_yaml_text(dedent(text), PATH, problems).root, PATH, problems)
    return [p.hint for p in problems]


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
    text = """
        units:
          district: {name: 區總工會}
          town: {name: 鎮工會, parent: distrct}
    """
    assert read(text)[1] == [f'{PATH}:3:3: units.town.parent: 應為下列單位之一：district, town，實為 "distrct"']
    assert hints(text) == ["是不是 district？"]


def test_a_loop_of_parents_is_reported():
    _, problems = read("""
        units:
          a: {name: 甲, parent: b}
          b: {name: 乙, parent: a}
    """)
    assert len(problems) == 2
    assert problems == [f"{PATH}:2:3: units.a.parent: 上級單位應能追溯到頂，實為繞回了 a",
                        f"{PATH}:3:3: units.b.parent: 上級單位應能追溯到頂，實為繞回了 b"]


def test_unit_ids_must_be_safe_file_names():
    _, problems = read("""
        units:
          ../etc: {name: 甲}
          my unit: {name: 乙}
    """)
    assert [p.split(": ")[0] for p in problems] == [f"{PATH}:2:3", f"{PATH}:3:3"]
    assert all("應為由小寫字母、數字和連字號組成的單位代號" in p for p in problems)


def test_a_unit_needs_a_name():
    _, problems = read("""
        units:
          town: {parent: district}
    """)
    assert f"{PATH}:2:9: units.town.name: 應為工會全稱，實為空白" in problems


def test_index_is_not_a_unit_id():
    _, problems = read("""
        units:
          index: {name: 首頁}
    """)
    assert len(problems) == 1 and '實為 "index"' in problems[0]


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
    assert problems and all("上級單位應不超過 30 層" in p for p in problems)


def test_after_a_loop_is_reported_its_units_are_roots_so_nothing_walking_the_tree_can_loop():
    registry, problems = read("""
        units:
          a: {name: 甲, parent: b}
          b: {name: 乙, parent: a}
          c: {name: 丙, parent: a}
    """)
    assert len(problems) == 3  # c leads into the loop: reported too, with what was typed
    assert [u.id for u in registry.roots()] == ["a", "b", "c"]
    assert all(registry[u].parent is None for u in "abc")


def test_a_unit_with_an_unknown_parent_is_a_root_of_the_registry_the_archive_uses():
    registry, problems = read("""
        units:
          district: {name: 區總工會}
          town: {name: 鎮工會, parent: distrct}
          village: {name: 村工會, parent: town}
    """)
    assert len(problems) == 1
    assert registry["town"].parent is None and registry["village"].parent == "town"
    assert [u.id for u in registry.roots()] == ["district", "town"]


def test_a_chain_too_deep_is_cut_where_it_was_reported():
    lines = ["units:", "  u0: {name: 甲}"] + [f"  u{i}: {{name: 甲{i}, parent: u{i - 1}}}" for i in range(1, 40)]
    registry, problems = read("\n".join(lines) + "\n")
    assert len(problems) == len([u for u in registry.roots() if u.id != "u0"])
    depth = {}
    for unit in registry.units.values():  # registry order is parents first here
        depth[unit.id] = 0 if unit.parent is None else depth[unit.parent] + 1
    assert max(depth.values()) <= 31
