"""A synthetic union archive of N units × Y years, the same for every run (fixed seed).

The benchmark and the scale checks need archives far larger than the sample, shaped like a
district federation's: a unit tree three levels deep, a report per unit per year, each with a
narrative of about 3 KB of Chinese prose (sections, the usual phrases of a 工作總結) and records
of the common kinds, with table markers where the sections speak of them. Every file passes
`scripts/check`; nothing is real.

    python scripts/bench/synthetic.py OUT_DIR --units 100 --years 5
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_YEAR = 2012

_PLACES = "東城 西城 南湖 北山 江口 河西 新橋 青石 白沙 金田 長樂 永安 安平 寧遠 和平 興華 光明 紅星 前進 勝利".split()
_TRADES = "機務 車務 工務 電務 供電 物流 紡織 機械 化工 建材 食品 電子 醫藥 印刷 港務 糧油 供銷 自來水 公交 郵政".split()
_SUFFIX = ("公司", "廠", "段", "車間", "中心", "站")

_OPENINGS = (
    "{year}年，{name}在上級工會和本單位黨政的領導下，圍繞中心工作，履行維護、建設、參與、教育職能，"
    "團結動員廣大職工立足崗位建功立業，較好地完成了全年各項任務。現將主要工作總結如下。",
    "一年來，{name}堅持以職工為中心，緊扣企業發展目標，扎實推進民主管理、勞動競賽、幫扶救助和文體活動，"
    "工會組織的凝聚力和戰鬥力進一步增強。",
)
_SECTIONS = (
    ("加強自身建設，夯實工會基礎", ("organisation",)),
    ("關心職工生活，做好幫扶慰問", ("visits", "aid")),
    ("開展勞動競賽，助推企業發展", ("competitions", "suggestions")),
    ("抓好教育培訓，提升職工素質", ("training",)),
    ("豐富文化生活，營造和諧氛圍", ("events", "awards")),
)
_SENTENCES = (
    "工會堅持把職工群眾的冷暖放在心上，逢年過節走訪慰問一線職工和困難家庭，把組織的溫暖送到職工身邊。",
    "我們以職工之家建設為抓手，完善職工書屋、健身室和母嬰室等設施，讓職工在工作之餘有學習休閒的場所。",
    "圍繞安全生產和提質增效，組織開展崗位練兵和技能比武，一批青年職工在比賽中脫穎而出。",
    "深入開展合理化建議和技術革新活動，鼓勵職工立足崗位出點子、想辦法，為企業降本增效作出貢獻。",
    "堅持以職代會為基本形式的企業民主管理制度，推行廠務公開，保障職工的知情權、參與權和監督權。",
    "注重發揮女職工委員會的作用，開展女職工健康體檢和「三八」節系列活動，維護女職工特殊權益。",
    "組織職工參加上級工會舉辦的文藝匯演和體育比賽，展現了職工積極向上的精神風貌。",
    "認真落實困難職工幫扶制度，建立健全困難職工檔案，做到底數清、情況明、措施實。",
    "開展夏送清涼、冬送溫暖活動，為高溫和嚴寒條件下堅守崗位的職工送去防暑降溫和防寒物品。",
    "結合形勢任務教育，組織職工學習新技術、新規章、新業務，職工隊伍整體素質穩步提高。",
    "加強工會幹部隊伍建設，組織工會幹部參加業務培訓，提高做好新時代工會工作的能力。",
    "認真做好工會經費的收繳、管理和使用，嚴格執行財務制度，做到專款專用、公開透明。",
)
_CLOSING = ("回顧一年來的工作，我們也清醒地看到存在的不足：工會工作的創新意識還不夠強，服務職工的方式方法還需改進。"
            "{next}年，{name}將繼續圍繞中心、服務大局，紮實做好各項工作，努力把工會建設成為職工信賴的職工之家。")


def unit_tree(count: int, rng: random.Random) -> list[tuple[str, str, str | None, str]]:
    """(id, name, parent, type): one federation, a tenth as branch unions, the rest under them."""
    units: list[tuple[str, str, str | None, str]] = [("federation", "示例區總工會", None, "區總工會")]
    branches = max(1, count // 10)
    for b in range(branches):
        place = _PLACES[b % len(_PLACES)]
        units.append((f"branch-{b + 1:03d}", f"{place}第{b + 1}街道總工會", "federation", "街道總工會"))
    for u in range(count - len(units)):
        parent = f"branch-{rng.randrange(branches) + 1:03d}"
        name = f"{rng.choice(_PLACES)}{rng.choice(_TRADES)}{rng.choice(_SUFFIX)}第{u + 1}工會"
        units.append((f"unit-{u + 1:04d}", name, parent, "基層工會"))
    return units[:count]


_SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐"
_GIVEN = "嘉宏俊怡婷雅淑慧欣宗翰柏瑋筠萱瑜哲皓翔睿彥琪妤涵庭蓁芸岑晏"


def records(year: int, rng: random.Random) -> dict[str, list[dict[str, object]]]:
    """The common kinds with plausible figures; money in 元 and 萬元, some counts approximate."""
    people = rng.randint(10, 400)
    return {
        "visits": [
            {"occasion": "春節慰問困難職工", "date": f"{year}-01", "people": people,
             "migrant_workers": rng.randint(0, people), "cash": f"{rng.randint(2, 400) * 100}元"},
            {"occasion": "夏送清涼", "date": f"{year}-07", "people": f"{rng.randint(20, 300)}人次",
             "in_kind": f"{rng.randint(1, 90) / 10}萬元"},
        ],
        "aid": [{"programme": "金秋助學", "type": "助學", "families": rng.randint(1, 20),
                 "students": rng.randint(1, 25), "amount": rng.randint(1, 60) * 500},
                # A hardship case with the person's name: private, so the privacy scan has work.
                {"programme": "困難職工幫扶", "type": "幫扶", "people": 1, "amount": rng.randint(2, 20) * 500,
                 "beneficiary": rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)}],
        "awards": [{"title": rng.choice(("模範職工之家", "先進基層工會", "工人先鋒號", "五一勞動獎狀")),
                    "level": rng.choice(("區", "市", "省", "公司")), "date": f"{year}-05"}],
        "suggestions": [{"campaign": "合理化建議活動", "submitted": (s := rng.randint(10, 300)),
                         "adopted": rng.randint(0, s), "benefit": f"{rng.randint(1, 80)}萬元"}],
        "competitions": [{"name": "崗位技能競賽", "times": rng.randint(1, 12),
                          "participants": f"{rng.randint(50, 900)}多" if rng.random() < 0.2 else rng.randint(50, 900),
                          "prize_money": rng.randint(1, 50) * 1000}],
        "training": [{"topic": "安全生產與業務技能培訓", "sessions": rng.randint(1, 40),
                      "attendees": rng.randint(30, 2500)}],
        "events": [{"name": "職工運動會", "date": f"{year}-09", "participants": rng.randint(20, 600),
                    "cost": rng.randint(5, 200) * 100}],
        "organisation": [{"item": "工會會員", "measure": "人", "previous": (p := rng.randint(50, 3000)),
                          "current": (c := rng.randint(0, 200)), "total": p + c}],
    }


def record_yaml(kinds: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for key, items in kinds.items():
        lines.append(f"{key}:")
        for item in items:
            for number, (name, value) in enumerate(item.items()):
                lines.append(f"  {'- ' if number == 0 else '  '}{name}: {value}")
        lines.append("")
    return "\n".join(lines)


_WHEN = ("年初", "一季度", "上半年", "五一前後", "七月", "國慶期間", "下半年", "年底", "全年", "春節前夕")
_WHO = ("一線職工", "青年職工", "女職工", "農民工", "困難職工", "退休職工", "班組長", "技術骨幹", "新入職員工", "勞動模範")
# No kind's words (慰問, 培訓, 競賽, 幫扶 …): a random figure beside one is a contradiction the
# narrative check rightly reports, and these sentences only stand in for prose.
_DID = ("開展談心談話", "召開班組會", "開展座談", "評選表彰", "組織參觀學習", "舉辦技能交流", "開展體檢", "徵求意見",
        "開展安全巡查", "組織志願服務")
_RESULT = ("反響良好", "參與踴躍", "效果明顯", "受到上級肯定", "職工滿意度提高", "形成了長效機制", "積累了經驗",
           "得到黨政支持", "解決了實際困難", "營造了良好氛圍")


def _sentence(rng: random.Random, name: str) -> str:
    """One of 10,000 combinations, with figures: narratives that do not repeat each other."""
    return (f"{rng.choice(_WHEN)}，{name}針對{rng.choice(_WHO)}{rng.choice(_DID)}{rng.randint(2, 60)}次，"
            f"涉及{rng.randint(10, 900)}人次，{rng.choice(_RESULT)}。")


def narrative(name: str, year: int, rng: random.Random) -> str:
    """About 3 KB: an opening, five numbered sections of prose with their markers, a closing."""
    parts = [rng.choice(_OPENINGS).format(year=year, name=name)]
    numbers = "一二三四五"
    short = name.removesuffix("工會")
    for number, (title, kinds) in zip(numbers, _SECTIONS, strict=True):
        parts.append(f"## {number}、{title}")
        parts.append("".join(rng.sample(_SENTENCES, 2)) + "".join(_sentence(rng, short) for _ in range(2)))
        parts += [f"<!-- bulletin/table {{ kind: {kind} }} -->" for kind in kinds]
    parts.append("## 六、存在的不足和下一步打算")
    parts.append(_CLOSING.format(next=year + 1, name=name))
    return "\n\n".join(parts) + "\n"


def generate(out: Path, unit_count: int, years: int, seed: int = 2021) -> int:
    """A project in `out` (mkdocs.yml and hooks as shipped); returns the number of reports."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    (out / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", out / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", out / "docs" / "assets")
    (out / "docs" / "index.md").write_text("合成的示例檔案，僅供測量建置速度。\n", encoding="utf-8")
    units = unit_tree(unit_count, rng)
    registry = ["units:"]
    for unit_id, name, parent, unit_type in units:
        registry += [f"  {unit_id}:", f"    name: {name}", f"    type: {unit_type}"]
        if parent:
            registry.append(f"    parent: {parent}")
    (out / "data" / "units.yml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    reports = 0
    for year in range(FIRST_YEAR, FIRST_YEAR + years):
        (out / "data" / str(year)).mkdir()
        (out / "docs" / str(year)).mkdir()
        for unit_id, name, _, _ in units:
            (out / "data" / str(year) / f"{unit_id}.yml").write_text(record_yaml(records(year, rng)), encoding="utf-8")
            (out / "docs" / str(year) / f"{unit_id}.md").write_text(narrative(name, year, rng), encoding="utf-8")
            reports += 1
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)
    reports = generate(args.out, args.units, args.years, args.seed)
    print(f"{reports} reports in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
