"""Democratic management: motions filed and settled along their 其中 chain; agreements totalled per type."""

from helpers import read_records as read, table_texts as texts

from bulletin.kinds import KINDS
from bulletin.tables import kind_table

PATH = "data/2021/town.yml"


def test_motions_filed_cannot_exceed_those_put_forward_nor_settled_those_filed():
    _, problems = read("""
        democracy:
          - item: 教職工代表大會
            motions: 40
            filed: 42
            settled: 45
    """)
    assert problems == [
        f'{PATH}:4:12: democracy[1].filed: 應不超過 40（提案），實為 "42"',
        f'{PATH}:5:14: democracy[1].settled: 應不超過 42（其中立案），實為 "45"',
    ]


def test_with_no_filed_count_the_settled_motions_are_checked_against_those_put_forward():
    _, problems = read("""
        democracy:
          - item: 職代會
            motions: 40
            settled: 45
    """)
    assert problems == [f'{PATH}:4:14: democracy[1].settled: 應不超過 40（提案），實為 "45"']


def test_congresses_motions_and_open_affairs_are_totalled():
    records, problems = read("""
        democracy:
          - item: 第五屆職代會第三次會議
            congresses: 1
            motions: 38件
            filed: 30
            settled: 28
          - item: 廠務公開
            open_affairs: 46家
    """)
    assert problems == []
    assert texts(kind_table(KINDS["democracy"], records["democracy"]))[-1] == ["合計", "1", "38", "30", "28", "46"]


def test_agreements_are_totalled_per_type_because_their_coverage_overlaps():
    records, problems = read("""
        agreements:
          - item: 區域性集體合同
            type: 綜合集體合同
            contracts: 45份
            companies: 96
            workers: 5000
          - item: 工資集體協商
            type: 工資集體協商
            contracts: 48
            companies: 96
            workers: 5000
    """)
    assert problems == []
    table = kind_table(KINDS["agreements"], records["agreements"])
    assert table.total is None
    assert texts(table)[-2:] == [["合計（綜合）", "", "45", "96", "5,000"], ["合計（工資專項）", "", "48", "96", "5,000"]]
