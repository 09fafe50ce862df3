"""Record files become typed records; every mistake is one located line, all of them in one run."""

from decimal import Decimal

from helpers import dedent, problem_line

from bulletin.amounts import Count, YuanAtLeast
from bulletin.dates import DateList, DateRange
from bulletin.periods import PartialDate, Period
from bulletin.reading import read_report_records
from bulletin.yaml_source import parse_yaml_text

PATH = "data/2021/town.yml"


def read(text: str, period: Period = Period(2021)):
    problems = []
    root = parse_yaml_text(dedent(text), PATH, problems).root
    records = read_report_records(root, PATH, period, problems)
    return records, [problem_line(p) for p in problems]


def test_a_visit_is_read_into_typed_fields():
    records, problems = read("""
        visits:
          - occasion: 節日慰問
            units: 9
            people: 349人次
            migrant_workers: 104
            cash: 0.56萬元
            in_kind: 1.6129萬元
    """)
    assert problems == []
    visit = records["visits"][0]
    assert (visit.people, visit.migrant_workers) == (Count(349), Count(104))
    assert (visit.cash, visit.in_kind) == (Decimal(5600), Decimal(16129))
    assert str(visit.locations["cash"]) == f"{PATH}:6:11"


def test_every_mistake_is_reported_with_its_location_in_one_run():
    _, problems = read("""
        visits:
          - occasion: 慰問
            people: -2
            cash: 1.2.3萬
          - occasion: 探視
            peple: 3
        awardz:
          - title: x
    """)
    assert problems == [
        f'{PATH}:3:13: visits[1].people: 應為 0 或以上的整數，實為 "-2"',
        f'{PATH}:4:11: visits[1].cash: 應為金額，例如 14400、14,400元、1.2萬元 或 0.56萬，實為 "1.2.3萬"',
        f'{PATH}:6:5: visits[2].peple: 應為下列欄位之一：occasion, date, units, people, migrant_workers, '
        'cash, in_kind, note, beneficiaries, circumstances，實為 "peple"',
        f'{PATH}:7:1: awardz: 應為下列種類之一：visits, aid, awards, suggestions, competitions, training, '
        'membership, organisation, democracy, agreements, disputes, safety, events, surveys, collections, fund_flows, '
        'other_figures，實為 "awardz"',
    ]


def test_a_missing_required_field_is_reported_at_its_record():
    _, problems = read("""
        awards:
          - rank: 一等獎
            level: 段
    """)
    assert problems == [f"{PATH}:2:5: awards[1].title: 應為獎項（不超過 300 個字的文字），實為空白"]


def test_a_choice_lists_the_valid_options():
    _, problems = read("""
        awards:
          - title: 模範職工之家
            level: 國家
    """)
    assert problems == [f'{PATH}:3:12: awards[1].level: 應為下列之一：本單位、車間、段、路局、部、公司、集團、街道、鎮、區、縣、市、省、全國，實為 "國家"']


def test_of_which_cannot_exceed_its_whole():
    _, problems = read("""
        visits:
          - occasion: 慰問
            people: 100
            migrant_workers: 104
    """)
    assert problems == [f'{PATH}:4:22: visits[1].migrant_workers: 應不超過 100（慰問人次），實為 "104"']


def test_of_which_is_not_checked_against_a_lower_bound():
    records, problems = read("""
        visits:
          - occasion: 慰問
            people: 100多
            migrant_workers: 104
    """)
    assert problems == []


def test_a_date_outside_the_report_period_is_refused():
    _, problems = read("""
        events:
          - name: 運動會
            date: 2021-09-18
    """, period=Period(2021, "H1"))
    assert problems == [f'{PATH}:3:11: events[1].date: 應為 2021年上半年之內的日期，實為 "2021年9月18日"']


def test_money_and_dates_may_be_written_as_reports_write_them():
    records, problems = read("""
        events:
          - name: 運動會
            date: 4月、9月
            cost: 1800多元
          - name: 讀書會
            date: 2021年4月至6月
    """)
    assert problems == []
    games, reading = records["events"]
    assert games.date == DateList((PartialDate(2021, 4), PartialDate(2021, 9)))
    assert games.cost == YuanAtLeast(Decimal(1800))
    assert reading.date == DateRange(PartialDate(2021, 4), PartialDate(2021, 6))


def test_each_part_of_several_dates_or_a_range_must_fall_in_the_period():
    _, problems = read("""
        events:
          - name: 運動會
            date: 4月、9月
          - name: 讀書會
            date: 2021年6月至7月
    """, period=Period(2021, "H1"))
    assert problems == [
        f'{PATH}:3:11: events[1].date: 應為 2021年上半年之內的日期，實為 "2021年4月、9月"，其中 "2021年9月" 不在期內',
        f'{PATH}:5:11: events[2].date: 應為 2021年上半年之內的日期，實為 "2021年6月至7月"，其中 "2021年7月" 不在期內',
    ]


def test_the_same_record_twice_is_reported_not_summed():
    records, problems = read("""
        visits:
          - occasion: 慰問
            people: 3
          - occasion: 慰問
            people: 3
    """)
    assert problems == [f"{PATH}:4:5: visits[2]: 每筆記錄應只寫一次，實為與 visits[1] 完全相同"]
    assert len(records["visits"]) == 1


def test_a_kind_must_hold_a_list():
    _, problems = read("""
        visits:
          occasion: 慰問
    """)
    assert problems == [f'{PATH}:2:3: visits: 應為記錄的清單（每筆以 "- " 開頭），實為對照表（「名稱: 值」的多行）']


def test_a_field_must_hold_a_single_value():
    _, problems = read("""
        visits:
          - occasion: [慰問, 探視]
    """)
    assert problems == [f'{PATH}:2:15: visits[1].occasion: 應為不超過 300 個字的文字，實為清單（以 "- " 開頭的多行）']


def test_yes_and_no_stay_text_in_text_fields():
    records, problems = read("""
        events:
          - name: no
    """)
    assert problems == [] and records["events"][0].name == "no"


def test_an_empty_value_counts_as_not_given():
    records, problems = read("""
        visits:
          - occasion: 慰問
            people:
    """)
    assert problems == [] and records["visits"][0].people is None


def test_organisation_totals_must_agree():
    _, problems = read("""
        organisation:
          - item: 工資集體協議
            measure: 家
            previous: 45
            current: 5
            total: 51
    """)
    assert problems == [f'{PATH}:6:12: organisation[1].total: 應為上期累計 45 + 本期 5 = 50，實為 "51"']


def test_an_empty_file_has_no_records_and_no_problems():
    assert read("") == ({}, [])


def test_a_record_may_mark_its_private_fields_publishable():
    records, problems = read("""
        visits:
          - occasion: 探視
            beneficiaries: 陳大文
            circumstances: 工傷住院
            publish: beneficiaries
          - occasion: 慰問
            beneficiaries: 李小紅
    """)
    assert problems == []
    assert [r.published for r in records["visits"]] == [frozenset({"beneficiaries"}), frozenset()]


def test_only_private_fields_of_the_kind_can_be_published():
    _, problems = read("""
        visits:
          - occasion: 探視
            publish: [beneficiaries, people]
        events:
          - name: 運動會
            publish: name
    """)
    assert problems == [
        f'{PATH}:3:30: visits[1].publish: 應為下列私人欄位之一：beneficiaries, circumstances，實為 "people"',
        f"{PATH}:6:14: events[1].publish: 活動紀要沒有私人欄位可以公開",
    ]
