"""The search index: word breaks remembered between builds change nothing; print pages stay out."""

import json
import re
from html import unescape
import shutil

from helpers import mkdocs_build, write_project

RECORDS = {
    "2021/town": "visits:\n  - occasion: 春節看望慰問困難職工\n    people: 37\n    cash: 14400元\n",
    "2021/district": "aid:\n  - programme: 金秋助學\n    type: 助學\n    students: 19\n    amount: 14000\n",
}
NARRATIVES = {
    "2021/town": "工會開展「孃家人」送溫暖活動，走訪慰問一線職工。\n\n<!-- bulletin/table { kind: visits } -->\n",
    "2021/district": "金秋助學活動資助困難職工子女上學。\n\n<!-- bulletin/table { kind: aid } -->\n",
}


def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_a_build_with_remembered_word_breaks_writes_the_same_index_as_one_without(tmp_path):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "cold")).returncode == 0
    assert (project / ".cache" / "bulletin" / "search-words.json").is_file()
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "warm")).returncode == 0
    shutil.rmtree(project / ".cache")
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "again")).returncode == 0
    cold, warm, again = index(tmp_path / "cold"), index(tmp_path / "warm"), index(tmp_path / "again")
    assert warm == cold == again
    assert any("金秋\u200b助學" in doc["text"] for doc in warm["docs"])  # word breaks are there at all


def test_a_cut_remembered_wrongly_would_show_in_the_index(tmp_path):
    """The cache is what the index is made from: a planted cut appears, so the test above can fail."""
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "cold")).returncode == 0
    cache_file = project / ".cache" / "bulletin" / "search-words.json"
    cache = json.loads(cache_file.read_text(encoding="utf-8"))
    cache["words"]["金秋助學活動資助困難職工子女上學"] = "金\u200b秋助學活動資助困難職工子女上學"
    cache_file.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "warm")).returncode == 0
    assert index(tmp_path / "warm") != index(tmp_path / "cold")


def site_files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_site_made_with_work_beside_the_build_is_the_site_made_without(tmp_path, monkeypatch):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    usage = tmp_path / "usage.json"  # written by the process beside the build, when there is one
    monkeypatch.setenv("BULLETIN_BESIDE_USAGE", str(usage))
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "beside")).returncode == 0
    assert usage.is_file()
    usage.unlink()
    monkeypatch.setenv("BULLETIN_BESIDE", "off")
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "here")).returncode == 0
    assert not usage.exists()
    assert site_files(tmp_path / "beside") == site_files(tmp_path / "here")


def test_a_build_sends_each_page_to_the_index_beside_it_as_the_page_is_converted(tmp_path):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    run = mkdocs_build(project, "-v")
    assert run.returncode == 0, run.stderr
    assert "each page goes to the search index beside the build as it is converted" in run.stderr


def test_a_search_index_that_fails_beside_the_build_stops_it_with_a_sentence(tmp_path):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    (project / ".cache" / "bulletin" / "search-words.json").mkdir(parents=True)  # cannot be replaced
    run = mkdocs_build(project)
    assert run.returncode == 1
    assert "搜尋索引未能建立（建置旁的程序出錯）" in run.stderr
    assert "Traceback" not in run.stderr  # for the maintainer, in a verbose build:
    assert "IsADirectoryError" in mkdocs_build(project, "-v").stderr


def test_print_pages_are_left_out_of_search_and_reports_are_in(tmp_path):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "site")).returncode == 0
    locations = {doc["location"].split("#")[0] for doc in index(tmp_path / "site")["docs"]}
    assert "2021/town/" in locations and "2021/district/" in locations
    assert not any("print" in location for location in locations)
    assert (tmp_path / "site" / "2021" / "print" / "index.html").is_file()


def _words(text: str) -> list[str]:
    """What a reader's query meets: the words, without kept tags or jieba's zero-width breaks."""
    return re.sub(r"</?\w+>", " ", unescape(text)).replace("\u200b", "").split()


def test_the_index_holds_for_each_section_the_words_materials_parser_takes_from_the_whole_page(tmp_path):
    """The search plugin reads tables as bare words (fragments.search_text); nothing a reader could
    find in the page's HTML may be missing, and nothing may be added."""
    from material.plugins.search.plugin import Parser

    narratives = {**NARRATIVES, "2021/town": "「孃家人」&amp; <b>送</b>溫暖。\n\n## 數字\n\n"
                                              "<!-- bulletin/table { kind: visits } -->\n"}
    project = write_project(tmp_path / "p", RECORDS, narratives=narratives)
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "site")).returncode == 0
    docs = index(tmp_path / "site")["docs"]
    compared = 0
    for page in ("2021/town/", "2021/district/", "2021/", "units/town/", ""):
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("<h1", 1)[1].rsplit("</article>", 1)[0]
        article = "<h1" + article  # the page's content as the theme placed it, from its title on
        article = re.sub(r'<p class="bulletin-freshness">.*?</p>', "", article, flags=re.S)  # added after indexing
        parser = Parser()
        parser.feed(article)
        parser.close()
        expected = [_words("".join(section.text)) for section in parser.data if not section.is_excluded()]
        indexed = [_words(doc["text"]) for doc in docs if doc["location"].split("#")[0] == page]
        assert indexed == expected, page
        compared += sum(map(len, indexed))
    assert compared > 100
