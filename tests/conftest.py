import sys
from pathlib import Path

# Tests import `helpers` by name; the core `bulletin` comes in through pytest's pythonpath.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "browser"))
sys.path.insert(0, str(Path(__file__).parent / "corpus"))
