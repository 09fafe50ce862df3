"""Factories for tests: small archives written into a temp folder, and real MkDocs builds of them."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOOK = REPO / "hooks" / "bulletin_hooks.py"

UNITS = """\
units:
  district:
    name: 示範區總工會
  town:
    name: 示範鎮工會
    parent: district
"""

MKDOCS_YML = """\
site_name: 測試檔案
theme:
  name: material
  language: zh-Hant
  font: false
hooks:
  - {hook}
markdown_extensions:
  - admonition
plugins:
  - search
{extra}"""


def problem_line(problem) -> str:
    """A problem as `path:line:column: field: message` without its hint: what most tests pin down.

    Hints are advice and may be reworded; the location, the field and what was expected and
    found are the contract. `tests/golden/broken.expected.txt` keeps whole lines, hints included.
    """
    return str(dataclasses.replace(problem, hint=""))


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write_project(
    root: Path,
    records: dict[str, str],
    narratives: dict[str, str] | None = None,
    units: str = UNITS,
    extra: str = "",
) -> Path:
    """A project folder: units.yml, data/<key>.yml and docs/<key>.md for each key like "2021/town".

    A narrative defaults to one table marker per kind found in the records, so tests that are not
    about narratives need not write one.
    """
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "data" / "units.yml").write_text(units, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(hook=HOOK, extra=extra), encoding="utf-8")
    narratives = dict(narratives or {})
    for key, text in records.items():
        path = root / "data" / f"{key}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
        if key not in narratives:
            kinds = [line.split(":")[0] for line in dedent(text).splitlines() if line and line[0].isalpha()]
            narratives[key] = "\n\n".join(f"<!-- bulletin/table {{ kind: {k} }} -->" for k in kinds) + "\n"
    for key, text in narratives.items():
        if text is None:
            continue
        path = root / "docs" / f"{key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


def mkdocs_build(project: Path, *extra_args: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` in a process of its own, as an editor or CI runs it (forked
    by tests/build_server.py, which has paid MkDocs' and jieba's start-up once)."""
    args = ["build", "--strict", *extra_args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    answer = _build_server().build(args, project, env, timeout=300)
    return subprocess.CompletedProcess(["mkdocs", *args], answer["returncode"], answer["stdout"], answer["stderr"])


class _BuildServer:
    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).parent / "build_server.py")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert json.loads(self._line()) == {"ready": True}

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the build server stopped (exit {self.process.wait()})")
        return line

    def build(self, args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> dict:
        assert self.process.stdin is not None
        request = {"args": args, "cwd": str(cwd), "env": env, "timeout": timeout}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self._line())
        if answer["timed_out"]:
            raise subprocess.TimeoutExpired(["mkdocs", *args], timeout, answer["stdout"], answer["stderr"])
        return answer


_server: _BuildServer | None = None


def _build_server() -> _BuildServer:
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _BuildServer()
    return _server


def page_text(html: str) -> str:
    """The visible text of a built page's article, tags dropped, whitespace folded."""
    import html as html_lib
    import re

    start, end = html.find("<article"), html.find("</article>")
    body = re.sub(r"<[^>]+>", " ", html[start:end])
    return re.sub(r"\s+", " ", html_lib.unescape(body)).strip()


def tables_in(html: str) -> dict[str, list[list[str]]]:
    """Every computed table of a built page, by its kind, as rows of cell texts (header row first)."""
    from html.parser import HTMLParser

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: dict[str, list[list[str]]] = {}
            self.current: list[list[str]] | None = None
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag == "table" and "data-bulletin-table" in attributes:
                self.current = self.found.setdefault(attributes["data-bulletin-table"], [])
            elif tag == "tr" and self.current is not None:
                self.current.append([])
            elif tag in ("td", "th") and self.current is not None:
                self.cell = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None and self.current is not None:
                self.current[-1].append("".join(self.cell).strip())
                self.cell = None
            elif tag == "table":
                self.current = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    parser = Tables()
    parser.feed(html)
    return parser.found


TREE_UNITS = """\
units:
  district:
    name: 示範區總工會
  town-a:
    name: 甲鎮工會
    parent: district
  workshop:
    name: 甲鎮機械廠工會
    parent: town-a
  town-b:
    name: 乙鎮工會
    parent: district
"""


def visits(people: str, cash: str, awards: int = 0) -> str:
    text = f"visits:\n  - occasion: 慰問\n    people: {people}\n    cash: {cash}\n"
    if awards:
        text += f"awards:\n  - title: 先進集體\n    level: 區\n    recipient_type: 團體\n    count: {awards}\n"
    return text


def write_tree_archive(root: Path) -> Path:
    """Three years of a small unit tree, a half-year report beside a full year, made for the test."""
    return write_project(root, {
        "2019/town-a": visits("100", "1000"),
        "2020/town-a": visits("120", "1500", awards=2),
        "2021/town-a": visits("90", "1500"),
        "2020/workshop": visits("10", "200元"),
        "2021/workshop": visits("20多", "300"),
        "2021/town-b": visits("5", "50"),
        "2021/district": visits("1", "10", awards=1),
        "2021-H1/town-b": visits("7", "70"),
    }, units=TREE_UNITS)


# A kind an office declares itself (data/kinds/meals.yml, see declared_kinds.py): a staff canteen.
MEALS_KIND = """\
title: 職工食堂
order: 120
fund_purpose: 食堂補貼
fields:
  item:
    type: text
    label: 項目
    required: true
  diners:
    type: count
    label: 就餐人次
    measure: [人次, 人]
  women:
    type: count
    label: 其中女職工
    measure: [人次, 人]
    part_of: diners
  meals:
    type: count
    label: 供餐
    measure: 份
  cost:
    type: money
    label: 補貼金額
    fund: cash
  cooks:
    type: text
    label: 炊事員
    private: true
    names: true
"""

MEALS = """\
meals:
  - item: 午餐
    diners: 300
    women: 120
    meals: 310份
    cost: 1.2萬元
    cooks: 甄美玲、賈大廚
  - item: 夜班加餐
    diners: 40多
    meals: 40
    cost: 800元
"""


def declare_kind(root: Path, key: str, text: str) -> Path:
    """data/kinds/<key>.yml with the declaration `text`."""
    path = root / "data" / "kinds" / f"{key}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


def read_records(text: str, path: str = "data/2021/town.yml"):
    """A record file's text (dedented) read as the build reads it in a 2021 report: its records by
    kind and its problems as `problem_line`s."""
    from bulletin.periods import Period
    from bulletin.reading import read_report_records
    from bulletin.yaml_source import parse_yaml_text

    problems: list = []
    root = parse_yaml_text(dedent(text), path, problems).root
    records = read_report_records(root, path, Period(2021), problems)
    return records, [problem_line(p) for p in problems]


def table_texts(table) -> list[list[str]]:
    """A computed table as text: its headers, then every row, the 合計 and each group's 合計."""
    rows = (*table.rows, *([table.total] if table.total else []), *table.group_totals)
    return [[c.header for c in table.columns], *[[c.text for c in row] for row in rows]]
