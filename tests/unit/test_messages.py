"""Editors read every message in their own language, with a hint how to fix the mistake."""

import re
import shutil
from pathlib import Path

from bulletin.language import localise_problem, localiser
from bulletin.loading import load_archive
from bulletin.problems import Location, Problem, expected

BROKEN = Path(__file__).parent.parent / "golden" / "broken"
ENGLISH = re.compile(r"\b(expected|got|found|must|should|invalid)\b", re.IGNORECASE)


def broken_archive_problems(tmp_path: Path) -> list[Problem]:
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    return load_archive(tmp_path, tmp_path / "docs").problems


def test_every_message_from_the_broken_archive_comes_with_a_hint(tmp_path):
    problems = broken_archive_problems(tmp_path)
    assert len(problems) > 30
    assert [str(p) for p in problems if not p.hint] == []


def test_no_message_from_the_broken_archive_is_in_english(tmp_path):
    problems = broken_archive_problems(tmp_path)
    assert [p.text for p in problems if ENGLISH.search(p.text)] == []


def test_a_problem_line_keeps_location_and_field_path_before_the_chinese_message():
    problem = expected(Location("data/2021/town.yml", 4, 13), "visits[1].people", "0 或以上的整數", "-2", "沒有就填 0")
    assert str(problem) == 'data/2021/town.yml:4:13: visits[1].people: 應為 0 或以上的整數，實為 "-2"。提示：沒有就填 0'


def test_a_simplified_site_gets_its_messages_in_simplified_characters():
    problem = expected(Location("data/2021/town.yml", 4, 13), "awards[1].level", "下列之一：區、縣", "國家",
                       "照抄上列的一個詞")
    assert localiser("zh")(str(problem)) == ('data/2021/town.yml:4:13: awards[1].level: 应为下列之一：区、县，'
                                             '实为 "国家"。提示：照抄上列的一个词')


def test_a_traditional_site_gets_the_messages_unchanged():
    problem = Problem(Location("data/units.yml", 2, 3), "units.a.parent", "上級單位應能追溯到頂，實為繞回了 a")
    assert localiser("zh-Hant")(str(problem)) == str(problem)


def test_a_simplified_site_converts_the_message_and_keeps_the_file_name_as_typed():
    problem = Problem(Location("docs/關於車間.md", 3, 1), "bulletin/table", "標記應只用在報告頁，實為用在其他頁面", "刪去這個標記")
    assert localise_problem(problem, localiser("zh")) == \
        "docs/關於車間.md:3:1: bulletin/table: 标记应只用在报告页，实为用在其他页面。提示：删去这个标记"
    assert localise_problem(problem, localiser("zh-Hant")) == str(problem)
