"""The privacy scan beside the build finds what the scan here finds, and never less."""

import json
import os
import signal

from helpers import problem_line

from bulletin import scan_beside
from bulletin.privacy import PrivateValue
from bulletin.problems import Location
from bulletin.scan_beside import Answer, ScanBeside
from bulletin.site_downloads import write_downloads
from bulletin.site_scan import FileScanner, scan_site

NAME = PrivateValue("陳大文", "visits[1].beneficiaries", Location("data/2021/town.yml", 7, 20), names=True)
OTHER = PrivateValue("李小明", "aid[1].beneficiary", Location("data/2021/port.yml", 3, 15))
DOWNLOADS = {"downloads/2021/town.csv": "單位,受慰問人\n鎮,陳大文\n".encode(), "downloads/2021/port.csv": b"a,b\n"}


def lines(scan) -> list[str]:
    return [problem_line(problem) for problem in scan.problems]


def a_site(tmp_path):
    site = tmp_path / "site"
    (site / "2021" / "town").mkdir(parents=True)
    (site / "2021" / "town" / "index.html").write_text("<p>探望李小明</p>", encoding="utf-8")
    (site / "2021" / "index.html").write_text("<p>探望陳<b>大</b>文</p>", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"text": "陈大文 李小明"}', encoding="utf-8")
    return site


def nothing_scanned_here(monkeypatch) -> None:
    """The process's answer is used as it is: a scan here (the way back when it fails) would raise."""
    def refuse(self, file, data=None):
        raise AssertionError(f"{file.shown} scanned here, not beside")
    monkeypatch.setattr(FileScanner, "found", refuse)


def test_what_the_process_finds_is_what_the_scan_here_finds_in_the_same_order(tmp_path, monkeypatch):
    site, cache = a_site(tmp_path), tmp_path / ".cache"
    cache.mkdir()
    (cache / "words.json").write_text('["陳大文"]', encoding="utf-8")
    write_downloads(site, DOWNLOADS)
    expected = lines(scan_site(site, [NAME, OTHER], also=[cache]))
    nothing_scanned_here(monkeypatch)
    beside = ScanBeside(site, [NAME, OTHER], DOWNLOADS)
    beside.start()
    beside.written(str(site / "2021" / "town" / "index.html"), "2021/town/index.html")
    assert lines(beside.finish(also=[cache])) == expected
    assert len(expected) == 6  # two pages, the index twice, a download, the cache


def test_ctrl_c_in_the_terminal_leaves_the_process_to_the_build(tmp_path, monkeypatch):
    nothing_scanned_here(monkeypatch)
    beside = ScanBeside(a_site(tmp_path), [NAME], {})
    beside.start()
    beside.sync()  # started, its handlers set
    os.kill(beside._process.pid, signal.SIGINT)
    assert len(beside.finish(also=[]).leaking) == 2


def test_a_stopped_build_leaves_no_process_thread_or_pipe_behind(tmp_path):
    beside = ScanBeside(a_site(tmp_path), [NAME], DOWNLOADS)
    beside.start()
    beside.stop()
    assert beside._process.poll() is not None and beside._process.stdout.closed
    assert not beside._sender.is_alive()


def test_what_a_library_prints_in_the_process_does_not_garble_its_answers(tmp_path, monkeypatch):
    beside = ScanBeside(a_site(tmp_path), [NAME], {})
    beside.start()
    beside.start_extension("this")  # importing it prints the Zen of Python on standard output
    beside.sync()
    nothing_scanned_here(monkeypatch)
    assert len(beside.finish(also=[]).leaking) == 2


def test_the_downloads_are_written_into_the_site(tmp_path):
    site = a_site(tmp_path)
    beside = ScanBeside(site, [NAME], DOWNLOADS)
    beside.start()
    scan = beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking


