"""Downloads are written into the built site by us, once."""

from bulletin.site_downloads import write_downloads


def test_downloads_are_written_into_the_site_in_their_folders(tmp_path):
    written = write_downloads(tmp_path, {"downloads/2021/town/visits.csv": b"a", "downloads/2021/index/x.xlsx": b"b"})
    assert (tmp_path / "downloads/2021/town/visits.csv").read_bytes() == b"a"
    assert sorted(p.name for p in written) == ["visits.csv", "x.xlsx"]


def test_a_quick_preview_writes_only_the_downloads_it_recomputed(tmp_path):
    written = write_downloads(tmp_path, {"downloads/a.csv": b"a", "downloads/b.csv": b"b"}, only={"downloads/b.csv"})
    assert [p.name for p in written] == ["b.csv"] and not (tmp_path / "downloads/a.csv").exists()
