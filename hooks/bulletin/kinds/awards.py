"""Awards and honours (團體第一名, 一等獎, 模範職工之家, 服務明星): what, from whom, to whom.

Only awards won count. A federation also nominates (推薦) members for a higher level's honour,
and a work may be shortlisted (入圍): those are listed in a table of their own and added to no
total, headline, index count or roll-up. A team's first place, an individual's medal, a work's
prize and a unit's 獎狀 are not one sort of thing either: totals are per recipient type.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..amounts import Count
from ..periods import PartialDate
from ..schema import Apart, Kind, Record, choice, count, date, text

# Who gives the award, from inside the unit to the whole country; the awards index groups by it.
# Railways: 車間 → 段 → 路局 → 部; enterprises: 公司 → 集團; places: 街道/鎮 → 區/縣 (one rank,
# two names) → 市 → 省 → 全國.
LEVELS = (
    "本單位", "車間", "段", "路局", "部", "公司", "集團",
    "街道", "鎮", "區", "縣", "市", "省", "全國",
)
# What editors type for a level. A 直轄市 (北京、天津、上海、重慶) or 自治區 is of provincial rank,
# so its awards are 省. 「區縣」 names two levels and is refused: which one gave it is a fact to
# write, not to guess. Simplified forms are accepted as typed on a Simplified keyboard.
LEVEL_ALIASES = {
    "公司級": "公司", "集團級": "集團", "街道級": "街道", "鎮級": "鎮", "區級": "區", "縣級": "縣",
    "市級": "市", "地市級": "市", "省級": "省", "直轄市": "省", "直轄市級": "省", "自治區級": "省",
    "全國級": "全國", "國家級": "全國",
    "本单位": "本單位", "车间": "車間", "集团": "集團", "镇": "鎮", "镇级": "鎮", "区": "區", "区级": "區",
    "县": "縣", "县级": "縣", "市级": "市", "省级": "省", "直辖市": "省", "直辖市级": "省",
    "全国": "全國", "全国级": "全國", "国家级": "全國",
}
LEVEL_HINT = ("照抄上列的一個詞（也可寫 縣級、市級、省級、國家級）；直轄市授予的寫 省；"
              "「區縣」是兩個層級，請寫明是 區 還是 縣")
RECIPIENTS = ("團體", "個人", "單位", "作品")
WON, NOMINATED, SHORTLISTED = "獲得", "推薦", "入圍"
STATUS_ALIASES = {"獲獎": WON, "推薦評選": NOMINATED, "提名": NOMINATED,
                  "获得": WON, "获奖": WON, "推荐": NOMINATED, "推荐评选": NOMINATED, "入围": SHORTLISTED}


@dataclass(frozen=True, kw_only=True, eq=False)
class Award(Record):
    title: str | None = text("獎項", required=True)
    rank: str | None = text("名次／等級")
    level: str | None = choice("授予層級", LEVELS, required=True, aliases=LEVEL_ALIASES, hint=LEVEL_HINT)
    awarded_by: str | None = text("授予單位")
    recipient_type: str | None = choice("獲獎類型", RECIPIENTS)
    # Award winners are public by custom, so the name is shown.
    recipient: str | None = text("獲獎者")
    # One award per entry unless the editor says how many (3 works won 二等獎).
    count: Count | None = count("數量", "", "項", "個", "名", "人", "幅", default=Count(1))
    date: PartialDate | None = date("日期")
    status: str | None = choice("狀態", (WON, NOMINATED, SHORTLISTED), default=WON, aliases=STATUS_ALIASES)


KIND = Kind(
    key="awards", title="獲獎榮譽", record=Award, order=30, total_by="recipient_type",
    apart=Apart("status", (NOMINATED, SHORTLISTED), "推薦與入圍",
                "推薦、入圍不是獲獎：不計入獲獎的合計、數量與任何彙總。"),
)
