"""The ZIP of every CSV is the one zipfile would write, in a fraction of its time."""

import io
import zipfile

from bulletin.zip_writer import _by_zipfile, zip_deflated

WHEN = (2000, 1, 1, 0, 0, 0)
FILES = [("2021/2021-宣城車間工會-看望慰問.csv", "\ufeff單位,人次,元\r\n甲,12,\"14,400\"\r\n".encode("utf-8") * 40),
         ("README.txt", b"plain ASCII name"),
         ("empty.csv", b""),
         ("總覽/2021-全部單位.csv", bytes(range(256)) * 30)]


def test_a_zip_is_byte_for_byte_what_zipfile_writes():
    assert zip_deflated(FILES, WHEN) == _by_zipfile(FILES, WHEN)


def test_more_files_than_the_end_record_counts_get_zip64_end_records_as_zipfile_writes_them(monkeypatch):
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    packed = zip_deflated(FILES, WHEN)
    assert b"PK\006\006" in packed and packed == _by_zipfile(FILES, WHEN)


def test_a_zip_reads_back_with_its_names_dates_and_contents():
    with zipfile.ZipFile(io.BytesIO(zip_deflated(FILES, WHEN))) as bundle:
        assert bundle.testzip() is None
        assert [(info.filename, info.date_time, bundle.read(info)) for info in bundle.infolist()] == \
            [(name, WHEN, data) for name, data in FILES]