def test_a_file_changed_after_the_process_read_it_is_read_again(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    page = site / "2021" / "town" / "index.html"
    status = os.stat(page)
    read_clean = Answer(read={os.path.normpath(page): (status.st_size - 1, status.st_mtime_ns)})
    monkeypatch.setattr(ScanBeside, "_answer", lambda self, rest: read_clean)
    assert page in ScanBeside(site, [OTHER], {}).finish(also=[]).leaking


def test_a_file_read_there_and_unchanged_is_not_read_again(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    stamps = {}
    for path in (site / "2021" / "town" / "index.html", site / "2021" / "index.html", site / "search" / "search_index.json"):
        status = os.stat(path)
        stamps[os.path.normpath(path)] = (status.st_size, status.st_mtime_ns)
    monkeypatch.setattr(ScanBeside, "_answer", lambda self, rest: Answer(read=stamps))
    assert ScanBeside(site, [OTHER], {}).finish(also=[]).leaking == []  # the process said: nothing


def test_a_download_the_process_could_not_write_is_written_here(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    monkeypatch.setattr(ScanBeside, "_answer", lambda self, rest: Answer(unwritten=["downloads/2021/town.csv"]))
    scan = ScanBeside(site, [NAME], DOWNLOADS).finish(also=[])
    assert (site / "downloads" / "2021" / "town.csv").read_bytes() == DOWNLOADS["downloads/2021/town.csv"]
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking


def test_a_process_that_ends_at_once_leaves_it_all_to_the_scan_here(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    monkeypatch.setattr(scan_beside.sys, "executable", "/bin/false")
    beside = ScanBeside(site, [NAME, OTHER], DOWNLOADS)
    beside.start()
    beside.written(str(site / "2021" / "town" / "index.html"), "2021/town/index.html")
    found = lines(beside.finish(also=[]))
    assert found == lines(scan_site(site, [NAME, OTHER]))
    assert (site / "downloads" / "2021" / "port.csv").is_file() and len(found) == 5


def test_a_process_that_cannot_start_leaves_it_all_to_the_scan_here(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    monkeypatch.setattr(scan_beside.sys, "executable", str(tmp_path / "no-such-python"))
    beside = ScanBeside(site, [NAME], DOWNLOADS)
    beside.start()
    assert len(beside.finish(also=[]).leaking) == 3  # a page, the index, a download


def test_a_process_that_hangs_is_ended_and_leaves_it_all_to_the_scan_here(tmp_path, monkeypatch):
    (tmp_path / "hangs.py").write_text("import time\ndef start():\n    time.sleep(120)\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setattr(scan_beside, "ANSWER_SECONDS", 1.0)
    beside = ScanBeside(a_site(tmp_path), [NAME], DOWNLOADS)
    beside.start()
    beside.start_extension("hangs")
    assert len(beside.finish(also=[]).leaking) == 3  # a page, the index, a download: found here
    assert beside._process.returncode == -signal.SIGKILL
    assert beside.extension_failure == "the process beside the build gave no answer"


def test_a_message_that_cannot_be_sent_ends_the_process_and_is_told_as_the_extensions_failure(tmp_path):
    beside = ScanBeside(a_site(tmp_path), [NAME], DOWNLOADS)
    beside.start()
    beside.start_extension("json")  # a module to send the next message to
    beside.extension("add", lambda: None)  # a function cannot be pickled
    assert len(beside.finish(also=[]).leaking) == 3  # found here
    assert "pickle" in beside.extension_failure


def test_the_process_tells_the_benchmark_its_cpu_time_and_peak_memory(tmp_path, monkeypatch):
    monkeypatch.setenv(scan_beside.USAGE_VARIABLE, str(tmp_path / "usage.json"))
    beside = ScanBeside(a_site(tmp_path), [NAME], DOWNLOADS)
    beside.start()
    beside.finish(also=[])
    usage = json.loads((tmp_path / "usage.json").read_text(encoding="utf-8"))
    assert usage["cpu seconds"] > 0 and usage["peak MB"] > 10


def test_a_build_that_ends_without_asking_leaves_the_process_to_end_quietly(tmp_path):
    import subprocess
    import sys
    process = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(scan_beside.HOOKS)!r}); "
                              "from bulletin.scan_beside import serve; serve()"],
                             input=b"", capture_output=True, timeout=60)
    assert (process.returncode, process.stderr) == (0, b"")


# Staged: written before the generator empties the site folder, moved in once it has.

def a_staged_process(site, values, downloads) -> ScanBeside:
    beside = ScanBeside(site, values, downloads, staged=True)
    beside.start()
    beside.sync()  # the downloads written
    return beside


def test_staged_downloads_wait_in_the_hidden_folder_the_generator_does_not_empty(tmp_path):
    from mkdocs.utils import clean_directory

    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    assert (site / scan_beside.STAGING / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    clean_directory(str(site))  # what MkDocs does after on_config
    assert [path.name for path in site.iterdir()] == [scan_beside.STAGING]
    beside.stop()


def test_staged_downloads_move_into_the_clean_site_and_are_found_as_written_there(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    beside.site_clean()
    nothing_scanned_here(monkeypatch)
    scan = beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking
    assert not (site / scan_beside.STAGING).exists()


def test_downloads_sent_after_the_site_is_clean_are_written_in_place(tmp_path):
    site = a_site(tmp_path)
    downloads = dict(DOWNLOADS)
    beside = a_staged_process(site, [NAME], downloads)
    beside.site_clean()
    downloads["downloads/2021/late.csv"] = b"late\n"
    beside.send_downloads()
    beside.sync()
    assert (site / "downloads" / "2021" / "late.csv").read_bytes() == b"late\n"
    beside.finish(also=[])


def test_a_download_made_again_after_it_was_sent_is_written_again(tmp_path):
    site = a_site(tmp_path)
    downloads = dict(DOWNLOADS)
    beside = a_staged_process(site, [NAME], downloads)
    downloads["downloads/2021/port.csv"] = b"again\n"
    beside.send_downloads()
    beside.site_clean()
    beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"again\n"


def test_staged_downloads_join_a_folder_the_generator_wrote_first_file_by_file(tmp_path):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    (site / "downloads" / "guide").mkdir(parents=True)  # an editor's page at docs/downloads/guide.md
    (site / "downloads" / "guide" / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    beside.site_clean()
    scan = beside.finish(also=[])
    assert (site / "downloads" / "guide" / "index.html").read_text(encoding="utf-8") == "<p>guide</p>"
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking


def test_a_staged_download_that_cannot_be_moved_in_is_written_by_the_build(tmp_path):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    (site / "downloads").mkdir()
    (site / "downloads" / "2021").write_text("a file where a folder goes", encoding="utf-8")
    beside.site_clean()
    beside.sync()  # the process has tried
    (site / "downloads" / "2021").unlink()  # the build writes both here
    scan = beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking


def test_a_build_told_nothing_about_the_clean_site_still_moves_its_downloads_in(tmp_path):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert not (site / scan_beside.STAGING).exists()


def test_a_stopped_build_leaves_no_staged_download_behind(tmp_path):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    beside.stop()
    assert not (site / scan_beside.STAGING).exists()


def test_a_staging_folder_a_stopped_build_left_is_emptied_by_the_next(tmp_path):
    site = a_site(tmp_path)
    left = site / scan_beside.STAGING / "downloads" / "2020" / "gone.csv"
    left.parent.mkdir(parents=True)
    left.write_text("陳大文", encoding="utf-8")
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    assert not left.exists()
    beside.finish(also=[])
    assert not (site / "downloads" / "2020").exists()


def test_a_staging_folder_left_is_removed_when_no_process_starts(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    (site / scan_beside.STAGING).mkdir()
    monkeypatch.setenv(scan_beside.SWITCH_VARIABLE, "off")
    ScanBeside(site, [NAME], DOWNLOADS, staged=True).start()
    assert not (site / scan_beside.STAGING).exists()


def test_staged_downloads_of_a_process_that_died_before_moving_them_in_are_written_here(tmp_path):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    os.kill(beside._process.pid, signal.SIGKILL)
    scan = beside.finish(also=[])
    assert (site / "downloads" / "2021" / "port.csv").read_bytes() == b"a,b\n"
    assert site / "downloads" / "2021" / "town.csv" in scan.leaking
    assert not (site / scan_beside.STAGING).exists()


def test_a_staging_folder_that_cannot_be_removed_is_scanned_here(tmp_path, monkeypatch):
    site = a_site(tmp_path)
    beside = a_staged_process(site, [NAME], DOWNLOADS)
    beside.site_clean()
    beside.sync()  # moved in; then something is left there that the process never wrote
    stray = site / scan_beside.STAGING / "stray.csv"
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("陳大文", encoding="utf-8")
    monkeypatch.setattr(scan_beside.shutil, "rmtree", lambda *args, **kwargs: None)  # a file held open
    assert stray in beside.finish(also=[]).leaking
