"""Chinese word breaks are cut once, kept for the next build, and always jieba's own."""

import json

from bulletin.segmentation import SegmentCache

CUTS = {"金秋助學活動": ["金秋", "助學", "活動"], "看望慰問職工": ["看望", "慰問", "職工"]}


class CountingCutter:
    def __init__(self):
        self.calls = []
        self.loaded = 0

    def load(self):
        self.loaded += 1
        return self.cut

    def cut(self, text):
        self.calls.append(text)
        return iter(CUTS[text])


def test_each_text_is_cut_once_within_a_build(tmp_path):
    cutter = CountingCutter()
    cache = SegmentCache(tmp_path / "words.json", cutter.load, "v1")
    assert cache.words("金秋助學活動") == ["金秋", "助學", "活動"]
    assert cache.words("金秋助學活動") == ["金秋", "助學", "活動"]
    assert cutter.calls == ["金秋助學活動"]


def test_the_next_build_needs_no_cutter_for_known_text(tmp_path):
    first = CountingCutter()
    cache = SegmentCache(tmp_path / "words.json", first.load, "v1")
    cache.words("金秋助學活動")
    cache.save()
    second = CountingCutter()
    again = SegmentCache(tmp_path / "words.json", second.load, "v1")
    assert again.words("金秋助學活動") == ["金秋", "助學", "活動"]
    assert second.loaded == 0  # jieba's model is never loaded


def test_the_saved_file_holds_only_what_the_last_build_used(tmp_path):
    path = tmp_path / "words.json"
    cache = SegmentCache(path, CountingCutter().load, "v1")
    cache.words("金秋助學活動")
    cache.words("看望慰問職工")
    cache.save()
    later = SegmentCache(path, CountingCutter().load, "v1")
    later.words("看望慰問職工")
    later.save()
    assert list(json.loads(path.read_text(encoding="utf-8"))["words"]) == ["看望慰問職工"]


def test_another_jieba_or_dictionary_starts_empty(tmp_path):
    path = tmp_path / "words.json"
    cache = SegmentCache(path, CountingCutter().load, "v1")
    cache.words("金秋助學活動")
    cache.save()
    cutter = CountingCutter()
    SegmentCache(path, cutter.load, "v2").words("金秋助學活動")
    assert cutter.calls == ["金秋助學活動"]


def test_an_unreadable_cache_file_means_cutting_again_not_failing(tmp_path):
    path = tmp_path / "words.json"
    path.write_text("{not json", encoding="utf-8")
    cutter = CountingCutter()
    assert SegmentCache(path, cutter.load, "v1").words("看望慰問職工") == ["看望", "慰問", "職工"]
    assert cutter.calls == ["看望慰問職工"]
