"""Check every record and narrative of the archive without building the site.

Prints each problem as `path:line:column: field: message`, the form editors' tools jump to,
and exits 1 when there is any; 0 and a one-line summary when there is none.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from bulletin.checking import check_project  # noqa: E402
from bulletin.language import localise_problem, localiser  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `scripts/check | head` ends quietly
    started = time.perf_counter()
    checked = check_project(args.config_file.absolute())
    config, result, problems = checked.config, checked.result, checked.problems
    say = localiser(config.language)
    for problem in problems:
        print(localise_problem(problem, say))  # the location as typed, the words in the site's script
    elapsed = time.perf_counter() - started
    reports = len(result.archive.reports)
    if problems:
        print(say(f"發現 {len(problems)} 個問題（{reports} 份報告，{elapsed:.2f} 秒）。"), file=sys.stderr)
        return 1
    print(say(f"沒有發現問題：{reports} 份報告，{len(result.archive.units.units)} 個單位（{elapsed:.2f} 秒）。"),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
