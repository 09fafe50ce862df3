"""While previewing, a save is seen when the system reports it; the poll finds what it does not report."""

import logging
import os
import threading
import time

from watchdog.events import FileModifiedEvent, FileMovedEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from bulletin_saves_seen import SavesSeenAtOnce, SeenPaths


class Recorder(FileSystemEventHandler):
    """MkDocs' handler as the server gives it: every event it receives, and the thread it came on."""

    def __init__(self) -> None:
        self.events: list[tuple[object, str]] = []
        self.arrived = threading.Event()

    def dispatch(self, event):
        self.events.append((event, threading.current_thread().name))
        self.arrived.set()

    def files(self, path):
        return [(event, thread) for event, thread in self.events
                if not event.is_directory and os.fsdecode(event.src_path) == str(path)]


class Silent:
    """A system observer that reports nothing, as on a network share."""

    def schedule(self, handler, path, recursive=False, event_filter=None):
        return object()

    def unschedule(self, watch):
        pass

    def start(self):
        pass

    def stop(self):
        pass

    def join(self, timeout=None):
        pass


class Unavailable(Silent):
    """A system observer that cannot start, as when inotify's limit of watches is reached."""

    def start(self):
        raise OSError(28, "inotify watch limit reached")


def watching(folder, system, handler, backstop=30.0, fallback=0.05, grace=0.1):
    observer = SavesSeenAtOnce(PollingObserver(), system, backstop_seconds=backstop, fallback_seconds=fallback,
                               grace_seconds=grace)
    observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    return observer


def stop(observer):
    observer.stop()
    observer.join()


def test_a_save_reaches_mkdocs_at_once_though_the_poll_would_look_only_in_half_a_minute(tmp_path):
    (tmp_path / "a.md").write_text("一", encoding="utf-8")
    handler = Recorder()
    observer = watching(tmp_path, Observer(), handler, backstop=30.0)
    try:
        saved = time.monotonic()
        (tmp_path / "a.md").write_text("二", encoding="utf-8")
        assert handler.arrived.wait(5)
        assert time.monotonic() - saved < 1
        assert handler.files(tmp_path / "a.md")
    finally:
        stop(observer)


def test_reading_a_watched_file_does_not_start_a_rebuild(tmp_path):
    (tmp_path / "a.md").write_text("一", encoding="utf-8")
    handler = Recorder()
    observer = watching(tmp_path, Observer(), handler)
    try:
        time.sleep(0.2)
        assert (tmp_path / "a.md").read_text(encoding="utf-8") == "一"
        time.sleep(0.3)
        assert handler.events == []  # the build reads every page: opened and closed are not changes
    finally:
        stop(observer)


def test_a_save_the_system_does_not_report_is_found_by_the_poll(tmp_path):
    (tmp_path / "a.md").write_text("一", encoding="utf-8")
    handler = Recorder()
    observer = watching(tmp_path, Silent(), handler, backstop=0.05)
    try:
        time.sleep(0.2)  # the poll's first look, before the save
        (tmp_path / "a.md").write_text("二十", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not handler.files(tmp_path / "a.md") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert handler.files(tmp_path / "a.md")
    finally:
        stop(observer)


def test_the_polls_later_report_of_a_save_the_system_reported_is_dropped(tmp_path, caplog):
    (tmp_path / "a.md").write_text("一", encoding="utf-8")
    handler = Recorder()
    observer = watching(tmp_path, Observer(), handler, backstop=0.05, grace=5.0)  # however late the report
    try:
        time.sleep(0.2)
        with caplog.at_level(logging.DEBUG, logger="mkdocs.hooks.bulletin.saves_seen"):
            (tmp_path / "a.md").write_text("二十", encoding="utf-8")
            deadline = time.monotonic() + 10
            while "already reported by the system" not in caplog.text and time.monotonic() < deadline:
                time.sleep(0.05)
        threads = {thread for _, thread in handler.files(tmp_path / "a.md")}
        assert threads and observer.polling.name not in threads  # one save, one rebuild
        assert "already reported by the system" in caplog.text and "a.md" in caplog.text
    finally:
        stop(observer)


def test_without_the_systems_events_the_poll_goes_back_to_its_own_interval(tmp_path, caplog):
    handler = Recorder()
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.bulletin.saves_seen"):
        observer = watching(tmp_path, Unavailable(), handler, backstop=30.0, fallback=0.05)
    try:
        assert observer.polling.timeout == 0.05 and all(e.timeout == 0.05 for e in observer.polling.emitters)
        assert observer.seen.grace == 0  # the poll's findings wait for no report
        assert "not available" in caplog.text and "every 0.05 s" in caplog.text
        time.sleep(0.2)
        (tmp_path / "b.md").write_text("二", encoding="utf-8")
        assert handler.arrived.wait(5)
    finally:
        stop(observer)


def test_a_poll_event_is_dropped_only_when_the_system_reported_every_path_it_names_lately():
    now = [100.0]
    seen = SeenPaths(window=3.0, grace=0.0, clock=lambda: now[0])
    seen.note(FileMovedEvent("/d/.a.md.swp", "/d/a.md"))
    assert seen.reported(FileModifiedEvent("/d/a.md"))
    assert not seen.reported(FileModifiedEvent("/d/b.md"))
    assert not seen.reported(FileMovedEvent("/d/a.md", "/d/c.md"))  # c.md: not reported
    now[0] += 3.5
    assert not seen.reported(FileModifiedEvent("/d/a.md"))  # a later save the system missed


def test_a_poll_starved_through_a_long_build_still_finds_its_save_reported_by_the_system():
    now = [100.0]
    seen = SeenPaths(clock=lambda: now[0])
    seen.note(FileModifiedEvent("/d/a.md"))
    now[0] += 300  # a full build of 10,000 reports, the poll's walk waiting for the interpreter
    assert seen.reported(FileModifiedEvent("/d/a.md"))  # not a second full rebuild
    now[0] += 301
    assert not seen.reported(FileModifiedEvent("/d/a.md"))


def test_a_poll_that_finds_a_save_a_moment_before_the_systems_report_is_handled_waits_for_it():
    seen = SeenPaths(window=3.0, grace=2.0)
    late = threading.Timer(0.05, seen.note, [FileModifiedEvent("/d/a.md")])
    late.start()
    started = time.monotonic()
    assert seen.reported(FileModifiedEvent("/d/a.md"))
    assert time.monotonic() - started < 1.5  # woken by the report, not by the end of the grace


def test_the_findings_of_one_poll_that_the_system_never_reports_wait_once_not_each():
    seen = SeenPaths(window=3.0, grace=0.2)
    started = time.monotonic()
    assert not any(seen.reported(FileModifiedEvent(f"/d/{n}.md")) for n in range(10))
    assert 0.2 <= time.monotonic() - started < 1.5  # ten waits of 0.2 s would be two seconds
