"""Tables and charts skip Markdown: a placeholder goes in, the same HTML comes out in its place."""

import re

import markdown

from bulletin.fragments import SEARCH_MARKS, Fragments, without_search_marks


def test_a_stashed_block_comes_back_whole_where_its_placeholder_was():
    fragments = Fragments()
    table = '<div class="t"><table><tr><td>14,400</td></tr></table></div>'
    text = f"## 慰問\n\n前文{fragments.stash(table)}後文\n"
    html = fragments.restore(markdown.markdown(text))
    assert html == f"<h2>慰問</h2>\n<p>前文</p>\n{table}\n<p>後文</p>"


def test_text_that_looks_like_a_placeholder_of_another_build_is_left_alone():
    earlier, now = Fragments(), Fragments()
    placeholder = earlier.stash("<table></table>").strip()
    html = markdown.markdown(f"{placeholder}\n")
    assert now.restore(html) == html


def test_search_marks_are_taken_out_as_materials_expression_takes_them_out():
    pages = ['<p data-search-exclude>甲</p>', '<h2 data-search-exclude="true">乙</h2>\n<p\tdata-search-boost="2">丙</p>',
             'data-search-x=""', 'data-search-="x"', 'a data-search-a="b" data-search-c="d"', "", "<p>丁</p>",
             '<p data-search-exclude>\n<span data-search-boost="3">戊</span>', 'data-search-é="1"', '  data-search-x="a"b"']
    for page in pages:
        assert without_search_marks(page) == re.sub(SEARCH_MARKS, "", page), page
