"""The privacy scan finds a private value in any spelling, in any file the site holds, and in sources."""

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers import problem_line

from bulletin.folding import fold, fold_with_positions
from bulletin.privacy import PrivateMatcher, PrivateValue, text_problems
from bulletin.site_scan import mask_file, scan_site
from bulletin.problems import Location

WHERE = Location("data/2021/town.yml", 7, 20)
NAME = PrivateValue("陳大文", "visits[1].beneficiaries", WHERE, names=True)


def leaks(site, *values) -> list[str]:
    return [problem_line(p) for p in scan_site(site, list(values) or [NAME]).problems]


def test_a_name_split_by_the_search_segmenter_is_still_found(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"text": "探望\\u200b陳\\u200b大文"}', encoding="utf-8")
    assert leaks(tmp_path) == [
        "data/2021/town.yml:7:20: visits[1].beneficiaries: 私人資料不應出現在網站上，實為出現在 search/search_index.json"]


def test_a_name_escaped_in_json_is_found(tmp_path):
    (tmp_path / "data.json").write_text('{"n": "\\u9673\\u5927\\u6587"}', encoding="utf-8")
    assert len(leaks(tmp_path)) == 1


def test_a_name_inside_a_workbook_is_found(tmp_path):
    workbook = Workbook()
    workbook.active.append(["陳大文"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    (tmp_path / "book.xlsx").write_bytes(buffer.getvalue())
    assert len(leaks(tmp_path)) == 1


def test_a_site_without_the_name_passes(tmp_path):
    (tmp_path / "index.html").write_text("<p>探望職工家庭</p>", encoding="utf-8")
    assert leaks(tmp_path) == []


@pytest.mark.parametrize("written", [
    "陈大文",                      # the other script (a Simplified site converts every text)
    "陳 大　文",                   # spaces, an ideographic one too
    "陳\u200d大\u2060文",          # zero-width characters
    "陳&#22823;文",                # an HTML entity
    "陳&#x5927;文",
    "陳<b>大</b>文",               # markup inside the name
    "<a href='/%E9%99%B3%E5%A4%A7%E6%96%87/'>x</a>",  # a URL
    "陳\\u5927文",                 # a JSON escape
    "陳大文",                      # as written
])
def test_a_name_is_found_in_every_spelling(tmp_path, written):
    (tmp_path / "page.html").write_text(f"<p>探望{written}家屬</p>", encoding="utf-8")
    assert len(leaks(tmp_path)) == 1, written


def test_latin_names_match_in_any_case_and_width(tmp_path):
    name = PrivateValue("Zhang Wei", "aid[1].beneficiary", WHERE, names=True)
    (tmp_path / "page.html").write_text("<p>ｚｈａｎｇ wei</p>", encoding="utf-8")
    assert len(leaks(tmp_path, name)) == 1


def test_a_latin_name_is_not_split_into_words(tmp_path):
    name = PrivateValue("ZHANG WEI", "aid[1].beneficiary", WHERE, names=True)
    (tmp_path / "app.js").write_text("var weight = zhang;", encoding="utf-8")
    assert leaks(tmp_path, name) == []


def test_each_name_of_a_list_of_names_is_looked_for(tmp_path):
    names = PrivateValue("唐元斌、李小明", "visits[1].beneficiaries", WHERE, names=True)
    (tmp_path / "page.html").write_text("<p>看望了李小明同志</p>", encoding="utf-8")
    assert len(leaks(tmp_path, names)) == 1


def test_a_field_that_is_not_a_list_of_names_is_looked_for_whole(tmp_path):
    circumstances = PrivateValue("妻子，患有尿毒症", "aid[1].circumstances", WHERE)
    (tmp_path / "page.html").write_text("<p>慰問職工妻子</p>", encoding="utf-8")
    assert leaks(tmp_path, circumstances) == []


def test_a_single_character_name_is_not_looked_for(tmp_path):
    names = PrivateValue("王、李小明", "visits[1].beneficiaries", WHERE, names=True)
    (tmp_path / "page.html").write_text("<p>王師傅</p>", encoding="utf-8")
    assert leaks(tmp_path, names) == []


def test_a_name_only_in_a_file_name_is_found(tmp_path):
    (tmp_path / "visits" / "陳大文").mkdir(parents=True)
    (tmp_path / "visits" / "陳大文" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert leaks(tmp_path) == [
        "data/2021/town.yml:7:20: visits[1].beneficiaries: 私人資料不應出現在網站上，實為出現在 visits/陳大文/index.html"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "gb18030"])
def test_a_text_file_in_another_encoding_is_read(tmp_path, encoding):
    (tmp_path / "notes.txt").write_bytes("Visited: 陳大文 and family".encode(encoding))
    assert len(leaks(tmp_path)) == 1


def test_a_gzipped_sitemap_is_read(tmp_path):
    import gzip
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>/%E9%99%B3%E5%A4%A7%E6%96%87/</loc>"))
    assert len(leaks(tmp_path)) == 1


def a_zip(members: dict[str, bytes]) -> bytes:
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_name_in_one_csv_of_a_zip_of_many_is_found_and_read_a_member_at_a_time(tmp_path):
    from bulletin.site_files import readable_parts, readable_text
    members = {f"2021/unit-{n}.csv": "單位,受慰問人\n鎮,張三\n".encode("gb18030") for n in range(3)}
    members["2021/unit-1.csv"] = "單位,受慰問人\n鎮,陳大文\n".encode("utf-16")
    (tmp_path / "all.zip").write_bytes(a_zip(members))
    assert len(leaks(tmp_path)) == 1
    parts = list(readable_parts((tmp_path / "all.zip").read_bytes()))
    assert len(parts) == 3 and "\n".join(parts) == readable_text((tmp_path / "all.zip").read_bytes())


def test_a_zip_whose_member_cannot_be_unpacked_is_read_as_it_is_too(tmp_path):
    from bulletin.site_files import readable_parts
    data = bytearray(a_zip({"a.txt": b"ok", "b.txt": "陳大文".encode() * 50}))
    data[data.index(b"b.txt") + 5 + 10] ^= 0xFF  # inside b.txt's deflated bytes: its CRC fails
    parts = list(readable_parts(bytes(data)))
    assert parts[0] == "ok" and len(parts) == 2  # then the file decoded as it is, as readable_text reads it
    (tmp_path / "damaged.zip").write_bytes(bytes(data))
    assert leaks(tmp_path) == []  # scanned as it is (zlib's error once stopped the build with a traceback)


def test_the_cache_is_scanned_too(tmp_path):
    site, cache = tmp_path / "site", tmp_path / ".cache"
    site.mkdir(), cache.mkdir()
    (cache / "search-words.json").write_text('{"陳大文": ["陳", "大文"]}', encoding="utf-8")
    scan = scan_site(site, [NAME], also=[cache])
    assert scan.leaking == [cache / "search-words.json"]


def test_folding_maps_both_scripts_and_widths_to_one_string():
    assert fold("陳麗華 ＡＢ") == fold("陈丽华ab")


def test_folding_with_positions_agrees_with_folding():
    text = "探望&#22823;陳<b>麗</b>華 %E9%99%B3 \\u5927 ＡＢ"
    assert fold_with_positions(text)[0] == fold(text)


def test_a_name_in_a_narrative_is_located_at_its_line():
    matcher = PrivateMatcher([NAME])
    [problem] = text_problems("docs/2021/town.md", "第一行\n\n看望陈大文家属\n", matcher)
    assert problem_line(problem) == (
        "docs/2021/town.md:3:3: 應不含私人資料，實為含有 data/2021/town.yml:7 visits[1].beneficiaries 的值")


def test_masking_replaces_the_name_and_keeps_the_markup(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<p title="陳大文">看望陳<b>大</b>文家屬</p>', encoding="utf-8")
    assert mask_file(page, [NAME])
    assert page.read_text(encoding="utf-8") == '<p title="●●●">看望●<b>●</b>●家屬</p>'


def test_a_file_named_for_the_person_cannot_be_masked(tmp_path):
    page = tmp_path / "陳大文.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    assert not mask_file(page, [NAME])


def test_a_name_written_with_a_kangxi_radical_is_found(tmp_path):
    (tmp_path / "page.html").write_text("<p>探望陳\u2f24文家屬</p>", encoding="utf-8")  # ⼤ for 大, as PDFs paste it
    assert len(leaks(tmp_path)) == 1


def test_a_file_the_theme_ships_unchanged_is_not_searched(tmp_path):
    import material

    shipped = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "tinyseg.js"
    (tmp_path / "assets" / "javascripts" / "lunr").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "lunr" / "tinyseg.js").write_bytes(shipped.read_bytes())
    relation = PrivateValue("本人", "aid[1].relation", WHERE)
    assert relation.text in shipped.read_text(encoding="utf-8")
    assert leaks(tmp_path, relation) == []
    (tmp_path / "assets" / "javascripts" / "lunr" / "tinyseg.js").write_bytes(shipped.read_bytes() + b"//")
    assert len(leaks(tmp_path, relation)) == 1  # changed, it is the site's own file and searched


def test_a_matcher_made_like_the_one_before_takes_its_folded_lines_when_it_looks_for_the_same_characters():
    page = "<p>看望陳大文家屬</p>\n<p>文大陳</p>\n".encode()
    before = PrivateMatcher([NAME])
    assert before.values_in_file(page) == [NAME] and before.values_in_file(page) == [NAME]  # lines seen twice: kept
    reordered = PrivateValue("文大陳", "visits[2].beneficiaries", WHERE, names=True)  # the same characters
    after = PrivateMatcher([NAME, reordered], like=before)
    assert after._lines is before._lines
    assert sorted(v.text for v in after.values_in_file(page)) == ["文大陳", "陳大文"]  # a needle new to the automaton


def test_a_matcher_for_a_value_with_characters_new_since_the_one_before_folds_afresh():
    page = "<p>看望陳大文家屬</p>\n<p>王小明</p>\n".encode()
    before = PrivateMatcher([NAME])
    before.values_in_file(page), before.values_in_file(page)
    other = PrivateValue("王小明", "visits[2].beneficiaries", WHERE, names=True)
    after = PrivateMatcher([NAME, other], like=before)
    assert sorted(v.text for v in after.values_in_file(page)) == ["王小明", "陳大文"]  # folded away as nothing, shared


def zipped(*members: tuple[str, bytes]) -> bytes:
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return packed.getvalue()


def test_a_zip_of_csvs_scanned_before_finds_what_each_csv_held():
    matcher = PrivateMatcher([NAME])
    holding, clean = "單位,受慰問人\n鎮,陳大文\n".encode("utf-8-sig"), "單位,人次\n鎮,3\n".encode("utf-8-sig")
    assert matcher.values_in_file(holding) == [NAME] and matcher.values_in_file(clean) == []
    assert matcher.values_in_file(zipped(("a.csv", clean), ("b.csv", holding))) == [NAME]
    assert matcher.values_in_file(zipped(("a.csv", clean))) == []


def test_texts_of_one_length_are_each_found_for_what_they_hold():
    matcher = PrivateMatcher([NAME])
    holding, other = "鎮,陳大文\n".encode(), "鎮,王小明\n".encode()
    assert len(holding) == len(other)
    assert matcher.values_in_file(other) == []
    assert matcher.values_in_file(holding) == [NAME]
    assert matcher.values_in_file(zipped(("x.csv", other), ("y.csv", holding))) == [NAME]


def test_a_text_found_before_is_found_the_same_by_a_matcher_for_other_values():
    first = PrivateMatcher([NAME])
    csv = "鎮,陳大文,王小明\n".encode()
    assert first.values_in_file(csv) == [NAME]
    other = PrivateValue("王小明", "visits[2].beneficiaries", WHERE, names=True)
    assert PrivateMatcher([other], like=first).values_in_file(csv) == [other]


def test_a_text_that_is_not_utf8_is_read_as_its_file_says_each_time():
    matcher = PrivateMatcher([NAME])
    gbk = "鎮,陳大文\n".encode("gb18030")  # from an older Windows tool
    assert matcher.values_in_file(gbk) == [NAME] and matcher.values_in_file(gbk) == [NAME]
    assert matcher._remembered == {}
