"""Money the union collects, passes on or applies for (經費往來): money that is not its spending.

A federation reports dues collected from member enterprises (「小微企業93戶，繳納工會經費63.38萬元」),
the share passed up (上解) and the share kept (留成), grants to lower unions and service stations
(「為11家工驛站撥款共計3.3萬元」), dues returned to small enterprises (返還), and money applied for
from the upper union on members' behalf (「對4名生活特殊困難省級勞模申請幫扶資金共計11.2萬元」).
None of it is spending by purpose, so no amount here has a fund role: the funds table (經費使用)
never sees it, and the report shows it in this table beside that one. Nor are the directions
added to each other (收繳 plus 撥付 means nothing): the table, the year overview, unit histories
and roll-ups total each direction on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..amounts import Count
from ..schema import Kind, Record, choice, count, money, text

# Into the union: 收繳 (dues from member units, 代收 by the tax office included), 上級補助 (a grant
# from the upper union to this one), 行政補助 (the host organisation's subsidy, Trade Union Law
# art. 42), 募捐 (donations collected from members, 一日捐). Out of it, not spent by it: 上解 (the
# share passed up), 撥付下級 (grants to lower unions, 工會驛站), 返還 (dues returned to small
# enterprises). 留成 is the share of the dues kept. 申請上級資金 is money asked of the upper union
# for members (困難勞模 aid): it passes through to them.
DIRECTIONS = ("收繳", "上解", "留成", "撥付下級", "返還", "上級補助", "行政補助", "募捐", "申請上級資金")
DIRECTION_ALIASES = {
    "代收": "收繳", "經費收繳": "收繳", "撥繳": "收繳", "上繳": "上解", "撥款": "撥付下級", "下撥": "撥付下級",
    "補助下級": "撥付下級", "返還小微企業": "返還", "上級撥款": "上級補助", "行政撥款": "行政補助",
    "捐款": "募捐", "申請幫扶資金": "申請上級資金",
    "收缴": "收繳", "经费收缴": "收繳", "拨缴": "收繳", "上缴": "上解", "拨付下级": "撥付下級", "拨款": "撥付下級",
    "下拨": "撥付下級", "返还": "返還", "上级补助": "上級補助", "上级拨款": "上級補助", "行政补助": "行政補助",
    "申请上级资金": "申請上級資金", "申请帮扶资金": "申請上級資金",
}


@dataclass(frozen=True, kw_only=True, eq=False)
class FundFlow(Record):
    item: str | None = text("事項", required=True)
    direction: str | None = choice("方向", DIRECTIONS, required=True, aliases=DIRECTION_ALIASES)
    counterpart: str | None = text("對象")
    units: Count | None = count("單位數", "家", "戶", "個")
    people: Count | None = count("人數", "人", "名")
    # Not spending: no fund role, so the funds table cannot count it.
    amount: Decimal | None = money("金額")
    note: str | None = text("備註")


KIND = Kind(key="fund_flows", title="經費往來", record=FundFlow, order=115, total_by="direction")
