"""Kinds declared in data/kinds/<key>.yml: compiled into the kinds modules make, their mistakes located."""

from pathlib import Path

from helpers import MEALS, MEALS_KIND, declare_kind, problem_line, write_project

from bulletin.amounts import Count
from bulletin.declared_kinds import read_project_kinds
from bulletin.kinds import BUILT_IN, KINDS
from bulletin.loading import load_archive
from bulletin.measures import report_measures
from bulletin.periods import Period


def declared(tmp_path: Path, text: str, key: str = "meals") -> tuple[dict, list[str]]:
    declare_kind(tmp_path, key, text)
    problems = []
    kinds = read_project_kinds(tmp_path, problems)
    return kinds, [problem_line(p) for p in problems]


def test_a_declaration_compiles_to_the_field_specs_a_kind_module_declares(tmp_path):
    kinds, problems = declared(tmp_path, """
        title: 糾紛調處
        fields:
          matter: { type: text, label: 事項, required: true }
          cases: { type: count, label: 件數, measure: [件, 宗] }
          resolved: { type: count, label: 其中已辦結, measure: [件, 宗], part_of: cases }
          note: { type: text, label: 備註 }
    """, key="mediation")
    assert problems == []
    assert kinds["mediation"].fields == BUILT_IN["disputes"].fields


def test_a_declared_kind_takes_its_place_among_the_kinds_by_its_order(tmp_path):
    kinds, _ = declared(tmp_path, MEALS_KIND.replace("order: 120", "order: 15"))
    assert list(kinds)[:3] == ["visits", "meals", "aid"]
    assert kinds["meals"].title == "職工食堂" and kinds["meals"].purpose_of(None) == "食堂補貼"


def test_a_declared_kind_without_an_order_comes_after_every_built_in_one(tmp_path):
    kinds, _ = declared(tmp_path, MEALS_KIND.replace("order: 120\n", ""))
    assert list(kinds) == [*BUILT_IN, "meals"]


def test_a_misspelt_type_is_located_and_the_closest_type_suggested(tmp_path):
    declare_kind(tmp_path, "meals", "title: 職工食堂\nfields:\n  item: { type: text, label: 項目, required: true }\n"
                                    "  amount:\n    type: mony\n    label: 金額\n")
    problems = []
    read_project_kinds(tmp_path, problems)
    assert [str(p) for p in problems] == [
        'data/kinds/meals.yml:5:11: fields.amount.type: 應為下列之一：text、count、money、date、choice、percent，'
        '實為 "mony"。提示：是不是 money？']


