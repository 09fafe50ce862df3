"""The privacy scan beside the build: a process of its own, on the core the build leaves idle.

A build is one Python thread. At 2,000 reports the scan of the finished site was 6 s of CPU
after the last page, and writing 22,885 small download files a few seconds more of the kernel's,
while the machine's second core did nothing. So a full build starts this process as soon as its
archive is loaded (`ScanBeside.start`), hands it the downloads to write and scan as publishing
makes them (`send_downloads`), and each page the moment the generator has written it; at the
end (`finish`) it sends every file of the final listing not sent yet (the search index, the
sitemap, the cache …) and gets back what each file held.

The generator empties the site folder after our on_config, so downloads written before then are
`staged`: written into STAGING inside the site folder (MkDocs leaves names starting with a dot
alone), and moved in, a top folder at a time, once the site is clean (`site_clean`). Writing
and scanning them (at 2,000 reports 22,892 files: 0.8–1.1 s of writing on a disk area no recent
deletion slows, 3.8–13.7 s right after the last site was deleted, and 3.3–4.1 s of scanning) is then
done while the build is still publishing, not while the process has the pages to scan. A staging folder left over is removed when the next one starts,
and by `finish` and `stop`. The problems are assembled from the listing in scan_site's order
(site_scan.assemble), so they are the same, told the same way.

The guard never depends on the process: a file whose size or modification time changed after
it was read is read again here; a download it could not write is written here (failing as it
would); and if the process cannot be started or does not answer, everything is written and
scanned here, as before. A build that stops partway scans here what it wrote by then (the
hooks' on_build_error), and a failure of the extension below stops a build only after the
scan's findings are contained. A process that does not answer within ANSWER_SECONDS of being
asked is ended and everything is done here, so a hang costs time, never the guard. A quick
preview scans its few files here (starting a process would cost more).

The adapter may give the process more work of the same kind, tied to the generator:
`start_extension` names a module the process imports and calls (the hooks have Material's
search index made there, bulletin_search_beside.py); its first error is kept and told by
`extension_failure`, and a build stops on it.

Messages are pickles on the process's standard input, sent by a thread of ours so the build
never waits on the pipe; its answer is one pickle on its standard output.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import queue
import shutil
import signal
import subprocess
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .privacy import PrivateValue
from .site_downloads import write_downloads
from .site_files import site_files
from .site_scan import FileScanner, SiteFile, SiteScan, also_to_scan, assemble, scan_site, site_to_scan

USAGE_VARIABLE = "BULLETIN_BESIDE_USAGE"  # a file the process writes its CPU time and peak memory to
# Set to "off", no process is started and all its work is done in the build's own: for a machine
# with one core (nothing to gain), for finding a fault, and for the tests that compare the two.
SWITCH_VARIABLE = "BULLETIN_BESIDE"

HOOKS = Path(__file__).resolve().parent.parent  # the folder holding the `bulletin` package

WRITE_BATCH_BYTES = 1 << 20  # downloads sent to be written in messages of about this size
STAGING = ".bulletin-downloads"  # in the site folder: downloads written before the generator cleaned it

# How long the build waits for an answer once it has sent everything. The process is then only
# behind by what it was sent last (at 10,000 reports, seconds); ten minutes means it hangs.
ANSWER_SECONDS = 600.0

Stamp = tuple[int, int]  # a file's size and modification time (ns) when it was read


@dataclass
class Answer:
    """What the process found: values by SiteFile.key (files holding none left out), the stamp of
    every file it read, and the downloads it could not write."""

    found: dict[str, list[PrivateValue]] = field(default_factory=dict)
    read: dict[str, Stamp] = field(default_factory=dict)
    unwritten: list[str] = field(default_factory=list)
    extension_failure: str | None = None  # the first error of the extension's work, with its traceback


class ScanBeside:
    """The parent's side: sends files as the build makes them, assembles the scan at the end."""

    def __init__(self, site_dir: Path, values: list[PrivateValue], downloads: dict[str, bytes] | None = None,
                 staged: bool = False) -> None:
        self.site_dir = site_dir
        self.values = values
        self.downloads: dict[str, bytes] = {} if downloads is None else downloads
        # Written under STAGING until `site_clean`: for a build whose generator empties the site
        # folder after the process starts (not for a dirty build, which keeps it).
        self.staging: Path | None = site_dir / STAGING if staged else None
        self._moved_in = not staged  # site_clean was told
        self._handed: dict[str, bytes] = {}  # each download as sent to be written
        self._sent: set[str] = set()
        self._outbox: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._process: subprocess.Popen | None = None
        self._sender: threading.Thread | None = None
        self._broken = False
        self._extended = False  # start_extension was called
        self._answered = False  # the process's answer was read
        self._extension_failure: str | None = None
        self._unsent: str | None = None  # why a message could not be sent (pickled), with its traceback

    def start(self) -> None:
        """The process started and given the values and the downloads so far; the build goes on at once."""
        if os.environ.get(SWITCH_VARIABLE, "").strip().lower() == "off":
            self._broken = True
            self._remove_staging()  # a folder a build stopped before it finished may have left
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(HOOKS)!r}); "
                 "from bulletin.scan_beside import serve; serve()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError:
            self._broken = True
            self._remove_staging()
            return
        self._sender = threading.Thread(target=self._send_all, name="bulletin-scan-beside", daemon=True)
        self._sender.start()
        self._post(("values", self.values))
        if self.staging is not None:
            self._post(("stage", str(self.staging)))
        self.send_downloads()

    def send_downloads(self, downloads: dict[str, bytes] | None = None) -> None:
        """The downloads made since last sent (or made again since: sent again) sent to be written.
        `downloads` is the build's dict of them, the one kept from then on (finish writes it here
        if the process fails); without it, the one given before."""
        if downloads is not None:
            self.downloads = downloads
        if not self.running:  # not started (start sends them), or finish writes them all here
            return
        fresh = [shown for shown, data in self.downloads.items() if self._handed.get(shown) is not data]
        if not fresh:
            return
        coming = [(os.path.join(self.site_dir, *shown.split("/")), shown) for shown in fresh]
        self._handed.update((shown, self.downloads[shown]) for shown in fresh)
        batch: list[tuple[str, str, bytes]] = []
        size = 0
        for path, shown in coming:  # in batches: one pickled at a time, never all at once
            batch.append((path, shown, self.downloads[shown]))
            size += len(self.downloads[shown])
            if size >= WRITE_BATCH_BYTES:
                self._post(("write", batch))
                batch, size = [], 0
        if batch:
            self._post(("write", batch))
        self._sent.update(os.path.normpath(path) for path, _ in coming)

    def site_clean(self) -> None:
        """The generator has emptied the site folder: the staged downloads move in, and those sent
        from now on are written in place."""
        if not self._moved_in:
            self._moved_in = True
            if self.running:
                self._post(("move-in",))

    def written(self, path: str, shown: str) -> None:
        """A file of the site the generator has written and will not write again (a page)."""
        if self._process is not None and not self._broken:
            self._post(("scan", [(path, shown, True)]))
            self._sent.add(os.path.normpath(path))

    @property
    def running(self) -> bool:
        return self._process is not None and not self._broken

    def start_extension(self, module: str, *arguments: object) -> None:
        """More work for the process, by the adapter: `module.start(*arguments)` made there, whose
        methods `extension` calls in turn with the files (bulletin_search_beside.py)."""
        self._post(("ext-start", module, arguments))
        self._extended = True

    @property
    def extended(self) -> bool:
        """start_extension was called: the extension's work is this process's to finish."""
        return self._extended

    def extension(self, method: str, *arguments: object) -> None:
        if self.running:  # else extension_failure says so at the end
            self._post(("ext", method, arguments))

    def sync(self) -> None:
        """Wait until the process has done all it was sent (files it wrote are then listed by `finish`)."""
        if not self.running or self._process is None or self._process.stdout is None:
            return
        self._post(("sync",))
        if self._awaited() is None:  # no answer, or not one of ours: the rest is done here
            self._close()

    @property
    def extension_failure(self) -> str | None:
        """After `finish`: why the extension's work was not all done, or None when it was."""
        if not self._extended:
            return None
        if self._unsent is not None:
            return self._unsent
        return self._extension_failure if self._answered else "the process beside the build gave no answer"

    def finish(self, also: list[Path]) -> SiteScan:
        """The files not sent yet sent, and the scan of the whole site and the folders `also`.

        The site is listed while the process is still at the last pages it was sent (0.3 s at
        2,000 reports), the folders `also` once it is done: its extension may write there last
        (the word-break cache)."""
        self.send_downloads()
        self.site_clean()
        # The downloads as the process writes them: listed whether written yet or not. The staging
        # folder, which the process may be moving in as the site is listed, holds only downloads:
        # each one moved in, written here (`unwritten`) or deleted with the folder below.
        coming = [(os.path.join(self.site_dir, *shown.split("/")), shown) for shown in self.downloads]
        files = site_to_scan(self.site_dir, coming=coming, leave_out=(STAGING,) if self.staging else ())
        self.sync()
        files += also_to_scan(also)
        answer = self._answer([file for file in files if file.key not in self._sent])
        self._remove_staging()  # the process has ended: what it could not move in is written below
        if self.staging is not None and self.staging.exists():  # not removed (a file held open): scanned here
            files += [SiteFile(path, f"{STAGING}/{shown}", True) for path, shown in site_files(str(self.staging))]
        if answer is None:  # no process, or no answer: all of it here
            write_downloads(self.site_dir, self.downloads)
            return scan_site(self.site_dir, self.values, also=also)
        if answer.unwritten:
            write_downloads(self.site_dir, {docs_path: self.downloads[docs_path] for docs_path in answer.unwritten})
        found = answer.found
        scanner: FileScanner | None = None
        for file in files:
            if answer.read.get(file.key) != _stamp(file.path):  # not read there, or changed since
                scanner = scanner or FileScanner(self.values)
                found[file.key] = scanner.found(file)
        return assemble(files, found)

    def stop(self) -> None:
        """A build that ended before its last step: the process ended, its answer never read, and
        the downloads it had not moved in yet deleted (the site's own scan never sees them)."""
        self._close()
        self._remove_staging()

    def _remove_staging(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _close(self) -> None:
        """The process, its pipes and our sending thread ended; from now on everything is done here."""
        self._broken = True
        self._outbox.put(None)
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
        if self._sender is not None:
            self._sender.join()

    def _answer(self, rest: list[SiteFile]) -> Answer | None:
        if self._process is None or self._process.stdout is None or self._broken:
            self._close()
            return None
        self._post(("scan", [(file.path, file.shown, file.in_site) for file in rest]))
        self._post(("end",))
        self._outbox.put(None)
        answer = self._awaited()  # None: no answer, or not one of ours; all of it is done here
        if self._sender is not None:
            self._sender.join()
        ended_well = self._process.wait() == 0 and not self._broken and isinstance(answer, Answer)
        self._close()
        if not ended_well or not isinstance(answer, Answer):
            return None
        self._answered, self._extension_failure = True, answer.extension_failure
        return answer

    def _awaited(self) -> Any:
        """The process's next answer, or None if it sent none it could, or none within ANSWER_SECONDS
        (it is then killed, which ends the wait)."""
        assert self._process is not None and self._process.stdout is not None
        deadline = threading.Timer(ANSWER_SECONDS, self._process.kill)
        deadline.daemon = True
        deadline.start()
        try:
            return pickle.load(self._process.stdout)
        except Exception:
            return None
        finally:
            deadline.cancel()

    def _post(self, message: tuple) -> None:
        """Queued as it is and pickled by the sending thread when its turn comes, so the queue holds
        references, not copies (the downloads are tens of megabytes at 2,000 reports). What is
        posted is never changed afterwards."""
        self._outbox.put(message)

    def _send_all(self) -> None:
        pipe = self._process.stdin if self._process is not None else None
        if pipe is None:
            self._broken = True
            return
        while (message := self._outbox.get()) is not None:
            if self._broken:
                continue  # nothing more reaches the process: finish does it all here
            try:
                data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # a message lost would leave the process's work short: it is ended
                self._unsent = traceback.format_exc()
                self._broken = True
                self._process.kill()  # type: ignore[union-attr]
                continue
            try:
                pipe.write(data)
                if self._outbox.empty():
                    pipe.flush()
            except OSError:  # the process ended: finish scans here
                self._broken = True
        try:
            pipe.close()
        except OSError:  # the process ended before reading it all
            pass


def _stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def serve() -> None:
    """The process's side: write and read what it is sent, answer once at the end. A build that
    ended without asking (stopped, interrupted) closes the pipe: the process ends quietly.

    Ctrl-C in the terminal reaches this process too: the build decides, so it is ignored here.
    The answers go out on a copy of standard output; standard output itself goes to standard
    error, so nothing a library prints can garble them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        _serve(answers)
    except (EOFError, BrokenPipeError):
        pass


def _serve(answers: Any) -> None:
    messages = sys.stdin.buffer
    answer = Answer()
    scanner = FileScanner(pickle.load(messages)[1])
    extension: Any = None
    staging: str | None = None  # downloads written there until the site folder is clean
    site_dir = ""
    while (message := pickle.load(messages))[0] != "end":
        if message[0] == "stage":
            staging = message[1]
            site_dir = os.path.dirname(staging)
            shutil.rmtree(staging, ignore_errors=True)  # left by a build that was stopped
            continue
        if message[0] == "move-in":
            if staging is not None:
                _move_in(staging, site_dir, answer)
            staging = None
            continue
        if message[0] in ("ext-start", "ext"):
            extension = _run_extension(extension, message, answer)
            continue
        if message[0] == "sync":
            pickle.dump(True, answers)
            answers.flush()
            continue
        kind, files = message
        for entry in files:
            if kind == "write":
                path, shown, data = entry
                in_site = True
                try:
                    status = _write(path if staging is None else os.path.join(staging, *shown.split("/")), data)
                except OSError:
                    answer.unwritten.append(shown)
                    continue
            else:
                path, shown, in_site = entry
                try:
                    with open(path, "rb") as opened:
                        status = os.fstat(opened.fileno())  # before reading: a file still growing is read again
                        data = opened.read()
                except OSError:
                    continue  # gone, or never written: the final listing decides
            key = os.path.normpath(path)
            answer.read[key] = status.st_size, status.st_mtime_ns
            if found := scanner.found(SiteFile(path, shown, in_site), data):
                answer.found[key] = found
    pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
    answers.flush()
    _tell_usage(os.environ.get(USAGE_VARIABLE))


def _tell_usage(path: str | None) -> None:
    """The process's CPU time and peak memory, for the benchmark (its stage table cannot see them)."""
    if not path:
        return
    import resource  # POSIX only, and only the benchmark asks

    usage = resource.getrusage(resource.RUSAGE_SELF)
    try:
        with open(path, "w", encoding="utf-8") as told:
            json.dump({"cpu seconds": usage.ru_utime + usage.ru_stime, "peak MB": _peak_megabytes(usage)}, told)
    except OSError:
        pass  # the answer is sent already: a figure the benchmark lacks is not the build's concern


def _peak_megabytes(usage: Any) -> float:
    """This process's own peak: ru_maxrss would be its parent's at the fork, when larger (the
    kernel carries it over the exec); the peak of its own memory (VmHWM) is not."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return usage.ru_maxrss / 1024


def _run_extension(extension: Any, message: tuple, answer: Answer) -> Any:
    """The extension made or called; after its first error it is dropped, the error kept."""
    if answer.extension_failure is not None:
        return None
    try:
        if message[0] == "ext-start":
            _, module, arguments = message
            return importlib.import_module(module).start(*arguments)
        _, method, arguments = message
        getattr(extension, method)(*arguments)
        return extension
    except Exception:  # reported to the build, which stops on it
        answer.extension_failure = traceback.format_exc()
        return None


def _move_in(staging: str, site_dir: str, answer: Answer) -> None:
    """Each top folder of the staged downloads renamed into the site folder (their files are not
    created again). Where the site has one of that name already (the generator wrote a page of
    an editor's there), its files are moved one by one; one that cannot be is left `unwritten`,
    for the build to write. Renaming keeps each file's size and time, so what was read stands."""
    for name in sorted(os.listdir(staging)):
        source, target = os.path.join(staging, name), os.path.join(site_dir, name)
        try:
            os.rename(source, target)
        except OSError:
            if os.path.isdir(source):
                _move_files(source, target, name, answer)
            else:
                answer.unwritten.append(name)
    shutil.rmtree(staging, ignore_errors=True)


def _move_files(source: str, target: str, shown: str, answer: Answer) -> None:
    for folder, _, names in os.walk(source):
        inside = os.path.relpath(folder, source)
        for name in names:
            parts = [] if inside == "." else inside.split(os.sep)
            destination = os.path.join(target, *parts, name)
            try:
                os.makedirs(os.path.dirname(destination), exist_ok=True)
                os.replace(os.path.join(folder, name), destination)
            except OSError:
                answer.unwritten.append("/".join([shown, *parts, name]))


_folders: set[str] = set()


def _write(path: str, data: bytes) -> os.stat_result:
    folder = os.path.dirname(path)
    if folder not in _folders:
        os.makedirs(folder, exist_ok=True)
        _folders.add(folder)
    with open(path, "wb") as opened:
        opened.write(data)
        opened.flush()
        return os.fstat(opened.fileno())
