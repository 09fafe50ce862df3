"""While `mkdocs serve` runs, a mistake shows on the page, the server lives on, and a fix clears it."""

import html
import os
import shutil
import subprocess
import sys
import time
import urllib.error
from datetime import date
import urllib.request

import pytest

from helpers import write_project
from nginx_server import free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, condition, seconds: float = 30) -> str:
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} never met the condition; last page began: {last[:300]!r}")


@pytest.fixture
def serve(tmp_path):
    processes = []

    def start(project, *options):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        processes.append(process)
        return f"http://127.0.0.1:{port}/", process

    yield start
    for process in processes:
        process.terminate()
        output = process.communicate(timeout=10)[0]
        print(output)  # shown by pytest when the test fails


def test_a_broken_record_shows_on_its_page_and_the_fix_clears_it(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=-2), "2021/district": record.format(people=5)})
    base, process = serve(tmp_path)
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert 'data/2021/town.yml:3:13: visits[1].people: 應為 0 或以上的整數，實為 "-2"。提示：' in html.unescape(page)
    assert "bulletin-problems" not in fetch(base + "2021/district/")  # other pages are not alarmed
    assert "bulletin-problems" in fetch(base)                         # the home page lists them all
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=3), encoding="utf-8")
    fixed = wait_for(base + "2021/town/", lambda text: "bulletin-problems" not in text)
    assert ">3<" in fixed
    assert process.poll() is None


def test_with_dirty_serve_a_saved_record_updates_its_page_its_year_and_every_unit_above(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=37), "2021/district": record.format(people=5)})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "37" in text)
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=987654), encoding="utf-8")
    for page in ("2021/town/", "2021/", "units/town/", "units/district/"):  # district rolls town up
        wait_for(base + page, lambda text: "987,654" in text)
    assert "bulletin-problems" not in fetch(base + "2021/town/")


def test_with_dirty_serve_a_page_the_save_leaves_as_it_was_still_shows_the_saved_files_date(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=37), "2021/district": record.format(people=5)})
    for path in [*(tmp_path / "data").rglob("*"), *(tmp_path / "docs").rglob("*")]:
        os.utime(path, (1640000000, 1640000000))  # 2021-12-20
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "units/", lambda text: "資料更新：2021-12-2" in text)
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=38), encoding="utf-8")
    wait_for(base + "2021/", lambda text: ">38<" in text)
    assert f"資料更新：{date.today().isoformat()}" in fetch(base + "units/")  # its list of units is the same


def test_with_dirty_serve_a_mistake_saved_shows_on_its_page_and_the_fix_clears_it(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=3), "2021/district": record.format(people=5)})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "慰問" in text)
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=-2), encoding="utf-8")
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert "visits[1].people: 應為 0 或以上的整數" in page
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=4), encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: "bulletin-problems" not in text and ">4<" in text)


def test_with_dirty_serve_a_new_unit_in_the_registry_means_a_full_rebuild(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: 3\n"
    write_project(tmp_path, {"2021/town": record})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "慰問" in text)
    units = tmp_path / "data/units.yml"
    units.write_text(units.read_text(encoding="utf-8") + "  village:\n    name: 示範村工會\n    parent: town\n",
                     encoding="utf-8")
    wait_for(base + "units/village/", lambda text: "示範村工會" in text)


def test_with_dirty_serve_a_renamed_unit_renames_its_report_pages_too(tmp_path, serve):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people: 3\n"})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "示範鎮工會" in text)
    units = tmp_path / "data/units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("示範鎮工會", "改名鎮工會"), encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: "改名鎮工會2021年度工作總結" in text)


CYCLE = "units:\n  district:\n    name: 示範區總工會\n    parent: town\n  town:\n    name: 示範鎮工會\n    parent: district\n"


def test_a_loop_of_parents_at_start_up_shows_on_the_pages_and_the_fix_clears_it(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=3), "2021/district": record.format(people=5)},
                  units=CYCLE)
    base, process = serve(tmp_path, "--dirty")
    home = wait_for(base, lambda text: "bulletin-problems" in text)
    assert "units.district.parent: 上級單位應能追溯到頂，實為繞回了 district" in home
    assert "bulletin-problems" in fetch(base + "2021/town/") or ">3<" in fetch(base + "2021/town/")
    fetch(base + "units/district/")  # the unit pages are there, each unit a root of its own
    (tmp_path / "data/units.yml").write_text(CYCLE.replace("    parent: town\n", "", 1), encoding="utf-8")
    wait_for(base, lambda text: "bulletin-problems" not in text)
    assert process.poll() is None


