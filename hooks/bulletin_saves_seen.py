"""While previewing, a saved file is seen when the system reports it, not at the next poll.

MkDocs' live reload polls the watched folders: it walks every file of docs/ and data/ in Python,
holding the interpreter: 26-45 ms a walk at 2,000 reports, 275-298 ms at 10,000. Polling every
0.1 s, as quick previews did, found a save 0.11-0.22 s after it and slowed the rebuild it started
by a quarter or more (a narrative's rebuild 0.34-0.46 s against 0.22-0.34 s with a poll every
second; figures in issue 15's notes). The system's own file events (inotify on Linux, FSEvents,
ReadDirectoryChangesW on Windows) arrive within a millisecond and cost nothing between saves.

MkDocs chose polling because those events do not arrive everywhere (a network share, a Docker
volume): the poll stays, once a second, as a backstop. A change it reports that the system
already reported is dropped, so one save starts one rebuild, not a second one a poll later. If the
system's events cannot be had at all (inotify's watch limit, a platform without them) the poll
goes back to its own interval and is all there is.

Only watchdog's public observer API is used (schedule, unschedule, start, stop, join, event
filters); the poll's interval is its private `_timeout`, guarded by the pinned watchdog version in
bulletin_patches.py, which puts this observer in the place MkDocs' LiveReloadServer keeps its own.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

log = logging.getLogger("mkdocs.hooks.bulletin.saves_seen")

# What a save, a new, deleted or renamed file or folder looks like. Not opened or closed without
# writing: the build reads every file it watches, and each read would start another rebuild.
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
                                        FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
_CHANGE_TYPES = tuple(CHANGES)


def _paths(event: FileSystemEvent) -> list[str]:
    return [os.fsdecode(path) for path in (event.src_path, event.dest_path) if path]


# How long a path the system reported makes the poll's report of it redundant. Longer than the
# longest build: while one runs, the poll's walk is starved of the interpreter (every stat gives
# it up; the walk of 2,000 reports' 4,025 files took 0.60 s beside a busy thread against 0.045 s
# alone), and a review had the poll report a save 8.2 s after it, beside an 8 s busy loop: with a
# window of three polls, a second full rebuild. Long is safe where the system reports saves at all:
# it reports every later one.
WINDOW_SECONDS = 600.0


class SeenPaths:
    """The paths the system reported lately, so the poll's later report of the same save is
    dropped; oldest first, so those past the window leave from the front."""

    def __init__(self, window: float = WINDOW_SECONDS, grace: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window, self.grace, self.clock = window, grace, clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._reported = threading.Condition()  # the system's events and the poll's arrive on two threads
        self._waits_until = float("-inf")

    def note(self, event: FileSystemEvent) -> None:
        with self._reported:
            now = self.clock()
            for path in _paths(event):
                self._seen[path] = now
                self._seen.move_to_end(path)
            self._reported.notify_all()

    def reported(self, event: FileSystemEvent) -> bool:
        """True when the system reported every path the event names within the window. A poll can
        find a save a moment before the system's report of it is handled: the first of a poll's
        findings waits up to `grace` for that report, the rest found with it no longer than it."""
        paths = _paths(event)
        with self._reported:
            now = self.clock()
            while self._seen and now - next(iter(self._seen.values())) > self.window:
                self._seen.popitem(last=False)
            if now > self._waits_until + self.grace:  # the first finding of a poll
                self._waits_until = now + self.grace
            return self._reported.wait_for(lambda: all(path in self._seen for path in paths),
                                           timeout=max(0.0, self._waits_until - now))


class _ReportedBySystem(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, seen: SeenPaths) -> None:
        self.handler, self.seen = handler, seen

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, _CHANGE_TYPES):  # an emitter without event filters still sends reads
            self.seen.note(event)
            self.handler.dispatch(event)


class _FoundByPoll(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, seen: SeenPaths) -> None:
        self.handler, self.seen = handler, seen

    def dispatch(self, event: FileSystemEvent) -> None:
        if not event.is_directory and self.seen.reported(event):  # MkDocs does nothing on a folder's own
            log.debug("already reported by the system, not rebuilt again: %s", event)
            return
        self.handler.dispatch(event)


def set_poll_interval(observer: Any, seconds: float) -> None:
    """watchdog's polling observer and its emitters each keep the interval they were made with."""
    observer._timeout = seconds
    for emitter in observer.emitters:
        emitter._timeout = seconds


class SavesSeenAtOnce:
    """Stands where MkDocs' LiveReloadServer keeps its polling observer, with the calls it makes:
    every watched path is scheduled on the system's observer and on the poll."""

    def __init__(self, polling: Any, system: Any, backstop_seconds: float, fallback_seconds: float,
                 grace_seconds: float = 0.1) -> None:
        self.polling, self.system = polling, system
        self.fallback_seconds = fallback_seconds
        self.seen = SeenPaths(grace=grace_seconds)
        self.system_events = True  # until the system's observer fails to start
        set_poll_interval(polling, backstop_seconds)

    def schedule(self, handler: FileSystemEventHandler, path: str, recursive: bool = False) -> tuple[Any, Any]:
        polled = self.polling.schedule(_FoundByPoll(handler, self.seen), path, recursive=recursive)
        reported = self.system.schedule(_ReportedBySystem(handler, self.seen), path, recursive=recursive,
                                        event_filter=CHANGES)
        return polled, reported

    def unschedule(self, watch: tuple[Any, Any]) -> None:
        polled, reported = watch
        self.polling.unschedule(polled)
        if self.system_events:
            self.system.unschedule(reported)

    def start(self) -> None:
        try:
            self.system.start()
        except Exception as error:  # inotify's limit of watches; FSEvents' stream refused; any other
            self.system_events = False
            self.system.stop()  # the folders it had begun to watch
            self.seen.grace = 0.0  # no report will come to wait for
            set_poll_interval(self.polling, self.fallback_seconds)
            log.info("The system's file events are not available (%s): saved files are found by looking "
                     "every %s s.", error, self.fallback_seconds)
        self.polling.start()

    def stop(self) -> None:
        self.polling.stop()
        if self.system_events:
            self.system.stop()

    def join(self, timeout: float | None = None) -> None:
        self.polling.join(timeout)
        if self.system_events:
            self.system.join(timeout)
