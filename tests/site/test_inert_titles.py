"""No text an editor types can become markup in a page's head, title or navigation."""

from html.parser import HTMLParser
from pathlib import Path

from helpers import mkdocs_build, write_project

PAYLOAD = "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;i data-injected&gt;"
RAW = "</title><script>alert(2)</script><i data-injected>"
RECORD = {"2021/town": "visits:\n  - occasion: 慰問\n    people: 1\n"}


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.injected: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if any(name == "data-injected" for name, _ in attrs):
            self.injected.append(f"<{tag} data-injected>")
        self._in_script = tag == "script"

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.injected.append(f"<script>{data}")

    def handle_endtag(self, tag):
        self._in_script = False


def injected_elements(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        parser = Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {element}" for element in parser.injected]
    return found


def test_escaped_markup_in_every_title_and_description_stays_text(tmp_path):
    narrative = f"## 節{PAYLOAD}\n\n<!-- bulletin/table {{ kind: visits }} -->\n"
    units = f"units:\n  district:\n    name: 示範區總工會\n  town:\n    name: 示範鎮工會\n    parent: district\n    type: '類{PAYLOAD}'\n"
    write_project(tmp_path, RECORD, narratives={"2021/town": f"---\ndescription: '說明{PAYLOAD}{RAW}'\n---\n\n" + narrative},
                  units=units)
    docs = tmp_path / "docs"
    (docs / "about.md").write_text(f"# 關於{PAYLOAD}\n\n## 節{PAYLOAD}\n\n正文\n", encoding="utf-8")
    (docs / "meta.md").write_text(f"---\ntitle: '題{PAYLOAD}{RAW}'\ndescription: '說明{PAYLOAD}{RAW}'\n---\n\n正文\n",
                                  encoding="utf-8")
    (docs / "index.md").write_text(f"# 首頁{PAYLOAD}\n", encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    assert injected_elements(tmp_path / "site") == []
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>關於＜/title＞＜script＞alert(1)＜/script＞＜i data-injected＞ - 測試檔案</title>" in about


def test_a_unit_name_holding_an_entity_is_refused_where_it_is_typed(tmp_path):
    units = f"units:\n  town:\n    name: '鎮{PAYLOAD}'\n"
    write_project(tmp_path, RECORD, units=units)
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "data/units.yml:3:11: units.town.name: 應為一行、不超過 60 個字的名稱" in run.stderr


def test_a_site_name_holding_markup_is_refused_in_mkdocs_yml(tmp_path):
    write_project(tmp_path, RECORD)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: 測試檔案", f"site_name: '檔案{PAYLOAD}'"),
                      encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "mkdocs.yml:1:1: site_name: 應為不含 < > 和 &lt; 這類字元參照的網站名稱" in run.stderr
