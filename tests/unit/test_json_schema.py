"""The editors' JSON Schemas come from the kinds, agree with the validator on the sample, and are current."""

import json
import sys

import jsonschema
import pytest
import yaml

from helpers import REPO

from bulletin.json_schema import records_schema, units_schema

sys.path.insert(0, str(REPO / "scripts"))
from schema import TARGETS, rendered  # noqa: E402


def test_the_committed_schemas_are_the_generated_ones():
    for path, make in TARGETS.items():
        assert path.read_text(encoding="utf-8") == rendered(make()), f"run scripts/schema.py: {path.name} is stale"


def as_editor_sees(text: str) -> object:
    """YAML as an editor's language server reads it: dates stay text, as they do there."""
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value
    return plain(yaml.safe_load(text))


def test_every_sample_record_file_and_the_registry_are_valid_against_them():
    records = records_schema()
    for path in sorted((REPO / "data").glob("[0-9]*/*.yml")):
        jsonschema.validate(as_editor_sees(path.read_text(encoding="utf-8")) or {}, records)
    jsonschema.validate(yaml.safe_load((REPO / "data" / "units.yml").read_text(encoding="utf-8")), units_schema())


def test_the_schema_flags_what_the_validator_refuses():
    records = records_schema()
    bad = [
        {"visits": [{"occasion": "慰問", "peple": 3}]},        # unknown field
        {"visits": [{"people": 3}]},                          # missing required field
        {"visits": [{"occasion": "慰問", "people": -2}]},      # negative count
        {"visits": [{"occasion": "慰問", "cash": "1.2.3萬"}]},  # amount that does not parse
        {"awards": [{"title": "x", "level": "國家"}]},          # not a level
        {"lunch": []},                                        # not a kind
    ]
    for document in bad:
        assert list(jsonschema.Draft7Validator(records).iter_errors(document)), document


@pytest.mark.parametrize(("date", "cost"), [
    ("4月、9月", "1800多元"), ("2021年4月至6月", "1.2萬多元"), ("4-6月", "3萬餘元"), ("2021-04-01至2021-04-15", "10多萬元"),
])
def test_the_schema_accepts_money_lower_bounds_and_several_dates_or_a_range(date, cost):
    document = {"events": [{"name": "運動會", "date": date, "cost": cost}]}
    assert list(jsonschema.Draft7Validator(records_schema()).iter_errors(document)) == []


def test_private_fields_are_described_as_private():
    text = json.dumps(records_schema(), ensure_ascii=False)
    assert "個人資料：只供工會內部使用" in text
