"""The last guard for personal data: no private value from the records may appear in the built site.

Private fields are never rendered, but a name can still reach the site another way: typed into a
narrative, pasted into a public field, copied into a page an editor wrote. After each build every
file under the site (pages, the search index, downloads, the sitemap) is searched for every private
value, and each one found is a problem naming the record and the file.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .archive import Archive
from .kinds import KINDS
from .problems import Location, Problem

# Shorter values (一, 妻) would match ordinary words; a private value this short is not identifying.
MIN_LENGTH = 2


@dataclass(frozen=True)
class PrivateValue:
    text: str
    field: str
    location: Location


def private_values(archive: Archive) -> list[PrivateValue]:
    """Every private field value of every record, with where it was written."""
    found = []
    for report in archive.reports.values():
        for key, records in report.records.items():
            for index, record in enumerate(records, start=1):
                for spec in KINDS[key].fields:
                    value = getattr(record, spec.name)
                    if (spec.private and spec.name not in record.published
                            and isinstance(value, str) and len(value) >= MIN_LENGTH):
                        found.append(PrivateValue(value, f"{key}[{index}].{spec.name}",
                                                  record.locations.get(spec.name, record.source)))
    return found


def _searchable(data: bytes) -> str:
    """A file's text as a name would appear in it: the search index's word breaks (zero-width
    spaces, which jieba puts inside names) removed, and an XLSX workbook's sheets unpacked."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))
        except zipfile.BadZipFile:
            pass
    return data.decode("utf-8", errors="ignore").replace("\u200b", "").replace("\\u200b", "")


def scan_site(site_dir: Path, values: list[PrivateValue], only: list[Path] | None = None) -> list[Problem]:
    """A problem for each private value found in a built file; the site is read once.

    `only` limits the scan to the files a quick preview wrote (the rest were scanned before).
    """
    if not values:
        return []
    problems = []
    paths = site_dir.rglob("*") if only is None else only
    for path in sorted(p for p in paths if p.is_file()):
        text = _searchable(path.read_bytes())
        for value in values:
            if value.text in text or json.dumps(value.text)[1:-1] in text:
                problems.append(Problem(
                    value.location, value.field,
                    f"私人資料不應出現在網站上，實為出現在 {path.relative_to(site_dir).as_posix()}",
                    "刪去敘述或公開欄位中的這項私人資料；私人欄位只用於統計人數，從不公開",
                ))
    return problems
