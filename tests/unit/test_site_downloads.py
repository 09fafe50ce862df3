"""Downloads are written into the built site by us, once."""

from bulletin.site_downloads import write_downloads


def test_downloads_are_written_into_the_site_in_their_folders(tmp_path):
    written = write_downloads(tmp_path, {"downloads/2021/town/visits.csv": b"a", "downloads/2021/index/x.xlsx": b"b"})
    assert (tmp_path / "downloads/2021/town/visits.csv").read_bytes() == b"a"
    assert sorted(p.name for p in written) == ["visits.csv", "x.xlsx"]


def test_a_quick_preview_writes_only_the_downloads_it_recomputed(tmp_path):
    written = write_downloads(tmp_path, {"downloads/a.csv": b"a", "downloads/b.csv": b"b"}, only={"downloads/b.csv"})
    assert [p.name for p in written] == ["b.csv"] and not (tmp_path / "downloads/a.csv").exists()


def test_a_quick_preview_leaves_a_download_already_holding_its_bytes_and_does_not_list_it_for_the_scan(tmp_path):
    write_downloads(tmp_path, {"downloads/a.csv": b"a", "downloads/b.csv": b"b"})
    before = (tmp_path / "downloads/a.csv").stat().st_mtime_ns
    downloads = {"downloads/a.csv": b"a", "downloads/b.csv": b"bb", "downloads/c.csv": b"c"}
    written = write_downloads(tmp_path, downloads, only=set(downloads), keep_same=True)
    assert sorted(p.name for p in written) == ["b.csv", "c.csv"]
    assert (tmp_path / "downloads/b.csv").read_bytes() == b"bb"
    assert (tmp_path / "downloads/a.csv").stat().st_mtime_ns == before


def test_a_download_whose_bytes_on_disk_differ_only_in_content_is_written_again(tmp_path):
    write_downloads(tmp_path, {"downloads/a.csv": b"ab"})
    written = write_downloads(tmp_path, {"downloads/a.csv": b"a*"}, keep_same=True)  # as masked: same size
    assert [p.name for p in written] == ["a.csv"] and (tmp_path / "downloads/a.csv").read_bytes() == b"a*"


def test_without_keep_same_every_download_is_written_and_listed(tmp_path):
    write_downloads(tmp_path, {"downloads/a.csv": b"a"})
    assert [p.name for p in write_downloads(tmp_path, {"downloads/a.csv": b"a"})] == ["a.csv"]
