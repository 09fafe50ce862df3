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


# Real phrasing: a kind's other names, money near its words, the measure words its fields take.

def test_a_figure_after_another_name_of_the_kind_is_checked(tmp_path):
    found = problems(tmp_path, "全年走訪慰問了38名勞動模範。\n\n" + MARKER)
    assert found == ['docs/2021/town.md:1:8: visits.people: 敘述中的數字應與 data/2021/town.yml:2 起的記錄一致'
                     '（合計 36），實為 "38名"']


def test_money_near_the_kinds_words_is_checked(tmp_path):
    found = problems(tmp_path, "春節前發慰問資金3.5萬元。\n\n" + MARKER)
    assert found == ['docs/2021/town.md:1:9: visits.cash: 敘述中的數字應與 data/2021/town.yml:2 起的記錄一致'
                     '（合計 14400），實為 "3.5萬元"']


def test_each_name_of_the_kind_and_each_measure_word_of_the_field_agreeing_passes(tmp_path):
    narrative = "送溫暖36人次；探視16名職工；看望20人；慰問資金1.44萬元。\n\n" + MARKER
    assert problems(tmp_path, narrative) == []


def test_a_figure_in_a_clause_that_goes_on_with_the_total_is_checked(tmp_path):
    found = problems(tmp_path, "春節走訪慰問困難職工，共計人民幣15000元。\n\n" + MARKER)
    assert [line.split(": ")[1] for line in found] == ["visits.cash"]


def test_cash_and_goods_together_agree_with_their_sum(tmp_path):
    records = "visits:\n  - occasion: 節日慰問\n    cash: 0.56萬元\n    in_kind: 1.6129萬元\n"
    assert problems(tmp_path, "節日慰問發放現金和實物共21729元。\n\n" + MARKER, records=records) == []


def test_a_figure_of_another_kind_in_the_same_sentence_is_held_to_that_kind(tmp_path):
    records = VISITS + "training:\n  - topic: 輪訓\n    sessions: 3\n    attendees: 120\n"
    narrative = "看望慰問職工36人次、舉辦培訓班3期、培訓職工120人次。\n\n" + MARKER + "\n<!-- bulletin/table { kind: training } -->\n"
    assert problems(tmp_path, narrative, records=records) == []


def test_a_figure_of_a_kind_without_records_is_not_held_to_the_kind_named_earlier(tmp_path):
    assert problems(tmp_path, "看望慰問職工36人次，並組織培訓2500人次。\n\n" + MARKER) == []


def test_a_figure_in_a_clause_about_something_else_is_not_checked(tmp_path):
    narrative = "我們及時上門看望慰問，職工家屬醫療費用達2.5萬，每月藥費達2.4萬。\n\n" + MARKER
    assert problems(tmp_path, narrative) == []


def test_percentages_years_dates_ordinals_ranges_and_thresholds_are_not_figures(tmp_path):
    narrative = ("2021年看望慰問職工同比增長15%，9月18日慰問獲第3名，每月慰問2-3次，"
                 "慰問銷售500萬以上的企業，慰問率100%。\n\n1、看望慰問 2、走訪慰問 3、送溫暖\n\n一、看望慰問\n\n" + MARKER)
    assert problems(tmp_path, narrative) == []


def test_a_figure_before_the_kinds_name_is_not_checked(tmp_path):
    assert problems(tmp_path, "區行工會拿出5000元資金對困難職工進行了慰問。\n\n" + MARKER) == []


def test_sentences_of_the_seed_summaries_agree_with_the_sample_records(tmp_path):
    records = ("visits:\n  - occasion: 看望慰問\n    people: 37\n    cash: 14400元\n"
               "aid:\n  - programme: 金秋助學\n    type: 助學\n    families: 18\n    students: 19\n    amount: 14000元\n"
               "competitions:\n  - name: 各類勞動競賽\n    times: 19\n    participants: 1300\n    benefit: 83萬元\n"
               "  - name: 技術攻關和革新項目\n    projects: 9\n    benefit: 63萬元\n"
               "suggestions:\n  - campaign: 合理化建議\n    submitted: 211\n    adopted: 125\n    benefit: 66萬元\n"
               "training:\n  - topic: 輪訓\n    sessions: 103\n    attendees: 2500\n")
    narrative = (
        "一年來，共看望慰問職工37人次，慰問金額達14400元；“金秋助學” 資助18個家庭19名學生，共計人民幣14000元。"
        "宣城站職工唐元斌家屬患小腸間質瘤，醫療費用達2.5萬，術後需藥物長期維持，每月藥物費用達2.4萬，無法報銷。\n\n"
        "據統計，今年以來各鎮各基層工會共組織各類勞動競賽19次，參加職工達1300人次，創經濟效益83萬元，"
        "共提出合理化建議211條，採納實施125條，創經濟效益66萬元。完成技術攻關和革新項目9項，創經濟效益63萬元。\n\n"
        "據統計，全鎮各基層工會共舉辦各類培訓班103期，受訓職工達到2500人次。"
        "在去年完成對銷售500萬以上的規模企業工會組建任務的基礎上，今年重新對規模企業建會情況進行調查摸底。\n\n"
        + "".join(f"<!-- bulletin/table {{ kind: {k} }} -->\n\n" for k in
                  ("visits", "aid", "competitions", "suggestions", "training")))
    assert problems(tmp_path, narrative, records=records) == []


def test_the_same_seed_sentence_with_a_figure_changed_is_reported(tmp_path):
    records = "aid:\n  - programme: 金秋助學\n    type: 助學\n    families: 18\n    students: 19\n    amount: 14000元\n"
    narrative = "“金秋助學” 資助18個家庭20名學生，共計人民幣14000元。\n\n<!-- bulletin/table { kind: aid } -->\n"
    found = problems(tmp_path, narrative, records=records)
    assert [line.split(" 敘述中")[0] for line in found] == ["docs/2021/town.md:1:15: aid.students:"]


def test_a_figure_that_agrees_with_another_kind_the_sentence_names_is_not_reported(tmp_path):
    records = VISITS + "aid:\n  - programme: 貧困戶慰問\n    type: 幫扶\n    amount: 5000元\n"
    narrative = "春節幫扶貧困戶，發放慰問金5000元。\n\n" + MARKER + "\n<!-- bulletin/table { kind: aid } -->\n"
    assert problems(tmp_path, narrative, records=records) == []
