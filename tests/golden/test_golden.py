"""Golden files: the sample archive's computed tables and a broken archive's messages, exactly.

A change to a table or a message shows up as a diff of a text file a reviewer can read.
To accept an intended change: UPDATE_GOLDEN=1 scripts/test tests/golden, then review `git diff`.
"""

import os
import shutil
from pathlib import Path

from helpers import REPO

from bulletin.loading import load_archive
from bulletin.markers import table_names
from bulletin.render import render_table

HERE = Path(__file__).parent
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check(expected_path: Path, actual: str) -> None:
    if UPDATE:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.read_text(encoding="utf-8") == actual


def tables_as_text(result, report) -> str:
    """Each table of a report as the page shows it, one cell per `|`, and the table set apart after it."""
    blocks = []
    for key in table_names():
        main = result.archive.table(report, key)
        for table in (main, *([main.aside] if main.aside else [])):
            if not table.rows:
                continue
            lines = [f"## {table.key}: {table.title}", " | ".join(c.header for c in table.columns)]
            lines += [" | ".join(c.text for c in row) for row in table.rows]
            lines += [" | ".join(c.text for c in row) for row in [*([table.total] if table.total else []), *table.group_totals]]
            lines += [f"note: {n}" for n in table.notes]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def test_sample_archive_tables_match_their_golden_files():
    result = load_archive(REPO, REPO / "docs")
    assert [str(p) for p in result.problems] == []
    for report in result.archive.reports.values():
        check(HERE / "sample" / report.period.code / f"{report.unit.id}.txt", tables_as_text(result, report))
    golden = sorted(p.relative_to(HERE / "sample").as_posix() for p in (HERE / "sample").rglob("*.txt"))
    assert golden == sorted(f"{r.period.code}/{r.unit.id}.txt" for r in result.archive.reports.values())


def test_broken_archive_messages_match_the_golden_file(tmp_path):
    shutil.copytree(HERE / "broken", tmp_path, dirs_exist_ok=True)
    result = load_archive(tmp_path, tmp_path / "docs")
    check(HERE / "broken.expected.txt", "".join(f"{p}\n" for p in result.problems))


def test_rendered_sample_tables_never_contain_private_values():
    result = load_archive(REPO, REPO / "docs")
    html = "".join(render_table(result.archive.table(r, k)) for r in result.archive.reports.values() for k in table_names())
    for secret in ("唐元斌", "小腸間質瘤", "2.4萬"):
        assert secret not in html
