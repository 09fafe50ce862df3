"""Money and counts: read exactly as editors write them, refused when a guess would be needed."""

from decimal import Decimal

import pytest

from bulletin.amounts import AmountError, Count, YuanAtLeast, parse_count, parse_money, parse_percent


@pytest.mark.parametrize(("text", "yuan"), [
    ("14400", "14400"),
    ("14,400元", "14400"),
    ("1.2萬元", "12000"),
    ("1.6129萬元", "16129"),
    ("0.56萬", "5600"),
    ("2.5萬", "25000"),
    ("14400.5", "14400.50"),
    ("１４，４００元", "14400"),   # full-width digits and comma from a Chinese input method
    ("1.234567萬元", "12345.67"),
    ("0", "0"),
])
def test_money_is_read_exactly_in_yuan(text, yuan):
    assert parse_money(text) == Decimal(yuan)


@pytest.mark.parametrize("text", [
    "1.2.3萬", "萬元", "-5元", "1e9", "約1萬元", "14,40元", "1.2千", "xxx萬元",
    "1.2345678萬", "14400.005", "", "12 000", "1800+元", "多1800元", "1800多多元", "1萬多多元", "1多萬多元",
])
def test_money_that_would_need_a_guess_is_refused(text):
    with pytest.raises(AmountError):
        parse_money(text)


@pytest.mark.parametrize(("text", "yuan"), [
    ("1800多元", "1800"),
    ("800多元", "800"),
    ("1.2萬多元", "12000"),
    ("1800餘元", "1800"),
    ("3萬餘元", "30000"),
    ("4萬余元", "40000"),
    ("4万余元", "40000"),
    ("10多萬元", "100000"),
    ("1,800多", "1800"),
    ("１８００多元", "1800"),
])
def test_money_may_be_a_lower_bound_the_way_counts_are(text, yuan):
    assert parse_money(text) == YuanAtLeast(Decimal(yuan))


def test_an_estimate_is_refused_with_the_lower_bound_to_write_instead():
    with pytest.raises(AmountError, match="確切的金額或下限") as refused:
        parse_money("約1萬")
    assert "1萬多" in refused.value.hint


def test_a_lower_bound_is_not_the_exact_amount():
    assert YuanAtLeast(Decimal(1800)) != Decimal(1800)
    assert parse_money("1800多元") != parse_money("1800元")


def test_a_money_total_with_a_lower_bound_is_a_lower_bound():
    assert YuanAtLeast(Decimal(1800)) + Decimal(200) == YuanAtLeast(Decimal(2000))
    assert Decimal(200) + YuanAtLeast(Decimal("1800.5")) == YuanAtLeast(Decimal("2000.5"))
    assert sum([Decimal(1), YuanAtLeast(Decimal(2)), Decimal(3)]) == YuanAtLeast(Decimal(6))
    assert type(Decimal(1) + Decimal(2)) is Decimal


def test_money_refusal_says_what_was_expected():
    with pytest.raises(AmountError, match="精確到分"):
        parse_money("0.001")
    with pytest.raises(AmountError, match="不小於 0"):
        parse_money("-5元")


def test_absurd_money_is_refused():
    with pytest.raises(AmountError, match="小於 "):
        parse_money("20000000萬元")


def test_whole_yuan_stay_whole_and_fen_stay_fen():
    assert str(parse_money("1.2萬")) == "12000"
    assert str(parse_money("10.10")) == "10.10"


@pytest.mark.parametrize(("text", "count"), [
    ("37", Count(37)),
    ("120多", Count(120, at_least=True)),
    ("120餘", Count(120, at_least=True)),
    ("120+", Count(120, at_least=True)),
    ("1,300", Count(1300)),
])
def test_counts_may_be_lower_bounds(text, count):
    assert parse_count(text) == count


def test_count_accepts_its_own_measure_word_only():
    assert parse_count("37人次", ("人次",)) == Count(37)
    assert parse_count("120多人次", ("人次",)) == Count(120, at_least=True)
    with pytest.raises(AmountError, match="人次"):
        parse_count("37元", ("人次",))


@pytest.mark.parametrize("text", ["-2", "3.5", "三十", "", "1e3"])
def test_count_that_is_not_a_whole_number_is_refused(text):
    with pytest.raises(AmountError):
        parse_count(text)


def test_a_total_with_a_lower_bound_is_a_lower_bound():
    assert Count(120, at_least=True) + Count(30) == Count(150, at_least=True)
    assert Count(120) + Count(30) == Count(150)


@pytest.mark.parametrize(("text", "rate"), [("100%", "100"), ("98.5", "98.5"), ("98.5％", "98.5")])
def test_percent_is_read_exactly(text, rate):
    assert parse_percent(text) == Decimal(rate)


@pytest.mark.parametrize("text", ["101%", "-1%", "abc"])
def test_percent_outside_0_to_100_is_refused(text):
    with pytest.raises(AmountError):
        parse_percent(text)


@pytest.mark.parametrize("text", ["0,400", "014,400", "014400", "①萬", "¹⁴⁴⁰⁰", "١٤٤٠٠", "1" * 27, "1" * 25 + "萬",
                                  "1.0000000000000000000000000001萬"])
def test_money_in_unusual_digits_or_of_absurd_length_is_refused(text):
    with pytest.raises(AmountError):
        parse_money(text)


def test_a_very_long_count_is_refused_not_a_crash():
    with pytest.raises(AmountError, match="小於 "):
        parse_count("1" * 5000)


def test_a_lower_bound_of_which_cannot_reach_its_exact_whole():
    assert Count(119, at_least=True).fits_within(Count(120))
    assert not Count(120, at_least=True).fits_within(Count(120))
    assert Count(500).fits_within(Count(120, at_least=True))
