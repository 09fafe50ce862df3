"""Which files under data/ and docs/ may be opened, how their paths are shown, and reading them safely.

An editor's folder can hold more than editors meant to put there, and a build must never hang,
crash or publish something else because of it:

- a name that is not UTF-8 (copied from an old Windows share or a zip made on another system)
  cannot be printed, logged or made a URL; its location is shown with the odd bytes escaped
  (`docs/\\xff.md`) and the file is refused;
- a named pipe, device or socket would block the reader forever or be endless; it is refused
  without ever being opened (and files are opened without blocking, so one that becomes a pipe
  between the look and the read is still refused);
- a link that leads out of the project (`town.yml` → `/etc/passwd`) would put another file's
  contents into messages and pages; it is refused. Links inside the project, and `data/` or
  `docs/` themselves being links (a shared drive), are fine;
- a file far larger than its kind ever is (a pasted export) is refused before it is read whole.

A folder that disappears while it is being listed (a period folder deleted while a preview
rebuilds) simply has no files: the next build, which its deletion starts, sees it gone.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from .problems import Location, Problem, quote, unreadable

# A narrative is a few pages of prose (3 KB in the sample, 30 KB at most among real reports);
# a 24 MB one took 76 s to build. A megabyte is far beyond any report and still quick.
MAX_NARRATIVE_BYTES = 1024 * 1024

_KINDS = ((stat.S_ISFIFO, "具名管道（FIFO）"), (stat.S_ISSOCK, "通訊端（socket）"),
          (stat.S_ISCHR, "裝置檔"), (stat.S_ISBLK, "裝置檔"))


def printable(path: str) -> str:
    """A path as messages show it: bytes that are not UTF-8 escaped as \\xff, never a surrogate."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown_path(path: Path, project_dir: Path) -> str:
    """A path relative to the project, as messages show it (data/2021/town.yml)."""
    try:
        return printable(path.relative_to(project_dir).as_posix())
    except ValueError:
        return printable(path.as_posix())


def entries(folder: Path, shown_as: str, problems: list[Problem]) -> list[Path]:
    """A folder's entries, sorted; none when it is gone; a problem when it cannot be listed."""
    try:
        return sorted(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []  # removed since it was seen: the next build sees it gone
    except OSError as error:
        problems.append(Problem(Location.folder(shown_as), "",
                                f"應為可讀的資料夾，實為{error.strerror or error}",
                                "請管理員開放這個資料夾的讀取權限"))
        return []


class Roots:
    """The folders files may lead into: the project, and data/ and docs/ wherever they are."""

    def __init__(self, *folders: Path) -> None:
        self.folders = tuple(folder.resolve() for folder in folders)

    def contain(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved == folder or resolved.is_relative_to(folder) for folder in self.folders)


def refusal(path: Path, shown_as: str, roots: Roots) -> Problem | None:
    """Why this file or folder must not be opened, or None. A path that is gone is not refused
    here: reading it says so."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return Problem(Location(shown_as), "", f"應為 UTF-8 編碼的檔名，實為 {quote(printable(path.name))}",
                       "這個名稱在網址和訊息中都無法顯示；用中文或英文重新命名這個檔案或資料夾")
    try:
        status = path.lstat()
    except OSError:
        return None
    if stat.S_ISLNK(status.st_mode):
        if not roots.contain(path):
            return Problem(Location(shown_as), "", "應為專案內的檔案，實為指向專案外的連結",
                           "把檔案本身複製到這裡，不要用捷徑或符號連結指向其他地方")
        try:
            status = path.stat()
        except OSError:
            return None  # a broken link: reading it says the file is not there
    return _special(status.st_mode, shown_as)


def _special(mode: int, shown_as: str) -> Problem | None:
    for test, kind in _KINDS:
        if test(mode):
            return Problem(Location(shown_as), "", f"應為普通的檔案，實為{kind}",
                           "這不是編輯器存的檔案；把它移出 data/ 和 docs/")
    return None


def read_capped(path: Path, shown_as: str, limit: int, too_large: Callable[[int], Problem],
                problems: list[Problem]) -> bytes | None:
    """A file's bytes, or None with a problem: unreadable, not a regular file, or over `limit`.

    Opened without blocking (a pipe would wait for a writer forever) and its size looked at on
    the open file, before anything is read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        problems.append(unreadable(shown_as, error))
        return None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            problems.append(unreadable(shown_as, IsADirectoryError(errno.EISDIR, "Is a directory")))
            return None
        if not stat.S_ISREG(status.st_mode):
            problems.append(_special(status.st_mode, shown_as) or Problem(
                Location(shown_as), "", "應為普通的檔案，實為其他種類的檔案", "把它移出 data/ 和 docs/"))
            return None
        if status.st_size > limit:
            problems.append(too_large(status.st_size))
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as error:
        problems.append(unreadable(shown_as, error))
        return None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew while being read
        problems.append(too_large(len(data)))
        return None
    return data


def page_too_large(shown_as: str, size: int) -> Problem:
    return Problem(Location(shown_as), "",
                   f"應為小於 {MAX_NARRATIVE_BYTES // 1024 // 1024} MB 的 Markdown 頁面，實為 {size:,} 位元組",
                   "一份報告的敘述不會這麼大；請檢查是否存錯了檔案，或把附件放到別處、在敘述中連結")


def page_source(path: Path, shown_as: str, problems: list[Problem]) -> str:
    """A page's Markdown as a preview renders it: whatever of it can be read, never an exception.

    Gone, a pipe or too large reads as empty, bytes that are not UTF-8 as U+FFFD; the problems
    go to `problems` (the archive's load reports the same ones on the page)."""
    data = read_capped(path, shown_as, MAX_NARRATIVE_BYTES, lambda size: page_too_large(shown_as, size), problems)
    return "" if data is None else data.decode("utf-8-sig", errors="replace")
