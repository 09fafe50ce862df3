"""How a kind of record is declared: a dataclass whose fields say how they are read and shown.

A kind module (see `kinds/visits.py`) writes each field once, with its label, type and roles:

    people: Count | None = count("人次", "人次")
    cash: Decimal | None = money("慰問金", fund=CASH)

and everything else — reading YAML, messages, table columns, 合計 rows, derived funds, privacy —
is driven from that declaration. That is what keeps a new kind to one small module.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .fieldtypes import Choice, CountOf, Date, FieldType, Money, Percent, Text
from .problems import Location

CASH, IN_KIND = "cash", "in_kind"
_SPEC = "bulletin"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind: its YAML key, its column label, how it is read, what role it plays."""

    name: str
    label: str
    type: FieldType
    required: bool = False
    private: bool = False          # personal data: counted, never rendered
    names: bool = False            # people's names, several may be listed (王大同、李小明)
    part_of: str | None = None     # 其中: cannot exceed this other field
    fund: str | None = None        # CASH or IN_KIND when the amount is money the union spent
    measure_from: str | None = None  # the field holding this count's measure word (家, 人 …)
    default: object = None         # the value when the editor leaves the field out

    @property
    def totalled(self) -> bool:
        """A column gets a 合計 when its values are the same sort of thing on every row."""
        return self.type.summable and self.measure_from is None

    @property
    def header(self) -> str:
        """Column header with its unit: 慰問金（元）, 人次."""
        unit = self.type.unit
        if not unit or self.label.endswith(unit) or self.measure_from:
            return self.label
        return f"{self.label}（{unit}）"


def _declare(label: str, field_type: FieldType, **roles: Any) -> Any:
    return declared(FieldSpec(name="", label=label, type=field_type, **roles))


def declared(spec: FieldSpec) -> Any:
    """The dataclass field that carries `spec`: what the helpers below make for a kind module, and
    what a kind declared in data/kinds/ is compiled into (declared_kinds.py), so both are one thing."""
    return field(default=spec.default, metadata={_SPEC: spec})


def text(label: str, *, required: bool = False, private: bool = False, names: bool = False,
         max_length: int = 300) -> Any:
    return _declare(label, Text(max_length), required=required, private=private, names=names)


def choice(label: str, options: tuple[str, ...], *, required: bool = False, default: str | None = None,
           aliases: Mapping[str, str] | None = None, hint: str | None = None) -> Any:
    """One of `options`; `aliases` maps other words editors type to the option they mean."""
    field_type = Choice(options, tuple((aliases or {}).items()), *((hint,) if hint else ()))
    return _declare(label, field_type, required=required, default=default)


def count(
    label: str, *units: str, part_of: str | None = None, required: bool = False,
    measure_from: str | None = None, default: object = None,
) -> Any:
    """A count; the first of `units` is shown in the header, all may be typed after the number.

    With no units, or "" first, the header is the label alone (數量); with `measure_from` the measure word comes
    from another field of the same record (a list of organisation figures in 家 and 人), so the
    column has no 合計.
    """
    return _declare(
        label, CountOf(units), part_of=part_of, required=required,
        measure_from=measure_from, default=default,
    )


def money(label: str, *, fund: str | None = None, required: bool = False) -> Any:
    return _declare(label, Money(), fund=fund, required=required)


def percent(label: str) -> Any:
    return _declare(label, Percent())


def date(label: str) -> Any:
    return _declare(label, Date())


@dataclass(frozen=True, kw_only=True, eq=False)
class Record:
    """What every record carries besides its figures: where it was written, field by field."""

    source: Location
    locations: Mapping[str, Location] = field(default_factory=dict)
    # Private fields this record's editor marked publishable (`publish: beneficiaries`): a person
    # who agreed to be named. Every other private value stays off the site.
    published: frozenset[str] = frozenset()

    def withholds(self, spec: FieldSpec) -> bool:
        """Whether this field's value stays off the site: a private field does, unless this record
        published it. The one statement of the rule that tables, downloads and the privacy scan follow."""
        return spec.private and spec.name not in self.published

    def figures(self) -> tuple[tuple[str, object], ...]:
        """The declared fields that were given, in order: what makes two records the same entry."""
        return tuple((name, value) for name in _declared_names(type(self))
                     if (value := getattr(self, name)) is not None)


def _declared_names(record: type) -> tuple[str, ...]:
    """A record class's declared fields, in order, worked out once per class: asked for every
    record read (20,000 at 2,000 reports). Declared kinds get new classes at each load; the
    weak keys let the old ones go."""
    names = _DECLARED_NAMES.get(record)
    if names is None:
        names = _DECLARED_NAMES[record] = tuple(f.name for f in dataclasses.fields(record) if _SPEC in f.metadata)
    return names


