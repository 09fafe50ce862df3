"""While previewing, a saved record file computes again only the tables whose figures it changed."""

import os
from textwrap import dedent

from helpers import write_project

from bulletin.loading import load_archive
from bulletin.periods import Period
from bulletin.publication import publish
from bulletin.quick_preview import quick_update, snapshot

TOWN = """
    visits:
      - occasion: 節日慰問
        people: {people}
        cash: 1800元
    suggestions:
      - campaign: 合理化建議
        submitted: 21
    awards:
      - title: 先進集體
        level: 區
        recipient_type: 團體
"""
DISTRICT = "visits:\n  - occasion: 工傷探視\n    people: 82\n"
FILES = {"2021/town": TOWN.format(people=349), "2021/district": DISTRICT, "2022/town": TOWN.format(people=360)}


def previewing(tmp_path):
    write_project(tmp_path, FILES)
    publication = publish(load_archive(tmp_path, tmp_path / "docs").archive, previewing=True)
    return publication, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml")


def save(tmp_path, key, text):
    path = tmp_path / "data" / f"{key}.yml"
    stamp = os.stat(path).st_mtime_ns
    path.write_text(dedent(text), encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


def saved(tmp_path, publication, before, key, text):
    save(tmp_path, key, text)
    return quick_update(before, snapshot(tmp_path, tmp_path / "docs", tmp_path / "mkdocs.yml"), tmp_path, publication, [])


def test_every_page_a_quick_preview_keeps_or_makes_again_equals_a_full_builds_of_the_same_files(tmp_path):
    publication, before = previewing(tmp_path)
    changed = TOWN.format(people=987654).replace("submitted: 21", "submitted: 34").replace("先進集體", "模範集體")
    saved(tmp_path, publication, before, "2021/town", changed)
    full = publish(load_archive(tmp_path, tmp_path / "docs").archive, previewing=True)
    for page in full.bodies:
        if not page.endswith("print.md"):  # the print pages wait for the full build, and say so
            assert publication.bodies[page] == full.bodies[page], page
    workbooks = {path for path in full.downloads if path.endswith((".xlsx", ".zip"))}  # the full build's too
    assert {p: d for p, d in publication.downloads.items() if p not in workbooks} == \
           {p: d for p, d in full.downloads.items() if p not in workbooks}


def test_a_saved_figure_computes_again_only_the_tables_of_its_kind_in_its_period(tmp_path):
    publication, before = previewing(tmp_path)
    computed = dict(publication.kept.computed)
    saved(tmp_path, publication, before, "2021/town", TOWN.format(people=350))
    now = publication.kept.computed
    assert now[("year", Period(2021), "visits")] is not computed[("year", Period(2021), "visits")]
    assert now[("rollup", "district", Period(2021), "visits")] is not computed[("rollup", "district", Period(2021), "visits")]
    assert now[("year", Period(2021), "suggestions")] is computed[("year", Period(2021), "suggestions")]
    assert now[("year", Period(2022), "visits")] is computed[("year", Period(2022), "visits")]
    assert now[("awards",)] is computed[("awards",)]
    assert "350" in publication.bodies["units/district/index.md"]


def test_a_page_made_again_exactly_as_before_is_not_written_again(tmp_path):
    publication, before = previewing(tmp_path)
    update = saved(tmp_path, publication, before, "2021/town", TOWN.format(people=349).replace("21", "22"))
    assert {"units/index.md", "awards.md", "index.md"} <= update.same  # no count, award, chart or 2022 headline moved
    assert not update.same & update.pages
    assert {"2021/index.md", "units/town/index.md", "units/district/index.md"} <= update.pages


def test_a_saved_award_writes_the_awards_page_again(tmp_path):
    publication, before = previewing(tmp_path)
    update = saved(tmp_path, publication, before, "2021/town", TOWN.format(people=349).replace("先進集體", "模範集體"))
    assert "awards.md" in update.pages and "模範集體" in publication.bodies["awards.md"]


def test_a_figure_become_a_lower_bound_is_a_changed_figure(tmp_path):
    publication, before = previewing(tmp_path)
    saved(tmp_path, publication, before, "2021/town", TOWN.format(people=349).replace("1800元", "1800多元"))
    assert "1,800多" in publication.bodies["units/district/index.md"]


def test_a_build_that_is_not_a_preview_keeps_nothing(tmp_path):
    write_project(tmp_path, FILES)
    assert publish(load_archive(tmp_path, tmp_path / "docs").archive).kept is None
