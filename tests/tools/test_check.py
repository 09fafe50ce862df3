"""`scripts/check`: every problem located, exit 1; a clean archive says so, exit 0; no site built."""

import subprocess
import sys

import pytest

from helpers import REPO, write_project

CHECK = [sys.executable, str(REPO / "scripts" / "check.py")]


def check(project, *args):
    return subprocess.run([*CHECK, *args], cwd=project, capture_output=True, text=True, timeout=60)


def test_a_clean_archive_passes_with_a_summary(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people: 3\n"})
    run = check(tmp_path)
    assert run.returncode == 0, run.stdout
    assert run.stdout == "" and "沒有發現問題：1 份報告，2 個單位" in run.stderr
    assert not (tmp_path / "site").exists()


def test_every_problem_is_printed_as_path_line_column_and_the_exit_is_1(tmp_path):
    write_project(
        tmp_path,
        {"2021/town": "visits:\n  - occasion: 慰問\n    people: -3\n", "2021/district": "awards: 1\n"},
        narratives={"2021/district": "<!-- bulletin/table { kind: award } -->\n"},
    )
    run = check(tmp_path)
    assert run.returncode == 1
    assert [line.split(": ")[0] for line in run.stdout.splitlines()] == [
        "data/2021/district.yml:1:9", "data/2021/town.yml:3:13", "docs/2021/district.md:1:1"]
    assert "發現 3 個問題" in run.stderr


def test_mkdocs_only_tags_and_another_config_file_are_understood(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    cash: 1.5萬\n"},
                  extra="extra:\n  bulletin:\n    money_unit: 萬元\nsite_url: !ENV [SITE_URL, 'http://x/']\n")
    (tmp_path / "mkdocs.yml").rename(tmp_path / "site.yml")
    run = check(tmp_path, "-f", "site.yml")
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_shipped_sample_archive_is_clean():
    run = check(REPO)
    assert run.returncode == 0, run.stdout


def test_the_messages_follow_a_simplified_site_into_simplified_characters(tmp_path):
    write_project(tmp_path, {"2021/town": "awards:\n  - title: 先進集體\n    level: 國家\n"})
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh"), encoding="utf-8")
    run = check(tmp_path)
    assert run.returncode == 1
    assert run.stdout.startswith('data/2021/town.yml:3:12: awards[1].level: 应为下列之一：本单位、车间、段')
    assert "。提示：照抄上列的一个词，不加其他字" in run.stdout
    assert "发现 1 个问题" in run.stderr


def test_a_private_name_typed_into_a_page_is_found_without_building(tmp_path):
    write_project(tmp_path, {"2021/town": "aid:\n  - programme: 幫扶\n    type: 幫扶\n    beneficiary: 王大同\n"})
    (tmp_path / "docs" / "notes.md").write_text("---\nsearch:\n  exclude: true\n---\n\n探望王&#22823;同。\n",
                                                encoding="utf-8")
    run = check(tmp_path)
    assert run.returncode == 1
    assert run.stdout.startswith(
        "docs/notes.md:6:3: 應不含私人資料，實為含有 data/2021/town.yml:4 aid[1].beneficiary 的值。")


REFUSED_UNOPENED = ["page-named-in-other-bytes", "narrative-that-is-a-pipe", "record-file-that-is-a-pipe",
                    "record-file-linked-to-etc-passwd", "page-linked-to-etc-passwd", "narrative-of-24-megabytes",
                    "nul-in-a-narrative", "direction-override-in-a-narrative", "direction-override-in-a-record",
                    "nul-in-a-record", "simplified-site-keeps-file-names-as-typed"]


@pytest.mark.parametrize("name", REFUSED_UNOPENED)
def test_check_refuses_what_the_build_refuses_with_the_same_lines(name, tmp_path):
    from cases import CASES
    from helpers import HOOK, MKDOCS_YML

    case = next(c for c in CASES if c.name == name)
    case.write(tmp_path, MKDOCS_YML.format(hook=HOOK, extra=""))
    run = check(tmp_path)  # a pipe opened would block it: the 60 s timeout fails the test
    built = (REPO / "tests" / "corpus" / "expected" / f"{name}.txt").read_text(encoding="utf-8").splitlines()[:-1]
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stdout.splitlines() == built
