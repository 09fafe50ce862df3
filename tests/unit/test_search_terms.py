"""Figures are added to the search index the way readers type them, in a field of their own."""

from bulletin.index_fields import with_search_fields
from bulletin.search_terms import plain_figures


def test_grouped_figures_are_given_without_separators():
    assert plain_figures("慰問金 14,400 元，合計 1,460,000") == "14400\u200b1460000"


def test_approximate_counts_split_by_the_segmenter_are_joined_again():
    assert plain_figures("參訓 2,620\u200b多 人次") == "2620\u200b2,620多\u200b2620多"


def test_an_approximate_amount_in_wan_yuan_is_one_word_with_its_decimals():
    assert plain_figures("經費（萬元） 0.18\u200b多") == "0.18多"


def test_approximate_counts_are_found_with_each_word_for_more():
    assert plain_figures("幫扶 120餘 戶，走訪 30余 家") == "120餘\u200b30余"


def test_text_without_grouped_figures_gives_nothing():
    assert plain_figures("職代會 2021年 349") == ""


def test_the_index_keeps_its_text_and_gains_a_searchable_field():
    index = with_search_fields({"config": {"fields": {"text": {"boost": 1.0}}},
                                "docs": [{"location": "a/", "text": "慰問金 14,400 元"}]})
    assert index["config"]["fields"]["figures"] == {"boost": 1.0}
    assert (index["docs"][0]["text"], index["docs"][0]["figures"]) == ("慰問金 14,400 元", "14400")
