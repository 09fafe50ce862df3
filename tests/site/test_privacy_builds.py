"""A private name never reaches a built site or the build's cache, in any spelling or any file."""

from pathlib import Path

from helpers import mkdocs_build, write_project

TOWN = """
    visits:
      - occasion: 節日慰問
        people: 2
        beneficiaries: 唐元斌、李小明
"""
AWARD = """
    awards:
      - title: 先進個人
        level: 區
        recipient: 李小明
"""


def files_holding(folder: Path, *names: str) -> list[str]:
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*")
        if any(name in path.as_posix() or name.encode() in path.read_bytes() if path.is_file()
               else name in path.as_posix() for name in names)
    )


def test_one_name_of_a_list_mentioned_in_a_narrative_stops_the_build(tmp_path):
    narrative = "## 慰問\n\n看望了李小明同志。\n\n<!-- bulletin/table { kind: visits } -->\n"
    write_project(tmp_path, {"2021/town": TOWN}, narratives={"2021/town": narrative})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "docs/2021/town.md:3:4: 應不含私人資料，實為含有 data/2021/town.yml:4 visits[1].beneficiaries 的值" in run.stderr


def test_a_private_name_in_a_public_field_stops_a_simplified_site(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN + AWARD}, extra="")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh-Hant", "language: zh"), encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "data/2021/town.yml:9:16: awards[1].recipient: 应不含私人资料" in run.stderr
    assert not (tmp_path / "site").exists()


def test_a_name_only_in_a_file_name_stops_the_build_and_leaves_no_file_behind(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN})
    (tmp_path / "docs" / "visits").mkdir()
    (tmp_path / "docs" / "visits" / "唐元斌.md").write_text("## 探訪\n\n工傷探訪。\n", encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert ("data/2021/town.yml:4:20: visits[1].beneficiaries: 私人資料不應出現在網站上，"
            "實為出現在 visits/唐元斌/index.html") in run.stderr
    assert "實為出現在 .cache/bulletin/search-words.json" in run.stderr
    assert (tmp_path / "site" / "index.html").exists() is False  # its navigation links to the page
    assert files_holding(tmp_path / "site", "唐元斌", "%E5%94%90%E5%85%83%E6%96%8C") == []
    assert files_holding(tmp_path / ".cache", "唐元斌") == []


def test_a_utf16_text_file_copied_into_the_site_is_scanned(tmp_path):
    write_project(tmp_path, {"2021/town": TOWN})
    (tmp_path / "docs" / "notes.txt").write_bytes("探訪名單：李小明".encode("utf-16"))
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "實為出現在 notes.txt" in run.stderr
    assert not (tmp_path / "site" / "notes.txt").exists()


def test_a_leak_is_contained_even_when_the_search_index_fails_in_the_same_build(tmp_path):
    """The search index's process failing stops the build too, but never before the scan's findings
    are deleted: a search-words file that cannot be replaced (a folder there) makes it fail."""
    write_project(tmp_path, {"2021/town": TOWN})
    (tmp_path / "docs" / "visits").mkdir()
    (tmp_path / "docs" / "visits" / "唐元斌.md").write_text("## 探訪\n\n工傷探訪。\n", encoding="utf-8")
    (tmp_path / ".cache" / "bulletin" / "search-words.json").mkdir(parents=True)
    run = mkdocs_build(tmp_path)
    assert run.returncode == 1
    assert "私人資料不應出現在網站上，實為出現在 visits/唐元斌/index.html" in run.stderr
    assert files_holding(tmp_path / "site", "唐元斌", "%E5%94%90%E5%85%83%E6%96%8C") == []