def test_an_unknown_setting_is_located_at_its_name(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    fund: cash\n", "    fund: cash\n    colour: red\n"))
    assert problems == ['data/kinds/meals.yml:26:5: fields.cost.colour: 應為下列設定之一：type, label, required, '
                        'measure, part_of, options, fund, private, names, max_length，實為 "colour"']


def test_an_unknown_name_at_the_top_is_located_with_the_closest_name(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("title:", "titel:"))
    assert problems == ['data/kinds/meals.yml:1:1: titel: 應為下列名稱之一：title, order, fund_purpose, fields，'
                        '實為 "titel"',
                        "data/kinds/meals.yml:1:1: title: 應為種類的標題，例如 title: 職工食堂，實為空白"]


def test_part_of_must_name_another_count_field_of_the_kind(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("part_of: diners", "part_of: diner"))
    assert problems == ['data/kinds/meals.yml:17:14: fields.women.part_of: 應為下列計數欄位之一：diners, meals，'
                        '實為 "diner"']


def test_part_of_may_not_name_a_field_that_is_not_a_count(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("part_of: diners", "part_of: cost"))
    assert problems == ['data/kinds/meals.yml:17:14: fields.women.part_of: 應為下列計數欄位之一：diners, meals，'
                        '實為 "cost"']


def test_a_count_needs_a_measure_word(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    measure: 份\n", ""))
    assert problems == ["data/kinds/meals.yml:19:5: fields.meals.measure: 應為計數的量詞，例如 人次、份、家，實為空白"]


def test_a_measure_word_is_chinese_so_it_never_reads_as_part_of_a_number(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("measure: 份", "measure: x2"))
    assert problems == ['data/kinds/meals.yml:21:14: fields.meals.measure: 應為 1 至 4 個中文字的量詞，實為 "x2"']


def test_a_setting_of_another_type_is_refused_not_ignored(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    measure: 份\n", "    measure: 份\n    fund: cash\n"))
    assert problems == ["data/kinds/meals.yml:22:5: fields.meals.fund: 應只用於 money 欄位，實為用在 count 欄位"]


def test_only_a_private_text_field_lists_names(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    private: true\n", ""))
    assert problems == ["data/kinds/meals.yml:29:5: fields.cooks.names: "
                        "應與 private: true 一起用（列出姓名的私人欄位），實為只有 names"]


def test_the_first_field_is_a_required_text_that_names_each_row(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    required: true\n", ""))
    assert problems == ["data/kinds/meals.yml:5:3: fields.item: 應為必填的 text 欄位（第一個欄位是每一列的名稱），"
                        "實為選填的 text 欄位"]


def test_a_first_field_that_is_a_count_is_refused(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("  item:\n    type: text\n    label: 項目\n    required: true\n", ""))
    assert problems == ["data/kinds/meals.yml:5:3: fields.diners: 應為必填的 text 欄位（第一個欄位是每一列的名稱），"
                        "實為 count 欄位"]


def test_two_fields_may_not_share_a_label(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("label: 供餐", "label: 就餐人次"))
    assert problems == ['data/kinds/meals.yml:20:12: fields.meals.label: 應為與其他欄位不同的標籤，實為 "就餐人次"']


def test_a_declared_kind_may_not_take_a_built_in_key(tmp_path):
    kinds, problems = declared(tmp_path, MEALS_KIND, key="visits")
    assert problems == ['data/kinds/visits.yml:1:1: 應為內建種類以外的代號，實為 "visits"']
    assert kinds["visits"] is BUILT_IN["visits"]


def test_a_declared_kind_may_not_take_a_built_in_title(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("title: 職工食堂", "title: 看望慰問"))
    assert problems == ['data/kinds/meals.yml:1:8: title: 應為與其他種類不同的標題，實為 "看望慰問"']


def test_a_declared_kind_may_not_take_the_funds_table_s_key_or_title(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("title: 職工食堂", "title: 經費使用"), key="funds")
    assert problems == ['data/kinds/funds.yml:1:1: 應為內建種類以外的代號，實為 "funds"',
                        'data/kinds/funds.yml:1:8: title: 應為與其他種類不同的標題，實為 "經費使用"']


def test_a_key_follows_the_rule_of_field_names(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND, key="Staff-Meals")
    assert problems == ['data/kinds/Staff-Meals.yml:1:1: '
                        '應為以種類代號命名的檔案（小寫英文字母開頭，只用小寫字母、數字和底線），實為 "Staff-Meals.yml"']


def test_a_field_name_follows_the_rule_and_may_not_be_a_reserved_name(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("  meals:\n", "  Meals:\n").replace("  cost:\n", "  publish:\n"))
    assert problems == [
        'data/kinds/meals.yml:18:3: fields.Meals: 應為欄位名稱（小寫英文字母開頭，只用小寫字母、數字和底線，最多 40 個字元），'
        '實為 "Meals"',
        'data/kinds/meals.yml:22:3: fields.publish: 應為其他欄位名稱，實為 "publish"']


def test_a_yaml_syntax_error_in_a_declaration_is_located(tmp_path):
    kinds, problems = declared(tmp_path, 'title: "職工食堂\nfields:\n  item: { type: text }\n')
    assert len(problems) == 1 and problems[0].startswith("data/kinds/meals.yml:")
    assert "meals" not in kinds


def test_a_file_that_is_not_a_declaration_is_reported(tmp_path):
    (tmp_path / "data" / "kinds").mkdir(parents=True)
    (tmp_path / "data" / "kinds" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "data" / "kinds" / "meals.yaml").write_text(MEALS_KIND, encoding="utf-8")
    problems = []
    read_project_kinds(tmp_path, problems)
    assert [problem_line(p) for p in problems] == ["data/kinds/meals.yaml:1:1: 應為種類的宣告檔 <種類>.yml，實為其他檔案",
                                                   "data/kinds/notes.txt:1:1: 應為種類的宣告檔 <種類>.yml，實為其他檔案"]


def test_a_record_of_a_declared_kind_is_read_and_checked_like_a_built_in_one(tmp_path):
    write_project(tmp_path, {"2021/town": MEALS.replace("women: 120", "women: 320").replace("meals: 40", "meals: 40碗")})
    declare_kind(tmp_path, "meals", MEALS_KIND)
    result = load_archive(tmp_path, tmp_path / "docs")
    assert [problem_line(p) for p in result.problems] == [
        'data/2021/town.yml:4:12: meals[1].women: 應不超過 300（就餐人次），實為 "320"',
        'data/2021/town.yml:10:12: meals[2].meals: 應為以份計的 0 或以上整數，實為 "40碗"',
    ]


def test_a_deleted_declaration_is_gone_at_the_next_load(tmp_path):
    write_project(tmp_path, {"2021/town": MEALS})
    path = declare_kind(tmp_path, "meals", MEALS_KIND)
    assert load_archive(tmp_path, tmp_path / "docs").problems == [] and "meals" in KINDS
    path.unlink()
    result = load_archive(tmp_path, tmp_path / "docs")
    assert "meals" not in KINDS and "meals" not in result.archive.kinds
    assert [problem_line(p).split("：")[0] for p in result.problems] == [
        "data/2021/town.yml:1:1: meals: 應為下列種類之一", "docs/2021/town.md:1:1: bulletin/table.kind: 應為下列表格之一"]


def test_each_load_puts_its_own_project_kinds_in_force(tmp_path):
    canteen = write_project(tmp_path / "canteen", {"2021/town": MEALS})
    declare_kind(canteen, "meals", MEALS_KIND)
    other = write_project(tmp_path / "other", {"2021/town": "visits:\n  - occasion: 慰問\n"})
    first = load_archive(canteen, canteen / "docs").archive
    load_archive(other, other / "docs")
    assert "meals" not in KINDS and "meals" in first.kinds
    assert first.table(first.report("town", next(iter(first.periods()))), "meals").total[1].text == "340多"


def test_a_fund_purpose_needs_a_money_field_counted_as_funds(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("    fund: cash\n", ""))
    assert problems == ["data/kinds/meals.yml:3:15: fund_purpose: "
                        "應有計入經費的金額欄位（fund: cash 或 fund: in_kind），實為沒有"]


def test_a_choice_lists_its_options(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND + "  shift:\n    type: choice\n    label: 班次\n")
    assert problems == ["data/kinds/meals.yml:32:5: fields.shift.options: 應為可選的詞，例如 [早餐, 午餐, 晚餐]，實為空白"]


def test_two_projects_may_mean_different_kinds_by_one_key_in_one_process(tmp_path):
    canteen = write_project(tmp_path / "canteen", {"2021/town": MEALS})
    declare_kind(canteen, "meals", MEALS_KIND)
    lunches = write_project(tmp_path / "lunches", {"2021/town": "meals:\n  - item: 午餐\n    portions: 5\n"})
    declare_kind(lunches, "meals", "title: 午餐\nfields:\n  item: { type: text, label: 項目, required: true }\n"
                                   "  portions: { type: count, label: 份數, measure: 份 }\n")
    first = load_archive(canteen, canteen / "docs").archive
    assert set(report_measures(first, first.report("town", Period(2021)), "meals")) == {"diners", "women", "meals", "cost"}
    second = load_archive(lunches, lunches / "docs").archive
    assert report_measures(second, second.report("town", Period(2021)), "meals") == {"portions": Count(5)}


def test_a_file_name_and_the_mistakes_inside_are_reported_together(tmp_path):
    _, problems = declared(tmp_path, MEALS_KIND.replace("type: money", "type: mony"), key="Meals")
    assert [line.split(": ")[0] for line in problems] == ["data/kinds/Meals.yml:1:1", "data/kinds/Meals.yml:23:11"]
