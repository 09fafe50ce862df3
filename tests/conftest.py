import signal
import sys
from pathlib import Path

import pytest

# Tests import `helpers` by name; the core `bulletin` comes in through pytest's pythonpath.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "browser"))
sys.path.insert(0, str(Path(__file__).parent / "corpus"))


@pytest.fixture(autouse=True)
def _built_in_kinds_after_each_test():
    """A load puts its project's kinds in force (bulletin/kinds/__init__.py); the next test starts
    from the built-in ones, as a process that has loaded nothing would."""
    yield
    kinds = sys.modules.get("bulletin.kinds")
    if kinds is not None:
        kinds.use_kinds(kinds.BUILT_IN)


@pytest.fixture(autouse=True)
def _sigpipe_as_found():
    """A script's main run in-process sets SIGPIPE to its default (scripts/check.py, so that
    `scripts/check | head` ends quietly); left so, the next test that writes to a reader who hung up
    (a served page, a pipe) kills its process, and under pytest-xdist that is a worker with the rest
    of its files."""
    before = signal.getsignal(signal.SIGPIPE)
    yield
    signal.signal(signal.SIGPIPE, before)
