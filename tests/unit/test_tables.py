"""Tables computed from records: columns from the kind, a 合計 that adds exactly, nothing private."""

from decimal import Decimal

from helpers import dedent

from bulletin.funds import fund_lines, funds_table
from bulletin.kinds import KINDS
from bulletin.periods import Period
from bulletin.reading import read_report_records
from bulletin.tables import APPROXIMATE_NOTE, kind_table
from bulletin.yaml_source import parse_yaml_text


def records_of(text: str):
    problems = []
    root = parse_yaml_text(dedent(text), "t.yml", problems).root
    records = read_report_records(root, "t.yml", Period(2021), problems)
    assert problems == []
    return records


def texts(table):
    rows = [[c.text for c in row] for row in table.rows]
    return [[c.header for c in table.columns], *rows, [c.text for c in table.total] if table.total else None]


VISITS = """
    visits:
      - occasion: 節日慰問
        people: 349
        migrant_workers: 104
        cash: 0.56萬元
        in_kind: 1.6129萬元
      - occasion: 工傷探視
        people: 82
        cash: 41000
        beneficiaries: 王小明
"""


def test_visits_table_has_units_in_headers_and_a_total_row():
    table = kind_table(KINDS["visits"], records_of(VISITS)["visits"])
    assert texts(table) == [
        ["慰問項目", "慰問人次", "其中農民工（人次）", "慰問金（元）", "慰問實物折合（元）"],
        ["節日慰問", "349", "104", "5,600", "16,129"],
        ["工傷探視", "82", "—", "41,000", "—"],
        ["合計", "431", "104", "46,600", "16,129"],
    ]


def test_private_fields_never_become_columns():
    table = kind_table(KINDS["visits"], records_of(VISITS)["visits"])
    assert "王小明" not in repr(table)


def test_total_values_are_exact_decimals():
    table = kind_table(KINDS["visits"], records_of(VISITS)["visits"])
    assert table.total[3].value == Decimal("46600")


def test_money_can_be_shown_in_wan_yuan_without_rounding():
    table = kind_table(KINDS["visits"], records_of(VISITS)["visits"], money_unit="萬元")
    assert table.columns[3].header == "慰問金（萬元）"
    assert [row[4].text for row in table.rows] == ["1.6129", "—"]
    assert table.total[3].text == "4.66"


def test_a_total_with_an_approximate_count_says_so():
    table = kind_table(KINDS["training"], records_of("""
        training:
          - topic: 專業培訓
            attendees: 120多
          - topic: 財務培訓
            attendees: 30
    """)["training"])
    assert table.total[1].text == "150多"
    assert APPROXIMATE_NOTE in table.notes


def test_a_money_total_with_a_lower_bound_is_marked_in_yuan_and_in_wan_yuan():
    records = records_of("""
        visits:
          - occasion: 節日慰問
            cash: 1800多元
          - occasion: 工傷探視
            cash: 200
    """)["visits"]
    assert kind_table(KINDS["visits"], records).total[1].text == "2,000多"
    in_wan = kind_table(KINDS["visits"], records, money_unit="萬元")
    assert [in_wan.rows[0][1].text, in_wan.total[1].text] == ["0.18多", "0.2多"]
    assert APPROXIMATE_NOTE in in_wan.notes


def test_counts_with_their_own_measure_word_show_it_and_are_not_totalled():
    table = kind_table(KINDS["organisation"], records_of("""
        organisation:
          - item: 工資集體協議
            measure: 家
            total: 50
          - item: 新增會員
            measure: 人
            current: 1850
    """)["organisation"])
    assert texts(table) == [["項目", "本期", "累計"], ["工資集體協議", "—", "50家"], ["新增會員", "1,850人", "—"], None]


def test_funds_are_derived_from_money_records_by_purpose():
    records = records_of(VISITS + """
    aid:
      - programme: 金秋助學
        type: 助學
        amount: 14000元
    competitions:
      - name: 勞動競賽
        prize_money: 12000
        benefit: 83萬元
    """)
    table = funds_table(fund_lines(records))
    assert texts(table) == [
        ["用途", "現金（元）", "實物折合（元）", "合計（元）", "佔比"],
        ["看望慰問", "46,600", "16,129", "62,729", "70.7%"],
        ["助學", "14,000", "0", "14,000", "15.8%"],
        ["競賽獎勵", "12,000", "0", "12,000", "13.5%"],
        ["合計", "72,600", "16,129", "88,729", "100%"],
    ]


def test_funds_with_a_lower_bound_total_as_a_lower_bound_and_state_no_share():
    records = records_of("""
        visits:
          - occasion: 節日慰問
            cash: 1.2萬多元
        aid:
          - programme: 金秋助學
            type: 助學
            amount: 3000
    """)
    table = funds_table(fund_lines(records))
    assert texts(table)[1:] == [
        ["看望慰問", "12,000多", "0", "12,000多", "—"],
        ["助學", "3,000", "0", "3,000", "—"],
        ["合計", "15,000多", "0", "15,000多", "100%"],
    ]
    assert APPROXIMATE_NOTE in table.notes


def test_economic_benefit_is_not_money_spent():
    records = records_of("""
        suggestions:
          - campaign: 合理化建議
            submitted: 211
            benefit: 66萬元
    """)
    assert fund_lines(records) == []


def test_a_published_private_field_is_shown_for_its_record_only():
    records = records_of("""
        visits:
          - occasion: 工傷探視
            people: 1
            beneficiaries: 陳大文
            publish: beneficiaries
          - occasion: 困難慰問
            people: 1
            beneficiaries: 李小紅
          - occasion: 節日慰問
            people: 30
    """)["visits"]
    table = kind_table(KINDS["visits"], records)
    assert [c.header for c in table.columns] == ["慰問項目", "慰問人次", "受慰問人"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["工傷探視", "1", "陳大文"], ["困難慰問", "1", "（不公開）"], ["節日慰問", "30", "—"]]


def test_a_record_withholds_a_private_field_unless_it_published_it_and_never_a_public_one():
    published, kept = records_of("""
        visits:
          - occasion: 工傷探視
            beneficiaries: 陳大文
            publish: beneficiaries
          - occasion: 困難慰問
            beneficiaries: 李小紅
    """)["visits"]
    private, public = KINDS["visits"].field("beneficiaries"), KINDS["visits"].field("occasion")
    assert (published.withholds(private), kept.withholds(private)) == (False, True)
    assert (published.withholds(public), kept.withholds(public)) == (False, False)


def test_a_kind_without_records_is_the_table_the_general_path_makes_of_none():
    from bulletin.tables import _records_table

    for kind in KINDS.values():
        hidden = kind.apart.field if kind.apart else None
        assert kind_table(kind, []) == _records_table(kind, [], "元", hidden=hidden)
