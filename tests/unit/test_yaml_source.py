"""Record files are parsed with locations, and what PyYAML would let through is reported."""

from pathlib import Path

from helpers import problem_line

from bulletin.yaml_source import parse_yaml_text, read_yaml


def parse(text: str) -> tuple[object, list[str]]:
    problems = []
    parsed = parse_yaml_text(text, "data/2021/a.yml", problems)
    return parsed.root, [problem_line(p) for p in problems]


def test_syntax_error_names_line_and_column():
    _, problems = parse("visits:\n  - people: [1\n")
    assert len(problems) == 1
    assert problems == ["data/2021/a.yml:2:15: YAML 語法錯誤：方括號 [ ] 沒有閉合"]  # end of the last line


def test_tab_indentation_is_named_as_such():
    _, problems = parse("visits:\n\t- people: 1\n")
    assert problems == ["data/2021/a.yml:2:1: YAML 語法錯誤：這裡有定位字元（Tab）"]


def test_the_usual_syntax_slips_are_said_in_the_editors_words_with_a_fix():
    slips = {
        "visits:\n  - occasion: 慰問: 探視\n": ("這裡不能再出現「名稱: 值」", "冒號後要有一個空格；值裡面有冒號時，整個值加引號"),
        'visits:\n  - occasion: "慰問\n': ("檔案在引號或括號閉合之前就結束了", "檢查引號、括號是否成對"),
        "visits:\n- a: 1\n - b: 2\n": ("縮排不齊，讀不出這一行屬於哪一項", '同一筆記錄的各行要對齊；新的一筆以 "- " 開頭'),
        "a: 1\n---\nb: 2\n": ("一個檔案只能有一份資料", "刪去檔案中間的 --- 分隔線，或把資料分到兩個檔案"),
        "note: @某某\n": ("這裡的字元不能作為值的開頭", '以 @、`、%、! 或 | 開頭的文字要加引號，例如 "@某某"'),
    }
    for text, (message, hint) in slips.items():
        problems = []
        parse_yaml_text(text, "a.yml", problems)
        assert [(p.message, p.hint) for p in problems] == [(f"YAML 語法錯誤：{message}", hint)], text


def test_duplicate_keys_are_reported_not_overwritten():
    _, problems = parse("visits:\n  - people: 1\n    people: 2\n")
    assert problems == ['data/2021/a.yml:3:5: 重複的名稱 "people"（第 2 行已經寫過）']


def test_alias_bomb_is_refused_without_expanding_it():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 9)]
    root, problems = parse("\n".join(lines) + "\n")
    assert root is None
    assert problems and all("應為直接寫出的值，實為別名" in p for p in problems)


def test_python_object_tags_are_refused_and_never_run():
    root, problems = parse("visits: !!python/object/apply:os.system ['echo hacked']\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:9: 應為普通的值，實為標籤 !!python/object/apply:os.system"]


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
    assert [problem_line(p) for p in problems] == [
        "a.yml:2:15: 應為 UTF-8 編碼的文字，實為其他編碼（例如 Big5 或 GBK）"
    ]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    problems = []
    assert read_yaml(path, "a.yml", problems).root is None
    assert "應為小於 2 MB 的資料檔" in str(problems[0])


def test_standard_tags_typed_explicitly_are_refused_too():
    root, problems = parse("cash: !!null 14400\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:7: 應為普通的值，實為標籤 !!null"]


def test_an_equals_sign_is_text_not_a_tag():
    root, problems = parse("note: =\n")
    assert problems == [] and root.value[0][1].value == "="


def test_a_list_used_as_key_is_refused_without_reading_the_file():
    root, problems = parse("? [a]\n: x\n")
    assert root is None
    assert problems == ["data/2021/a.yml:1:3: 應為名稱，實為清單或對照表"]


def test_a_control_character_is_located_on_one_line():
    _, problems = parse("visits:\n  - occasion: a\x00b\n")
    assert problems == ["data/2021/a.yml:2:16: 應為文字，實為控制字元 U+0000"]


def test_deep_nesting_is_a_located_syntax_error_not_a_crash():
    _, problems = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(problems) == 1 and problems[0].startswith("data/2021/a.yml:1:")


def test_a_line_break_editors_do_not_count_is_located_by_the_lines_they_see():
    _, problems = parse("visits:\n  - occasion: 慰問\u2028探視\n    people: -1\n")
    assert problems == ["data/2021/a.yml:2:17: 應為普通的換行，實為特殊的換行字元 U+2028"]


def test_a_carriage_return_without_its_line_feed_is_named_where_it_is():
    _, problems = parse("visits:\r  - occasion: 慰問\n    people: -1\n")
    assert problems == ["data/2021/a.yml:1:8: 應為普通的換行，實為特殊的換行字元 U+000D"]


def test_windows_line_ends_are_ordinary_line_breaks():
    root, problems = parse("visits:\r\n  - occasion: 慰問\r\n")
    assert problems == [] and root is not None


def test_a_scalar_typed_many_times_is_resolved_once(monkeypatch):
    import yaml

    resolved = []
    real = yaml.resolver.BaseResolver.resolve
    monkeypatch.setattr(yaml.resolver.BaseResolver, "resolve",
                        lambda self, kind, value, implicit: resolved.append(value) or real(self, kind, value, implicit))
    parse("visits:\n" + "  - people: 4711\n" * 50)
    assert resolved.count("4711") <= 1


def test_a_value_read_plain_before_is_still_refused_with_a_tag():
    parse("cash: 14400\n")
    assert parse("cash: !!null 14400\n")[1] == ["data/2021/a.yml:1:7: 應為普通的值，實為標籤 !!null"]


def test_record_files_are_composed_by_libyaml_whose_messages_the_corpus_holds():
    import yaml

    from bulletin import yaml_source

    # PyYAML's pure-Python parser words its errors otherwise ("expected <block end>, but found …").
    assert yaml.__with_libyaml__ and issubclass(yaml_source._LOADER, yaml.CSafeLoader)
