"""Tables and charts skip Markdown: a placeholder goes in, the same HTML comes out in its place."""

import markdown

from bulletin.fragments import Fragments


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
