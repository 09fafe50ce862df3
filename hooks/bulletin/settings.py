"""Site-wide choices an office makes once, read from `extra.bulletin` in mkdocs.yml.

    extra:
      bulletin:
        money_unit: 元     # or 萬元
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .formatting import MONEY_UNITS
from .problems import Location, Problem, quote, unknown_name

_OPTIONS = {"money_unit": "the unit amounts are shown in"}


@dataclass(frozen=True)
class Settings:
    money_unit: str = "元"


def locate_option(name: str, source: str, shown_as: str) -> Location:
    """MkDocs hands over the parsed config without positions; find the option's line in the file."""
    pattern = re.compile(rf"^(\s*){re.escape(name)}\s*:", re.MULTILINE)
    match = pattern.search(source)
    if match is None:
        return Location(shown_as)
    return Location(shown_as, source.count("\n", 0, match.start()) + 1, len(match[1]) + 1)


def read_settings(raw: object, shown_as: str, problems: list[Problem], source: str = "") -> Settings:
    """The settings, or the defaults for what is missing; each wrong option is a problem.

    `source` is the text of mkdocs.yml, used only to point messages at the right line.
    """
    where = locate_option("bulletin", source, shown_as)
    if raw is None:
        return Settings()
    if not isinstance(raw, Mapping):
        problems.append(Problem(where, "extra.bulletin", f"應為各個選項（名稱: 值），實為 {quote(raw)}",
                                "在 bulletin: 下面縮排寫選項，例如 money_unit: 元"))
        return Settings()
    values = {}
    for name, value in raw.items():
        field = f"extra.bulletin.{name}"
        where = locate_option(str(name), source, shown_as)
        if name not in _OPTIONS:
            problems.append(unknown_name(where, field, "選項", str(name), _OPTIONS))
        elif name == "money_unit" and value not in MONEY_UNITS:
            problems.append(Problem(where, field, f"應為下列之一：{'、'.join(MONEY_UNITS)}，實為 {quote(value)}",
                                    "表格中的金額以這個單位顯示"))
        else:
            values[name] = value
    return Settings(**values)
