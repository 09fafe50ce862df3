"""The broken-input corpus: what careless or hostile editing puts into an archive, case by case.

Each case starts from a small valid project (two units, one report with every kind's marker)
and replaces or adds files. `tests/corpus/expected/<case>.txt` holds the exact lines the editor
sees from `mkdocs build --strict`; `UPDATE_GOLDEN=1` rewrites them for review in `git diff`
(most from the core's checker in-process, see test_corpus.py; `tests/corpus/runner.py` builds
every case for real and names any whose build prints other lines).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bulletin.kinds import KINDS

TOWN = "data/2021/town.yml"
NARRATIVE = "docs/2021/town.md"
UNITS_FILE = "data/units.yml"
ALL_MARKERS = "".join(f"<!-- bulletin/table {{ kind: {key} }} -->\n\n" for key in KINDS)

BASE = {
    UNITS_FILE: "units:\n  district:\n    name: 示範區總工會\n  town:\n    name: 示範鎮工會\n    parent: district\n",
    TOWN: "visits:\n  - occasion: 春節慰問\n    people: 37\n    cash: 14400元\n",
    NARRATIVE: "全年走訪慰問職工。\n\n" + ALL_MARKERS,
    "docs/index.md": "# 首頁\n",
}

Content = str | bytes | None | Callable[[Path], None]  # None deletes; a callable writes the file itself


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, Content]
    why: str = ""
    config: str = ""  # appended to mkdocs.yml

    def write(self, root: Path, mkdocs_yml: str) -> None:
        for path, content in {**BASE, **self.files}.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if content is None:
                target.unlink(missing_ok=True)
            elif callable(content):
                content(target)
            elif isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        (root / "mkdocs.yml").write_text(mkdocs_yml + self.config, encoding="utf-8")


def record(text: str) -> dict[str, Content]:
    return {TOWN: text}


def visit(**fields: str) -> dict[str, Content]:
    lines = "".join(f"    {name}: {value}\n" for name, value in fields.items())
    return record("visits:\n  - occasion: 春節慰問\n" + lines)


def _fifty_megabytes(path: Path) -> None:
    with path.open("wb") as file:
        file.write(b"visits:\n")
        chunk = ("  - occasion: " + "慰問" * 40 + "\n").encode() * 1000
        while file.tell() < 50 * 1024 * 1024:
            file.write(chunk)


def _page_named_in_other_bytes(path: Path) -> None:
    """A page whose name is the byte 0xff: not UTF-8 (an old share, a zip from another system)."""
    (path.parent / os.fsdecode(b"\xff.md")).write_text("# 關於\n", encoding="utf-8")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _link_to_passwd(path: Path) -> None:
    path.symlink_to("/etc/passwd")


def _narrative_of_24_megabytes(path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        file.write(ALL_MARKERS)
        file.write(("全年走訪慰問職工，" * 1000 + "\n") * 900)


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


CASES: list[Case] = [
    # --- YAML syntax ---------------------------------------------------------------------
    Case("tab-indentation", record("visits:\n\t- occasion: 慰問\n")),
    Case("tab-inside-a-record", record("visits:\n  - occasion: 慰問\n  \tpeople: 3\n")),
    Case("colon-inside-a-value", record("visits:\n  - occasion: 慰問: 探視\n")),
    Case("unclosed-double-quote", record('visits:\n  - occasion: "慰問\n    people: 3\n')),
    Case("unclosed-single-quote", record("visits:\n  - occasion: '慰問\n")),
    Case("unclosed-bracket", record("visits:\n  - occasion: [慰問\n")),
    Case("unclosed-brace", record("visits:\n  - {occasion: 慰問\n")),
    Case("uneven-indentation", record("visits:\n  - occasion: 慰問\n   people: 3\n")),
    Case("item-outdented", record("visits:\n- occasion: a\n - occasion: b\n")),
    Case("two-documents", record("visits:\n  - occasion: 慰問\n---\nawards: []\n")),
    Case("value-starting-with-at", record("visits:\n  - occasion: @工會\n")),
    Case("value-starting-with-backtick", record("visits:\n  - occasion: `慰問`\n")),
    Case("unknown-escape-in-double-quotes", record('visits:\n  - occasion: "C:\\慰問"\n')),
    Case("control-character", record("visits:\n  - occasion: 慰\x07問\n")),
    Case("pasted-line-separator", record("visits:\n  - occasion: 慰問\u2028探視\n    people: 3\n")),
    Case("duplicate-key-in-a-record", record("visits:\n  - occasion: 慰問\n    people: 3\n    people: 4\n")),
    Case("duplicate-kind", record("visits:\n  - occasion: 慰問\nvisits:\n  - occasion: 探視\n")),
    # --- full-width punctuation from a Chinese input method --------------------------------
    Case("full-width-colon-in-a-record",
         {TOWN: "visits:\n  - occasion: 春節慰問\n    people：37\n    cash: 14400元\n",
          NARRATIVE: "全年走訪慰問職工<!-- bulletin/figure { kind: visits, field: people } -->人次。\n\n" + ALL_MARKERS},
         "named on its own line, not the next; the narrative's figure marker is not blamed"),
    Case("full-width-colon-in-a-list-item", record("visits:\n  - occasion：春節慰問\n"), "parses as a text record"),
    Case("full-width-colon-after-a-kind", record("visits：\n  - occasion: 春節慰問\n")),
    Case("full-width-space-as-indentation", record("visits:\n  - occasion: 春節慰問\n\u3000\u3000people: 37\n")),
    Case("full-width-dash", record("visits:\n  － occasion: 春節慰問\n")),
    Case("full-width-comma-in-a-list", visit(beneficiaries="王大同", publish="[beneficiaries，circumstances]")),
    Case("anchor-and-alias", record("visits:\n  - &v {occasion: 慰問, people: 3}\n  - *v\n")),
    Case("alias-bomb", record(_alias_bomb()), "billion laughs: refused without expanding"),
    Case("python-object-tag", record("visits: !!python/object/apply:os.system ['echo hacked']\n")),
    Case("python-name-tag", record("visits:\n  - occasion: !!python/name:os.system\n")),
    Case("explicit-standard-tag", record("visits:\n  - occasion: 慰問\n    people: !!str 3\n")),
    Case("list-as-key", record("? [visits]\n: x\n")),
    Case("top-level-list", record("- occasion: 慰問\n")),
    Case("top-level-text", record("今年慰問了很多職工\n")),
    # --- encodings and sizes -----------------------------------------------------------------
    Case("big5-file", {TOWN: "visits:\n  - occasion: 慰問\n".encode("big5")}),
    Case("gbk-file", {TOWN: "visits:\n  - occasion: 慰问\n".encode("gbk")}),
    Case("bom-with-a-mistake", {TOWN: "\ufeffvisits:\n  - occasion: 慰問\n    people: -1\n".encode()},
         "the byte-order mark is accepted and the line still right"),
    Case("fifty-megabyte-file", {TOWN: _fifty_megabytes}, "refused before parsing"),
    Case("empty-units-file", {UNITS_FILE: ""}),
    Case("empty-narrative", {NARRATIVE: ""}),
    Case("big5-narrative", {NARRATIVE: "全年走訪慰問職工。\n".encode("big5")}),
    Case("narrative-of-24-megabytes", {NARRATIVE: _narrative_of_24_megabytes}, "refused before it is read"),
    # --- files that must never be opened ------------------------------------------------------
    Case("page-named-in-other-bytes", {"docs/odd-name.md": _page_named_in_other_bytes},
         "located with the byte escaped; MkDocs never sees it"),
    Case("narrative-that-is-a-pipe", {NARRATIVE: _pipe}, "refused unopened: reading it would wait forever"),
    Case("record-file-that-is-a-pipe", {TOWN: _pipe}),
    Case("record-file-linked-to-etc-passwd", {TOWN: _link_to_passwd}, "refused: nothing of it in the message"),
    Case("page-linked-to-etc-passwd", {"docs/about.md": _link_to_passwd}),
    # --- characters no text may carry -----------------------------------------------------------
    Case("nul-in-a-narrative", {NARRATIVE: "全年走訪\x00慰問職工。\n\n" + ALL_MARKERS}),
    Case("direction-override-in-a-narrative", {NARRATIVE: "全年走訪慰問職工\u202e37\u202c人次。\n\n" + ALL_MARKERS}),
    Case("direction-isolate-in-a-narrative", {NARRATIVE: "全年走訪慰問職工\u2067三十七\u2069人次。\n\n" + ALL_MARKERS}),
    Case("direction-override-in-a-record", visit(note='"慰問\\u202E職工"')),
    Case("nul-in-a-record", visit(note='"慰問\\0職工"')),
    # --- wrong types and absurd values --------------------------------------------------------
    Case("negative-count", visit(people="-2")),
    Case("fractional-count", visit(people="1.5")),
    Case("count-in-words", visit(people="兩個")),
    Case("count-yes", visit(people="true")),
    Case("count-as-list", visit(people="[1, 2]")),
    Case("count-in-scientific-notation", visit(people="1e9")),
    Case("absurd-count", visit(people="1000000000")),
    Case("count-with-wrong-measure-word", visit(people="3家")),
    Case("money-with-two-points", visit(cash="1.2.3萬")),
    Case("money-without-number", visit(cash="萬元")),
    Case("negative-money", visit(cash="-5元")),
    Case("money-in-scientific-notation", visit(cash="1e9")),
    Case("approximate-money", visit(cash="約1萬元")),
    Case("approximate-money-in-yuan", visit(cash="約1800元"), "an estimate is not a lower bound: write 1800多元"),
    Case("money-below-a-fen", visit(cash="0.001")),
    Case("absurd-money", visit(cash="20000000萬元")),
    Case("misplaced-thousands-comma", visit(cash="14,40元")),
    Case("money-yes", visit(cash="yes")),
    Case("percent-over-100", record("organisation:\n  - item: 合同簽訂率\n    rate: 120%\n")),
    Case("date-that-does-not-exist", visit(date="2021-02-30")),
    Case("month-13", visit(date="2021-13")),
    Case("date-outside-the-period", visit(date="2022年1月")),
    Case("date-in-1800", visit(date="1800-01-01")),
    Case("date-in-words", visit(date="春節前")),
    Case("date-range-outside-the-period", visit(date="2021年11月至2022年1月")),
    Case("date-range-reversed", visit(date="2021年6月至4月")),
    Case("several-dates-one-outside-the-period", visit(date="2021年12月、2022年1月")),
    Case("level-not-in-the-list", record("awards:\n  - title: 先進集體\n    level: 國家\n")),
    Case("text-too-long", visit(note="長" * 301)),
    # --- wrong shapes ---------------------------------------------------------------------------
    Case("unknown-field", visit(peple="3")),
    Case("unknown-kind", record("lunch:\n  - occasion: 午餐\n")),
    Case("kind-holding-a-mapping", record("visits:\n  occasion: 慰問\n")),
    Case("record-that-is-text", record("visits:\n  - 慰問了37人次\n")),
    Case("required-field-missing", record("visits:\n  - people: 3\n")),
    Case("of-which-above-its-whole", visit(people="10", migrant_workers="12")),
    Case("organisation-total-that-does-not-add-up",
         record("organisation:\n  - item: 工資協議\n    measure: 家\n    previous: 45\n    current: 5\n    total: 51\n")),
    Case("organisation-counts-without-measure", record("organisation:\n  - item: 新會員\n    current: 5\n")),
    Case("same-visit-entered-twice",
         record("visits:\n  - occasion: 慰問\n    people: 3\n  - occasion: 慰問\n    people: 3\n")),
    # --- the unit registry ----------------------------------------------------------------------
    Case("unknown-parent", {UNITS_FILE: BASE[UNITS_FILE] + "  village:\n    name: 示範村\n    parent: twon\n"}),
    Case("circular-parents", {UNITS_FILE: "units:\n  district:\n    name: 區\n    parent: town\n"
                                          "  town:\n    name: 鎮\n    parent: district\n"}),
    Case("own-parent", {UNITS_FILE: BASE[UNITS_FILE] + "  village:\n    name: 示範村\n    parent: village\n"}),
    Case("unit-id-with-dot-dot-slash", {UNITS_FILE: BASE[UNITS_FILE] + "  ../etc:\n    name: 示範村\n"}),
    Case("unit-id-with-spaces", {UNITS_FILE: BASE[UNITS_FILE] + "  my unit:\n    name: 示範村\n"}),
    Case("unit-id-in-chinese", {UNITS_FILE: BASE[UNITS_FILE] + "  示範村:\n    name: 示範村\n"}),
    Case("reserved-unit-id", {UNITS_FILE: BASE[UNITS_FILE] + "  index:\n    name: 首頁\n"}),
    Case("unit-name-with-markup", {UNITS_FILE: BASE[UNITS_FILE] + "  village:\n    name: <script>alert(1)</script>\n"}),
    Case("unit-without-name", {UNITS_FILE: BASE[UNITS_FILE] + "  village:\n    parent: town\n"}),
    Case("unknown-unit-field", {UNITS_FILE: BASE[UNITS_FILE] + "  village:\n    name: 示範村\n    parnet: town\n"}),
    Case("units-file-without-units-key", {UNITS_FILE: "district:\n  name: 示範區總工會\n"}),
    # --- files and folders ----------------------------------------------------------------------
    Case("records-for-an-unregistered-unit", {"data/2021/village.yml": "visits:\n  - occasion: 慰問\n",
                                              "docs/2021/village.md": "<!-- bulletin/table { kind: visits } -->\n"}),
    Case("record-file-named-in-capitals", {"data/2021/Town.yml": "visits:\n  - occasion: 慰問\n"}),
    Case("period-folder-misnamed", {"data/20XX/town.yml": "visits:\n  - occasion: 慰問\n"}),
    Case("half-year-3", {"data/2021-H3/town.yml": "visits:\n  - occasion: 慰問\n"}),
    Case("period-in-1800", {"data/1800/town.yml": "visits:\n  - occasion: 慰問\n"}),
    Case("period-in-the-future", {"data/2040/town.yml": "visits:\n  - occasion: 慰問\n",
                                  "docs/2040/town.md": ALL_MARKERS}, "a slip for 2021 (or 2004): told the nearest"),
    Case("period-folder-in-lower-case", {"data/2021-h1/town.yml": "visits:\n  - occasion: 慰問\n"}),
    Case("record-file-for-a-misspelt-unit", {"data/2021/twon.yml": "visits:\n  - occasion: 慰問\n",
                                             "docs/2021/twon.md": "<!-- bulletin/table { kind: visits } -->\n"}),
    Case("narrative-for-a-misspelt-unit", {"docs/2021/tonw.md": "正文。\n"}),
    Case("spreadsheet-left-in-data", {"data/2021/figures.xlsx": b"PK\x03\x04"}),
    Case("records-without-narrative", {NARRATIVE: None}),
    Case("narrative-without-records", {TOWN: None}),
    # --- narratives and markers -------------------------------------------------------------------
    Case("marker-with-broken-yaml", {NARRATIVE: "<!-- bulletin/table { kind: [visits } -->\n"}),
    Case("unknown-marker", {NARRATIVE: ALL_MARKERS + "<!-- bulletin/tabel { kind: visits } -->\n"}),
    Case("marker-for-an-unknown-kind", {NARRATIVE: ALL_MARKERS + "<!-- bulletin/table { kind: visit } -->\n"}),
    Case("marker-without-kind", {NARRATIVE: ALL_MARKERS + "<!-- bulletin/table -->\n"}),
    Case("marker-with-unknown-argument", {NARRATIVE: ALL_MARKERS + "<!-- bulletin/table { kind: visits, title: x } -->\n"}),
    Case("marker-inside-a-sentence", {NARRATIVE: ALL_MARKERS + "見下表 <!-- bulletin/table { kind: visits } -->\n"}),
    Case("marker-split-over-lines", {NARRATIVE: ALL_MARKERS + "<!-- bulletin/table\n{ kind: visits } -->\n"}),
    Case("figure-marker-for-an-unknown-field",
         {NARRATIVE: ALL_MARKERS + "共慰問<!-- bulletin/figure { kind: visits, field: peple } -->。\n"}),
    Case("figure-marker-without-records",
         {NARRATIVE: ALL_MARKERS + "共<!-- bulletin/figure { kind: aid, field: amount } -->。\n"}),
    Case("records-shown-by-no-marker", {NARRATIVE: "全年走訪慰問職工。\n"}),
    Case("marker-on-a-page-that-is-not-a-report",
         {"docs/about.md": "# 關於\n\n<!-- bulletin/table { kind: visits } -->\n"}),
    Case("narrative-with-its-own-title", {NARRATIVE: "# 我的總結\n\n" + ALL_MARKERS}),
    Case("typed-figure-that-contradicts-the-records", {NARRATIVE: "全年共看望慰問職工36人次。\n\n" + ALL_MARKERS}),
    Case("figure-marker-beside-a-refused-record",
         {TOWN: "visits:\n  - occasion: 春節慰問\n    people: 三十七\n",
          NARRATIVE: "全年走訪慰問職工<!-- bulletin/figure { kind: visits, field: people } -->人次，共37人次。\n\n" + ALL_MARKERS},
         "the record is refused; the narrative is not blamed for quoting or typing its figure"),
    # --- site settings ----------------------------------------------------------------------------
    Case("money-unit-not-offered", {}, config="extra:\n  bulletin:\n    money_unit: 千元\n"),
    Case("unknown-site-option", {}, config="extra:\n  bulletin:\n    money_units: 元\n"),
    Case("hand-kept-nav", {}, config="nav:\n  - index.md\n"),
    Case("page-where-a-generated-page-goes", {"docs/awards/index.md": "# 我的獎項\n"},
         "awards.md is generated at the same address"),
    # --- markup in titles, private names where the site shows them --------------------------------
    Case("unit-name-holding-escaped-markup",
         {UNITS_FILE: BASE[UNITS_FILE].replace("示範鎮工會", "'&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'")}),
    Case("private-name-in-the-narrative-in-the-other-script",
         {TOWN: BASE[TOWN] + "    beneficiaries: 陳麗華\n", NARRATIVE: "看望了陈丽华同志。\n\n" + ALL_MARKERS}),
    Case("one-name-of-a-list-in-the-narrative",
         {TOWN: BASE[TOWN] + "    beneficiaries: 唐元斌、李小明\n", NARRATIVE: "看望了李小明。\n\n" + ALL_MARKERS}),
    Case("private-name-spaced-out-on-a-page-out-of-search",
         {TOWN: BASE[TOWN] + "    beneficiaries: 王大同\n",
          "docs/notes.md": "---\nsearch:\n  exclude: true\n---\n\n探望 王 大&#21516; 家屬。\n"}),
    Case("private-name-in-a-public-field",
         {TOWN: BASE[TOWN] + "    beneficiaries: 王大同\n    note: 王大同家屬\n"}),
    Case("simplified-site-keeps-file-names-as-typed",
         {"docs/關於車間.md": "# 關於車間\n\n<!-- bulletin/table { kind: visits } -->\n"},
         "the message in Simplified characters, the file as it is named",
         config="theme:\n  name: material\n  language: zh\n  font: false\n"),
]
