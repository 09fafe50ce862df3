"""A declared kind gets what a built-in one gets: tables, funds, schema, reference, scaffold, privacy."""

import jsonschema
import pytest

from helpers import MEALS, MEALS_KIND, declare_kind, write_project

from bulletin.json_schema import records_schema
from bulletin.loading import load_archive
from bulletin.periods import Period
from bulletin.privacy import private_values
from bulletin.reference import fields_markdown
from bulletin.scaffold import record_file


@pytest.fixture
def canteen(tmp_path):
    """A project whose town reports on its canteen, a kind declared in data/kinds/meals.yml."""
    write_project(tmp_path, {"2021/town": MEALS})
    declare_kind(tmp_path, "meals", MEALS_KIND)
    result = load_archive(tmp_path, tmp_path / "docs")
    assert result.problems == []
    return result.archive


def rows(table):
    return [[c.header for c in table.columns]] + [[c.text for c in row] for row in (*table.rows, table.total)]


def test_its_table_has_a_total_row_and_keeps_private_fields_off(canteen):
    table = canteen.table(canteen.report("town", Period(2021)), "meals")
    assert rows(table) == [
        ["項目", "就餐人次", "其中女職工（人次）", "供餐（份）", "補貼金額（元）"],
        ["午餐", "300", "120", "310", "12,000"],
        ["夜班加餐", "40多", "—", "40", "800"],
        ["合計", "340多", "120", "350", "12,800"],
    ]


def test_its_money_is_spending_under_its_fund_purpose(canteen):
    table = canteen.table(canteen.report("town", Period(2021)), "funds")
    assert [c.text for c in table.rows[0]][:4] == ["食堂補貼", "12,800", "0", "12,800"]


def test_its_private_field_is_among_the_values_the_privacy_scan_looks_for(canteen):
    assert [(v.text, v.field, v.names) for v in private_values(canteen)] == [
        ("甄美玲、賈大廚", "meals[1].cooks", True)]


def test_the_json_schema_accepts_a_good_record_and_refuses_a_bad_one(canteen):
    schema = records_schema()
    jsonschema.validate({"meals": [{"item": "午餐", "diners": "300人次", "cost": "1.2萬元", "publish": "cooks"}]},
                        schema)
    for bad in ({"meals": [{"diners": 3}]}, {"meals": [{"item": "午餐", "diners": "3碗"}]},
                {"meals": [{"item": "午餐", "cook": "王"}]}):
        assert list(jsonschema.Draft7Validator(schema).iter_errors(bad)), bad


def test_the_reference_lists_it_with_its_file(canteen):
    text = fields_markdown(canteen.kinds)
    assert "#### `meals`: 職工食堂（data/kinds/meals.yml）" in text
    assert "| `women` | 其中女職工 | 以人次計的 0 或以上整數（例如 37 或 120多） | 其中：不超過 `diners` |" in text
    assert "| `cooks` | 炊事員 | 不超過 300 個字的文字 | 個人資料，不公開 |" in text


def test_a_new_period_file_lists_its_fields_commented_out(canteen):
    text = record_file(Period(2022), "示範鎮工會")
    assert "# 職工食堂\n# meals:\n#   - item:              # 項目（必填）\n#     diners:" in text
    assert "#     cooks:             # 炊事員（個人資料，不會公開）" in text
