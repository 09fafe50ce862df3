"""Start a new period for units, or add a unit to the registry. Never overwrites a file.

    scripts/new period 2022                 every unit that has reported before
    scripts/new period 2022-H1 town-a       one unit (or several)
    scripts/new unit town-c --name 丙鎮工會 --parent district [--type 鎮工會]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.loading import load_archive  # noqa: E402
from bulletin.periods import PeriodError, parse_period  # noqa: E402
from bulletin.problems import Problem, spaced  # noqa: E402
from bulletin.scaffold import plan_period, plan_unit  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/new", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    period = commands.add_parser("period", help="record file and narrative skeleton for a new period")
    period.add_argument("period", help="2022, 2022-H1 or 2022-Q3")
    period.add_argument("units", nargs="*", help="unit ids (default: every unit that has reported)")
    unit = commands.add_parser("unit", help="add a unit to data/units.yml")
    unit.add_argument("id")
    unit.add_argument("--name", required=True)
    unit.add_argument("--parent")
    unit.add_argument("--type")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)

    problems: list[Problem] = []
    config = read_site_config(args.config_file.absolute(), problems)
    project = config.project_dir
    if args.command == "unit":
        planned = plan_unit(project, args.id, args.name, args.parent, args.type, problems)
        files = [planned] if planned else []
    else:
        try:
            new_period = parse_period(args.period)
        except PeriodError as error:
            print(f"{spaced('應為', error.expected)}，實為 \"{args.period}\"。提示：{error.hint}", file=sys.stderr)
            return 1
        archive = load_archive(project, config.docs_dir, config.settings).archive
        unit_ids = args.units or [u for u in archive.units.units if archive.reports_of(u)]

        def kinds_of(unit_id: str) -> list[str]:
            reports = archive.reports_of(unit_id)
            return [k for k, records in reports[-1].records.items() if records] if reports else []

        files = plan_period(project, new_period, unit_ids, archive.units, kinds_of, problems)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("沒有寫入任何檔案。", file=sys.stderr)
        return 1
    for planned in files:
        planned.path.parent.mkdir(parents=True, exist_ok=True)
        planned.path.write_text(planned.text, encoding="utf-8")
        print(f"已建立 {planned.path.relative_to(project)}" if args.command == "period"
              else f"已更新 {planned.path.relative_to(project)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
