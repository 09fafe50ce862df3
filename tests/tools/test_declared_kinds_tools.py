"""The editors' tools see a project's declared kinds: check, import, new, schema and reference."""

import json
import subprocess
import sys

from openpyxl import Workbook

from helpers import MEALS, MEALS_KIND, REPO, declare_kind, write_project


def tool(name, project, *args):
    return subprocess.run([sys.executable, str(REPO / "scripts" / f"{name}.py"), "-f", str(project / "mkdocs.yml"), *args],
                          capture_output=True, text=True, timeout=60)


def canteen(tmp_path):
    write_project(tmp_path, {"2021/town": MEALS})
    declare_kind(tmp_path, "meals", MEALS_KIND)
    return tmp_path


def test_check_passes_records_of_a_declared_kind_and_locates_a_mistake_in_the_declaration(tmp_path):
    assert tool("check", canteen(tmp_path)).returncode == 0
    declare_kind(tmp_path, "meals", MEALS_KIND.replace("part_of: diners", "part_of: dinners"))
    run = tool("check", tmp_path)
    assert run.returncode == 1
    assert ('data/kinds/meals.yml:17:14: fields.women.part_of: 應為下列計數欄位之一：diners, meals，實為 "dinners"。'
            "提示：是不是 diners？") in run.stdout


def test_import_reads_a_sheet_named_like_the_declared_kind(tmp_path):
    canteen(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.title = "職工食堂"
    sheet.append(["單位", "項目", "就餐人次", "補貼金額（元）"])
    sheet.append(["示範鎮工會", "午餐", "280人次", 9000])
    book.save(tmp_path / "figures.xlsx")
    run = tool("import", tmp_path, str(tmp_path / "figures.xlsx"), "--period", "2022", "--write")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "data/2022/town.yml").read_text(encoding="utf-8").splitlines()[2:] == [
        "meals:", "  - item: 午餐", "    diners: 280人次", "    cost: 9000"]
    assert tool("check", tmp_path).returncode == 0


def test_a_new_period_scaffolds_the_declared_kind_and_its_marker(tmp_path):
    run = tool("new", canteen(tmp_path), "period", "2022")
    assert run.returncode == 0, run.stderr
    assert "# meals:\n#   - item:              # 項目（必填）" in (tmp_path / "data/2022/town.yml").read_text(encoding="utf-8")
    assert "<!-- bulletin/table { kind: meals } -->" in (tmp_path / "docs/2022/town.md").read_text(encoding="utf-8")


def test_the_schema_of_a_project_holds_its_declared_kind(tmp_path):
    run = tool("schema", canteen(tmp_path))
    assert run.returncode == 0, run.stderr
    schema = json.loads((tmp_path / "data/.schema/records.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["meals"]["items"]["required"] == ["item"]


def test_the_reference_of_a_project_lists_its_declared_kind(tmp_path):
    run = tool("reference", canteen(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "#### `visits`: 看望慰問" in run.stdout and "#### `meals`: 職工食堂（data/kinds/meals.yml）" in run.stdout
    assert "| `meals` | 供餐 | 以份計的 0 或以上整數（例如 37 或 120多） |  |" in run.stdout
