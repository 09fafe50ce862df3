"""Awards and honours (團體第一名, 一等獎, 模範職工之家, 服務明星): what, from whom, to whom."""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Kind, Record, choice, count, date, text

# Who gives the award, from inside the unit to the whole country; the awards index groups by it.
LEVELS = (
    "本單位", "車間", "段", "路局", "部", "公司", "集團",
    "街道", "鎮", "區", "市", "省", "全國",
)
RECIPIENTS = ("團體", "個人", "單位", "作品")


@dataclass(frozen=True, kw_only=True, eq=False)
class Award(Record):
    title: str | None = text("獎項", required=True)
    rank: str | None = text("名次／等級")
    level: str | None = choice("授予層級", LEVELS, required=True)
    awarded_by: str | None = text("授予單位")
    recipient_type: str | None = choice("獲獎類型", RECIPIENTS)
    # Award winners are public by custom, so the name is shown.
    recipient: str | None = text("獲獎者")
    # One award per entry unless the editor says how many (3 works won 二等獎).
    count: Count | None = count("數量", "", "項", "個", "名", "人", "幅", default=Count(1))
    date: PartialDate | None = date("日期")


KIND = Kind(key="awards", title="獲獎榮譽", record=Award, order=30)
