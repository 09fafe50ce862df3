"""Properties over generated inputs: parsers never crash, totals add exactly, tables read back.

Hypothesis tries hundreds of inputs per property, shrinking any failure to its smallest case.
The settings keep the whole file to a few seconds; `--hypothesis-seed` reproduces a failure.
"""

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin.amounts import AmountError, Count, YuanAtLeast, parse_count, parse_money, parse_percent
from bulletin.dates import DateList, DateRange, parse_dates
from bulletin.formatting import format_count, format_money
from bulletin.kinds import KINDS
from bulletin.periods import DateError, PartialDate, Period, parse_date
from bulletin.problems import Problem
from bulletin.reading import read_report_records
from bulletin.render import render_table
from bulletin.tables import Cell, Column, Table, kind_table
from bulletin.yaml_source import parse_yaml_text

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATH = "data/2021/town.yml"

# Text an editor might type into a figure: digits, separators, units, Chinese, and anything else.
FIGURE_ALPHABET = st.sampled_from(list("0123456789.,-+ 萬万元多餘約%人次家年月日e\t１２，\u3000"))
figure_text = st.one_of(st.text(FIGURE_ALPHABET, max_size=14), st.text(max_size=14))


@FAST
@given(figure_text)
def test_any_text_is_an_amount_or_a_stated_expectation(text):
    for parse in (parse_money, parse_count, parse_percent):
        try:
            parse(text)
        except AmountError as error:
            assert error.expected and error.hint


@FAST
@given(figure_text)
def test_any_text_is_a_date_or_a_stated_expectation(text):
    try:
        parse_date(text)
    except DateError as error:
        assert error.expected and error.hint


@FAST
@given(st.decimals(min_value=0, max_value=Decimal(10) ** 9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["元", "萬元"]))
def test_an_amount_shown_in_a_table_reads_back_as_the_same_amount(yuan, unit):
    shown = format_money(yuan, unit)
    assert parse_money(shown + unit) == yuan


@FAST
@given(st.decimals(min_value=0, max_value=Decimal(10) ** 9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["元", "萬元"]))
def test_a_lower_bound_shown_in_a_table_reads_back_as_the_same_lower_bound(yuan, unit):
    shown = format_money(YuanAtLeast(yuan), unit)
    assert parse_money(shown + unit) == YuanAtLeast(yuan)


@FAST
@given(st.integers(min_value=0, max_value=10**8 - 1), st.booleans())
def test_a_count_shown_in_a_table_reads_back_as_the_same_count(value, at_least):
    count = Count(value, at_least)
    assert parse_count(format_count(count)) == count


# Record files built from real field names and generated values: valid, invalid and absurd.
FIELD_VALUE = st.one_of(figure_text, st.integers(-10**12, 10**12).map(str), st.sampled_from(
    ["", "~", "[1, 2]", "{a: 1}", "true", "2021-02-30", "2021-06", "段", "國家", "- x", "'引號'", "&a x", "*a"]))


@st.composite
def record_files(draw):
    lines = []
    for key in draw(st.lists(st.sampled_from([*KINDS, "lunch"]), min_size=1, max_size=3, unique=True)):
        lines.append(f"{key}:")
        names = [spec.name for spec in KINDS[key].fields] if key in KINDS else ["x"]
        for _ in range(draw(st.integers(0, 3))):
            fields = draw(st.lists(st.sampled_from([*names, "peple"]), min_size=1, max_size=4, unique=True))
            for number, name in enumerate(fields):
                value = draw(FIELD_VALUE).replace("\n", " ")
                lines.append(f"  {'- ' if number == 0 else '  '}{name}: {value}")
    return "\n".join(lines) + "\n"


def located(problem: Problem, text: str) -> bool:
    lines = text.count("\n") + 1
    return problem.location.path == PATH and 1 <= problem.location.line <= lines and problem.location.column >= 1


