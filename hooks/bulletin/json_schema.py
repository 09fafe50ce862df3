"""JSON Schemas for the record files and the unit registry, generated from the kinds.

Editors' YAML extensions (VS Code's, or any yaml-language-server) use them to complete field
names and flag mistakes while typing. They come from the same declarations the validator reads,
so they cannot disagree with it; the validator stays the judge (the schema cannot check that a
date falls in its period, or that a 其中 figure fits its whole).
"""

from __future__ import annotations

from .amounts import AT_LEAST_SUFFIXES
from .kinds import KINDS
from .schema import FieldSpec, Kind
from .fieldtypes import Choice, CountOf, Date, Money, Percent, Text
from .units import NAME_LIMIT

DRAFT = "http://json-schema.org/draft-07/schema#"
_NUMBER = r"(0|[1-9][0-9]{0,2}(,[0-9]{3})+|[1-9][0-9]*)"
# One date (2021-09-18, 2021年9月, or 9月 / 15日 in the report's year), several (4月、9月) or a range
# (4月至6月, 4-6月), as dates.parse_dates reads them.
_DATE = r"([0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?|年([0-9]{1,2}月([0-9]{1,2}日)?)?)?|[0-9]{1,2}月([0-9]{1,2}日)?|[0-9]{1,2}日)"
_DATES = (rf"^({_DATE}([、，,]{_DATE})*|{_DATE}(至|到|~|～){_DATE}"
          r"|([0-9]{4}年)?([0-9]{1,2}月)?[0-9]{1,2}[-－][0-9]{1,2}(月|日))$")


def _field_schema(spec: FieldSpec) -> dict:
    field_type = spec.type
    description = f"{spec.label}：{field_type.expected}"
    if spec.private:
        description += "（個人資料：只供工會內部使用，不會顯示在網站上）"
    if isinstance(field_type, Text):
        body: dict = {"type": "string", "maxLength": field_type.max_length}
    elif isinstance(field_type, Choice):
        body = {"enum": [*field_type.options, *(typed for typed, _ in field_type.aliases)]}  # 縣級 is fine too
    elif isinstance(field_type, CountOf):
        suffix = "|".join(u for u in field_type.units if u)
        more = "|".join(s.replace("+", r"\+") for s in AT_LEAST_SUFFIXES)
        pattern = rf"^{_NUMBER}({more})?({suffix})?$" if suffix else rf"^{_NUMBER}({more})?$"
        body = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": pattern}]}
    elif isinstance(field_type, Money):
        # 14400, 1.2萬元, and the lower bounds 1800多元, 10多萬元, 1.2萬多元 (amounts.parse_money)
        pattern = rf"^{_NUMBER}(\.[0-9]+)?\s*((多|餘|余)?(萬元|萬|万元|万|元)?|(萬|万)(多|餘|余)元?)$"
        body = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": pattern}]}
    elif isinstance(field_type, Percent):
        body = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                          {"type": "string", "pattern": r"^[0-9]{1,3}(\.[0-9]+)?%?$"}]}
    elif isinstance(field_type, Date):
        body = {"anyOf": [{"type": "string", "pattern": _DATES}, {"type": "integer"}]}
    else:  # pragma: no cover - a new field type must say how it is described
        raise TypeError(f"no JSON Schema for {type(field_type).__name__}")
    return {"description": description, **body}


def _publish_schema(kind: Kind) -> dict:
    private = [s.name for s in kind.fields if s.private]
    if not private:
        return {}
    name = {"enum": private}
    return {"publish": {"description": "要公開的私人欄位（當事人同意具名時）",
                        "anyOf": [name, {"type": "array", "items": name}]}}


def _kind_schema(kind: Kind) -> dict:
    return {
        "description": kind.title,
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": [s.name for s in kind.fields if s.required],
            "properties": {s.name: _field_schema(s) for s in kind.fields} | _publish_schema(kind),
        },
    }


def records_schema() -> dict:
    return {
        "$schema": DRAFT,
        "title": "工會年度記錄（data/<期別>/<單位代號>.yml）",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {key: _kind_schema(kind) for key, kind in KINDS.items()},
    }


def units_schema() -> dict:
    unit = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "properties": {
            "name": {"description": "工會全稱", "type": "string", "maxLength": NAME_LIMIT},
            "parent": {"description": "上級單位的代號", "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "type": {"description": "工會類型（車間工會、鎮工會……）", "type": "string"},
        },
    }
    return {
        "$schema": DRAFT,
        "title": "單位名冊（data/units.yml）",
        "type": "object",
        "additionalProperties": False,
        "required": ["units"],
        "properties": {"units": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "additionalProperties": unit,
        }},
    }
