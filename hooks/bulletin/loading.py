"""Loading and checking the whole archive in one pass: registry, record files, narratives, markers.

The layout states each report's unit and period once, by where its files are:

    data/units.yml                       the unit registry
    data/<period>/<unit>.yml             records     (data/2021/xuancheng-workshop.yml)
    docs/<period>/<unit>.md              narrative   (docs/2021/xuancheng-workshop.md)

Every problem found anywhere is collected; the caller decides whether to abort. Files are read
once per call, so a build that calls this once per build parses each record file once. A file
that must not be opened at all (a pipe, a link out of the project, a name that is not UTF-8, a
page too large; see input_files.py) is reported and listed in `LoadResult.refused`, so the site
builder can leave it alone too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from dataclasses import dataclass, field
from pathlib import Path

from .archive import Archive, Report
from .collector import collector_paused
from .declared_kinds import KINDS_FOLDER, read_project_kinds
from .kinds import use_kinds
from .input_files import MAX_NARRATIVE_BYTES, Roots, entries, page_too_large, refusal, shown_path
from .markers import find_markers
from .narrative import strip_front_matter
from .narrative_checks import check_narrative, doubtful_kinds, read_page_text
from .period_folders import known_periods, read_period_folder
from .periods import Period
from .privacy import sources_problems
from .problems import Location, Problem, quote, sorted_problems
from .reading import read_report_records
from .settings import Settings
from .units import UnitRegistry, is_unit_id, read_units, unknown_unit
from .yaml_source import read_yaml

UNITS_FILE = "units.yml"
RECORD_SUFFIXES = (".yml", ".yaml")


@dataclass
class LoadResult:
    archive: Archive
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)  # files and folders reported and never opened
    # For the site-wide rules scripts/check applies as the build does (checking.py): every file
    # MkDocs would take from docs/ and may be opened, and the text of every readable page.
    docs_files: list[Path] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)


def load_archive(project_dir: Path, docs_dir: Path, settings: Settings | None = None,
                 today: dt.date | None = None) -> LoadResult:
    """Everything under data/ and the narratives under docs/, checked together (a period that
    starts after `today`, by default the real one, is a slip)."""
    with collector_paused():  # the load's objects all stay: see collector.py
        return _load_archive(project_dir, docs_dir, settings, today)


def _load_archive(project_dir: Path, docs_dir: Path, settings: Settings | None, today: dt.date | None) -> LoadResult:
    problems: list[Problem] = []
    data_dir = project_dir / "data"
    roots, verdicts, refused = Roots(project_dir, data_dir, docs_dir), {}, set()

    def shown(path: Path) -> str:
        return shown_path(path, project_dir)

    def allowed(path: Path) -> bool:
        """May this file or folder be opened? Asked once per path; a refusal is reported once."""
        if path not in verdicts:
            problem = refusal(path, shown(path), roots)
            if problem is None and path.suffix == ".md" and path.is_relative_to(docs_dir):
                problem = _too_large_page(path, shown(path))
            if problem is not None:
                problems.append(problem)
                refused.add(path)
            verdicts[path] = problem is None
        return verdicts[path]

    units_path = data_dir / UNITS_FILE
    if not allowed(units_path):
        registry = UnitRegistry()
    elif units_path.is_file():
        registry = read_units(read_yaml(units_path, shown(units_path), problems).root, shown(units_path), problems)
    else:
        registry = read_units(None, shown(units_path), problems)
    # The project's kinds, declared ones included, read afresh and in force from here on (kinds/__init__.py).
    kinds = read_project_kinds(project_dir, problems)
    use_kinds(kinds)
    archive = Archive(registry, settings or Settings(), kinds=kinds)
    result = LoadResult(archive, problems, refused)

    # A refused file stands in these as None: reported already, and its pair is not "missing".
    today = today or dt.date.today()
    periods = known_periods([data_dir, docs_dir], today), today  # for a mistyped period folder's hint
    record_files = _record_files(data_dir, shown, allowed, problems, periods)
    narratives = _narrative_files(docs_dir, shown, allowed, problems, periods)

    for (period, unit_id), path in record_files.items():
        if path is None:
            continue
        data_shown = shown(path)
        narrative = narratives.get((period, unit_id))
        if not is_unit_id(unit_id):
            problems.append(Problem(Location(data_shown), "",
                                    f"應為以單位代號命名的檔案，實為 {quote(path.name)}",
                                    "單位代號只用小寫字母、數字和連字號，例如 xuancheng-workshop.yml"))
        elif unit_id not in registry:
            problems.append(unknown_unit(data_shown, unit_id, registry, shown(units_path)))
        if (period, unit_id) not in narratives and unit_id in registry:
            expected_at = shown(docs_dir / period.code / f"{unit_id}.md")
            problems.append(Problem(Location(data_shown), "",
                                    f"應有對應的敘述 {expected_at}，實為沒有",
                                    "用 scripts/new period 建立，或補上這個 Markdown 檔"))
        before = len(problems)
        root = read_yaml(path, data_shown, problems).root
        records = read_report_records(root, data_shown, period, problems)
        if unit_id in registry and narrative is not None:
            report = Report(registry[unit_id], period, records, data_shown, shown(narrative), narrative)
            archive.add(report)
            check_narrative(narrative, report, archive, problems, doubtful_kinds(problems[before:], data_shown))

    for (period, unit_id), path in narratives.items():
        if path is None or (period, unit_id) in record_files:
            continue  # a record file for an unknown unit is reported, not its narrative again
        if is_unit_id(unit_id) and unit_id not in registry:
            problems.append(unknown_unit(shown(path), unit_id, registry, shown(units_path)))
        else:
            expected_at = shown(data_dir / period.code / f"{unit_id}.yml")
            problems.append(Problem(Location(shown(path)), "", f"應有對應的資料檔 {expected_at}，實為沒有",
                                    "用 scripts/new period 建立；這一期沒有數字時，建立一個空檔即可"))
    result.docs_files = _docs_files(docs_dir, allowed) if docs_dir.is_dir() else []
    _check_other_pages(result.docs_files, set(narratives.values()), shown, problems)
    result.pages = _page_texts(docs_dir, shown)
    problems += sources_problems(archive, result.pages)

    result.problems = sorted_problems(problems)
    return result


def _record_files(data_dir: Path, shown, allowed, problems: list[Problem],
                  periods: tuple[set[str], dt.date]) -> dict[tuple[Period, str], Path | None]:
    found: dict[tuple[Period, str], Path | None] = {}
    if not data_dir.is_dir():
        problems.append(Problem(Location.folder(shown(data_dir)), "", "應有資料夾，實為沒有",
                                "在專案根目錄建立 data/，放入 units.yml 與各期的資料夾"))
        return found
    for entry in entries(data_dir, shown(data_dir), problems):
        if entry.name.startswith(".") or entry.name in (UNITS_FILE, KINDS_FOLDER) or not allowed(entry):
            continue
        if not entry.is_dir():
            problems.append(Problem(Location(shown(entry)), "",
                                    f"這裡應只有 {UNITS_FILE} 和各期的資料夾（2021、2021-H1）",
                                    "把這個檔案移到對應的期間資料夾，或移出 data/"))
            continue
        period = read_period_folder(entry.name, shown(entry), *periods, problems)
        if period is None:
            continue
        for path in entries(entry, shown(entry), problems):
            if path.name.startswith(".") or path.name.startswith("~$"):
                continue
            if not allowed(path):
                found.setdefault((period, path.stem), None)
                continue
            if path.suffix not in RECORD_SUFFIXES or not path.is_file():
                problems.append(Problem(Location(shown(path)), "",
                                        "應為以單位代號命名的 .yml 資料檔",
                                        "這裡只放各單位的 <單位代號>.yml；其他檔案請移出 data/"))
                continue
            if found.get((period, path.stem)) is not None:
                problems.append(Problem(Location(shown(path)), "",
                                        f"每個單位每期應只有一個資料檔，實為與 "
                                        f"{shown(found[(period, path.stem)])} 重複",
                                        "把兩個檔案的記錄合併到一個檔案中"))
                continue
            found[(period, path.stem)] = path
    return found


def _narrative_files(docs_dir: Path, shown, allowed, problems: list[Problem],
                     periods: tuple[set[str], dt.date]) -> dict[tuple[Period, str], Path | None]:
    """Narratives are the pages in period folders of docs/; `index.md` there is a section page."""
    found: dict[tuple[Period, str], Path | None] = {}
    if not docs_dir.is_dir():
        return found
    for entry in entries(docs_dir, shown(docs_dir), problems):
        if entry.name.startswith(".") or not entry.is_dir() or not allowed(entry):
            continue
        # A folder meant as a period (2021-h2, 1900) is reported, or its pages lose their tables.
        period = read_period_folder(entry.name, shown(entry), *periods, problems, quiet=not entry.name[:4].isdigit())
        if period is None:
            continue
        for path in entries(entry, shown(entry), problems):
            if path.suffix == ".md" and path.name != "index.md" and not path.name.startswith("."):
                found[(period, path.stem)] = path if allowed(path) else None
    return found


def _too_large_page(path: Path, shown_as: str) -> Problem | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None  # reading it says why
    return page_too_large(shown_as, size) if size > MAX_NARRATIVE_BYTES else None


def _page_texts(docs_dir: Path, shown) -> dict[str, str]:
    """Every Markdown page under docs/ that can be read, for the privacy check (faults are
    reported where the page is checked, not again here)."""
    texts = {}
    # os.walk, not rglob: a folder deleted while it is walked (a preview rebuilding) is skipped, not raised.
    pages = sorted(Path(folder) / name for folder, _, names in os.walk(docs_dir) for name in names if name.endswith(".md"))
    for path in pages:
        if path.is_file() and not path.is_symlink():
            text = read_page_text(path, shown(path), [])
            if text is not None:
                texts[shown(path)] = text
    return texts


def reread_report(archive: Archive, report: Report, data_file: Path, problems: list[Problem]) -> Report:
    """A report whose record file changed while previewing, read again into the archive."""
    before = len(problems)
    root = read_yaml(data_file, report.data_path, problems).root
    new = dataclasses.replace(report, records=read_report_records(root, report.data_path, report.period, problems))
    archive.replace(new)
    if new.narrative_file is not None:
        check_narrative(new.narrative_file, new, archive, problems, doubtful_kinds(problems[before:], report.data_path))
    return new


def _docs_files(docs_dir: Path, allowed) -> list[Path]:
    """Every file MkDocs would take from docs/ (names starting with a dot are left out, as MkDocs
    leaves them), each asked `allowed`; folders that vanish meanwhile are skipped by os.walk."""
    found = []
    for folder, subfolders, names in os.walk(docs_dir):
        base = Path(folder)
        subfolders[:] = sorted(n for n in subfolders if not n.startswith(".") and allowed(base / n))
        found += [base / n for n in sorted(names) if not n.startswith(".") and allowed(base / n)]
    return found


def _check_other_pages(docs_files: list[Path], narratives: set[Path | None], shown, problems: list[Problem]) -> None:
    """Markers are expanded on report pages only; one anywhere else would stay an invisible comment."""
    for path in docs_files:
        if path in narratives or path.suffix != ".md":
            continue
        text = read_page_text(path, shown(path), problems)
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
