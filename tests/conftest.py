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
