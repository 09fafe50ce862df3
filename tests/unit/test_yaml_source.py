"""Record files are parsed with locations, and what PyYAML would let through is reported."""

from pathlib import Path

from bulletin.yaml_source import parse_yaml_text, read_yaml


def parse(text: str) -> tuple[object, list[str]]:
    problems = []
    parsed = parse_yaml_text(text, "data/2021/a.yml", problems)
    return parsed.root, [str(p) for p in problems]


def test_syntax_error_names_line_and_column():
    _, problems = parse("visits:\n  - people: [1\n")
    assert len(problems) == 1
    assert problems[0].startswith("data/2021/a.yml:3:1: YAML syntax:")


def test_tab_indentation_is_named_as_such():
    _, problems = parse("visits:\n\t- people: 1\n")
    assert problems == ["data/2021/a.yml:2:1: YAML syntax: found character that cannot start any token "
                        "(a tab; indent with spaces, not tabs)"]


def test_duplicate_keys_are_reported_not_overwritten():
    _, problems = parse("visits:\n  - people: 1\n    people: 2\n")
    assert problems == ['data/2021/a.yml:3:5: duplicate key "people" (first given on line 2); each key may appear once']


def test_alias_bomb_is_refused_without_expanding_it():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 9)]
    root, problems = parse("\n".join(lines) + "\n")
    assert root is None
    assert problems and all("alias" in p for p in problems)


def test_python_object_tags_are_refused_and_never_run():
    root, problems = parse("visits: !!python/object/apply:os.system ['echo hacked']\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:9: expected plain YAML values, got the tag !!python/object/apply:os.system"]


def test_numbers_keep_the_text_the_editor_typed():
    root, problems = parse("cash: 1.20\n")
    assert problems == []
    assert root.value[0][1].value == "1.20"


def test_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_bytes("\ufeffvisits: []\n".encode())
    problems = []
    assert read_yaml(path, "a.yml", problems).root is not None
    assert problems == []


def test_non_utf8_file_is_located(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_bytes("visits:\n  - occasion: 慰問\n".encode("big5"))
    problems = []
    assert read_yaml(path, "a.yml", problems).root is None
    assert [str(p) for p in problems] == [
        "a.yml:2:15: expected UTF-8 text, got bytes in another encoding (save the file as UTF-8)"
    ]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    problems = []
    assert read_yaml(path, "a.yml", problems).root is None
    assert "under 2 MB" in str(problems[0])


def test_standard_tags_typed_explicitly_are_refused_too():
    root, problems = parse("cash: !!null 14400\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:7: expected plain YAML values, got the tag !!null"]


def test_an_equals_sign_is_text_not_a_tag():
    root, problems = parse("note: =\n")
    assert problems == [] and root.value[0][1].value == "="


def test_a_list_used_as_key_is_refused_without_reading_the_file():
    root, problems = parse("? [a]\n: x\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:3: expected a plain name as key, got a list or mapping"]


def test_a_control_character_is_located_on_one_line():
    _, problems = parse("visits:\n  - occasion: a\x00b\n")
    assert problems == ["data/2021/a.yml:2:16: expected text, got the control character U+0000"]


def test_deep_nesting_is_a_located_syntax_error_not_a_crash():
    _, problems = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(problems) == 1 and problems[0].startswith("data/2021/a.yml:1:")
