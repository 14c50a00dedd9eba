"""`to_pandas`: one row per fact, with the CSV's columns and typed values."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from decimal import Decimal

import pytest

import gongbao
from conftest import REPO, fixture_paths

pd = pytest.importorskip("pandas")


def test_one_row_per_fact():
    texts = [p.read_text(encoding="utf-8") for p in fixture_paths()]
    docs = gongbao.extract_many(texts, html=[p.suffix == ".html" for p in fixture_paths()])
    df = gongbao.to_pandas(docs)
    assert len(df) == sum(len(d["facts"]) for d in docs) > 0
    assert list(df["source"]) == [d["source"] for d in docs for _ in d["facts"]]
    assert list(df["text"]) == [f["text"] for d in docs for f in d["facts"]]
    for row in df.itertuples():
        text = texts[int(row.source)]
        assert text[row.char_start : row.char_end] == row.text


def test_the_columns_are_the_csvs(binary):
    path = REPO / "fixtures" / "reply_letter.txt"
    out = subprocess.run([str(binary), "extract", "--no-progress", "--format", "csv", str(path)], capture_output=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))
    df = gongbao.to_pandas(gongbao.extract(path.read_bytes(), html=None, source=str(path)))
    assert set(gongbao._native.CSV_COLUMNS) <= set(df.columns)
    assert len(df) == len(rows)
    for row, (_, got) in zip(rows, df.iterrows()):
        for column, expected in row.items():
            value = got[column]
            shown = "" if value is None or value is pd.NA else str(value).lower() if isinstance(value, bool) else str(value)
            assert shown == expected, (column, row["text"])


def test_typed_values():
    doc = gongbao.extract("2023年4月28日,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。4月28日开工。")
    df = gongbao.to_pandas(doc)
    money = df[df.kind == "money"].iloc[0]
    assert money.value == Decimal("11668000000") and isinstance(money.value, Decimal)
    assert money["currency"] == "CNY" and money["max"] is None
    assert money.reference_date == datetime.date(2023, 4, 28)
    times = df[df.kind == "time"]
    assert all(isinstance(d, (datetime.date, str)) for d in times.time_start)
    assert str(df.dtypes["start"]) == "Int64" and str(df.dtypes["boilerplate"]) == "boolean"
    unknown = gongbao.to_pandas(gongbao.extract("4月28日开工"))
    assert list(unknown.time_start) == ["XXXX-04-28"]


def test_documents_without_facts_and_errors():
    assert len(gongbao.to_pandas([gongbao.extract("没有数字")])) == 0
    assert list(gongbao.to_pandas([]).columns)[:2] == ["source", "reference_date"]
    df = gongbao.to_pandas([gongbao.extract(b"\x89PNG\r\n\x1a\n\x00", source="x.png")])
    assert list(df.source) == ["x.png"] and df.error[0]


def test_without_pandas_a_clear_import_error():
    code = "import sys; sys.modules['pandas'] = None\nimport gongbao\ngongbao.to_pandas([])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert "ImportError: gongbao.to_pandas needs pandas" in out.stderr
    assert "pip install 'gongbao[pandas]'" in out.stderr
