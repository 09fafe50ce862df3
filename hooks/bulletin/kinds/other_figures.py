"""Other figures (其他數據): what no fixed kind foresees, so that every figure of a report has a place.

One-off figures of the union's work (「栽植花草1790棵、樹木105棵」, 「雇鏟車1輛」) each with the
measure word the record gives, or an amount; and context figures (背景數據) a report quotes about
its host organisation (a hospital's 住院人次 or 經營收入, a firm's output), which are not union work.

Nothing here is added: the items have nothing in common but this table (1790棵 flowers and 105棵
trees, 1輛 loader), so there is no 合計 and no overview carries them. Context figures are set
apart in a table of their own, labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import Apart, Kind, Record, choice, count, money, text

YES, NO = "是", "否"
# `context: true` is what many editors type; YAML hands us the text as written.
FLAG_ALIASES = {"true": YES, "True": YES, "TRUE": YES, "yes": YES, "false": NO, "False": NO, "FALSE": NO, "no": NO}
MONEY_WORDS = ("元", "萬元", "万元", "萬", "万")


@dataclass(frozen=True, kw_only=True, eq=False)
class OtherFigure(Record):
    item: str | None = text("項目", required=True)
    quantity: Count | None = count("數量", measure_from="measure")
    measure: str | None = text("量詞", max_length=4)
    amount: Decimal | None = money("金額")
    context: str | None = choice("背景數據", (YES, NO), aliases=FLAG_ALIASES)
    note: str | None = text("備註")


def _check(record: OtherFigure) -> list[tuple[str, str, str]]:
    problems = []
    if record.quantity is None and record.amount is None:
        problems.append(("item", "應有數量（quantity 與 measure）或金額（amount），實為兩者皆空白",
                         "寫上這一項的數字，例如 quantity: 1790 與 measure: 棵，或 amount: 3.2萬元"))
    if record.quantity is not None and record.measure is None:
        problems.append(("quantity", "應同時寫明量詞（measure），實為空白", "例如 measure: 棵"))
    if record.measure in MONEY_WORDS:
        problems.append(("measure", f"應為錢以外的量詞（棵、輛、人次），實為 \"{record.measure}\"",
                         "金額請寫在 amount: 之下，例如 amount: 3.2萬元，才會精確到分"))
    return problems


KIND = Kind(
    key="other_figures", title="其他數據", record=OtherFigure, order=120, checks=_check, totalled=False,
    apart=Apart("context", (YES,), "背景數據（非工會工作）",
                "背景數據是所在單位（醫院、學校、企業）的數據，不是工會的工作：不計入任何合計與彙總。"),
)
