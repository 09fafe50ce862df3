"""Markers in narratives: found with their location, checked against what they take."""

from helpers import problem_line

from bulletin.markers import find_markers

PATH = "docs/2021/town.md"


def find(text: str):
    problems = []
    markers = find_markers(text, PATH, problems)
    return markers, [problem_line(p) for p in problems]


def test_a_marker_names_a_table_with_yaml_arguments():
    markers, problems = find("前言\n\n<!-- bulletin/table { kind: visits } -->\n")
    assert problems == []
    assert [(m.name, dict(m.args), str(m.location)) for m in markers] == [("table", {"kind": "visits"}, f"{PATH}:3:1")]


def test_an_unknown_table_lists_the_valid_ones():
    _, problems = find("<!-- bulletin/table { kind: visit } -->")
    assert problems == [
        f'{PATH}:1:1: bulletin/table.kind: 應為下列表格之一：visits, aid, awards, suggestions, competitions, '
        'training, membership, organisation, democracy, agreements, disputes, safety, events, surveys, collections, '
        'fund_flows, other_figures, funds，實為 "visit"'
    ]


def test_an_unknown_marker_name_is_reported():
    _, problems = find("x\n  <!-- bulletin/chart { kind: visits } -->")
    assert problems == [f'{PATH}:2:3: bulletin/chart: 應為下列標記之一：table, figure，實為 "chart"']


def test_broken_yaml_arguments_are_reported():
    _, problems = find("<!-- bulletin/table { kind: [visits } -->")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:1:1: bulletin/table: 應為 {{ kind: visits }} 這樣的參數")


def test_missing_and_unknown_arguments_are_reported():
    _, problems = find("<!-- bulletin/table { knd: visits } -->")
    assert problems == [
        f'{PATH}:1:1: bulletin/table.knd: 應為下列參數之一：kind，實為 "knd"',
        f"{PATH}:1:1: bulletin/table.kind: 應為要顯示的記錄種類，實為空白",
    ]


def test_markers_in_code_fences_are_examples_and_left_alone():
    markers, problems = find("```\n<!-- bulletin/table { kind: nothing } -->\n```\n")
    assert (markers, problems) == ([], [])


def test_ordinary_html_comments_are_not_markers():
    assert find("<!-- 編者按：待補 -->") == ([], [])


def test_a_marker_inside_inline_code_is_an_example():
    assert find("寫法如 `<!-- bulletin/table { kind: visits } -->` 所示。") == ([], [])


def test_a_marker_with_other_text_on_its_line_is_reported():
    _, problems = find("見下表 <!-- bulletin/table { kind: visits } -->")
    assert problems == [f'{PATH}:1:5: bulletin: 應為獨佔一行、不縮排、寫在一行內的標記（<!-- bulletin/table {{ kind: visits }} -->），'
                        '實為 "見下表 <!-- bulletin/table { kind: visits } -->"']


def test_an_indented_marker_is_reported_not_expanded_into_code():
    markers, problems = find("正文\n\n    <!-- bulletin/table { kind: visits } -->\n")
    assert markers == [] and len(problems) == 1 and problems[0].startswith(f"{PATH}:3:5: bulletin: 應為獨佔一行")


def test_a_marker_split_over_lines_is_reported():
    markers, problems = find("<!-- bulletin/table\n{ kind: visits } -->\n")
    assert markers == [] and problems[0].startswith(f"{PATH}:1:1: bulletin: 應為獨佔一行")


def test_a_marker_in_a_commented_out_draft_does_not_count():
    assert find("<!--\n舊稿：\n<!-- bulletin/table { kind: aid } -->\n-->\n") == ([], [])


def test_a_marker_in_an_indented_fence_is_an_example():
    assert find("1. 步驟\n\n    ```\n    <!-- bulletin/table { kind: nothing } -->\n    ```\n") == ([], [])


def test_a_fence_line_with_an_info_string_does_not_close_a_fence():
    text = "```\n``` sh\n<!-- bulletin/table { kind: nothing } -->\n```\n"
    assert find(text) == ([], [])


def test_a_repeated_argument_is_reported():
    _, problems = find("<!-- bulletin/table { kind: visits, kind: aid } -->")
    assert problems == [f'{PATH}:1:1: bulletin/table: 應為 {{ kind: visits }} 這樣的參數，實為 '
                        '"{ kind: visits, kind: aid }"（重複的名稱 "kind"（第 1 行已經寫過））']


def test_deeply_nested_arguments_are_refused_not_a_crash():
    _, problems = find("<!-- bulletin/table { kind: " + "[" * 2000 + "]" * 2000 + " } -->")
    assert len(problems) == 1 and "超過 200 個字元" in problems[0]


def test_arguments_typed_alike_are_parsed_once(monkeypatch):
    import bulletin.markers as markers

    parsed = []
    real = markers.parse_yaml_text
    monkeypatch.setattr(markers, "parse_yaml_text", lambda raw, *rest: parsed.append(raw) or real(raw, *rest))
    markers.find_markers("<!-- bulletin/table { kind: aid } -->\n\n<!-- bulletin/table { kind: aid } -->", PATH, [])
    markers.find_markers("<!-- bulletin/table { kind: aid } -->", "docs/2021/district.md", [])
    assert parsed.count("{ kind: aid }") <= 1


def test_arguments_refused_alike_are_reported_at_each_marker():
    _, problems = find("<!-- bulletin/table { kind: [aid } -->\n\n<!-- bulletin/table { kind: [aid } -->")
    assert [p.split(": ")[0] for p in problems] == [f"{PATH}:1:1", f"{PATH}:3:1"]
    assert problems[0].split(": ", 1)[1] == problems[1].split(": ", 1)[1]
