"""A block as the search index reads it: its words, the tags Material keeps, nothing it skips."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.fragments import _EXCLUDED, _HEADING, _SPACE, Fragments, _text_part_by_part, lean_page, search_text


def test_table_markup_is_dropped_and_its_words_kept_without_spaces_added():
    assert search_text('<table data-bulletin-table="v"><tr><td><a href="x">甲</a>鎮</td></tr></table>') == "甲鎮"


def test_white_space_between_cells_becomes_one_space():
    assert search_text("<tr>\n<td>37</td>\n  <td>14,400</td>\n</tr>") == " 37 14,400 "


def test_entities_are_written_as_materials_parser_writes_them():
    assert search_text("<td>&quot;甲&quot; &amp; &#x27;乙&#x27; &lt;</td>") == "\"甲\" &amp; '乙' &lt;"


def test_an_element_marked_data_search_exclude_is_left_out_whole():
    block = '<table><tr><td>37</td></tr></table><p class="d" data-search-exclude><a download>下載 CSV</a></p>'
    assert search_text(block) == "37"


def test_tags_material_keeps_stay_bare():
    assert search_text('<ul class="x"><li><a href="y">全部</a></li></ul>') == "<ul><li>全部</li></ul>"


def test_a_block_with_a_heading_is_left_whole_for_the_parser():
    block = "<nav><h2>目錄</h2><ol><li>甲</li></ol></nav>"
    assert search_text(block) == block


def test_a_page_restored_for_search_has_the_words_where_the_whole_page_has_the_table():
    fragments = Fragments()
    markdown = "前言" + fragments.stash("<table><tr><td>甲鎮</td></tr></table>")
    page = f"<p>{markdown.split()[0]}</p>\n<p>{markdown.split()[1]}</p>"
    assert fragments.restore(page) == "<p>前言</p>\n<table><tr><td>甲鎮</td></tr></table>"
    assert fragments.restore_for_search(page) == "<p>前言</p>\n甲鎮"


def test_a_page_made_lean_from_its_held_blocks_elsewhere_is_the_page_made_lean_here():
    fragments = Fragments()
    first = fragments.stash('<table class="x"><tr><th>單位</th><td>甲鎮 &amp; 乙村</td></tr></table>').strip()
    second = fragments.stash("<div><ul><li>圖表</li></ul></div>").strip()
    fragments.stash("<table><tr><td>別頁</td></tr></table>")  # another page's block: not held for this one
    page = f"<h2>表</h2>\n<p>{first}</p>\n<p>前言</p>\n<p>{second}</p>"
    held = fragments.held(page)
    assert sorted(held.blocks) == [0, 1]
    assert lean_page(page, held) == fragments.restore_for_search(page) == \
        "<h2>表</h2>\n單位甲鎮 &amp; 乙村\n<p>前言</p>\n<ul><li>圖表</li></ul>"


def test_a_page_without_placeholders_holds_no_block_and_stays_as_it_is():
    fragments = Fragments()
    fragments.stash("<table><tr><td>甲鎮</td></tr></table>")
    held = fragments.held("<p>前言</p>")
    assert held.blocks == {} and lean_page("<p>前言</p>", held) == "<p>前言</p>"


def test_a_block_put_back_for_good_is_let_go_and_not_held_twice():
    fragments = Fragments()
    placeholder = fragments.stash("<table><tr><td>甲鎮</td></tr></table>").strip()
    page = f"<p>{placeholder}</p>"
    assert fragments.restore(page) == fragments.restore(page, release=True) == "<table><tr><td>甲鎮</td></tr></table>"
    assert "甲鎮" not in fragments.restore(page)  # released: a second page cannot silently share it


def test_a_tag_inside_an_attribute_value_is_read_as_the_parser_reads_it():
    assert search_text('<td><a title="<p>">甲</a></td>') == '"&gt;甲'


def test_tags_material_keeps_are_found_in_any_case():
    assert search_text("<UL><Li>甲</lI></UL><pre>丙</pre><param>") == "<ul><li>甲</li></ul><pre>丙</pre>"


def test_a_tag_is_kept_only_under_its_own_name():
    assert search_text("<ſub>乙</ſub><p中>丙</p中>") == "&lt;ſub&gt;乙&lt;/ſub&gt;&lt;p中&gt;丙&lt;/p中&gt;"


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</P>", "<Li class=x>", "<td>", "</td>", "<sub\n>", '<a title="<p>">', "<ſup>",
                                 "<p中>", "<pre>", "<param>", "<", ">", "&amp;", "&#x27;", "&lt", "中", "1", " ", "\n",
                                 "\x02", '<p data-search-exclude>', "</p>"]),
                max_size=30).map("".join))
def test_the_fast_way_gives_what_the_piece_by_piece_way_gives(block):
    assert search_text(block) == _SPACE.sub(" ", _text_part_by_part(_EXCLUDED.sub("", block))) \
        or _HEADING.search(block)


def test_a_block_comes_back_as_it_went_in_even_with_a_lone_surrogate():
    fragments = Fragments()
    block = "<td>\ud800甲</td>"
    assert fragments.restore(f"<p>{fragments.stash(block).strip()}</p>") == block
