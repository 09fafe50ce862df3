"""The search index: word breaks remembered between builds change nothing; print pages stay out."""

import json
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


def test_print_pages_are_left_out_of_search_and_reports_are_in(tmp_path):
    project = write_project(tmp_path / "p", RECORDS, narratives=NARRATIVES)
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "site")).returncode == 0
    locations = {doc["location"].split("#")[0] for doc in index(tmp_path / "site")["docs"]}
    assert "2021/town/" in locations and "2021/district/" in locations
    assert not any("print" in location for location in locations)
    assert (tmp_path / "site" / "2021" / "print" / "index.html").is_file()
