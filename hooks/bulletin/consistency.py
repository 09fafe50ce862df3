"""Figures typed in a narrative that contradict the records of the same report.

A figure stated after one of a kind's words (看望慰問, 走訪慰問, 探視 …: `Kind.words`, declared
beside the kind) in one of its fields' measure words (37人次, 38名, 3.5萬元) must agree with the
records: a field's total, one record's value, or for money the cash and goods together.
"共看望慰問職工37人次" beside visits that total 36 is reported with both places, and the editor is
pointed to the figure marker, which quotes the records instead of retyping them.

Prose is full of figures that belong to something else, so a figure is held to a kind only when
it plainly speaks of it, and is otherwise left alone (a false alarm teaches editors to ignore the
check; a missed one is no worse than before there was one):

- it stands after the kind's word in the same clause (up to a comma), or in a clause that goes
  on with the same thing (共計人民幣14000元, 其中…, 參加職工達1300人次); the nearest word before it
  decides, so 「看望慰問36人次，培訓職工120人次」 holds 120 to training, not to visits;
- it is a count in a measure word one of the kind's fields takes, or money in 元/萬元;
- it is not an ordinal (第3名), a range (2-3次), a threshold (500萬以上), a share (15%) or a date
  (2021年, 9月18日: no field counts in 年, 月 or 日).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .amounts import AmountError, Count, YuanAtLeast, digits_of, parse_count, parse_money
from .archive import Report
from .fieldtypes import CountOf, Money
from .kinds import KINDS
from .markers import ANY_MARKER
from .narrative import content_lines
from .problems import Location, Problem
from .schema import FieldSpec, Kind
from .tables import sum_values

_SENTENCE_END = re.compile(r"[。；！？;!?]")
_CLAUSE_END = re.compile(r"[，,]")
# A number and its 多 (a lower bound): not inside another number, a word (iso9000) or a range.
_NUMBER = re.compile(r"(?<![0-9０-９.,．A-Za-z\-－~～至])([0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?)(多|餘|余)?")
# Money after the number: 1800元, 1.2萬元, 2.5萬, 10多萬元 and 1.2萬多元 (the 多 after 萬).
_MONEY = re.compile(r"萬(?:多|餘|余)元?|萬元|萬|元")
_NOT_AFTER_WAN = re.compile(r"[人次名家個件條項期份戶位所]")  # 2.5萬人次 counts people, it is no money
_ORDINAL = ("第",)
_THRESHOLD = ("以上", "以下", "以內", "左右", "-", "－", "~", "～", "至")
# A clause that starts so goes on with what the clause before spoke of (共計人民幣14000元).
_CONTINUING = ("共計", "合計", "總計", "累計", "共", "計", "其中", "金額", "資金", "人民幣", "折合", "發放",
               "發出", "參加", "參與", "涉及", "惠及", "受益", "覆蓋")


def kind_words(kind: Kind) -> tuple[str, ...]:
    """What prose calls a kind: its title and the other names it declares (Kind.words)."""
    return (kind.title, *kind.words)


@functools.lru_cache(maxsize=8)
def _word_pattern(words: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """One pattern for every kind's words, the longest first (慰問金 before 慰問), and which kinds
    each word names (a word two kinds declare names both)."""
    by_word: dict[str, list[str]] = {}
    for key, names in words:
        for word in names:
            by_word.setdefault(word, []).append(key)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(by_word, key=len, reverse=True)))
    return pattern, {word: tuple(keys) for word, keys in by_word.items()}


@dataclass(frozen=True)
class _Figure:
    start: int            # in the sentence
    number: str           # as typed: 1,300 or 1.2
    more: str             # 多 / 餘 / 余, or ""
    after: str            # the text after it in the sentence


def check_typed_figures(body: str, report: Report, first_line: int, problems: list[Problem]) -> None:
    """Every figure the prose states about a kind with records, held to those records."""
    pattern, kinds_of = _word_pattern(tuple((key, kind_words(kind)) for key, kind in KINDS.items()))
    for line in content_lines(body, first_line):
        # Most lines and sentences name no kind, and a figure no kind's word governs is left alone:
        # those are skipped before they are cut up (the check's cost at 2,000 reports).
        if pattern.search(line.text) is None:
            continue
        text = ANY_MARKER.sub(lambda m: " " * len(m.group()), line.text)
        start = 0
        for sentence in _SENTENCE_END.split(text):
            found = [(m.start(), m.end(), m.group()) for m in pattern.finditer(sentence)]
            if found:
                named = [k for w in dict.fromkeys(w for _, _, w in found) for k in kinds_of[w] if report.records.get(k)]
                for figure, word in _governed_figures(sentence, found):
                    where = Location(report.narrative_path, line.number, start + figure.start + 1)
                    _check(figure, [k for k in kinds_of[word] if report.records.get(k)], named, report, where,
                           problems)
            start += len(sentence) + 1


def _governed_figures(sentence: str, found: list[tuple[int, int, str]]) -> Iterator[tuple[_Figure, str]]:
    """Each figure of the sentence with the kind word that governs it (see the module docstring),
    given where the sentence names kinds: (start, end, word) each."""
    clause_starts = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence)]
    for match in _NUMBER.finditer(sentence):
        at = match.start()
        after = sentence[match.end():]
        if sentence.endswith(_ORDINAL, 0, at) or after.startswith(_THRESHOLD):
            continue
        clause = max(s for s in clause_starts if s <= at)
        in_clause = [w for s, e, w in found if clause <= s and e <= at]
        if in_clause:
            word = in_clause[-1]
        elif sentence[clause:at].strip(" \u3000「」“”\"'").startswith(_CONTINUING):
            earlier = [w for s, e, w in found if e <= clause]
            if not earlier:
                continue
            word = earlier[-1]
        else:
            continue
        yield _Figure(at, match.group(1), match.group(2) or "", after), word


def _check(figure: _Figure, keys: list[str], named: list[str], report: Report, where: Location,
           problems: list[Problem]) -> None:
    """The figure is held to the kinds its word names (`keys`); agreeing with any field of theirs,
    or of another kind the sentence names (慰問貧困戶…發放5000元 may be aid's), is enough. Else the
    first field of `keys` that could read it is named, with its total."""
    first: tuple[str, FieldSpec, object, str] | None = None
    for key in keys:
        records = report.records[key]
        for spec, typed, shown in _readings(KINDS[key], records, figure):
            if _agrees(typed, spec, KINDS[key], records):
                return
            first = first or (key, spec, typed, shown)
    if first is None:
        return
    for key in (k for k in named if k not in keys):
        records = report.records[key]
        if any(_agrees(typed, spec, KINDS[key], records) for spec, typed, _ in _readings(KINDS[key], records, figure)):
            return
    key, spec, _, shown = first
    records = report.records[key]
    total = sum_values([getattr(r, spec.name) for r in records if getattr(r, spec.name) is not None])
    source = records[0].source
    problems.append(Problem(
        where, f"{key}.{spec.name}",
        f"敘述中的數字應與 {source.path}:{source.line} 起的記錄一致（合計 {total}），實為 \"{shown}\"",
        f"更正其中一處；或在敘述中用 <!-- bulletin/figure {{ kind: {key}, field: {spec.name} }} --> "
        "直接引用記錄的合計",
    ))


def _readings(kind: Kind, records, figure: _Figure) -> Iterator[tuple[FieldSpec, object, str]]:
    """(field, the figure as it reads it, the figure as typed) for each public field with values
    that takes the figure's measure word, the longest one the kind knows (37人次 is not 37人)."""
    units = {u for spec in kind.fields if isinstance(spec.type, CountOf) for u in spec.type.units if u}
    unit = max((u for u in units if figure.after.startswith(u)), key=len, default=None)
    if unit and figure.after[len(unit):].startswith(_THRESHOLD):
        unit = None  # 100人以上: a threshold, not a figure
    money = _MONEY.match(figure.after)
    if money and (figure.after[money.end():].startswith(_THRESHOLD)
                  or money.group().startswith("萬") and _NOT_AFTER_WAN.match(figure.after, money.end())):
        money = None
    for spec in kind.fields:
        if spec.private or spec.measure_from or not any(getattr(r, spec.name) is not None for r in records):
            continue
        try:
            if isinstance(spec.type, CountOf) and unit in spec.type.units:
                shown = figure.number + figure.more + unit
                yield spec, parse_count(shown, spec.type.units), shown
            elif isinstance(spec.type, Money) and money:
                shown = figure.number + figure.more + money.group()
                yield spec, parse_money(shown), shown
        except AmountError:
            continue


def _agrees(typed: object, spec: FieldSpec, kind: Kind, records) -> bool:
    """A field's total or one record's value; money also the total of the kind's spending
    fields together (現金和實物共21729元)."""
    values = [getattr(r, spec.name) for r in records if getattr(r, spec.name) is not None]
    candidates = [sum_values(values), *values]
    if isinstance(spec.type, Money) and spec.fund:
        spent = [sum_values(vs) for s in kind.fields if s.fund and isinstance(s.type, Money)
                 if (vs := [getattr(r, s.name) for r in records if getattr(r, s.name) is not None])]
        if len(spent) > 1:
            candidates.append(sum_values(spent))
    return _figure(typed) in {_figure(v) for v in candidates}


def _figure(value: object) -> object:
    """What a typed figure must equal, 多 aside (120 typed for a record of 120多, 1800元 for 1800多元)."""
    if isinstance(value, Count):
        return value.value
    return digits_of(value) if isinstance(value, Decimal | YuanAtLeast) else value
