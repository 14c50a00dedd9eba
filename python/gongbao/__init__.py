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
- :func:`extract_records` reads records of an archive (dicts, or lines of JSON Lines) as
  ``gongbao extract --jsonl`` reads them: the text, id, title and date from their fields;
- :func:`parse_money`, :func:`parse_count`, :func:`parse_percent`, :func:`parse_quantity`,
  :func:`parse_number` and :func:`parse_time` read one expression into typed values
  (:class:`decimal.Decimal`, :class:`datetime.date`);
- :func:`to_pandas` and :func:`to_polars` turn documents into tables: the figures (by default),
  the times, the places, or all facts (``pip install gongbao[pandas]``, ``gongbao[polars]``).

Numbers are exact: ``Decimal`` in the typed results, decimal strings in the JSON dicts.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Mapping, Optional, TypedDict, Union, cast

from . import _native
from ._native import GongbaoError

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import polars  # type: ignore[import-untyped,import-not-found,unused-ignore]

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
    "extract_records",
    "parse_count",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "parse_time",
    "to_pandas",
    "to_polars",
]

__version__: str = _native.__version__

#: A reference date: a :class:`datetime.date`; a :class:`datetime.datetime` (an aware one is read
#: as its day in China, UTC+8); a year (``2025``, ``"2025"``: what needs the month or the day is
#: then not resolved); or a string with a date (``"2025-03-05"``, ``"2025/3/5"``,
#: ``"2025年3月5日"``) or a timestamp (``"2025-03-05T09:30:00+08:00"``, Unix time).
DateLike = Union[datetime.date, int, str]
#: Which facts a table holds: ``"figures"`` (money, count, percent, quantity), ``"times"``,
#: ``"places"``, or ``"all"``.
TableKind = Literal["figures", "times", "places", "all"]
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
            against: a ``datetime.date``, ``"YYYY-MM-DD"``, a year or a timestamp (see
            ``DateLike``); by default the document's own date (发布日期, a dateline) is used.
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
        GongbaoError: ``reference_date`` is a string or a number that is no year, date or
            timestamp.
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
            (``None`` items: the document's own date); each a ``DateLike``.
        jobs: threads, 1 or more (default ``None``: one per core). Under Spark, give each task
            the cores it was scheduled with (``spark.task.cpus``, 1 by default).
        html: ``True``, ``False`` or ``None`` (tell by looking) for every document, or one per
            document.
        sources: one name per document for the results' ``"source"``; by default the document's
            index in ``texts`` as a string (``"0"``, ``"1"`` ...), so that rows of
            :func:`to_pandas` join back to the input.

    Returns:
        A list of dicts as :func:`extract` returns them.

    Raises:
        TypeError: an item of ``texts`` is not ``str`` or ``bytes``.
        ValueError: ``reference_dates``, ``html`` or ``sources`` do not have one item per text;
            ``jobs`` is less than 1.
        GongbaoError: a reference date that is no year, date or timestamp.
    """
    return cast(List[Document], _native.extract_many(texts, reference_dates, html, sources, jobs))


def extract_records(
    records: Iterable[Union[Mapping[str, Any], str, bytes]],
    *,
    text_field: Optional[str] = None,
    id_field: Optional[str] = None,
    title_field: Optional[str] = None,
    date_field: Optional[str] = None,
    reference_date: Optional[DateLike] = None,
    line_numbers: Optional[Iterable[int]] = None,
    jobs: Optional[int] = None,
) -> List[Document]:
    """Extract the facts of an archive's records, as ``gongbao extract --jsonl`` reads its lines.

    Each record is a dict, or one line of JSON Lines (``str`` or ``bytes``) holding a JSON
    object. Its fields give the text, the id, the title and the date, as the binary's options
    name them (``--text-field``, ``--id-field``, ``--title-field``, ``--date-field``); records are
    read in parallel as by :func:`extract_many`, and the result is the binary's output for the
    same lines, line for line::

        >>> docs = gongbao.extract_records(
        ...     [{"title": "2024年政府工作报告", "content": "今年新签约项目52个", "year": 2024}],
        ...     date_field="year")
        >>> docs[0]["source"], docs[0]["meta"]["title"], docs[0]["reference_date"]
        ('2024年政府工作报告', '2024年政府工作报告', '2024-01-01')

    Args:
        records: any iterable of records.
        text_field: the field with the text (default: ``text``, else ``content``).
        id_field: the field with the id, the document's ``source`` (default: ``id``, else
            ``title``, else ``url``; with none of them, ``"line N"``).
        title_field: the field with the title, the document's ``meta.title`` (default: ``title``).
        date_field: the field with the date relative time resolves against, a year, a date or a
            timestamp (default: ``reference_date``). A value that is none of these is left out,
            with a warning in the document's ``warnings``.
        reference_date: the date for records whose date field is empty (``--reference-date``).
        line_numbers: the numbers that name records without an id and records that cannot be
            read (``"line N"``); by default 1, 2, ... (the lines of a file with no blank line).
        jobs: threads, 1 or more (default: one per core).

    Returns:
        A list of dicts as :func:`extract` returns them. A record that cannot be read (a line
        that is not a JSON object, no text field) gives a document with its ``error``, as in the
        binary.

    Raises:
        TypeError: a record that is no dict, ``str`` or ``bytes``; a field name that is no ``str``.
        ValueError: ``jobs`` is less than 1; ``line_numbers`` has not one item per record.
        GongbaoError: ``reference_date`` is no year, date or timestamp.
    """
    return cast(
        List[Document],
        _native.extract_records(records, text_field, id_field, title_field, date_field, reference_date, line_numbers, jobs),
    )


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


def _frame(docs: Union[Document, Iterable[Document]], kind: TableKind, drop_empty: bool) -> Any:
    return _native.frame(docs, kind, drop_empty)


_TABLE_DOC = """
    ``docs``: dicts as :func:`extract`, :func:`extract_many` and :func:`extract_records` return
    them (or the binary's JSON lines read with ``json.loads``), or one such dict.

    ``kind`` chooses the rows: ``"figures"`` (money, count, percent, quantity: the default),
    ``"times"``, ``"places"``, or ``"all"`` (every fact, and, as in the CSV, a row for a
    document with no facts). A document that could not be read gives a row with its ``error``
    in every table.

    Columns, in this order (a column that no row fills is left out, unless ``drop_empty`` is
    false):

    - ``source``; ``fact``, the fact's index in its document, which ``of``, ``part_of`` and
      ``duplicate_of`` point to (join on ``source`` and ``fact``); ``kind``; ``text`` as written;
    - figures: ``value`` (a float, for arithmetic) and ``value_exact`` (the exact decimal, a
      string), ``max`` and ``max_exact`` for a range, ``currency``, ``unit``, ``classifier``,
      ``subject``, ``qualifier``, ``role``; the record: ``indicator``, ``period_start``,
      ``period_end`` (dates; missing where the year is unknown) and ``period`` (the period as
      written in the JSON, an EDTF interval: ``2023-01-01/2023-06-30``, ``XXXX-04-28/XXXX-04-28``,
      ``../2023-12-20`` for an open start), ``area`` and ``area_code``, ``of``, ``part_of``,
      ``compared_start``, ``compared_end``, ``compared``;
    - times: ``time_start``, ``time_end`` (dates), ``time`` (as written), ``relative``;
    - places: ``name``, ``level``, ``code``, ``parent``;
    - then ``speaker``, ``boilerplate``, ``duplicate_of``; the document's ``reference_date``,
      ``reference_from``, ``title``, ``published``, ``home_area``, ``home_area_code``; the
      offsets last: ``start``, ``end`` (bytes of the UTF-8 text, as in the binary's JSON) and
      ``char_start``, ``char_end`` (indices into the Python ``str``); ``error``.

    Division codes are strings (``"420800"``), indices and offsets integers with missing values,
    flags booleans with missing values.
"""


def to_pandas(docs: Union[Document, Iterable[Document]], kind: TableKind = "figures", drop_empty: bool = True) -> "pandas.DataFrame":
    """A pandas table of facts, one row per fact of ``docs`` in order: the figures by default.

    Types: ``value`` and ``max`` ``float64``; dates ``datetime64[s]`` with ``NaT`` where the year
    is unknown (the written form stays in ``period``, ``time``, ``compared``); text columns
    ``string``; indices and offsets ``Int64``; ``boilerplate`` and ``relative`` ``boolean``.

    Requires pandas 2 or later (``pip install gongbao[pandas]``).
    """
    try:
        import numpy as np
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            "gongbao.to_pandas needs pandas, which is not installed: "
            "pip install 'gongbao[pandas]' (or pip install pandas)"
        ) from e
    columns, data, types = _frame(docs, kind, drop_empty)

    def series(values: List[Any], kind: str) -> "pandas.Series":
        if kind == "date":
            # (Through numpy's days: pandas' own parsing would refuse dates before 1677.)
            return pd.Series(np.array(values, dtype="datetime64[D]").astype("datetime64[s]"))
        dtype = {"str": "string", "float": "float64", "int": "Int64", "bool": "boolean"}[kind]
        return pd.Series(values, dtype=dtype)

    return pd.DataFrame({c: series(data[c], types[c]) for c in columns}, columns=columns)


def to_polars(docs: Union[Document, Iterable[Document]], kind: TableKind = "figures", drop_empty: bool = True) -> "polars.DataFrame":
    """A polars table of facts: the rows and columns of :func:`to_pandas`.

    Types: ``value`` and ``max`` ``Float64``; dates ``Date`` (null where the year is unknown);
    text ``String``; indices and offsets ``Int64``; flags ``Boolean``.

    Requires polars (``pip install gongbao[polars]``).
    """
    try:
        import polars as pl
    except ImportError as e:
        raise ImportError(
            "gongbao.to_polars needs polars, which is not installed: "
            "pip install 'gongbao[polars]' (or pip install polars)"
        ) from e
    columns, data, types = _frame(docs, kind, drop_empty)
    string = getattr(pl, "String", None) or pl.Utf8
    dtypes = {"str": string, "float": pl.Float64, "int": pl.Int64, "bool": pl.Boolean, "date": pl.Date}
    return pl.DataFrame([pl.Series(c, data[c], dtype=dtypes[types[c]]) for c in columns])


to_pandas.__doc__ = (to_pandas.__doc__ or "") + _TABLE_DOC
to_polars.__doc__ = (to_polars.__doc__ or "") + _TABLE_DOC
