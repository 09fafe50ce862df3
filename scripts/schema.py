"""Write the JSON Schemas of the record files and the unit registry into data/.schema/.

Run after changing a kind: `.venv/bin/python scripts/schema.py` (this repository's sample), or
`scripts/schema.py -f project/mkdocs.yml` for a project, whose kinds declared in data/kinds/
are in its schema too. A test fails while the files in the repository differ from what this writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.declared_kinds import read_project_kinds  # noqa: E402
from bulletin.json_schema import records_schema, units_schema  # noqa: E402
from bulletin.kinds import use_kinds  # noqa: E402
from bulletin.problems import Problem, sorted_problems  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402


def targets(project_dir: Path) -> dict[Path, Callable[[], dict]]:
    folder = project_dir / "data" / ".schema"
    return {folder / "records.schema.json": records_schema, folder / "units.schema.json": units_schema}


TARGETS = targets(ROOT)


def rendered(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/schema.py", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml",
                        help="the site's mkdocs.yml (default: this repository's)")
    args = parser.parse_args(argv)
    problems: list[Problem] = []
    config = read_site_config(args.config_file.absolute(), problems)
    use_kinds(read_project_kinds(config.project_dir, problems))  # a declaration's mistake: nothing written
    if problems:
        for problem in sorted_problems(problems):
            print(problem, file=sys.stderr)
        print(f"{len(problems)} 個問題；沒有寫入任何檔案。", file=sys.stderr)
        return 1
    for path, make in targets(config.project_dir).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered(make()), encoding="utf-8")
        print(path.relative_to(config.project_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
