"""While `mkdocs serve` runs, the kinds declared in data/kinds/ are read afresh at every full rebuild."""

import html

from helpers import MEALS, MEALS_KIND, declare_kind, write_project
from test_preview import fetch, serve, wait_for  # noqa: F401 (serve is a fixture)


def test_with_dirty_serve_a_deleted_declaration_is_forgotten_and_its_return_known_again(tmp_path, serve):
    write_project(tmp_path, {"2021/town": MEALS})
    declaration = declare_kind(tmp_path, "meals", MEALS_KIND)
    base, process = serve(tmp_path, "--dirty")
    wait_for(base + "2021/town/", lambda text: "340多" in text and "bulletin-problems" not in text)
    declaration.unlink()
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" in text)
    assert 'data/2021/town.yml:1:1: meals: 應為下列種類之一：' in html.unescape(page)
    declare_kind(tmp_path, "meals", MEALS_KIND.replace("label: 供餐", "label: 供應份數"))
    page = wait_for(base + "2021/town/", lambda text: "bulletin-problems" not in text)
    assert "供應份數（份）" in page and "340多" in page
    assert process.poll() is None
