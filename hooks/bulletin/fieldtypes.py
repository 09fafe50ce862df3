"""The kinds of value a record field can hold, each read from the exact text the editor typed.

A field type knows how to read a YAML scalar, what to say when it cannot ("expected …"), and
whether a column of it adds up to a 合計. Record kinds combine these; they never parse text
themselves, so every money field in the archive obeys the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from .amounts import AmountError, Count, parse_count, parse_money, parse_percent
from .periods import DateError, PartialDate, parse_date
from .yaml_source import ScalarNode

BOOL_TAG = "tag:yaml.org,2002:bool"


class FieldValueError(ValueError):
    """The scalar does not fit the field; str() is what was expected."""


@dataclass(frozen=True)
class Text:
    """Free text: names, occasions, titles. Kept exactly as typed, trimmed."""

    max_length: int = 300
    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""

    @property
    def expected(self) -> str:
        return f"text of at most {self.max_length} characters"

    def read(self, node: ScalarNode) -> str:
        text = node.value.strip()
        if len(text) > self.max_length:
            raise FieldValueError(self.expected)
        return text


@dataclass(frozen=True)
class Choice:
    """One of a fixed list, such as an award's level; the message lists them all."""

    options: tuple[str, ...]
    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""

    @property
    def expected(self) -> str:
        return "one of " + "、".join(self.options)

    def read(self, node: ScalarNode) -> str:
        text = node.value.strip()
        if text not in self.options:
            raise FieldValueError(self.expected)
        return text


@dataclass(frozen=True)
class CountOf:
    """A whole number in a measure word (人次, 家, 條); the first unit is the one shown."""

    units: tuple[str, ...]
    summable: ClassVar[bool] = True

    @property
    def unit(self) -> str:
        return self.units[0] if self.units else ""

    @property
    def expected(self) -> str:
        of = f" of {self.unit}" if self.unit else ""
        return f"a whole number ≥ 0{of} (such as 37 or 120多)"

    def read(self, node: ScalarNode) -> Count:
        if node.tag == BOOL_TAG:
            raise FieldValueError(self.expected)
        try:
            return parse_count(node.value, self.units)
        except AmountError as error:
            raise FieldValueError(str(error)) from error


@dataclass(frozen=True)
class Money:
    """Yuan, exact; see amounts.parse_money for what editors may type."""

    summable: ClassVar[bool] = True
    unit: ClassVar[str] = "元"
    expected: ClassVar[str] = "an amount such as 14400, 14,400元 or 1.2萬元"

    def read(self, node: ScalarNode) -> Decimal:
        if node.tag == BOOL_TAG:
            raise FieldValueError(self.expected)
        try:
            return parse_money(node.value)
        except AmountError as error:
            raise FieldValueError(str(error)) from error


@dataclass(frozen=True)
class Percent:
    """A rate between 0 and 100, such as a contract signing rate."""

    summable: ClassVar[bool] = False
    unit: ClassVar[str] = "%"
    expected: ClassVar[str] = "a percentage such as 98.5%"

    def read(self, node: ScalarNode) -> Decimal:
        try:
            return parse_percent(node.value)
        except AmountError as error:
            raise FieldValueError(str(error)) from error


@dataclass(frozen=True)
class Date:
    """A day, a month or a year: 2021-09-18, 2021-09, 2021年9月."""

    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""
    expected: ClassVar[str] = "a date such as 2021-09-18 or 2021-09"

    def read(self, node: ScalarNode) -> PartialDate:
        try:
            return parse_date(node.value)
        except DateError as error:
            raise FieldValueError(str(error)) from error


FieldType = Text | Choice | CountOf | Money | Percent | Date

