"""A file scanned line by line (each distinct line folded once) finds what its whole text finds."""

from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bulletin.folded_lines import LineFolder
from bulletin.privacy import PrivateMatcher, PrivateValue
from bulletin.site_scan import scan_site
from bulletin.problems import Location

WHERE = Location("data/2021/town.yml", 7, 20)
VALUES = [PrivateValue("陳大文", "visits[1].beneficiaries", WHERE), PrivateValue("一二", "aid[1].relation", WHERE),
          PrivateValue("Li Ming", "aid[2].beneficiary", WHERE), PrivateValue("a<b", "aid[3].note", WHERE)]

# Every spelling folding.py's docstring lists, cut into pieces a generated file strings together.
PIECES = ["陳", "陈", "大", "文", "一", "二", "㊀", "⼤", "Ｌ", "Li", "MING", "ming", "a", "b", "x", "<", ">", "<b>",
          "</b>", "<p\nclass='x'>", "\n", "\r\n", " ", "\u3000", "\u200b", "\u00ad", "&#22823;", "&#x5927;", "&amp;",
          "&lt;", "&#10;", "%E5%A4%A7", "%E9%99%B3", "%20", "%", "\\u5927", "\\u000a", "\\u0026#22823;", "\u0301",
          "\ufeff", "é", "\x00", "\x01", "\\u0001", "&#1;"]
file_text = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(file_text, min_size=1, max_size=4))
def test_a_file_folded_by_its_lines_finds_the_values_its_whole_text_holds(texts):
    matcher = PrivateMatcher(VALUES)  # one per scan: the lines of the earlier files are kept
    for text in texts:
        assert matcher.values_in_file(text.encode("utf-8")) == matcher.values_in(text), text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file_text)
@example("陳&#22823;文")
@example("%E9%99%B3%E5%A4%A7%E6%96%87")
@example("陳\\u5927文")
@example("<i a='b c'>陳</i>大 文")
def test_a_long_line_folded_in_pieces_finds_the_values_it_holds_whole(text):
    with mock.patch("bulletin.folded_lines.PIECE", 3):  # every line long, cut after each space
        matcher = PrivateMatcher(VALUES)
        assert LineFolder(matcher._folder).fold(text.encode("utf-8")) is not None  # never given up for the whole text
        assert matcher.values_in_file(text.encode("utf-8")) == matcher.values_in(text), text


def test_a_name_cut_by_a_line_break_is_found():
    assert PrivateMatcher(VALUES).values_in_file("<td>陳\n  大文</td>".encode()) == VALUES[:1]


def test_a_tag_that_spans_lines_inside_a_name_is_taken_out():
    assert PrivateMatcher(VALUES).values_in_file('陳<span\n  class="x">大</span>文'.encode()) == VALUES[:1]


def test_a_line_seen_before_is_read_again_in_a_file_where_it_completes_a_name():
    matcher = PrivateMatcher(VALUES)
    assert matcher.values_in_file("<p>陳\n</p>".encode()) == []
    assert matcher.values_in_file("<p>陳\n大文</p>".encode()) == VALUES[:1]


def test_a_compatible_character_anywhere_in_a_file_folds_every_line_of_it_as_nfkc():
    matcher = PrivateMatcher(VALUES)
    assert matcher.values_in_file("㊀二".encode()) == []  # as Folder.fold: no NFKC without a compatible character
    assert matcher.values_in_file("ＡＢ\n㊀二".encode()) == [VALUES[1]]


def test_a_line_holding_the_character_lines_are_folded_apart_by_does_not_shift_the_others():
    matcher = PrivateMatcher(VALUES)
    separator = f"\\u{ord(matcher._folder.separator):04x}"
    assert matcher.values_in_file(f'{{"a": "x{separator}y",\n"b": "陳大文"}}'.encode()) == VALUES[:1]


def test_a_file_that_is_not_utf8_is_read_whole():
    assert PrivateMatcher(VALUES).values_in_file("探望陳大文".encode("gb18030")) == VALUES[:1]


def test_a_file_named_in_escapes_is_found(tmp_path):
    (tmp_path / "%E9%99%B3%E5%A4%A7%E6%96%87.csv").write_text("x", encoding="utf-8")
    (tmp_path / "&#x9673;&#x5927;&#x6587;.txt").write_text("x", encoding="utf-8")
    assert len(scan_site(tmp_path, VALUES[:2]).leaking) == 2  # no Latin letters: ASCII names are not folded


def test_a_file_named_in_plain_letters_is_not_folded_when_no_value_has_any():
    assert PrivateMatcher(VALUES[:2]).values_in("downloads/2021/town/visits.csv") == []


def test_a_link_to_a_folder_is_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "page.html").write_text("陳大文", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "site" / "linked.html").symlink_to(tmp_path / "real" / "page.html")
    assert scan_site(tmp_path / "site", VALUES).leaking == []


def test_a_line_is_kept_for_later_files_once_a_second_file_holds_it():
    folder = LineFolder(PrivateMatcher(VALUES)._folder)
    folder.fold(b"<nav>home</nav>\n<p>one</p>")
    folder.fold(b"<nav>home</nav>\n<p>two</p>")
    assert list(folder._plain) == [b"<nav>home</nav>"]


def test_a_quick_previews_scans_keep_a_line_the_first_time_they_see_it():
    matcher = PrivateMatcher(VALUES)
    matcher.keep_lines_at_first_sight()
    assert matcher.values_in_file("<nav>home</nav>\n<p>看望陳大文</p>".encode()) == [VALUES[0]]
    assert sorted(matcher._lines._plain) == [b"<nav>home</nav>", "<p>看望陳大文</p>".encode()]


@pytest.mark.parametrize(("budget", "kept"), [(30, 2), (20, 0)])
def test_the_kept_lines_are_let_go_once_they_pass_their_budget(budget, kept):
    folder = LineFolder(PrivateMatcher(VALUES)._folder)
    with mock.patch("bulletin.folded_lines.KEPT_BYTES", budget):
        for _ in range(2):  # the second file keeps both lines: 25 bytes
            folder.fold(b"<nav>home</nav>\n<p>one</p>")
    assert len(folder._plain) == kept
