"""Figures in the prose: typed ones must agree with the records; quoted ones come from them."""

from helpers import mkdocs_build, page_text, problem_line, write_project

from bulletin.loading import load_archive

VISITS = "visits:\n  - occasion: 春節慰問\n    people: 20\n    cash: 8000\n  - occasion: 探視\n    people: 16\n    cash: 6400元\n"
MARKER = "<!-- bulletin/table { kind: visits } -->\n"


def problems(tmp_path, narrative, hints=False, records=VISITS):
    write_project(tmp_path, {"2021/town": records}, narratives={"2021/town": narrative})
    return [str(p) if hints else problem_line(p) for p in load_archive(tmp_path, tmp_path / "docs").problems]


def test_a_typed_figure_that_contradicts_the_records_is_reported_with_both_places(tmp_path):
    found = problems(tmp_path, "全年共看望慰問職工37人次。\n\n" + MARKER, hints=True)
    assert found == [
        'docs/2021/town.md:1:10: visits.people: 敘述中的數字應與 data/2021/town.yml:2 起的記錄一致（合計 36），'
        '實為 "37人次"。提示：更正其中一處；或在敘述中用 <!-- bulletin/figure { kind: visits, field: people } --> '
        '直接引用記錄的合計'
    ]


def test_typed_figures_that_agree_with_a_total_or_a_record_pass(tmp_path):
    assert problems(tmp_path, "全年看望慰問職工36人次，慰問金1.44萬元；其中探視16人次、6400元。\n\n" + MARKER) == []


LOWER_BOUND = "visits:\n  - occasion: 春節慰問\n    people: 20\n    cash: 1.2萬多元\n"


def test_a_typed_money_lower_bound_agrees_with_the_same_lower_bound_in_the_records(tmp_path):
    assert problems(tmp_path, "全年看望慰問經費達1.2萬多元，即12,000多元。\n\n" + MARKER, records=LOWER_BOUND) == []


def test_a_typed_money_lower_bound_that_contradicts_the_records_is_reported(tmp_path):
    found = problems(tmp_path, "全年看望慰問經費達1800多元。\n\n" + MARKER, records=LOWER_BOUND)
    assert found == ['docs/2021/town.md:1:10: visits.cash: 敘述中的數字應與 data/2021/town.yml:2 起的記錄一致'
                     '（合計 12000多），實為 "1800多元"']


def test_figures_in_sentences_about_other_things_are_not_compared(tmp_path):
    assert problems(tmp_path, "全鎮舉辦培訓班103期，2500人次。\n\n" + MARKER) == []


def test_a_figure_marker_quotes_the_records_total_in_the_sentence(tmp_path):
    narrative = "全年共看望慰問職工<!-- bulletin/figure { kind: visits, field: people } -->人次，" \
                "慰問金<!-- bulletin/figure { kind: visits, field: cash } -->元。\n\n" + MARKER
    write_project(tmp_path, {"2021/town": VISITS}, narratives={"2021/town": narrative})
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "site/2021/town/index.html").read_text(encoding="utf-8")
    assert "全年共看望慰問職工36人次，慰問金14,400元。" in page_text(html)


def test_a_figure_marker_for_a_figure_the_report_lacks_is_reported(tmp_path):
    found = problems(tmp_path, "共<!-- bulletin/figure { kind: visits, field: units } -->家。\n\n" + MARKER)
    assert found == ["docs/2021/town.md:1:2: bulletin/figure.units: 應在 data/2021/town.yml 中有填了 units 的記錄，實為沒有"]


def test_a_figure_marker_naming_a_field_that_does_not_add_up_is_reported(tmp_path):
    found = problems(tmp_path, "共<!-- bulletin/figure { kind: visits, field: occasion } -->。\n\n" + MARKER)
    assert len(found) == 1 and "bulletin/figure.field: 應為下列數字欄位之一：units, people" in found[0]
