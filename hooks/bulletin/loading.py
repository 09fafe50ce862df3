"""Loading and checking the whole archive in one pass: registry, record files, narratives, markers.

The layout states each report's unit and period once, by where its files are:

    data/units.yml                       the unit registry
    data/<period>/<unit>.yml             records     (data/2021/xuancheng-workshop.yml)
    docs/<period>/<unit>.md              narrative   (docs/2021/xuancheng-workshop.md)

Every problem found anywhere is collected; the caller decides whether to abort. Files are read
once per call, so a build that calls this once per build parses each record file once.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from pathlib import Path

from .archive import Archive, Report
from .consistency import check_typed_figures
from .markers import INLINE, find_markers
from .measures import report_measures
from .narrative import heading_lines, strip_front_matter
from .periods import Period, PeriodError, parse_period
from .privacy import sources_problems
from .problems import Location, Problem, quote, sorted_problems, spaced, unreadable
from .reading import read_report_records
from .settings import Settings
from .units import is_unit_id, read_units
from .yaml_source import decode_utf8, read_yaml

UNITS_FILE = "units.yml"
RECORD_SUFFIXES = (".yml", ".yaml")


@dataclass
class LoadResult:
    archive: Archive
    problems: list[Problem] = field(default_factory=list)


def load_archive(project_dir: Path, docs_dir: Path, settings: Settings | None = None) -> LoadResult:
    """Everything under data/ and the narratives under docs/, checked together."""
    problems: list[Problem] = []
    data_dir = project_dir / "data"

    def shown(path: Path) -> str:
        try:
            return path.relative_to(project_dir).as_posix()
        except ValueError:
            return path.as_posix()

    units_path = data_dir / UNITS_FILE
    if units_path.is_file():
        registry = read_units(read_yaml(units_path, shown(units_path), problems).root, shown(units_path), problems)
    else:
        registry = read_units(None, shown(units_path), problems)
    archive = Archive(registry, settings or Settings())
    result = LoadResult(archive, problems)

    record_files = _record_files(data_dir, shown, problems)
    narratives = _narrative_files(docs_dir, shown, problems)

    for (period, unit_id), path in record_files.items():
        data_shown = shown(path)
        narrative = narratives.get((period, unit_id))
        if not is_unit_id(unit_id):
            problems.append(Problem(Location(data_shown), "",
                                    f"應為以單位代號命名的檔案，實為 {quote(path.name)}",
                                    "單位代號只用小寫字母、數字和連字號，例如 xuancheng-workshop.yml"))
        elif unit_id not in registry:
            problems.append(Problem(Location(data_shown), "",
                                    f"應為 {shown(units_path)} 中列出的單位，實為 {quote(unit_id)}",
                                    f"先在 {shown(units_path)} 中登記這個單位（scripts/new unit），或更正檔名"))
        if narrative is None and is_unit_id(unit_id):
            expected_at = shown(docs_dir / period.code / f"{unit_id}.md")
            problems.append(Problem(Location(data_shown), "",
                                    f"應有對應的敘述 {expected_at}，實為沒有",
                                    "用 scripts/new period 建立，或補上這個 Markdown 檔"))
        root = read_yaml(path, data_shown, problems).root
        records = read_report_records(root, data_shown, period, problems)
        if unit_id in registry and narrative is not None:
            report = Report(registry[unit_id], period, records, data_shown, shown(narrative), narrative)
            archive.add(report)
            check_narrative(narrative, report, archive, problems)

    for (period, unit_id), path in narratives.items():
        if (period, unit_id) not in record_files:
            expected_at = shown(data_dir / period.code / f"{unit_id}.yml")
            problems.append(Problem(Location(shown(path)), "", f"應有對應的資料檔 {expected_at}，實為沒有",
                                    "用 scripts/new period 建立；這一期沒有數字時，建立一個空檔即可"))
    _check_other_pages(docs_dir, set(narratives.values()), shown, problems)
    problems += sources_problems(archive, _page_texts(docs_dir, shown))

    result.problems = sorted_problems(problems)
    return result


def _record_files(data_dir: Path, shown, problems: list[Problem]) -> dict[tuple[Period, str], Path]:
    found: dict[tuple[Period, str], Path] = {}
    if not data_dir.is_dir():
        problems.append(Problem(Location.folder(shown(data_dir)), "", "應有資料夾，實為沒有",
                                "在專案根目錄建立 data/，放入 units.yml 與各期的資料夾"))
        return found
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == UNITS_FILE:
            continue
        if not entry.is_dir():
            problems.append(Problem(Location(shown(entry)), "",
                                    f"這裡應只有 {UNITS_FILE} 和各期的資料夾（2021、2021-H1）",
                                    "把這個檔案移到對應的期間資料夾，或移出 data/"))
            continue
        try:
            period = parse_period(entry.name)
        except PeriodError as error:
            problems.append(Problem(Location.folder(shown(entry)), "", f"{spaced('應為', error.expected)}，實為 {quote(entry.name)}",
                                    error.hint))
            continue
        for path in sorted(entry.iterdir()):
            if path.name.startswith(".") or path.name.startswith("~$"):
                continue
            if path.suffix not in RECORD_SUFFIXES or not path.is_file():
                problems.append(Problem(Location(shown(path)), "",
                                        "應為以單位代號命名的 .yml 資料檔",
                                        "這裡只放各單位的 <單位代號>.yml；其他檔案請移出 data/"))
                continue
            if (period, path.stem) in found:
                problems.append(Problem(Location(shown(path)), "",
                                        f"每個單位每期應只有一個資料檔，實為與 "
                                        f"{shown(found[(period, path.stem)])} 重複",
                                        "把兩個檔案的記錄合併到一個檔案中"))
                continue
            found[(period, path.stem)] = path
    return found


def _narrative_files(docs_dir: Path, shown, problems: list[Problem]) -> dict[tuple[Period, str], Path]:
    """Narratives are the pages in period folders of docs/; `index.md` there is a section page."""
    found: dict[tuple[Period, str], Path] = {}
    if not docs_dir.is_dir():
        return found
    for entry in sorted(docs_dir.iterdir()):
        if not entry.is_dir():
            continue
        try:
            period = parse_period(entry.name)
        except PeriodError as error:
            if entry.name[:4].isdigit():  # meant as a period (2021-h2, 1900): say so, or its pages lose their tables
                problems.append(Problem(Location.folder(shown(entry)), "",
                                        f"{spaced('應為', error.expected)}，實為 {quote(entry.name)}", error.hint))
            continue
        for path in sorted(entry.glob("*.md")):
            if path.name != "index.md":
                found[(period, path.stem)] = path
    return found


def _read_text(path: Path, shown_as: str, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(unreadable(shown_as, error))
        return None
    return decode_utf8(data, shown_as, problems)


def _page_texts(docs_dir: Path, shown) -> dict[str, str]:
    """Every Markdown page under docs/ that can be read, for the privacy check (faults are
    reported where the page is checked, not again here)."""
    texts = {}
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        if path.is_file() and not path.is_symlink():
            text = _read_text(path, shown(path), [])
            if text is not None:
                texts[shown(path)] = text
    return texts


def reread_report(archive: Archive, report: Report, data_file: Path, problems: list[Problem]) -> Report:
    """A report whose record file changed while previewing, read again into the archive."""
    root = read_yaml(data_file, report.data_path, problems).root
    new = dataclasses.replace(report, records=read_report_records(root, report.data_path, report.period, problems))
    archive.replace(new)
    if new.narrative_file is not None:
        check_narrative(new.narrative_file, new, archive, problems)
    return new


def check_narrative(path: Path, report: Report, archive: Archive, problems: list[Problem]) -> None:
    """Markers well-formed, no title of its own, every kind with records shown by a marker."""
    text = _read_text(path, report.narrative_path, problems)
    if text is None:
        return
    body, skipped = strip_front_matter(text)
    markers = find_markers(body, report.narrative_path, problems, first_line=skipped + 1)
    for heading in heading_lines(body, first_line=skipped + 1):
        problems.append(Problem(
            Location(report.narrative_path, heading.number, 1), "",
            f"應沒有一級標題（頁面標題 {quote(report.title)} 取自單位名冊），實為 {quote(heading.text.strip())}",
            "各節標題用 ## 開頭",
        ))
    check_typed_figures(body, report, skipped + 1, problems)
    for marker in (m for m in markers if m.name == INLINE):
        # The same 合計 row the page will quote, computed once and cached by the archive.
        if marker.args["field"] not in report_measures(archive, report, marker.args["kind"]):
            problems.append(Problem(marker.location, f"bulletin/figure.{marker.args['field']}",
                                    f"應在 {report.data_path} 中有填了 {marker.args['field']} 的記錄，實為沒有",
                                    "在資料檔中補上記錄，或刪去這個標記"))
    shown_kinds = {m.args.get("kind") for m in markers if m.name == "table"}
    for key, records in report.records.items():
        if records and key not in shown_kinds:
            first = records[0].source
            problems.append(Problem(
                Location(report.narrative_path, 1, 1), key,
                f"應有標記 <!-- bulletin/table {{ kind: {key} }} --> 顯示 {first.path}:{first.line} 起的記錄，"
                "實為沒有",
                "把這個標記放在敘述中相應的一節，否則這些數字不會出現在頁面上",
            ))


def _check_other_pages(docs_dir: Path, narratives: set[Path], shown, problems: list[Problem]) -> None:
    """Markers are expanded on report pages only; one anywhere else would stay an invisible comment."""
    if not docs_dir.is_dir():
        return
    for path in sorted(docs_dir.rglob("*.md")):
        if path in narratives:
            continue
        text = _read_text(path, shown(path), problems)
        if text is None or "bulletin/" not in text:
            continue
        body, skipped = strip_front_matter(text)
        found: list[Problem] = []
        markers = find_markers(body, shown(path), found, first_line=skipped + 1)
        for marker in markers:
            problems.append(Problem(marker.location, f"bulletin/{marker.name}",
                                    "標記應只用在報告頁（docs/<期間>/<單位代號>.md），實為用在其他頁面",
                                    "刪去這個標記；其他頁面的數字由系統產生"))
        problems.extend(found)
