"""The post-build privacy scan finds a private value in any built file, in whatever form it is stored."""

import io

from openpyxl import Workbook

from helpers import problem_line

from bulletin.privacy import PrivateValue, scan_site
from bulletin.problems import Location

NAME = PrivateValue("陳大文", "visits[1].beneficiaries", Location("data/2021/town.yml", 7, 20))


def test_a_name_split_by_the_search_segmenter_is_still_found(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"text": "探望\\u200b陳\\u200b大文"}', encoding="utf-8")
    assert [problem_line(p) for p in scan_site(tmp_path, [NAME])] == [
        "data/2021/town.yml:7:20: visits[1].beneficiaries: 私人資料不應出現在網站上，實為出現在 search/search_index.json"]


def test_a_name_escaped_in_json_is_found(tmp_path):
    (tmp_path / "data.json").write_text('{"n": "\\u9673\\u5927\\u6587"}', encoding="utf-8")
    assert len(scan_site(tmp_path, [NAME])) == 1


def test_a_name_inside_a_workbook_is_found(tmp_path):
    workbook = Workbook()
    workbook.active.append(["陳大文"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    (tmp_path / "book.xlsx").write_bytes(buffer.getvalue())
    assert len(scan_site(tmp_path, [NAME])) == 1


def test_a_site_without_the_name_passes(tmp_path):
    (tmp_path / "index.html").write_text("<p>探望職工家庭</p>", encoding="utf-8")
    assert scan_site(tmp_path, [NAME]) == []
