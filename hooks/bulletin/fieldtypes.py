"""The kinds of value a record field can hold, each read from the exact text the editor typed.

A field type knows how to read a YAML scalar, what to say when it cannot (「應為…」), and
whether a column of it adds up to a 合計. Record kinds combine these; they never parse text
themselves, so every money field in the archive obeys the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from .amounts import AmountError, Count, Yuan, parse_count, parse_money, parse_percent
from .dates import DateValue, parse_dates
from .periods import DateError
from .problems import Unexpected
from .yaml_source import ScalarNode

BOOL_TAG = "tag:yaml.org,2002:bool"

# Characters no text of ours may carry into a page or a CSV file: control characters (a NUL
# among them; tabs and line breaks are text) and the bidirectional embeddings, overrides and
# isolates, which make a page show its text in another order than the file holds (a name or a
# figure reversed, CVE-2021-42574). The marks U+200E/U+200F only set the direction of the
# neutral characters beside them, cannot reorder Chinese text or digits, and are left alone.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_DIRECTIONS = {
    "\u202a": "由左至右嵌入", "\u202b": "由右至左嵌入", "\u202c": "結束嵌入", "\u202d": "由左至右覆寫",
    "\u202e": "由右至左覆寫", "\u2066": "由左至右隔離", "\u2067": "由右至左隔離", "\u2068": "首字方向隔離",
    "\u2069": "結束隔離",
}


def unsafe_character(character: str) -> tuple[str, str, str]:
    """A character of UNSAFE_CHARACTERS as messages name it: its kind, its code, how to fix it."""
    code = f"U+{ord(character):04X}"
    if character in _DIRECTIONS:
        return ("文字方向控制字元", f"{code}（{_DIRECTIONS[character]}）",
                "它會讓網頁上的文字以另一個次序顯示，讀者看到的與檔案不同；刪去它（多半是從網頁或其他軟體複製來的）")
    return "控制字元", code, "這個看不見的字元多半是從其他軟體複製來的；刪去後重新輸入這一段"


class FieldValueError(Unexpected):
    """The scalar does not fit the field: what was expected, and a hint when there is one."""


@dataclass(frozen=True)
class Text:
    """Free text: names, occasions, titles. Kept exactly as typed, trimmed."""

    max_length: int = 300
    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""

    @property
    def expected(self) -> str:
        return f"不超過 {self.max_length} 個字的文字"

    def read(self, node: ScalarNode) -> str:
        text = node.value.strip()
        if len(text) > self.max_length:
            raise FieldValueError(self.expected, "長的說明請寫在敘述（docs/ 下的 Markdown）中")
        unsafe = UNSAFE_CHARACTERS.search(text)  # typed as an escape ("\0", "\u202E") in quotes
        if unsafe:
            kind, _, hint = unsafe_character(unsafe.group())
            raise FieldValueError(f"不含{kind}的文字", hint)
        return text


@dataclass(frozen=True)
class Choice:
    """One of a fixed list, such as an award's level; the message lists them all.

    `aliases` are other words editors type for an option (縣級 for 縣, 國家級 for 全國): the record
    keeps the option itself, so tables group and order by one word, and a message still lists
    the options only. `hint` replaces the usual one where a field has a rule worth saying.
    """

    options: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # (what is typed, the option it means)
    hint: str = "照抄上列的一個詞，不加其他字"
    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for typed, option in self.aliases:
            if option not in self.options or typed in self.options:
                raise TypeError(f"alias {typed!r} → {option!r} does not lead to one of {self.options}")

    @property
    def expected(self) -> str:
        return "下列之一：" + "、".join(self.options)

    def read(self, node: ScalarNode) -> str:
        text = node.value.strip()
        if text in self.options:
            return text
        option = dict(self.aliases).get(text)
        if option is None:
            raise FieldValueError(self.expected, self.hint)
        return option


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
        of = f"以{self.unit}計的" if self.unit else ""
        return f"{of} 0 或以上整數（例如 37 或 120多）".lstrip()

    def read(self, node: ScalarNode) -> Count:
        if node.tag == BOOL_TAG:
            raise FieldValueError(self.expected, "這裡要寫數字，不是 是/否")
        try:
            return parse_count(node.value, self.units)
        except AmountError as error:
            raise FieldValueError(error.expected, error.hint) from error


@dataclass(frozen=True)
class Money:
    """Yuan, exact or a lower bound (1800多元); see amounts.parse_money for what editors may type."""

    summable: ClassVar[bool] = True
    unit: ClassVar[str] = "元"
    expected: ClassVar[str] = "金額，例如 14400、14,400元、1.2萬元 或 1800多元"

    def read(self, node: ScalarNode) -> Yuan:
        if node.tag == BOOL_TAG:
            raise FieldValueError(self.expected, "這裡要寫金額，不是 是/否")
        try:
            return parse_money(node.value)
        except AmountError as error:
            raise FieldValueError(error.expected, error.hint) from error


@dataclass(frozen=True)
class Percent:
    """A rate between 0 and 100, such as a contract signing rate."""

    summable: ClassVar[bool] = False
    unit: ClassVar[str] = "%"
    expected: ClassVar[str] = "百分比，例如 98.5%"

    def read(self, node: ScalarNode) -> Decimal:
        try:
            return parse_percent(node.value)
        except AmountError as error:
            raise FieldValueError(error.expected, error.hint) from error


@dataclass(frozen=True)
class Date:
    """A day, a month or a year (2021-09-18, 2021-09, 2021年9月), several (4月、9月) or a range (4月至6月).

    `year` is the report's, for the parts written without one; see dates.parse_dates.
    """

    summable: ClassVar[bool] = False
    unit: ClassVar[str] = ""
    expected: ClassVar[str] = "日期，例如 2021-09-18、2021-09 或 4月至6月"

    def read(self, node: ScalarNode, year: int | None = None) -> DateValue:
        try:
            return parse_dates(node.value, year)
        except DateError as error:
            raise FieldValueError(error.expected, error.hint) from error


FieldType = Text | Choice | CountOf | Money | Percent | Date

