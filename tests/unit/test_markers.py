"""Markers in narratives: found with their location, checked against what they take."""

from bulletin.markers import find_markers

PATH = "docs/2021/town.md"


def find(text: str):
    problems = []
    markers = find_markers(text, PATH, problems)
    return markers, [str(p) for p in problems]


def test_a_marker_names_a_table_with_yaml_arguments():
    markers, problems = find("前言\n\n<!-- bulletin/table { kind: visits } -->\n")
    assert problems == []
    assert [(m.name, dict(m.args), str(m.location)) for m in markers] == [("table", {"kind": "visits"}, f"{PATH}:3:1")]


def test_an_unknown_table_lists_the_valid_ones():
    _, problems = find("<!-- bulletin/table { kind: visit } -->")
    assert problems == [
        f'{PATH}:1:1: bulletin/table.kind: expected one of these tables: visits, aid, awards, suggestions, competitions, '
        'training, organisation, disputes, safety, events, collections, funds, got "visit" (did you mean visits?)'
    ]


def test_an_unknown_marker_name_is_reported():
    _, problems = find("x\n  <!-- bulletin/chart { kind: visits } -->")
    assert problems == [f'{PATH}:2:3: bulletin/chart: expected one of these markers: table, got "chart"']


def test_broken_yaml_arguments_are_reported():
    _, problems = find("<!-- bulletin/table { kind: [visits } -->")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:1:1: bulletin/table: expected arguments like")


def test_missing_and_unknown_arguments_are_reported():
    _, problems = find("<!-- bulletin/table { knd: visits } -->")
    assert problems == [
        f'{PATH}:1:1: bulletin/table.knd: expected one of these arguments: kind, got "knd" (did you mean kind?)',
        f"{PATH}:1:1: bulletin/table.kind: expected the kind of figures to show, got nothing",
    ]


def test_markers_in_code_fences_are_examples_and_left_alone():
    markers, problems = find("```\n<!-- bulletin/table { kind: nothing } -->\n```\n")
    assert (markers, problems) == ([], [])


def test_ordinary_html_comments_are_not_markers():
    assert find("<!-- 編者按：待補 -->") == ([], [])