@pytest.mark.parametrize("mistake, shown", [
    (lambda units: CYCLE, "units.district.parent: 上級單位應能追溯到頂，實為繞回了"),
    (lambda units: units.replace("parent: district", "parent: distrcit"), "units.town.parent: 應為下列單位之一"),
], ids=["loop-of-parents", "misspelt-parent"])
def test_with_dirty_serve_a_registry_mistake_then_a_saved_record_keeps_the_server_alive(tmp_path, serve, mistake, shown):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=3), "2021/district": record.format(people=5)})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "慰問" in text)
    units = tmp_path / "data/units.yml"
    fixed = units.read_text(encoding="utf-8")
    units.write_text(mistake(fixed), encoding="utf-8")
    wait_for(base, lambda text: shown in text, seconds=20)
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=4), encoding="utf-8")  # a quick rebuild
    wait_for(base + "2021/town/", lambda text: ">4<" in text, seconds=20)
    wait_for(base + "units/town/", lambda text: ">4<" in text, seconds=20)
    units.write_text(fixed, encoding="utf-8")
    wait_for(base, lambda text: "bulletin-problems" not in text, seconds=20)
    wait_for(base + "units/district/", lambda text: ">4<" in text, seconds=20)  # town rolled up again
    assert process.poll() is None


def test_a_pipe_a_link_out_and_a_page_named_in_other_bytes_show_on_the_home_page_and_the_server_lives(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: 3\n"
    write_project(tmp_path, {"2021/town": record, "2021/district": record})
    (tmp_path / "docs/2021/district.md").unlink()
    os.mkfifo(tmp_path / "docs/2021/district.md")           # never opened: it would block the build
    (tmp_path / "docs" / os.fsdecode(b"\xff.md")).write_text("# x\n", encoding="utf-8")  # MkDocs: UnicodeEncodeError
    (tmp_path / "docs/about.md").symlink_to("/etc/passwd")  # MkDocs would publish it
    base, process = serve(tmp_path, "--dirty")
    home = wait_for(base, lambda text: "bulletin-problems" in text)
    assert "docs/2021/district.md:1:1: 應為普通的檔案，實為具名管道（FIFO）" in home
    assert "docs/\\xff.md:1:1: 應為 UTF-8 編碼的檔名" in home
    assert "docs/about.md:1:1: 應為專案內的檔案，實為指向專案外的連結" in home
    assert ">3<" in fetch(base + "2021/town/")
    with pytest.raises(urllib.error.HTTPError):
        fetch(base + "about/")
    (tmp_path / "docs/2021/district.md").unlink()
    (tmp_path / "docs/2021/district.md").write_text("<!-- bulletin/table { kind: visits } -->\n", encoding="utf-8")
    (tmp_path / "docs" / os.fsdecode(b"\xff.md")).unlink()
    (tmp_path / "docs/about.md").unlink()
    wait_for(base, lambda text: "bulletin-problems" not in text, seconds=20)
    wait_for(base + "2021/district/", lambda text: ">3<" in text, seconds=20)
    assert process.poll() is None


def test_with_dirty_serve_a_period_folder_made_and_deleted_again_and_again_never_sticks(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: {people}\n"
    write_project(tmp_path, {"2021/town": record.format(people=3)})
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: ">3<" in text)
    for _ in range(15):
        for top in ("data", "docs"):
            (tmp_path / top / "2022").mkdir(exist_ok=True)
        (tmp_path / "data/2022/town.yml").write_text(record.format(people=5), encoding="utf-8")
        (tmp_path / "docs/2022/town.md").write_text("<!-- bulletin/table { kind: visits } -->\n", encoding="utf-8")
        time.sleep(0.15)
        for top in ("data", "docs"):
            shutil.rmtree(tmp_path / top / "2022")
        time.sleep(0.1)
    (tmp_path / "data/2021/town.yml").write_text(record.format(people=4), encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: ">4<" in text, seconds=30)
    assert process.poll() is None
    process.terminate()
    process.wait(timeout=10)
    output = process.stdout.read()
    print(output)
    assert "Traceback" not in output and "An error happened during the rebuild" not in output, output[-3000:]


def test_a_narrative_saved_in_big5_shows_on_its_page_and_the_server_lives(tmp_path, serve):
    record = "visits:\n  - occasion: 慰問\n    people: 3\n"
    write_project(tmp_path, {"2021/town": record, "2021/district": record})
    (tmp_path / "docs/2021/town.md").write_bytes("全年走訪職工。\n\n<!-- bulletin/table { kind: visits } -->\n".encode("big5"))
    base, process = serve(tmp_path, "--dirty")
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert "docs/2021/town.md:1:1: 應為 UTF-8 編碼的文字" in page
    (tmp_path / "docs/2021/town.md").write_text("全年走訪職工。\n\n<!-- bulletin/table { kind: visits } -->\n",
                                                 encoding="utf-8")
    wait_for(base + "2021/town/", lambda text: "bulletin-problems" not in text and "全年走訪職工" in text, seconds=20)
    assert process.poll() is None
