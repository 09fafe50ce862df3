"""Print the field reference of a project's kinds: the built-in ones and those it declares in data/kinds/.

    scripts/reference                       the project of ./mkdocs.yml, as Markdown tables
    scripts/reference -f other/mkdocs.yml

A mistake in a declaration is printed as `path:line:column: field: message` and the exit status
is 1, as with scripts/check; the reference is printed only when every declaration is readable.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from bulletin.declared_kinds import read_project_kinds  # noqa: E402
from bulletin.language import localise_problem, localiser  # noqa: E402
from bulletin.problems import Problem, sorted_problems  # noqa: E402
from bulletin.reference import fields_markdown  # noqa: E402
from bulletin.site_config import read_site_config  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/reference", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `scripts/reference | less` ends quietly
    problems: list[Problem] = []
    config = read_site_config(args.config_file.absolute(), problems)
    kinds = read_project_kinds(config.project_dir, problems)
    say = localiser(config.language)
    if problems:
        for problem in sorted_problems(problems):
            print(localise_problem(problem, say), file=sys.stderr)
        print(say(f"{len(problems)} 個問題；請先更正。"), file=sys.stderr)
        return 1
    print(fields_markdown(kinds), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
