"""Period resolution: ISO forms for years, month ranges, year ends and relative years."""
from kg.extract.periods import find_times, resolve


def _period(text: str, doc_year: int | None = None, context: int | None = None) -> str | None:
    return resolve(find_times(text, doc_year)[0], context).period


def test_periods_relative_to_doc_year():
    assert _period("今年将新建", 2023) == "2023"
    assert _period("去年增长", 2023) == "2022"


def test_periods_month_range_takes_context_year():
    assert _period("1—11月，高技术制造业", context=2022) == "2022-01/2022-11"
    assert _period("2022年1月至11月，") == "2022-01/2022-11"
    assert _period("2022年1-10月，") == "2022-01/2022-10"


def test_periods_year_end_and_month_end():
    assert _period("力争到2023年年底，") == "2023-12-31"
    assert _period("截至2023年11月底，") == "2023-11-30"


def test_periods_five_year_plan():
    assert _period("计划“十四五”期间建") == "2021/2025"


def test_periods_half_year_and_quarters():
    assert _period("上半年", context=2024) == "2024-01/2024-06"
    assert _period("2023年前三季度") == "2023-01/2023-09"


def test_periods_comparison_base_is_flagged():
    assert find_times("比2022年增长了29%")[0].comparison
    assert not find_times("2022年，增长了29%")[0].comparison
