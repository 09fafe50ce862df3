"""A built site's files as the privacy scan reads them: listed, unpacked, decoded.

Split from privacy.py, which decides what a text holds; this is how a file becomes text: a
workbook, a ZIP or a .gz unpacked, UTF-16 or GBK decoded, and which files are the theme's own.
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path

BOM = b"\xef\xbb\xbf"
# What a damaged ZIP or .gz raises while unpacked (zlib.error: a member's deflated bytes broken):
# the file is then read as it is.
UNREADABLE = (zipfile.BadZipFile, OSError, EOFError, zlib.error)
PACKED = (b"PK\x03\x04", b"\x1f\x8b", b"\xff\xfe", b"\xfe\xff")  # unpacked or decoded by readable_parts first


def readable_text(data: bytes) -> str:
    """A file's text however it is stored: unpacked (XLSX, .gz), in the encoding it decodes from."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "\n".join(readable_text(archive.read(name)) for name in archive.namelist())
        except UNREADABLE:
            pass
    if data[:2] == b"\x1f\x8b":
        try:
            return readable_text(gzip.decompress(data))
        except UNREADABLE:
            pass
    return _decoded(data)


def readable_parts(data: bytes) -> Iterator[str]:
    """readable_text's text in parts, a packed file's members one at a time: the ZIP of every
    report's CSV is 7.9 MB at 2,000 reports and several times that unpacked, never needed whole
    (no value lies across two files). A member that cannot be read ends the parts with the file
    decoded as it is, which readable_text would have returned instead: the parts then hold more."""
    if data[:4] == b"PK\x03\x04":
        try:
            archive: zipfile.ZipFile | None = zipfile.ZipFile(io.BytesIO(data))
        except UNREADABLE:
            archive = None
        if archive is not None:
            with archive:
                try:
                    for name in archive.namelist():
                        yield from readable_parts(archive.read(name))
                    return
                except UNREADABLE:
                    pass
    elif data[:2] == b"\x1f\x8b":
        try:
            unpacked: bytes | None = gzip.decompress(data)
        except UNREADABLE:
            unpacked = None
        if unpacked is not None:
            yield from readable_parts(unpacked)
            return
    yield _decoded(data)


def _decoded(data: bytes) -> str:
    """A file's bytes as text, in the encoding it decodes from."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="ignore")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in _utf16_guess(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("gb18030")  # GBK and GB2312 files from older Windows tools
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="ignore")


def _utf16_guess(data: bytes) -> list[str]:
    """UTF-16 without a byte-order mark: text of Latin letters has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return []
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and odd > even:
        return ["utf-16-le"]
    if even > len(sample) // 4 and even > odd:
        return ["utf-16-be"]
    return []


def site_files(top: str, shown_as: str = "", leave_out: Collection[str] = ()) -> list[tuple[str, str]]:
    """Every file under `top`, not through links, with its path as shown (under `shown_as`), but
    those in the folders `leave_out` directly under `top`.

    os.scandir, not Path.rglob: 25,000 paths made, stat'ed and compared were a second of a build."""
    files: list[tuple[str, str]] = []
    try:
        entries = list(os.scandir(top))
    except PermissionError:
        return files  # skipped, as Path.rglob skips it
    for entry in entries:
        if entry.name in leave_out:
            continue
        shown = f"{shown_as}/{entry.name}" if shown_as else entry.name
        if entry.is_dir(follow_symlinks=False):
            files += site_files(entry.path, shown)
        elif entry.is_file(follow_symlinks=False):
            files.append((entry.path, shown))
    return files


class Theme:
    """Files the theme copied unchanged (its bundle, lunr, source maps, icons) hold none of the
    archive's text; searched anyway, their minified words turn short private values (本人, LI NA)
    into false finds, and a stopped build would delete the site's own scripts."""

    def __init__(self) -> None:
        try:
            import material
        except ImportError:
            self.folder, self.tops = None, set()
        else:
            self.folder = os.path.join(os.path.dirname(material.__file__), "templates")
            self.tops = set(os.listdir(self.folder))  # a file of the site in none of them is not the theme's

    def ships(self, path: str, shown: str) -> bool:
        if self.folder is None or shown.split("/", 1)[0] not in self.tops:
            return False
        shipped = os.path.join(self.folder, shown)
        try:
            return os.path.isfile(shipped) and os.path.getsize(shipped) == os.path.getsize(path) \
                and Path(shipped).read_bytes() == Path(path).read_bytes()
        except OSError:
            return False
