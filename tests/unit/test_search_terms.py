"""Figures are added to the search index the way readers type them."""

from bulletin.search_terms import with_plain_figures


def test_grouped_figures_are_added_without_separators():
    assert with_plain_figures("慰問金 14,400 元，合計 1,460,000") == "慰問金 14,400 元，合計 1,460,000 14400\u200b1460000"


def test_approximate_counts_split_by_the_segmenter_are_joined_again():
    assert with_plain_figures("參訓 2,620\u200b多 人次").endswith(" 2620\u200b2,620多\u200b2620多")


def test_text_without_figures_is_unchanged():
    assert with_plain_figures("職代會 2021年 349") == "職代會 2021年 349"
