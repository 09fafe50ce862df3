"""A mistake is reported once, where it is: a broken record file does not make its narrative wrong too."""

from helpers import problem_line, write_project

from bulletin.loading import load_archive

NARRATIVE = ("全年看望慰問職工<!-- bulletin/figure { kind: visits, field: people } -->人次，看望慰問職工39人次。\n\n"
             "<!-- bulletin/table { kind: visits } -->\n")


def load(root, records, narrative=NARRATIVE):
    write_project(root, {"2021/town": records}, narratives={"2021/town": narrative})
    return [problem_line(p) for p in load_archive(root, root / "docs").problems]


def test_a_record_file_with_a_full_width_colon_leaves_the_narratives_markers_and_figures_alone(tmp_path):
    assert load(tmp_path, "visits:\n  - occasion: 春節慰問\n    people：39\n") == [
        "data/2021/town.yml:3:11: 應為半形冒號加空格「people: 」，實為全形冒號「people：」"]


def test_a_record_file_that_does_not_parse_leaves_the_narrative_alone(tmp_path):
    assert load(tmp_path, "visits:\n  - occasion: [春節慰問\n") == [
        "data/2021/town.yml:2:20: YAML 語法錯誤：方括號 [ ] 沒有閉合"]


def test_a_refused_record_leaves_the_figures_of_its_kind_unchecked(tmp_path):
    assert load(tmp_path, "visits:\n  - occasion: 春節慰問\n    people: 三十九\n") == [
        'data/2021/town.yml:3:13: visits[1].people: 應為 0 或以上的整數，例如 37 或 120多，實為 "三十九"']


def test_the_figures_of_other_kinds_are_still_held_to_their_records(tmp_path):
    records = "visits:\n  - occasion: 春節慰問\n    people: -1\naid:\n  - programme: 助學\n    type: 助學\n    students: 5\n"
    narrative = "幫扶助學學生6名。\n\n<!-- bulletin/table { kind: visits } -->\n\n<!-- bulletin/table { kind: aid } -->\n"
    found = load(tmp_path, records, narrative)
    assert [line.split(": ")[1] for line in found] == ["visits[1].people", "aid.students"]


def test_records_that_were_read_must_still_be_shown_by_a_marker(tmp_path):
    found = load(tmp_path, "visits:\n  - occasion: 春節慰問\n    people: 3\n  - occasion: 探視\n    people: -1\n", "正文。\n")
    assert [line.split(": ")[1] for line in found] == ["visits[2].people", "visits"]
