"""While previewing, a private name typed where the site shows it is boxed and masked, never shown."""

from helpers import write_project
from test_preview import fetch, serve, wait_for  # noqa: F401  (serve is a fixture)

RECORD = "visits:\n  - occasion: 慰問\n    people: 1\n    beneficiaries: 唐元斌\n"
NARRATIVE = "## 慰問\n\n{sentence}\n\n<!-- bulletin/table {{ kind: visits }} -->\n"


def test_a_name_typed_into_a_narrative_while_previewing_is_boxed_and_masked(tmp_path, serve):
    write_project(tmp_path, {"2021/town": RECORD}, narratives={"2021/town": NARRATIVE.format(sentence="看望職工。")})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "看望職工" in text)
    (tmp_path / "docs/2021/town.md").write_text(NARRATIVE.format(sentence="看望唐元斌同志。"), encoding="utf-8")
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert "docs/2021/town.md:3:3: 應不含私人資料" in page
    assert "看望●●●同志" in page and "唐元斌" not in page
    (tmp_path / "docs/2021/town.md").write_text(NARRATIVE.format(sentence="看望職工家屬。"), encoding="utf-8")
    fixed = wait_for(base + "2021/town/", lambda text: "看望職工家屬" in text)
    assert "bulletin-problems" not in fixed
    assert process.poll() is None


def test_a_name_in_a_public_field_is_masked_in_a_full_preview(tmp_path, serve):
    record = RECORD + "awards:\n  - title: 先進個人\n    level: 區\n    recipient: 唐元斌\n"
    narrative = NARRATIVE.format(sentence="看望職工。") + "\n<!-- bulletin/table { kind: awards } -->\n"
    write_project(tmp_path, {"2021/town": record}, narratives={"2021/town": narrative})
    base, process = serve(tmp_path)
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert "data/2021/town.yml:8:16: awards[1].recipient: 應不含私人資料" in page
    assert "唐元斌" not in page and "●●●" in page
    assert "唐元斌" not in fetch(base + "search/search_index.json")


def test_a_name_saved_as_private_while_previewing_is_masked_in_the_search_index_written_back(tmp_path, serve):
    write_project(tmp_path, {"2021/town": RECORD}, narratives={"2021/town": NARRATIVE.format(sentence="看望李小明。")})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "search/search_index.json", lambda text: "李小明" in text)
    (tmp_path / "data/2021/town.yml").write_text(RECORD.replace("唐元斌", "李小明"), encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: "看望●●●" in text)
    assert "李小明" not in fetch(base + "search/search_index.json")
    assert process.poll() is None


def test_a_name_saved_as_private_while_previewing_is_masked_in_a_download_whose_bytes_did_not_change(tmp_path, serve):
    """A quick preview leaves a download holding its bytes unwritten (site_downloads.py), unless it
    looks for a private value the build before did not: then every download it made is scanned."""
    record = RECORD + "awards:\n  - title: 先進個人\n    level: 區\n    recipient: 李小明\n"
    narrative = NARRATIVE.format(sentence="看望職工。") + "\n<!-- bulletin/table { kind: awards } -->\n"
    write_project(tmp_path, {"2021/town": record}, narratives={"2021/town": narrative})
    base, process = serve(tmp_path, "--dirty")
    awards = base + "downloads/2021/town/awards.csv"
    wait_for(awards, lambda text: "李小明" in text)
    (tmp_path / "data/2021/town.yml").write_text(record.replace("唐元斌", "李小明"), encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    wait_for(awards, lambda text: "李小明" not in text)  # masked by the scan after the page is written
    assert process.poll() is None
