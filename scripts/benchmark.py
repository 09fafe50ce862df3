"""Build times at archive scale: our full build against the floor and stock Material, and preview.

For each size (reports = units × 5 years, synthetic, fixed seed) it builds, several times:
  floor           the same pages as plain Markdown, tables pre-rendered, our theme settings and
                  navigation, no hooks (scripts/bench/floor.py), search with jieba
  floor-no-jieba  the floor with jieba hidden from the search plugin
  stock           the same Markdown with Material's defaults: navigation from the folders,
                  no pruning, no tabs, search with jieba
  ours            the shipped configuration with all our features; `cold` is the first build
                  (no word-break cache), the median is over the builds after it
and prints the medians, the ratios the issue asks about, and peak memory (of all a build's
processes at once: ours does part of its work in a second one). Every timed build starts with
its site folder absent; the last one's is moved aside, not deleted, and the sites set aside are
deleted at the end (a reused work folder's projects at the start, followed by a six-minute
wait): scripts/bench/set_aside.py, for on this machine's disk a build started within minutes of a
deletion of 25,000 files is slowed by it. With `--serve` it
also measures `mkdocs serve --dirty` (what scripts/mkdocs runs) on the middle size: the time from saving a narrative or a data
file to the page (and its year and unit pages) showing the change.

Then, unless `--no-stages`, one more build of ours at the largest size prints where its time goes:
a table of stages (our on_config, Python-Markdown, Material's search index, templates, static files
copied, pages written, our post-build with the downloads…) with seconds and shares of its wall time,
and its peak memory. Each row is wall clock between marks the build takes at every MkDocs event,
before, between and after the plugins' and our handlers (scripts/bench/stage_marks.py, added only
to that build's copy of mkdocs.yml); no profiler, which would inflate the pure-Python stages
against the C ones. stages.py says which marks bound which row; the table says it too, and names
under it any handler that ran outside its marks.

    scripts/benchmark                       # 100, 500, 2000 reports; 3 runs each (1 at 2000); stages at 2000
    scripts/benchmark --sizes 100 --runs 1  # a quick look
    scripts/benchmark --sizes 2000 --runs 1 --stages   # the figures and the stage table at 2,000 reports
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts" / "bench"), str(ROOT / "hooks")]

from floor import write_floor  # noqa: E402
from set_aside import SETTLE_SECONDS, SetAside  # noqa: E402
from stages import stage_seconds, stage_table, write_stage_config  # noqa: E402
from synthetic import generate  # noqa: E402
from tree_memory import TreeMemory  # noqa: E402
from bulletin.scan_beside import USAGE_VARIABLE  # noqa: E402

YEARS = 5
NO_JIEBA = "import sys; sys.modules['jieba'] = None; from mkdocs.__main__ import cli; cli()"
WITH_JIEBA = "from mkdocs.__main__ import cli; cli()"


def build(project: Path, jieba: bool = True) -> tuple[float, float]:
    """One `mkdocs build --strict`: (wall seconds, peak memory in MB)."""
    started, ended, megabytes = run_build(project, jieba)
    return ended - started, megabytes


def run_build(project: Path, jieba: bool = True, config: str = "mkdocs.yml",
              variables: dict[str, str] | None = None) -> tuple[float, float, float]:
    """One `mkdocs build --strict` of `config` with more environment `variables`: (perf_counter at
    start, at end, peak memory in MB). The build's own perf_counter is the same clock on Linux.
    The peak is of all the build's processes at once (tree_memory.py), or the largest one's if larger.
    The last build's site is moved aside, not deleted (set_aside.py: a deletion just before would
    slow this build's every new file on this machine's disk)."""
    site = project / "site"
    SetAside(project.parent).move(site)
    os.sync()  # what earlier builds left unwritten is written now, not during this one
    command = [sys.executable, "-c", WITH_JIEBA if jieba else NO_JIEBA,
               "build", "--strict", "-q", "-f", str(project / config), "--site-dir", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(variables or {})}
    started = time.perf_counter()
    # stderr to a file, not a pipe: nobody reads a pipe during wait4, and a full one would stall the build.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        together = TreeMemory(process.pid).start()
        _, status, usage = os.wait4(process.pid, 0)
        ended = time.perf_counter()
        summed = together.stop() or 0.0
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"build failed in {project}:\n{errors.read().decode()[-3000:]}")
    return started, ended, max(usage.ru_maxrss / 1024, summed)


@dataclass
class Stages:
    seconds: dict[str, float]  # by stage (stages.STAGES), adding up to the build's wall time
    megabytes: float           # the build's peak memory
    misplaced: list[str]       # handlers the marks do not bound as assumed (stage_marks.misplaced)
    beside: dict[str, float]   # the scan's process beside the build: its CPU seconds and peak MB (or none)


def measure_stages(project: Path) -> Stages:
    """One more build of ours, with a mark at every MkDocs event (stage_marks.py): where its time goes."""
    config = write_stage_config(project)
    with tempfile.TemporaryDirectory() as folder:
        marks_file, usage_file = Path(folder) / "marks.json", Path(folder) / "beside.json"
        started, ended, megabytes = run_build(project, config=config.name,
                                              variables={"BULLETIN_STAGE_MARKS": str(marks_file),
                                                         USAGE_VARIABLE: str(usage_file)})
        written = json.loads(marks_file.read_text(encoding="utf-8"))
        beside = json.loads(usage_file.read_text(encoding="utf-8")) if usage_file.is_file() else {}
    marks = [(name, at) for name, at in written["marks"]]
    return Stages(stage_seconds(marks, started, ended), megabytes, written["misplaced"], beside)


def median_of(project: Path, runs: int, jieba: bool = True) -> tuple[float, float, list[float]]:
    times, peak = [], 0.0
    for _ in range(runs):
        seconds, memory = build(project, jieba)
        times.append(seconds)
        peak = max(peak, memory)
    return statistics.median(times), peak, times


def projects(size: int, work: Path) -> tuple[Path, Path, Path]:
    """Where one size's projects are written: ours, the floor, stock Material."""
    return work / f"archive-{size}", work / f"floor-{size}", work / f"stock-{size}"


