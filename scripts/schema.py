"""Write the JSON Schemas of the record files and the unit registry into data/.schema/.

Run after changing a kind: `.venv/bin/python scripts/schema.py`. A test fails while the files
in the repository differ from what this writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bulletin.json_schema import records_schema, units_schema  # noqa: E402

TARGETS = {
    ROOT / "data" / ".schema" / "records.schema.json": records_schema,
    ROOT / "data" / ".schema" / "units.schema.json": units_schema,
}


def rendered(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    for path, make in TARGETS.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered(make()), encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
