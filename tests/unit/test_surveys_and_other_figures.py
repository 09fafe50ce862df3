"""Surveys with their response rate; other figures listed, never added, context figures set apart."""

import pytest

from helpers import dedent, write_project, read_records as read, table_texts as texts

from bulletin.kinds import KINDS
from bulletin.loading import load_archive
from bulletin.measures import measured_kinds
from bulletin.overviews import headlines
from bulletin.periods import Period
from bulletin.tables import kind_table

PATH = "data/2021/town.yml"


def test_a_survey_shows_its_response_rate_and_the_total_rate_over_all_questionnaires():
    records, problems = read("""
        surveys:
          - topic: 職工思想動態
            issued: 240份
            returned: 238
          - topic: 食堂滿意度
            issued: 100
            returned: 80
    """)
    assert problems == []
    assert texts(kind_table(KINDS["surveys"], records["surveys"])) == [
        ["調查內容", "發放（份）", "回收（份）", "回收率"],
        ["職工思想動態", "240", "238", "99.2%"],
        ["食堂滿意度", "100", "80", "80.0%"],
        ["合計", "340", "318", "93.5%"],
    ]


def test_no_response_rate_is_stated_over_an_approximate_count():
    records, _ = read("""
        surveys:
          - topic: 職工需求
            issued: 200多
            returned: 150
    """)
    assert texts(kind_table(KINDS["surveys"], records["surveys"]))[1] == ["職工需求", "200多", "150", "—"]


def test_more_questionnaires_returned_than_issued_is_refused():
    _, problems = read("""
        surveys:
          - topic: 問卷
            issued: 240
            returned: 248
    """)
    assert problems == [f'{PATH}:4:15: surveys[1].returned: 應不超過 240（發放），實為 "248"']


OTHER = """
    other_figures:
      - item: 栽植花草
        quantity: 1790
        measure: 棵
      - item: 栽植樹木
        quantity: 105
        measure: 棵
      - item: 雇鏟車
        quantity: 1
        measure: 輛
        amount: 2000元
      - item: 住院人次
        quantity: 35000
        measure: 人次
        context: 是
      - item: 醫院經營收入
        amount: 32000萬元
        context: true
"""


def test_other_figures_keep_their_own_measure_words_and_have_no_total():
    records, problems = read(OTHER)
    assert problems == []
    table = kind_table(KINDS["other_figures"], records["other_figures"])
    assert texts(table) == [
        ["項目", "數量", "金額（元）"],
        ["栽植花草", "1,790棵", "—"], ["栽植樹木", "105棵", "—"], ["雇鏟車", "1輛", "2,000"],
    ]


def test_context_figures_are_set_apart_and_labelled_as_not_union_work():
    records, _ = read(OTHER)
    aside = kind_table(KINDS["other_figures"], records["other_figures"]).aside
    assert aside.title == "其他數據：背景數據（非工會工作）"
    assert texts(aside) == [["項目", "數量", "金額（元）"], ["住院人次", "35,000人次", "—"], ["醫院經營收入", "—", "320,000,000"]]
    assert aside.total is None and "不計入任何合計" in aside.notes[0]


@pytest.mark.parametrize(("record", "message"), [
    ("item: 植樹", 'other_figures[1].item: 應有數量（quantity 與 measure）或金額（amount），實為兩者皆空白'),
    ("item: 植樹\n    quantity: 5", "other_figures[1].quantity: 應同時寫明量詞（measure），實為空白"),
    ("item: 植樹\n    quantity: 5\n    measure: 元", 'other_figures[1].measure: 應為錢以外的量詞（棵、輛、人次），實為 "元"'),
])
def test_a_figure_needs_a_number_with_a_measure_word_that_is_not_money(record, message):
    _, problems = read(f"other_figures:\n  - {record}\n")
    assert [p.split(": ", 1)[1] for p in problems] == [message]


def test_other_figures_are_in_no_overview(tmp_path):
    write_project(tmp_path, {"2021/town": dedent(OTHER)})
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    assert "other_figures" not in measured_kinds()
    assert headlines(result.archive, Period(2021)) is None
