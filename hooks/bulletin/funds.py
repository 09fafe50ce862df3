"""Funds: the money a report's records say the union spent, by purpose, cash and in kind apart.

Funds are never entered: they are read off the money fields that a kind marks as spending
(a visit's 慰問金 is cash, its goods are in kind), so the same yuan cannot be counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .amounts import Yuan
from .formatting import format_money, format_share, share_of
from .kinds import KINDS
from .schema import CASH, IN_KIND, Record
from .tables import TOTAL_LABEL, Cell, Column, Table, approximate_notes, money_header

FUNDS_KEY = "funds"
FUNDS_TITLE = "經費使用"


@dataclass(frozen=True)
class FundLine:
    """One amount spent: for what, in which form, from which record."""

    purpose: str
    form: str
    amount: Yuan
    kind: str
    record: Record


def fund_lines(records_by_kind: Mapping[str, Sequence[Record]]) -> list[FundLine]:
    """Every spending amount of a report, in kind order then record order."""
    lines = []
    for key, kind in KINDS.items():
        for record in records_by_kind.get(key, ()):
            for spec in kind.fields:
                amount = getattr(record, spec.name)
                if spec.fund is not None and amount is not None:
                    lines.append(FundLine(kind.purpose_of(record), spec.fund, amount, key, record))
    return lines


def funds_table(lines: Iterable[FundLine], money_unit: str = "元") -> Table:
    """用途 | 現金 | 實物折合 | 合計 | 佔比, one row per purpose, with the 合計 row."""
    by_purpose: dict[str, dict[str, Yuan]] = {}
    for line in lines:
        forms = by_purpose.setdefault(line.purpose, {CASH: Decimal(0), IN_KIND: Decimal(0)})
        forms[line.form] += line.amount  # a lower bound (1800多) makes the sum one
    grand: dict[str, Yuan] = {CASH: Decimal(0), IN_KIND: Decimal(0)}
    for forms in by_purpose.values():
        for form, amount in forms.items():
            grand[form] += amount
    grand_total = grand[CASH] + grand[IN_KIND]

    def money(amount: Yuan) -> Cell:
        return Cell(amount, format_money(amount, money_unit))

    rows = []
    for purpose, forms in by_purpose.items():
        total = forms[CASH] + forms[IN_KIND]
        rows.append((Cell(purpose, purpose), money(forms[CASH]), money(forms[IN_KIND]), money(total),
                     Cell(share_of(total, grand_total), format_share(total, grand_total))))
    columns = (
        Column("用途", field="purpose"), Column(money_header("現金", money_unit), True, CASH),
        Column(money_header("實物折合", money_unit), True, IN_KIND),
        Column(money_header("合計", money_unit), True, "total"), Column("佔比", True, "share"),
    )
    total_row = None
    if rows:
        total_row = (Cell(TOTAL_LABEL, TOTAL_LABEL), money(grand[CASH]), money(grand[IN_KIND]),
                     money(grand_total), Cell(Decimal(1) if grand_total else None, "100%" if grand_total else "—"))
    notes = ("由各項記錄中的慰問金、助學幫扶金、競賽獎金、活動經費等金額彙總，不另行填報。",)
    return Table(FUNDS_KEY, FUNDS_TITLE, columns, tuple(rows), total_row,
                 (*notes, *approximate_notes(rows)) if rows else ())