def measure(size: int, runs: int, work: Path) -> dict[str, Any]:
    project, floor_folder, stock_folder = projects(size, work)
    generate(project, size // YEARS, YEARS)
    floor = write_floor(project, floor_folder)
    stock = write_floor(project, stock_folder, stock=True)
    figures: dict[str, Any] = {"reports": size, "runs": runs}  # counts, seconds, MB, a list of runs
    figures["ours cold"], figures["ours cold MB"] = build(project)
    figures["ours"], figures["ours MB"], figures["ours runs"] = median_of(project, runs)
    figures["floor"], figures["floor MB"], _ = median_of(floor, runs)
    figures["floor-no-jieba"], _, _ = median_of(floor, runs, jieba=False)
    figures["stock"], figures["stock MB"], _ = median_of(stock, runs)
    figures["pages"] = sum(1 for _ in (project / "site").rglob("index.html"))
    return figures


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(urls: list[str], text: str, limit: float = 300) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if all(text in _fetch(url) for url in urls):
            return time.perf_counter() - started
        time.sleep(0.05)
    return float("inf")


def serve_latencies(size: int, work: Path, edits: int = 5) -> dict[str, str]:
    """Save a narrative, then a data file, `edits` times while `mkdocs serve --dirty` runs: the
    median and the slowest time from the save until the pages show the change."""
    project = work / f"archive-{size}"
    port = 8765
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}",
                                "-f", str(project / "mkdocs.yml")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        year, unit = 2012, "unit-0001"
        page, year_page, unit_page = f"{base}{year}/{unit}/", f"{base}{year}/", f"{base}units/{unit}/"
        _wait_for([page], "</html>", limit=900)
        narrative = project / "docs" / str(year) / f"{unit}.md"
        records = project / "data" / str(year) / f"{unit}.yml"
        narrative_seconds, data_seconds = [], []
        for _ in range(edits):
            token = f"測量預覽延遲{time.time_ns()}"
            narrative.write_text(narrative.read_text(encoding="utf-8") + f"\n新增一句：{token}。\n", encoding="utf-8")
            narrative_seconds.append(_wait_for([page], token))
            text = records.read_text(encoding="utf-8")
            # The one suggestions record: its 提出 figure is the unit's own on the year and unit pages too.
            found = re.search(r"submitted: (\d+)\n", text)
            if found is None:
                raise SystemExit(f"{records}: no suggestions record (submitted:) to edit")
            submitted = found[0]
            figure = 900000 + time.time_ns() % 99999
            records.write_text(text.replace(submitted, f"submitted: {figure}\n", 1), encoding="utf-8")
            data_seconds.append(_wait_for([page, year_page, unit_page], f"{figure:,}"))
    finally:
        process.terminate()
        process.wait(timeout=30)
    def summary(seconds: list[float]) -> str:
        return f"median {statistics.median(seconds):.2f} s, slowest {max(seconds):.2f} s of {len(seconds)}"

    return {"narrative edit → its page": summary(narrative_seconds),
            "data edit → report, year and unit pages": summary(data_seconds)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000", help="reports per archive, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="builds per median (1 above 1,000 reports)")
    parser.add_argument("--serve", action="store_true", help="also measure mkdocs serve on the middle size")
    parser.add_argument("--stages", action=argparse.BooleanOptionalAction, default=True,
                        help="one more build of ours at the largest size: where its time goes (default: on)")
    parser.add_argument("--work", type=Path, help="keep the generated projects here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bulletin-bench-"))
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; work folder {work}")
    header = ("reports", "pages", "runs", "floor", "floor-no-jieba", "stock", "ours cold", "ours",
              "ours/floor", "ours/stock", "ours/floor-no-jieba", "peak MB ours", "peak MB stock")
    print(" | ".join(header))
    aside = SetAside(work)
    for folder in (folder for size in sizes for folder in projects(size, work)):  # a reused work folder's
        aside.move(folder)
    if aside.clear(settle=True):  # before any build is timed; nothing is deleted again until the end
        print(f"(a reused work folder: its projects deleted, then {SETTLE_SECONDS:.0f} s waited)", flush=True)
    for size in sizes:
        runs = args.runs if size <= 1000 else 1
        f = measure(size, runs, work)
        row = (f["reports"], f["pages"], runs, f"{f['floor']:.1f} s", f"{f['floor-no-jieba']:.1f} s",
               f"{f['stock']:.1f} s", f"{f['ours cold']:.1f} s", f"{f['ours']:.1f} s",
               f"{f['ours'] / f['floor']:.2f}", f"{f['ours'] / f['stock']:.2f}",
               f"{f['ours'] / f['floor-no-jieba']:.2f}", f"{f['ours MB']:.0f}", f"{f['stock MB']:.0f}")
        print(" | ".join(str(cell) for cell in row), flush=True)
    if args.stages:
        largest = max(sizes)
        measured = measure_stages(work / f"archive-{largest}")
        print(f"\nWhere the time goes: one more build of ours, {largest} reports, "
              f"{sum(measured.seconds.values()):.1f} s, peak {measured.megabytes:.0f} MB; wall clock at every "
              "MkDocs event, before, between and after the plugins' and our handlers (scripts/bench/stages.py), "
              "no profiler")
        print(stage_table(measured.seconds), flush=True)
        if measured.beside:
            print(f"Beside it, on the other core (bulletin/scan_beside.py: downloads written, search index, "
                  f"privacy scan): {measured.beside['cpu seconds']:.1f} s CPU, peak {measured.beside['peak MB']:.0f} MB "
                  "(its wait at the end is in our post-build)", flush=True)
        for handler in measured.misplaced:
            print(f"not measured as its row says: {handler}")
    if args.serve:
        middle = sizes[len(sizes) // 2]
        for name, figures in serve_latencies(middle, work).items():
            print(f"mkdocs serve --dirty, {middle} reports, {name}: {figures}")
    aside.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
