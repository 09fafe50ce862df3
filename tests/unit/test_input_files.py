"""Files that must never be opened or echoed: odd names, pipes, links out of the project, huge
pages; control and direction characters in any text; a folder vanishing while it is listed."""

import os
import shutil
import threading
import time

from helpers import problem_line, write_project

from bulletin.loading import load_archive
from bulletin.publication import publish
from bulletin.reading import read_report_records
from bulletin.periods import Period
from bulletin.yaml_source import parse_yaml_text

VISITS = "visits:\n  - occasion: 慰問\n    people: 3\n"


def load(root):
    result = load_archive(root, root / "docs")
    return result, [problem_line(p) for p in result.problems]


def load_within(root, seconds=10):
    """load_archive in a thread, so a file that blocks the reader fails the test instead of hanging it."""
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(result=load(root)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "load_archive blocked (it opened a pipe)"
    return outcome["result"]


def test_a_page_whose_name_is_not_utf8_is_refused_and_shown_with_the_bytes_escaped(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    (tmp_path / "docs" / os.fsdecode(b"\xff.md")).write_text("# x\n", encoding="utf-8")
    result, problems = load(tmp_path)
    assert problems == ['docs/\\xff.md:1:1: 應為 UTF-8 編碼的檔名，實為 "\\xff.md"']
    assert tmp_path / "docs" / os.fsdecode(b"\xff.md") in result.refused
    str(result.problems[0]).encode("utf-8")  # printable: no lone surrogate left


def test_a_record_file_whose_name_is_not_utf8_is_refused(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    (tmp_path / "data" / "2021" / os.fsdecode(b"t\xe9.yml")).write_text(VISITS, encoding="utf-8")
    _, problems = load(tmp_path)
    assert problems == ['data/2021/t\\xe9.yml:1:1: 應為 UTF-8 編碼的檔名，實為 "t\\xe9.yml"']


def test_pipes_named_like_a_narrative_a_record_file_or_a_page_are_refused_unopened(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    for name in ("docs/2021/town.md", "data/2021/district.yml", "docs/about.md"):
        (tmp_path / name).unlink(missing_ok=True)
        os.mkfifo(tmp_path / name)
    result, problems = load_within(tmp_path)
    assert problems == [
        "data/2021/district.yml:1:1: 應為普通的檔案，實為具名管道（FIFO）",
        "docs/2021/town.md:1:1: 應為普通的檔案，實為具名管道（FIFO）",
        "docs/about.md:1:1: 應為普通的檔案，實為具名管道（FIFO）",
    ]  # and not "no narrative" / "no record file" for their pairs
    assert {tmp_path / "docs/2021/town.md", tmp_path / "docs/about.md"} <= result.refused
    publish(result.archive)


def test_a_units_file_that_is_a_pipe_is_refused_unopened(tmp_path):
    write_project(tmp_path, {})
    (tmp_path / "data/units.yml").unlink()
    os.mkfifo(tmp_path / "data/units.yml")
    assert load_within(tmp_path)[1] == ["data/units.yml:1:1: 應為普通的檔案，實為具名管道（FIFO）"]


def test_a_record_file_linked_out_of_the_project_is_refused_and_nothing_of_it_is_quoted(tmp_path):
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 50, encoding="utf-8")
    project = tmp_path / "project"
    write_project(project, {"2021/town": VISITS})
    (project / "data/2021/town.yml").unlink()
    (project / "data/2021/town.yml").symlink_to(secret)
    (project / "docs/about.md").symlink_to(secret)
    (project / "docs/2022").symlink_to(tmp_path / "outside", target_is_directory=True)
    result, problems = load(project)
    assert problems == [
        "data/2021/town.yml:1:1: 應為專案內的檔案，實為指向專案外的連結",
        "docs/2022:1:1: 應為專案內的檔案，實為指向專案外的連結",
        "docs/about.md:1:1: 應為專案內的檔案，實為指向專案外的連結",
    ]
    assert not any("root:" in str(p) for p in result.problems)
    assert {project / "docs/about.md", project / "docs/2022"} <= result.refused


def test_links_inside_the_project_and_data_and_docs_kept_elsewhere_are_fine(tmp_path):
    shared = tmp_path / "shared"
    project = tmp_path / "project"
    write_project(project, {"2021/town": VISITS})
    shutil.move(project / "data", shared)
    (project / "data").symlink_to(shared, target_is_directory=True)  # data/ on a shared drive
    (project / "docs/2021/town.md").rename(project / "docs/town-2021.md")
    (project / "docs/2021/town.md").symlink_to(project / "docs/town-2021.md")
    result, problems = load(project)
    assert [p for p in problems if "town-2021" not in p] == []
    assert result.refused == set()


def test_a_whole_file_read_as_one_value_is_quoted_short(tmp_path):
    problems = []
    text = "root:x:0:0:root:/root:/bin/bash\n" * 50
    root = parse_yaml_text(text, "data/2021/town.yml", problems).root
    read_report_records(root, "data/2021/town.yml", Period(2021), problems)
    assert len(problems) == 1 and len(str(problems[0])) < 200
    assert '實為 "root:x:0:0:root:/root:/bin/bash root:x:0:0:root:/root:/bin/…"' in problems[0].message


def test_a_duplicate_key_is_quoted_short():
    problems = []
    key = "慰問" * 100
    parse_yaml_text(f"? {key}\n: 1\n? {key}\n: 2\n", "data/2021/town.yml", problems)
    assert len(problems) == 1 and len(problems[0].message) < 120


def test_nul_and_direction_overrides_in_a_narrative_are_refused_at_the_first_with_a_count(tmp_path):
    narrative = "第一段。\n\n職工\u202e37\u202c人。\n\n<!-- bulletin/table { kind: visits } -->\n"
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS},
                  narratives={"2021/town": narrative, "2021/district": "正文\x00。\n\n<!-- bulletin/table { kind: visits } -->\n"})
    _, problems = load(tmp_path)
    assert problems == [
        "docs/2021/district.md:1:3: 應為文字，實為看不見的控制字元 U+0000",
        "docs/2021/town.md:3:3: 應為文字，實為看不見的文字方向控制字元 U+202E（由右至左覆寫），全文共 2 個看不見的控制字元",
    ]


def test_every_direction_override_and_isolate_is_refused_and_the_marks_are_not(tmp_path):
    refused = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    for character in refused + "\u200e\u200f\t":
        write_project(tmp_path, {"2021/town": VISITS},
                      narratives={"2021/town": f"正{character}文\r\n\n<!-- bulletin/table {{ kind: visits }} -->\n"})
        assert len(load(tmp_path)[1]) == (character in refused), repr(character)


def test_nul_and_direction_overrides_in_a_record_text_field_are_refused(tmp_path):
    problems = []
    text = 'visits:\n  - occasion: "慰問\\u202E"\n  - occasion: "慰\\0問"\n  - occasion: "慰\\u200F問"\n'
    root = parse_yaml_text(text, "data/2021/town.yml", problems).root
    records = read_report_records(root, "data/2021/town.yml", Period(2021), problems)
    assert [problem_line(p) for p in problems] == [
        'data/2021/town.yml:2:15: visits[1].occasion: 應為不含文字方向控制字元的文字，實為 "慰問\\u202e"',
        'data/2021/town.yml:3:15: visits[2].occasion: 應為不含控制字元的文字，實為 "慰\\x00問"',
    ]
    assert len(records["visits"]) == 1


def test_a_narrative_over_a_megabyte_is_refused_before_it_is_read(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    with (tmp_path / "docs/2021/town.md").open("a", encoding="utf-8") as file:
        file.write("職工之家建設。" * 200_000)  # 4.2 MB
    result, problems = load(tmp_path)
    assert problems == ["docs/2021/town.md:1:1: 應為小於 1 MB 的 Markdown 頁面，實為 4,200,041 位元組"]
    assert tmp_path / "docs/2021/town.md" in result.refused


def test_period_folders_created_and_deleted_while_loading_never_raise(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    stop, failures = threading.Event(), []

    def churn():
        while not stop.is_set():
            for top in ("data", "docs"):
                (tmp_path / top / "2022").mkdir(exist_ok=True)
            (tmp_path / "data/2022/town.yml").write_text(VISITS, encoding="utf-8")
            (tmp_path / "docs/2022/town.md").write_text("<!-- bulletin/table { kind: visits } -->\n", encoding="utf-8")
            (tmp_path / "docs/2022/about.md").write_text("關於\n", encoding="utf-8")
            for top in ("data", "docs"):
                shutil.rmtree(tmp_path / top / "2022", ignore_errors=True)

    thread = threading.Thread(target=churn, daemon=True)
    thread.start()
    deadline = time.monotonic() + 3
    runs = 0
    try:
        while time.monotonic() < deadline:
            runs += 1
            try:
                publish(load_archive(tmp_path, tmp_path / "docs").archive)
            except Exception as error:  # noqa: BLE001 - any escape is the failure
                failures.append("".join(__import__("traceback").format_exception(error)[-4:]))
    finally:
        stop.set()
        thread.join()
    assert failures == [], f"{len(failures)} of {runs} loads raised, e.g. {failures[0]}"
