"""The search index written a document at a time is the file json.dump writes."""

import datetime
import io
import json

from hypothesis import given, strategies as st

from bulletin.index_file import OPTIONS, SpooledDocs, write_index, write_index_to

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12)


def written(index) -> str:
    out = io.StringIO()
    write_index_to(index, out)
    return out.getvalue()


@given(st.dictionaries(st.text(), JSON_VALUES | st.lists(JSON_VALUES), max_size=4))
def test_any_index_is_written_as_json_dump_writes_it(index):
    assert written(index) == json.dumps(index, **OPTIONS)


def test_an_index_of_chinese_documents_and_a_date_in_meta_is_written_as_json_dump_writes_it(tmp_path):
    index = {"config": {"lang": ["zh"], "separator": "[\\s\\u200b\\-]+"},
             "docs": [{"location": "2021/town/", "title": "鎮工會", "text": "慰問\u200b困難職工 120 人次",
                       "date": datetime.date(2021, 12, 31)}, {"location": "", "title": "首頁", "text": ""}]}
    write_index(index, tmp_path / "search_index.json")
    assert (tmp_path / "search_index.json").read_text(encoding="utf-8") == json.dumps(index, **OPTIONS)
    assert '"date":"2021-12-31"' in written(index)


@given(st.dictionaries(st.text(), JSON_VALUES, max_size=3), st.lists(st.dictionaries(st.text(), JSON_VALUES, max_size=3)))
def test_documents_spooled_one_by_one_are_written_as_the_whole_index_is(config, docs):
    spool = SpooledDocs()
    for doc in docs:
        spool.add(doc)
    out = io.StringIO()
    spool.write_to(config, out)
    assert out.getvalue() == json.dumps({"config": config, "docs": docs}, **OPTIONS)
