"""How well search answers readers, in both scripts: recall, precision at rank 1, lone highlights.

    .venv/bin/python scripts/bench/search_quality.py [SITE]     (SITE: a built site, default site/)

Runs Material's own search worker (the file the site ships, with its index) in Debian's Chromium,
so the figures are those a reader gets, without typing into the box. Each query is asked as
written (Traditional) and converted to Simplified. A page is expected for a query when its article
text holds the query in either script (commas in figures ignored); a page is a hit when it is
among the results.

- recall: hits / expected pages, summed over the queries; and how many queries found every page;
- precision at rank 1: the first result's page holds the whole query;
- lone highlights: results of a query of two or more characters that mark one character of it
  alone in their snippet (和 of 和諧杯 in 和服).
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.search_scripts import to_simplified  # noqa: E402

QUERIES = [
    # unit names
    "宣城車間工會", "東航美心", "掌起鎮工會", "羅湖區總工會", "合作銀行", "蕪湖車務段", "上海鐵路局",
    "東航投資公司", "農業合作銀行", "區總工會", "車間工會",
    # kind titles
    "看望慰問", "幫扶助學", "獲獎榮譽", "勞動競賽", "民主管理", "勞資糾紛", "活動紀要", "工會經費",
    "組織建設", "安全生產", "徵集活動", "教育培訓", "問卷調查",
    # award titles and ranks
    "模範職工之家", "服務明星", "優秀組織獎", "團體第一名", "季軍", "收息狀元", "和諧杯", "吸儲狀元",
    "技能競賽", "安全知識競賽", "籃球比賽", "最佳小食堂",
    # words from the middle of sentences
    "孃家人", "金秋助學", "合理化建議", "職代會", "廠務公開", "工傷探視", "職業病", "集體合同",
    "技術攻關", "運動會", "文藝匯演", "夏送清涼", "農民工", "慰問金", "安全知識", "段徽",
    "工資集體協議", "建築工人", "蓮塘街道", "主人翁", "困難職工", "職工之家", "書畫攝影",
    # figures, as typed by a reader
    "14400", "14,400", "1850", "41000", "349", "120多",
]

_WORKER = """async ([worker, index]) => {
  const w = new Worker(worker);
  const answer = () => new Promise(resolve => w.onmessage = e => resolve(e.data));
  w.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  await answer();
  window.ask = async query => { w.postMessage({type: 2, data: query}); return (await answer()).data; };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def page_texts(site: Path) -> dict[str, str]:
    """Each page's article text, folded to Simplified and without commas, by its path."""
    texts = {}
    for path in site.rglob("index.html"):
        if "search" in path.parts or path.parent == site / "404" or path.parent.name == "print":
            continue  # print pages are left out of search on purpose
        raw = path.read_text(encoding="utf-8")
        article = raw[raw.find("<article"):raw.find("</article>")]
        text = html.unescape(re.sub(r"<[^>]+>", " ", article))
        key = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        texts[key] = to_simplified(text).replace(",", "")
    return texts


def holds(text: str, query: str) -> bool:
    return to_simplified(query).replace(",", "") in text


def lone_marks(result: dict, query: str) -> list[str]:
    """Single characters of a longer query marked alone in a result's title or snippet."""
    if len(query) < 2:
        return []
    marked = re.findall(r"<mark>(.*?)</mark>", result.get("title", "") + result.get("text", ""))
    return [m for m in marked if len(m) == 1 and m in query]


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    texts = page_texts(site)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The worker the pages use (ours wraps Material's), as their __config names it.
    worker = re.search(r'"search": "([^"]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    figures = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.evaluate(_WORKER, [worker, index])
            for script, convert in (("繁體", str), ("簡體", to_simplified)):
                expected_total = hit_total = complete = first_right = lone = 0
                misses = []
                for query in dict.fromkeys(convert(q) for q in QUERIES):
                    groups = page.evaluate("q => window.ask(q)", query)["items"]
                    found = [group[0]["location"].split("#")[0] for group in groups]
                    expected = {p for p, t in texts.items() if holds(t, query)}
                    hits = expected & set(found)
                    expected_total, hit_total = expected_total + len(expected), hit_total + len(hits)
                    complete += hits == expected
                    first_right += bool(found) and holds(texts.get(found[0], ""), query)
                    lone += any(lone_marks(item, query) for group in groups for item in group)
                    if hits != expected or not found or not holds(texts.get(found[0], ""), query):
                        misses.append(f"{query} ({len(hits)}/{len(expected)}, 1st {found[0] if found else '—'})")
                asked = len(dict.fromkeys(convert(q) for q in QUERIES))
                figures[script] = {"queries": asked, "recall": hit_total / expected_total,
                                   "complete": complete, "precision_at_1": first_right / asked,
                                   "lone_highlights": lone, "misses": misses}
            browser.close()
    finally:
        server.shutdown()
    return figures


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    print(f"index {site / 'search' / 'search_index.json'}: "
          f"{(site / 'search' / 'search_index.json').stat().st_size:,} bytes")
    for script, f in measure(site).items():
        print(f"{script}: {f['queries']} queries; recall {f['recall']:.1%}, every page found for "
              f"{f['complete']}; precision at rank 1 {f['precision_at_1']:.1%}; "
              f"queries with a lone character highlighted {f['lone_highlights']}")
        for miss in f["misses"]:
            print("   ", miss)


if __name__ == "__main__":
    main()
