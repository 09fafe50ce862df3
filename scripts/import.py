"""Import figures from a spreadsheet (.xlsx, or .csv for one kind) into record files.

    scripts/import figures.xlsx --period 2022            show what would be written (nothing is)
    scripts/import figures.xlsx --period 2022 --write    write new record files (and narratives)
    scripts/import visits.csv --kind visits --period 2022 --write --replace   also replace existing ones

Each sheet is one kind (named 看望慰問 or visits), one row per record, a 單位 column, the other
columns headed by field labels (慰問人次, 慰問金（元）…). Unreadable rows are reported by
sheet:row:column and nothing is written while there are any; so is a row the build would refuse
as a record (其中 above its whole, a date outside the period, a row entered twice …).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.importing import import_rows, read_sheets, record_yaml  # noqa: E402
from bulletin.loading import load_archive  # noqa: E402
from bulletin.problems import Problem, spaced  # noqa: E402
from bulletin.periods import PeriodError, parse_period  # noqa: E402
from bulletin.scaffold import narrative_file  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/import", description=__doc__.splitlines()[0])
    parser.add_argument("spreadsheet", type=Path)
    parser.add_argument("--period", required=True, help="2022, 2022-H1 …")
    parser.add_argument("--kind", help="for a .csv file: the kind its rows are (default: the file name)")
    parser.add_argument("--write", action="store_true", help="write new files (default: only show them)")
    parser.add_argument("--replace", action="store_true", help="with --write: also replace existing record files")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)

    problems: list[Problem] = []
    config = read_site_config(args.config_file.absolute(), problems)
    try:
        period = parse_period(args.period)
    except PeriodError as error:
        print(f"--period：{spaced('應為', error.expected)}，實為 \"{args.period}\"。提示：{error.hint}", file=sys.stderr)
        return 1
    archive = load_archive(config.project_dir, config.docs_dir, config.settings).archive
    imported = import_rows(read_sheets(args.spreadsheet, args.kind), args.spreadsheet.name, archive.units, problems,
                           period)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} 個問題；沒有寫入任何檔案。", file=sys.stderr)
        return 1

    refused = 0
    for unit_id, kinds in imported.rows.items():
        target = config.project_dir / "data" / period.code / f"{unit_id}.yml"
        text = record_yaml(kinds, f"{archive.units[unit_id].name} {period.label}：由 {args.spreadsheet.name} 匯入")
        shown = target.relative_to(config.project_dir)
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), text.splitlines(keepends=True), f"a/{shown}", f"b/{shown}"))
        if not args.write:
            continue
        if target.exists() and not args.replace:
            print(f"{shown}: 已存在，未覆寫（要取代請加 --replace）", file=sys.stderr)
            refused += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        narrative = config.docs_dir / period.code / f"{unit_id}.md"
        if not narrative.exists():
            narrative.parent.mkdir(parents=True, exist_ok=True)
            narrative.write_text(narrative_file(period, list(kinds)), encoding="utf-8")
    action = "寫入" if args.write else "將寫入（加 --write 才會寫入）"
    print(f"{imported.count} 筆記錄，{len(imported.rows)} 個單位，{action}。", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
