"""Number parsing: scale words, Chinese numerals and mixed forms must give exact Decimals."""
from decimal import Decimal

import pytest

from kg.extract.numbers import chinese_integer, parse_number


def test_numbers_scale_words_apply():
    assert parse_number("1.2万亿") == Decimal("1.2e12")
    assert parse_number("440.3亿") == Decimal("44030000000")
    assert parse_number("48.3万") == Decimal(483000)


def test_numbers_bare_scale_is_one_of_it():
    assert parse_number("千亿") == Decimal(10) ** 11
    assert parse_number("万亿") == Decimal(10) ** 12
    assert parse_number("千") == Decimal(1000)


def test_numbers_chinese_numerals():
    assert chinese_integer("十三") == 13
    assert chinese_integer("两") == 2
    assert chinese_integer("四千八百") == 4800
    assert parse_number("三十一点四万亿") == Decimal("31.4e12")


def test_numbers_half_is_fifty():
    assert parse_number("一半") == 50


def test_numbers_rejects_other_text():
    with pytest.raises(ValueError):
        parse_number("5G")
