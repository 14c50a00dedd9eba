"""The parse functions: typed values, None where the text is not one, the library's errors."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import gongbao


def test_money():
    m = gongbao.parse_money("116.68亿元")
    assert m == gongbao.Money(value=Decimal("11668000000"), max=None, currency="CNY", qualifier=None)
    assert isinstance(m.value, Decimal)
    m = gongbao.parse_money("3-5亿元")
    assert (m.value, m.max) == (Decimal("300000000"), Decimal("500000000"))
    assert gongbao.parse_money("约4830万美元") == gongbao.Money(Decimal("48300000"), None, "USD", "approx")
    assert gongbao.parse_money("52个") is None


def test_count():
    c = gongbao.parse_count("160多家")
    assert c == gongbao.Count(value=Decimal("160"), max=None, classifier="家", subject=None, qualifier="over")
    assert gongbao.parse_count("1.3万人次").value == Decimal("13000")
    assert gongbao.parse_count("116.68亿元") is None


def test_percent():
    p = gongbao.parse_percent("21.5个百分点")
    assert (p.value, p.unit) == (Decimal("21.5"), "point")
    assert gongbao.parse_percent("百分之三十五").value == Decimal("35")
    assert gongbao.parse_percent("-8.92%").value == Decimal("-8.92")
    assert gongbao.parse_percent("项目") is None


def test_quantity():
    q = gongbao.parse_quantity("8.88平方公里")
    assert q == gongbao.Quantity(value=Decimal("8.88"), max=None, unit="平方公里", qualifier=None)
    assert gongbao.parse_quantity("52个") is None


def test_number():
    n = gongbao.parse_number("约1.2万亿")
    assert n == gongbao.Number(value=Decimal("1200000000000"), max=None, qualifier="approx")
    assert gongbao.parse_number("壹仟贰佰叁拾肆").value == Decimal("1234")
    assert gongbao.parse_number("项目") is None


def test_a_number_too_large_is_the_library_error():
    with pytest.raises(gongbao.GongbaoError, match="too large to represent exactly"):
        gongbao.parse_number("99999999999999999999999亿")
    assert issubclass(gongbao.GongbaoError, ValueError)


def test_time():
    t = gongbao.parse_time("1-10月", datetime.date(2022, 11, 18))
    assert t == gongbao.TimeRange(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 10, 31), relative=True)
    assert gongbao.parse_time("1-10月", "2022-11-18") == t
    t = gongbao.parse_time("截至2023年12月20日")
    assert (t.start, t.end) == (None, datetime.date(2023, 12, 20))
    assert isinstance(t.end, datetime.date)
    # an unknown year stays a string, never a guessed date
    t = gongbao.parse_time("4月28日")
    assert (t.start, t.end) == ("XXXX-04-28", "XXXX-04-28")
    assert gongbao.parse_time("十三五") is None
    with pytest.raises(gongbao.GongbaoError):
        gongbao.parse_time("4月28日", "28/04/2023")
