"""The search index holds every section also in the other script, cut where Simplified is cut."""

from bulletin.index_fields import with_search_fields
from bulletin.search_scripts import cut_through_simplified, other_script_words, simplified_characters

T2S = str.maketrans("諧書畫勞動競賽髮發組織", "谐书画劳动竞赛发发组织")
S2T = str.maketrans("谐书画劳动竞赛", "諧書畫勞動競賽")


def to_simplified(text: str) -> str:
    return text.translate(T2S)


def to_traditional(text: str) -> str:
    return text.translate(S2T)


def simplified_dictionary_cut(text: str) -> list[str]:
    """A stand-in for jieba, which knows only Simplified words: 和谐 is a word, 和諧 is not."""
    return {"组织和谐杯": ["组织", "和谐", "杯"], "組織和諧杯": ["組織", "和", "諧杯"]}[text]


def test_traditional_text_is_cut_where_its_simplified_form_is_cut():
    assert cut_through_simplified("組織和諧杯", simplified_dictionary_cut, to_simplified) == ["組織", "和諧", "杯"]


def test_a_conversion_that_changes_the_length_leaves_the_text_cut_as_it_is():
    assert cut_through_simplified("組織和諧杯", simplified_dictionary_cut, lambda t: t + "。") == ["組織", "和", "諧杯"]


def test_words_that_read_differently_in_simplified_are_listed_once():
    words = other_script_words("勞動競賽", "勞動競賽\u200b和諧\u200b杯\u200b14,400", [to_simplified])
    assert words == "劳动竞赛\u200b和谐"


def test_a_simplified_text_gains_its_traditional_words():
    assert other_script_words("", "劳动\u200b竞赛", [to_simplified, to_traditional]) == "勞動\u200b競賽"


def test_a_word_converted_for_one_section_is_not_converted_again_for_the_next():
    converted_words = []

    def counting(text):
        converted_words.extend(text.split("\u200b"))
        return to_simplified(text)

    converted = {}
    first = other_script_words("勞動競賽", "勞動競賽\u200b和諧", [counting], converted)
    second = other_script_words("書畫", "和諧\u200b勞動競賽\u200b書畫", [counting], converted)
    assert (first, second) == (other_script_words("勞動競賽", "勞動競賽\u200b和諧", [to_simplified]),
                               other_script_words("書畫", "和諧\u200b勞動競賽\u200b書畫", [to_simplified]))
    assert sorted(converted_words) == sorted(["勞動競賽", "和諧", "書畫"])


def test_the_index_keeps_its_text_and_gains_the_other_script_field():
    index = with_search_fields({"config": {"fields": {}}, "docs": [{"location": "a/", "title": "書畫", "text": "和諧"}]})
    assert index["config"]["fields"]["script"] == {"boost": 1.0}
    assert index["docs"][0] == {"location": "a/", "title": "書畫", "text": "和諧", "figures": "", "script": "书画\u200b和谐"}


def test_the_index_config_carries_the_folding_table_for_the_search_worker():
    index = with_search_fields({"docs": [{"location": "a/", "title": "書畫", "text": "和諧"}]})
    assert index["config"]["bulletin_folding"] == {"書": "书", "畫": "画", "諧": "谐"}


def test_the_folding_table_maps_each_traditional_character_the_site_uses_to_simplified():
    assert simplified_characters(["頭髮、發展", "工人 A"]) == {"發": "发", "頭": "头", "髮": "发"}


def test_the_folding_table_leaves_out_simplified_characters_and_those_alike_in_both():
    assert simplified_characters(["发展工人"]) == {}
