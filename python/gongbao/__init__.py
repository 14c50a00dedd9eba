"""gongbao (公报): exact, typed, traceable facts from Chinese government bulletins.

Money, counts, percentages, dates and periods, places and quantities, each with its span in the
original text and, for figures, its record (what it measures, when, where)::

    >>> import gongbao
    >>> doc = gongbao.extract("2023年,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。")
    >>> [(f["kind"], f["text"]) for f in doc["facts"]][:3]
    [('time', '2023年'), ('count', '新签约项目52个'), ('money', '116.68亿元')]

- :func:`extract` reads one document and returns the batch binary's JSON line for it as a dict
  (the fields are described in the project's CONTRACT.md), with ``char_span`` added to every fact;
- :func:`extract_many` reads many, in parallel in Rust with the GIL released;
- :func:`parse_money`, :func:`parse_count`, :func:`parse_percent`, :func:`parse_quantity`,
  :func:`parse_number` and :func:`parse_time` read one expression into typed values
  (:class:`decimal.Decimal`, :class:`datetime.date`);
- :func:`to_pandas` turns documents into a table, one row per fact (``pip install gongbao[pandas]``).

Numbers are exact: ``Decimal`` in the typed results, decimal strings in the JSON dicts.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Optional, TypedDict, Union, cast

from . import _native
from ._native import GongbaoError

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]

__all__ = [
    "Count",
    "Document",
    "Fact",
    "GongbaoError",
    "Money",
    "Number",
    "Percent",
    "Quantity",
    "TimeRange",
    "extract",
    "extract_many",
    "parse_count",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "parse_time",
    "to_pandas",
]

__version__: str = _native.__version__

#: A reference date: a :class:`datetime.date` or a ``"YYYY-MM-DD"`` string.
DateLike = Union[datetime.date, str]
#: A date, or the ``"XXXX-MM-DD"`` string of one whose year nothing in the text tells.
DateOrUnknownYear = Union[datetime.date, str]
Qualifier = Literal["approx", "over", "under"]


class Fact(TypedDict, total=False):
    """One fact of a document, as ``CONTRACT.md`` describes it, plus ``char_span``.

    Every fact has ``kind``, ``span``, ``char_span``, ``text``, ``speaker`` and
    ``boilerplate``; the other keys depend on the kind. Numbers are exact decimal strings.
    """

    kind: Literal["money", "count", "percent", "time", "place", "quantity"]
    span: List[int]
    """``[start, end)`` in bytes of the UTF-8 text (the binary's span)."""
    char_span: List[int]
    """``[start, end)`` as indices into the Python ``str``: ``text[s:e] == fact["text"]``."""
    text: str
    speaker: Optional[str]
    boilerplate: bool
    duplicate_of: int
    value: str
    max: str
    currency: str
    classifier: str
    subject: Optional[str]
    unit: str
    qualifier: Optional[Qualifier]
    role: Optional[str]
    start: Optional[str]
    end: Optional[str]
    relative: bool
    name: str
    level: str
    code: Optional[str]
    parent: Optional[str]
    indicator: Optional[Dict[str, Any]]
    period: Optional[Dict[str, Any]]
    area: Optional[Dict[str, Any]]
    of: Optional[int]
    part_of: Optional[int]
    compared_with: Optional[Dict[str, Any]]


class Document(TypedDict):
    """One document: the batch binary's JSON line (``CONTRACT.md``), facts with ``char_span``."""

    source: str
    reference_date: Optional[str]
    reference_from: Optional[Literal["argument", "metadata", "text"]]
    script: Optional[Literal["simplified", "traditional", "mixed"]]
    meta: Dict[str, Any]
    home_area: Optional[Dict[str, Any]]
    facts: List[Fact]
    warnings: List[str]
    error: Optional[str]


@dataclass(frozen=True)
class Money:
    """An amount of money: ``value`` in the currency's base unit (yuan, dollars)."""

    value: decimal.Decimal
    max: Optional[decimal.Decimal]
    """The upper bound of a range (``3-5亿元``), else ``None``."""
    currency: str
    """ISO 4217: ``CNY``, ``USD``, ``HKD`` ..."""
    qualifier: Optional[Qualifier]


@dataclass(frozen=True)
class Count:
    """A count: ``value``, its classifier (个, 家, 人次) and what is counted, when written."""

    value: decimal.Decimal
    max: Optional[decimal.Decimal]
    classifier: str
    subject: Optional[str]
    qualifier: Optional[Qualifier]


@dataclass(frozen=True)
class Percent:
    """A percentage (``unit == "percent"``) or a difference in percentage points (``"point"``)."""

    value: decimal.Decimal
    max: Optional[decimal.Decimal]
    unit: Literal["percent", "point"]
    qualifier: Optional[Qualifier]
    role: Optional[Literal["growth", "decline", "share", "completion", "rate"]]


@dataclass(frozen=True)
class Quantity:
    """A physical quantity with its unit as written, simplified (平方公里, 兆瓦, 亩)."""

    value: decimal.Decimal
    max: Optional[decimal.Decimal]
    unit: str
    qualifier: Optional[Qualifier]


@dataclass(frozen=True)
class Number:
    """A number: digits or Chinese numerals, with scales (万, 亿) applied."""

    value: decimal.Decimal
    max: Optional[decimal.Decimal]
    qualifier: Optional[Qualifier]


@dataclass(frozen=True)
class TimeRange:
    """A date or a period as an inclusive range of days; ``None`` for an open bound.

    A bound whose year cannot be known is the string ``"XXXX-MM-DD"``, not a guessed date.
    """

    start: Optional[DateOrUnknownYear]
    end: Optional[DateOrUnknownYear]
    relative: bool
    """Whether the range depended on the reference date (今年, 上半年, 4月28日)."""


def extract(
    text: Union[str, bytes],
    reference_date: Optional[DateLike] = None,
    html: Optional[bool] = False,
    source: Optional[str] = None,
) -> Document:
    """Extract the facts of one document.

    Args:
        text: the document. A ``str``; or ``bytes``, decoded as the binary decodes a file
            (UTF-8, GB18030, Big5, UTF-16, detected), spans then pointing into the decoded text.
        reference_date: what relative expressions (今年, 上半年, 4月28日 without a year) resolve
            against, as a ``datetime.date`` or ``"YYYY-MM-DD"``; by default the document's own
            date (发布日期, a dateline) is used.
        html: ``True`` for an HTML page (its visible text is read; spans point into the HTML
            source), ``False`` for plain text, ``None`` to tell by looking.
        source: the document's name in the result's ``"source"`` (default ``"-"``).

    Returns:
        A dict equal to the line ``gongbao extract`` prints for the document (see the project's
        CONTRACT.md): ``source``, ``reference_date``, ``reference_from``, ``script``, ``meta``,
        ``home_area``, ``facts``, ``warnings``, ``error``. Each fact has its ``kind``, ``text``,
        typed fields (numbers as exact decimal strings, dates as ISO strings), the byte
        ``span`` of the binary and ``char_span``, indices into ``text`` such that
        ``text[s:e] == fact["text"]``. Figures (money, count, percent, quantity) carry their
        record: ``indicator``, ``period``, ``area``, ``of``, ``part_of``, ``compared_with``.

    Raises:
        GongbaoError: ``reference_date`` is a string that is not a ``YYYY-MM-DD`` date.
        TypeError: an argument of the wrong type.

    Example::

        >>> doc = gongbao.extract("实际利用外资4830万美元")
        >>> fact = doc["facts"][0]
        >>> fact["value"], fact["currency"], fact["char_span"]
        ('48300000', 'USD', [6, 13])
    """
    return cast(Document, _native.extract(text, reference_date, html, source))


def extract_many(
    texts: Iterable[Union[str, bytes]],
    reference_dates: Union[None, DateLike, Iterable[Optional[DateLike]]] = None,
    jobs: Optional[int] = None,
    html: Union[None, bool, Iterable[Optional[bool]]] = False,
    sources: Optional[Iterable[Any]] = None,
) -> List[Document]:
    """Extract the facts of many documents, in parallel, in input order.

    The documents are read on ``jobs`` threads in Rust with the GIL released (other Python
    threads run meanwhile); the result equals ``[extract(t) for t in texts]``, with the sources
    below.

    Args:
        texts: any iterable of documents (``str`` or ``bytes``, as for :func:`extract`).
        reference_dates: one date for every document, or an iterable with one per document
            (``None`` items: the document's own date).
        jobs: threads (default: the number of cores). Under Spark, give each task the cores it
            was scheduled with (``spark.task.cpus``, 1 by default).
        html: ``True``, ``False`` or ``None`` (tell by looking) for every document, or one per
            document.
        sources: one name per document for the results' ``"source"``; by default the document's
            index in ``texts`` as a string (``"0"``, ``"1"`` ...), so that rows of
            :func:`to_pandas` join back to the input.

    Returns:
        A list of dicts as :func:`extract` returns them.

    Raises:
        TypeError: an item of ``texts`` is not ``str`` or ``bytes``.
        ValueError: ``reference_dates``, ``html`` or ``sources`` do not have one item per text.
        GongbaoError: a reference date that is not a ``YYYY-MM-DD`` date.
    """
    return cast(List[Document], _native.extract_many(texts, reference_dates, html, sources, jobs))


def parse_money(text: str) -> Optional[Money]:
    """Read an amount of money: ``116.68亿元`` → ``Money(value=Decimal('11668000000'), currency='CNY')``.

    Qualifier words around it are allowed (``约5亿元``, ``4830多万美元``); ranges give ``max``.
    Returns ``None`` when the text is not one amount of money. Raises :class:`GongbaoError`
    when it is one but cannot be represented exactly (too many digits).
    """
    d = _native.parse_money(text)
    return None if d is None else Money(**d)


def parse_count(text: str) -> Optional[Count]:
    """Read a count: ``160多家`` → ``Count(value=Decimal('160'), classifier='家', qualifier='over')``.

    Returns ``None`` when the text is not one count; raises :class:`GongbaoError` for a number
    too large to be exact.
    """
    d = _native.parse_count(text)
    return None if d is None else Count(**d)


def parse_percent(text: str) -> Optional[Percent]:
    """Read a percentage or percentage points: ``11.73%``, ``百分之三十五``, ``21.5个百分点``.

    Returns ``None`` when the text is not one; raises :class:`GongbaoError` for a number too
    large to be exact.
    """
    d = _native.parse_percent(text)
    return None if d is None else Percent(**d)


def parse_quantity(text: str) -> Optional[Quantity]:
    """Read a physical quantity: ``8.88平方公里`` → ``Quantity(value=Decimal('8.88'), unit='平方公里')``.

    Returns ``None`` when the text is not one; raises :class:`GongbaoError` for a number too
    large to be exact.
    """
    d = _native.parse_quantity(text)
    return None if d is None else Quantity(**d)


def parse_number(text: str) -> Optional[Number]:
    """Read a number: ``约1.2万亿`` → ``Number(value=Decimal('1200000000000'), qualifier='approx')``.

    Digits or Chinese numerals (壹仟贰佰, 三百五十), scales, ranges, full-width characters.
    Returns ``None`` when the text is not one number; raises :class:`GongbaoError` for a number
    too large to be exact (``99999999999999999999999亿``).
    """
    d = _native.parse_number(text)
    return None if d is None else Number(**d)


def parse_time(text: str, reference_date: Optional[DateLike] = None) -> Optional[TimeRange]:
    """Read one date or period as an inclusive range of days.

    ``1-10月`` with ``reference_date=date(2022, 11, 18)`` → 2022-01-01 .. 2022-10-31;
    ``截至2023年12月20日`` → ``start=None``, ``end=date(2023, 12, 20)``. Without a reference
    date, a year that cannot be known stays ``"XXXX-04-28"``. Returns ``None`` when the text is
    not one date or period.
    """
    d = _native.parse_time(text, reference_date)
    return None if d is None else TimeRange(**d)


def to_pandas(docs: Union[Document, Iterable[Document]]) -> "pandas.DataFrame":
    """A table of facts: one row per fact of ``docs``, in order.

    ``docs``: dicts as :func:`extract` and :func:`extract_many` return them (or the binary's JSON
    lines read with ``json.loads``), or one such dict.

    The columns are the binary's CSV columns (``gongbao extract --format csv``), with the
    document's ``reference_date``, ``reference_from``, ``title``, ``published``,
    ``home_area_name`` and ``home_area_code`` right after ``source`` (the CSV puts them at the end
    of its rows) and the fact's ``char_start``, ``char_end`` after its byte ``start``, ``end``. A figure's record
    is spread over ``indicator``, ``period_start``, ``period_end``, ``area_name``, ``area_code``,
    ``of``, ``part_of``, ``compared_start``, ``compared_end``. Types: ``value`` and ``max`` are
    :class:`decimal.Decimal`; dates are :class:`datetime.date`, except a date whose year is
    unknown, which stays the string ``"XXXX-MM-DD"``; offsets and indices are ``Int64``,
    ``boilerplate`` and ``relative`` ``boolean``; missing values are ``None``/``<NA>``. A document
    that could not be read (``error``) gives one row with its error.

    Requires pandas (``pip install gongbao[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            "gongbao.to_pandas needs pandas, which is not installed: "
            "pip install 'gongbao[pandas]' (or pip install pandas)"
        ) from e
    columns, data, dtypes = _native.frame(docs)
    # Each column built with its dtype, so that missing strings stay None (not NaN).
    return pd.DataFrame({c: pd.Series(data[c], dtype=dtypes[c]) for c in columns}, columns=columns)
