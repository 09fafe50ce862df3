"""Real `mkdocs build` runs for the tests, each in a process of its own, without paying start-up each time.

Every build in a fresh `python -m mkdocs` spends about a second before it reads a file: importing
MkDocs, Material and Python-Markdown, and jieba loading its 9 MB dictionary (0.57 s of
`marshal.load`). The suite runs well over a hundred builds. This server, one per test process,
pays that once, then forks a child per build: the child is a new process with the state the
server had — modules imported, jieba's dictionary loaded, no configuration read, no hooks loaded
— so every build is as separate as a subprocess was, and MkDocs runs in it from its own command
line (`mkdocs.__main__.cli`), with the same arguments, working folder, environment, exit status,
output and time limit.

Protocol: one JSON line per request on stdin ({"args", "cwd", "env", "timeout"}), one JSON line
per answer on stdout ({"returncode", "stdout", "stderr", "timed_out"}).
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import sys
import tempfile
import time
import traceback


def _warm_up() -> None:
    """What every build would otherwise do first."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401  (imports jieba, bracex, regex)
    import mkdocs.__main__  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.setLogLevel(logging.DEBUG)  # as a fresh process has it: a build prints jieba's lines as before


def _child(args: list[str], cwd: str, env: dict[str, str], out: int, err: int) -> None:
    """Runs in the forked process; never returns."""
    code = 1
    try:
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        time.tzset()
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        from mkdocs.__main__ import cli

        sys.argv = ["mkdocs", *args]
        cli.main(args=args, prog_name="mkdocs")  # click ends it with SystemExit
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        if isinstance(exit_.code, str):
            print(exit_.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _build(request: dict) -> dict:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            _child(request["args"], request["cwd"], request["env"], out.fileno(), err.fileno())
        timed_out = False
        pidfd = os.pidfd_open(pid)
        try:
            ready, _, _ = select.select([pidfd], [], [], request["timeout"])
            if not ready:
                timed_out = True
                os.kill(pid, signal.SIGKILL)
        finally:
            os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return {"returncode": os.waitstatus_to_exitcode(status), "timed_out": timed_out,
                "stdout": out.read().decode("utf-8", "replace"), "stderr": err.read().decode("utf-8", "replace")}


def main() -> None:
    _warm_up()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing else may write into the answers
    print(json.dumps({"ready": True}), file=answers, flush=True)
    for line in sys.stdin:
        print(json.dumps(_build(json.loads(line))), file=answers, flush=True)


if __name__ == "__main__":
    main()