@FAST
@given(st.one_of(record_files(), st.text(max_size=200)))
def test_any_record_file_gives_records_or_located_problems_never_a_crash(text):
    problems = []
    root = parse_yaml_text(text, PATH, problems).root
    records = read_report_records(root, PATH, Period(2021), problems)
    assert all(located(p, text) for p in problems), [str(p) for p in problems]
    assert all(p.message and p.hint for p in problems), [str(p) for p in problems if not p.hint]
    if not problems:
        assert all(isinstance(r, KINDS[key].record) for key, rs in records.items() for r in rs)


amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@FAST
@given(st.lists(st.tuples(st.integers(0, 10**6), amounts), min_size=1, max_size=30))
def test_a_table_total_is_the_exact_sum_of_its_rows(visits):
    text = "visits:\n" + "".join(
        f"  - occasion: 慰問{number}\n    people: {people}\n    cash: {cash}\n"
        for number, (people, cash) in enumerate(visits))
    problems = []
    records = read_report_records(parse_yaml_text(text, PATH, problems).root, PATH, Period(2021), problems)
    assert problems == []
    table = kind_table(KINDS["visits"], records["visits"])
    total = {column.field: cell.value for column, cell in zip(table.columns, table.total, strict=True)}
    assert total["people"] == Count(sum(people for people, _ in visits))
    assert total["cash"] == sum((cash for _, cash in visits), Decimal(0))


@FAST
@given(st.lists(st.tuples(amounts, st.booleans()), min_size=1, max_size=30))
def test_a_money_total_is_the_exact_sum_and_a_lower_bound_when_any_row_is_one(visits):
    text = "visits:\n" + "".join(
        f"  - occasion: 慰問{number}\n    cash: {cash}{'多元' if at_least else ''}\n"
        for number, (cash, at_least) in enumerate(visits))
    problems = []
    records = read_report_records(parse_yaml_text(text, PATH, problems).root, PATH, Period(2021), problems)
    assert problems == []
    total = kind_table(KINDS["visits"], records["visits"]).total[1].value
    exact = sum((cash for cash, _ in visits), Decimal(0))
    assert total == (YuanAtLeast(exact) if any(at_least for _, at_least in visits) else exact)


days_of_2021 = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2021, 12, 31))
partial_dates_of_2021 = st.one_of(
    days_of_2021.map(lambda day: PartialDate(day.year, day.month, day.day)),
    st.integers(1, 12).map(lambda month: PartialDate(2021, month)),
)


def in_order(dates):
    """Whether each date ends before the next begins: what several dates or a range must be."""
    return all(a.last_day < b.first_day for a, b in pairwise(dates))


@FAST
@given(st.lists(partial_dates_of_2021, min_size=2, max_size=6).map(
    lambda dates: sorted(set(dates), key=lambda d: (d.first_day, d.last_day))).filter(lambda d: len(d) >= 2 and in_order(d)),
    st.booleans())
def test_several_dates_or_a_range_shown_on_a_page_read_back_the_same(dates, as_range):
    value = DateRange(dates[0], dates[-1]) if as_range else DateList(tuple(dates))
    assert parse_dates(str(value), year=2021) == value


@FAST
@given(st.text(st.sampled_from(list("0123456789-年月日至到、，~ 春")), max_size=16))
def test_any_text_is_dates_or_a_stated_expectation(text):
    try:
        value = parse_dates(text, year=2021)
    except DateError as error:
        assert error.expected and error.hint
    else:
        assert in_order(value.parts)


class CellTexts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@FAST
@given(st.integers(1, 4).flatmap(lambda width: st.tuples(
    st.lists(cell_text, min_size=width, max_size=width),
    st.lists(st.lists(cell_text, min_size=width, max_size=width), min_size=1, max_size=6),
    st.booleans())))
def test_a_rendered_table_reads_back_to_the_same_cell_texts(shape):
    headers, rows, with_total = shape
    table = Table(
        key="visits", title="慰問", columns=tuple(Column(h) for h in headers),
        rows=tuple(tuple(Cell(t, t) for t in row) for row in rows),
        total=tuple(Cell(None, t) for t in rows[0]) if with_total else None,
    )
    parser = CellTexts()
    parser.feed(render_table(table))
    expected = [headers, *rows] + ([rows[0]] if with_total else [])
    assert parser.rows == expected