_DECLARED_NAMES: weakref.WeakKeyDictionary[type, tuple[str, ...]] = weakref.WeakKeyDictionary()


Check = Callable[[Any], list[tuple[str, str, str]]]  # (field, message, hint)


@dataclass(frozen=True)
class Apart:
    """Records listed in a table of their own and counted in no total, by a Choice field's value:
    a nomination is not an award won, a hospital's admissions are not union work."""

    field: str
    values: tuple[str, ...]
    title: str  # the second table's caption after the kind's title: 獲獎榮譽：推薦與入圍
    note: str   # why these rows are apart, under that table


@dataclass(frozen=True)
class Ratio:
    """A share shown after its part's column, per row and for the 合計: 回收率 = 回收 / 發放."""

    label: str
    part: str
    whole: str


@dataclass(frozen=True)
class Kind:
    """A kind of figure (visits, awards …): its key in record files, its title, its record class."""

    key: str
    title: str
    record: type[Record]
    order: int
    # What money of this kind is spent on, for the derived funds table (a record may decide).
    fund_purpose: str | Callable[[Any], str] | None = None
    # Cross-field rules beyond 其中 ≤ whole: return (field, "應為…，實為…", hint) triples.
    checks: Check | None = None
    # 合計 rows per value of this Choice field and no grand total: yuan collected from members
    # and yuan granted to lower unions are both money, but their sum means nothing.
    total_by: str | None = None
    apart: Apart | None = None
    # False: each record's figures stand alone (one-off figures), no 合計 and nothing in overviews.
    totalled: bool = True
    # Figures at a date (會員, 職工之家): each report's own, never added across reports or units,
    # since a federation's count already holds the unions below it.
    stock: bool = False
    ratios: tuple[Ratio, ...] = ()
    # What prose calls this kind besides its title (走訪慰問, 送溫暖, 探視 …): a figure typed after
    # one of them is held to these records (consistency.py). Words that name other things too
    # (走訪, 困難職工) would hold other figures to them; leave those out.
    words: tuple[str, ...] = ()
    fields: tuple[FieldSpec, ...] = ()

    def __post_init__(self) -> None:
        specs = []
        for f in dataclasses.fields(self.record):
            if _SPEC in f.metadata:
                specs.append(dataclasses.replace(f.metadata[_SPEC], name=f.name))
        object.__setattr__(self, "fields", tuple(specs))
        names = {s.name for s in specs}
        for spec in specs:
            if spec.part_of is not None and spec.part_of not in names:
                raise TypeError(f"{self.key}.{spec.name}: part_of names unknown field {spec.part_of}")
        wholes = {s.name: s.part_of for s in specs}
        for start in wholes:  # 其中 chains (辦結 ≤ 立案 ≤ 提出) must end: reading walks them
            seen, whole = {start}, wholes[start]
            while whole is not None:
                if whole in seen:
                    raise TypeError(f"{self.key}: part_of goes round in a circle through {whole}")
                seen.add(whole)
                whole = wholes.get(whole)
        choices = {s.name: s.type.options for s in specs if isinstance(s.type, Choice)}
        if self.total_by is not None and self.total_by not in choices:
            raise TypeError(f"{self.key}: total_by names no choice field {self.total_by}")
        if self.apart is not None and not set(self.apart.values) <= set(choices.get(self.apart.field, ())):
            raise TypeError(f"{self.key}: apart values are not options of {self.apart.field}")
        for ratio in self.ratios:
            if not {ratio.part, ratio.whole} <= names:
                raise TypeError(f"{self.key}: ratio {ratio.label} names an unknown field")

    def field(self, name: str) -> FieldSpec:
        return next(s for s in self.fields if s.name == name)

    @property
    def total_by_options(self) -> tuple[str, ...]:
        """The options of the total_by field (made sure to be a choice above); () without total_by."""
        spec = None if self.total_by is None else self.field(self.total_by)
        return spec.type.options if spec is not None and isinstance(spec.type, Choice) else ()

    def counted(self, record: Record) -> bool:
        """Whether a record's figures enter totals: not when its kind sets it apart."""
        return self.apart is None or getattr(record, self.apart.field) not in self.apart.values

    def purpose_of(self, record: Record) -> str:
        if callable(self.fund_purpose):
            return self.fund_purpose(record)
        return self.fund_purpose or self.title


__all__ = [
    "CASH", "IN_KIND", "Apart", "Check", "Choice", "CountOf", "Date", "FieldSpec", "Kind", "Money",
    "Percent", "Ratio", "Record", "Text", "choice", "count", "date", "money", "percent", "text",
]
