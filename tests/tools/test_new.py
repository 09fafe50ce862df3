"""`scripts/new`: a new period's files and a new unit, checked, and never over an existing file."""

import subprocess
import sys

from helpers import REPO, mkdocs_build, write_project

NEW = [sys.executable, str(REPO / "scripts" / "new.py")]
CHECK = [sys.executable, str(REPO / "scripts" / "check.py")]
VISITS = "visits:\n  - occasion: 慰問\n    people: 3\n"


def run(project, *args):
    return subprocess.run([*NEW, "-f", str(project / "mkdocs.yml"), *args], capture_output=True, text=True, timeout=60)


def test_a_new_period_gets_a_commented_record_file_and_a_narrative_that_pass_the_check(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    result = run(tmp_path, "period", "2022")
    assert result.returncode == 0, result.stderr
    record = (tmp_path / "data/2022/town.yml").read_text(encoding="utf-8")
    assert "#   - occasion:" in record and "# aid:" in record
    narrative = (tmp_path / "docs/2022/town.md").read_text(encoding="utf-8")
    assert "<!-- bulletin/table { kind: visits } -->" in narrative and "2023年打算" in narrative
    assert subprocess.run(CHECK, cwd=tmp_path, capture_output=True).returncode == 0
    assert mkdocs_build(tmp_path).returncode == 0


def test_an_existing_file_is_never_overwritten_and_nothing_is_written(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS, "2021/district": VISITS})
    (tmp_path / "docs/2022").mkdir(parents=True)
    (tmp_path / "docs/2022/town.md").write_text("編者已寫的內容\n", encoding="utf-8")
    result = run(tmp_path, "period", "2022")
    assert result.returncode == 1
    assert "docs/2022/town.md:1:1: 應還沒有這個檔案，實為已經存在；沒有寫入任何檔案" in result.stderr
    assert (tmp_path / "docs/2022/town.md").read_text(encoding="utf-8") == "編者已寫的內容\n"
    assert not (tmp_path / "data/2022").exists() and not (tmp_path / "docs/2022/district.md").exists()


def test_a_unit_is_added_at_the_end_of_the_registry(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    result = run(tmp_path, "unit", "village", "--name", "示範村工會", "--parent", "town", "--type", "村工會")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data/units.yml").read_text(encoding="utf-8").endswith(
        "  village:\n    name: 示範村工會\n    type: 村工會\n    parent: town\n")


def test_a_unit_that_exists_or_has_an_unknown_parent_is_refused_and_the_registry_kept(tmp_path):
    write_project(tmp_path, {"2021/town": VISITS})
    before = (tmp_path / "data/units.yml").read_text(encoding="utf-8")
    assert run(tmp_path, "unit", "town", "--name", "重複").returncode == 1
    refused = run(tmp_path, "unit", "village", "--name", "村", "--parent", "nowhere")
    assert refused.returncode == 1 and '應為已登記的上級單位代號，實為 "nowhere"' in refused.stderr
    assert (tmp_path / "data/units.yml").read_text(encoding="utf-8") == before
