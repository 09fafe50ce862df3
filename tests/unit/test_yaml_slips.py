"""Full-width punctuation typed where YAML needs the half-width sign: named where it was typed."""

from helpers import problem_line

from bulletin.yaml_source import parse_yaml_text


def parse(text):
    problems = []
    root = parse_yaml_text(text, "data/2021/town.yml", problems).root
    return root, [problem_line(p) for p in problems]


def test_a_full_width_colon_is_named_on_its_own_line_not_the_next():
    root, problems = parse("visits:\n  - occasion: 春節慰問\n    people：39\n    cash: 100\n")
    assert problems == ["data/2021/town.yml:3:11: 應為半形冒號加空格「people: 」，實為全形冒號「people：」"]
    assert root is None


def test_a_full_width_colon_in_the_last_line_is_named_there():
    _, problems = parse("visits:\n  - occasion: 春節慰問\n    people：39\n")
    assert problems == ["data/2021/town.yml:3:11: 應為半形冒號加空格「people: 」，實為全形冒號「people：」"]


def test_a_full_width_colon_that_still_parses_as_a_list_item_is_named_and_nothing_is_read():
    root, problems = parse("visits:\n  - occasion：春節慰問\n")
    assert problems == ["data/2021/town.yml:2:13: 應為半形冒號加空格「occasion: 」，實為全形冒號「occasion：」"]
    assert root is None


def test_every_full_width_colon_of_a_file_is_named():
    _, problems = parse("visits：\n  - occasion：春節慰問\n    people：39\n")
    assert [p.split(": ")[0] for p in problems] == [
        "data/2021/town.yml:1:7", "data/2021/town.yml:2:13", "data/2021/town.yml:3:11"]


def test_a_full_width_space_as_indentation_is_named():
    _, problems = parse("visits:\n  - occasion: 春節慰問\n　　people: 39\n")
    assert problems == ["data/2021/town.yml:3:1: 應為半形空格的縮排，實為全形空格「\u3000」（U+3000）"]


def test_a_full_width_dash_is_named():
    _, problems = parse("visits:\n  － occasion: 春節慰問\n")
    assert problems == ["data/2021/town.yml:2:3: 應為半形的「- 」開始清單的一項，實為全形的「－」"]


def test_a_full_width_comma_between_names_of_a_list_is_named():
    _, problems = parse("visits:\n  - occasion: 慰問\n    publish: [beneficiaries，circumstances]\n")
    assert problems == ["data/2021/town.yml:3:28: 應為半形逗號「,」分隔清單的各項，實為全形逗號「，」"]


def test_full_width_punctuation_inside_a_value_is_the_editors_text():
    root, problems = parse("visits:\n  - occasion: 慰問：探視，送溫暖\n    note: QC小組：改善\n    beneficiaries: 'A：B'\n")
    assert problems == [] and root is not None
