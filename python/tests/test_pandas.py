"""`to_pandas` and `to_polars`: the figures first, one row per fact, typed as pandas and polars
users expect, no column that no row fills, and every value the CSV has."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys

import pytest

import gongbao
from conftest import REPO, fixture_paths

pd = pytest.importorskip("pandas")

TEXT = "2023年4月28日,咸阳市新签约项目52个,总投资116.68亿元,同比增长11.73%。4月28日开工。"


def test_the_figures_first_with_what_an_analyst_reads_first():
    df = gongbao.to_pandas(gongbao.extract(TEXT))
    assert list(df.kind) == ["count", "money", "percent"], "figures only, by default"
    assert list(df.columns[:6]) == ["source", "fact", "kind", "text", "value", "value_exact"]
    for later in (["indicator", "period_start", "period_end", "area", "of"], ["start", "end", "char_start", "char_end"]):
        assert all(c in df.columns for c in later)
    assert list(df.columns[-4:]) == ["start", "end", "char_start", "char_end"], "offsets last"
    assert list(df.columns).index("indicator") < list(df.columns).index("period_start") < list(df.columns).index("area")


def test_no_column_is_empty_in_every_row():
    texts = [p.read_text(encoding="utf-8") for p in fixture_paths()]
    docs = gongbao.extract_many(texts, html=[p.suffix == ".html" for p in fixture_paths()])
    for kind in ("figures", "times", "places", "all"):
        df = gongbao.to_pandas(docs, kind=kind)
        assert len(df) > 0, kind
        empty = [c for c in df.columns if df[c].isna().all()]
        assert empty == [], (kind, empty)
    assert len(gongbao.to_pandas(docs, kind="all", drop_empty=False).columns) > len(gongbao.to_pandas(docs[:1], kind="figures").columns)


def test_dtypes():
    df = gongbao.to_pandas(gongbao.extract(TEXT), kind="all")
    dtypes = {c: str(t) for c, t in df.dtypes.items()}
    assert dtypes["value"] == "float64" and dtypes["value_exact"] == "string"
    assert dtypes["area_code"] == "string" and dtypes["code"] == "string" and dtypes["home_area_code"] == "string"
    for column in ("period_start", "period_end", "time_start", "reference_date", "published", "compared_start"):
        assert dtypes[column].startswith("datetime64"), (column, dtypes[column])
    for column in ("fact", "of", "start", "end", "char_start", "char_end"):
        assert dtypes[column] == "Int64", column
    assert dtypes["boilerplate"] == "boolean" and dtypes["relative"] == "boolean"
    money = df[df.kind == "money"].iloc[0]
    assert money.value == 11668000000.0 and money.value_exact == "11668000000"
    assert money.value * 2 == 23336000000.0, "arithmetic on value"
    assert money.area == "咸阳市" and money.area_code == "610400"
    assert money.period_start == pd.Timestamp("2023-04-28") and money.period == "2023-04-28/2023-04-28"
    percent = df[df.kind == "percent"].iloc[0]
    assert df.loc[(df.source == percent.source) & (df.fact == percent.of), "text"].tolist() == ["116.68亿元"], "of joins on fact"


def test_an_unknown_year_is_nat_with_the_written_form_beside_it():
    doc = gongbao.extract("4月28日开工")
    df = gongbao.to_pandas(doc, kind="times", drop_empty=False)
    assert df.time_start.isna().all() and list(df.time) == ["XXXX-04-28/XXXX-04-28"]
    assert "time_start" not in gongbao.to_pandas(doc, kind="times").columns, "a column no row fills is left out"
    old = gongbao.to_pandas(gongbao.extract("1600年签约项目2个"), kind="all")
    assert old[old.kind == "time"].time_start.iloc[0] == pd.Timestamp("1600-01-01"), "dates before 1677 are dates"


def test_every_value_of_the_csv(binary):
    """The "all" table holds the CSV's rows: each CSV cell is its column's, or what the table
    writes it as (value_exact, area, the written periods)."""
    path = REPO / "fixtures" / "reply_letter.txt"
    out = subprocess.run([str(binary), "extract", "--no-progress", "--format", "csv", str(path)], capture_output=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))
    df = gongbao.to_pandas(gongbao.extract(path.read_bytes(), html=None, source=str(path)), kind="all")
    assert len(df) == len(rows)
    renamed = {"value": "value_exact", "max": "max_exact", "area_name": "area", "home_area_name": "home_area"}
    written = {"period_start": ("period", 0), "period_end": ("period", 1), "compared_start": ("compared", 0), "compared_end": ("compared", 1), "time_start": ("time", 0), "time_end": ("time", 1)}
    for row, (_, got) in zip(rows, df.iterrows()):
        for column, expected in row.items():
            if column in written:
                name, k = written[column]
                value = got.get(name)
                value = "" if value is None or value is pd.NA else value.split("/")[k].replace("..", "")
            else:
                value = got.get(renamed.get(column, column))
            if value is None or value is pd.NA or value is pd.NaT:
                shown = ""
            elif isinstance(value, (bool,)) or str(type(value)).endswith("bool_'>"):
                shown = str(bool(value)).lower()
            elif isinstance(value, pd.Timestamp):
                shown = value.date().isoformat()
            else:
                shown = str(value)
            assert shown == expected, (column, row["text"])


def test_rows_are_facts_in_order():
    texts = [p.read_text(encoding="utf-8") for p in fixture_paths()]
    docs = gongbao.extract_many(texts, html=[p.suffix == ".html" for p in fixture_paths()])
    df = gongbao.to_pandas(docs, kind="all")
    assert len(df) == sum(len(d["facts"]) for d in docs) > 0
    assert list(df["text"]) == [f["text"] for d in docs for f in d["facts"]]
    assert list(df["fact"]) == [i for d in docs for i in range(len(d["facts"]))]
    for row in df.itertuples():
        assert texts[int(row.source)][row.char_start : row.char_end] == row.text


def test_documents_without_facts_and_errors():
    assert len(gongbao.to_pandas([gongbao.extract("没有数字")])) == 0
    assert list(gongbao.to_pandas([gongbao.extract("没有数字")], kind="all").source) == ["-"], "as in the CSV"
    assert list(gongbao.to_pandas([]).columns) == []
    df = gongbao.to_pandas([gongbao.extract(b"\x89PNG\r\n\x1a\n\x00", source="x.png")])
    assert list(df.source) == ["x.png"] and df.error[0]
    with pytest.raises(ValueError, match='kind must be "figures", "times", "places" or "all"'):
        gongbao.to_pandas([], kind="money")


def test_polars_has_the_same_table():
    pl = pytest.importorskip("polars")
    docs = gongbao.extract_many([TEXT, "4月28日开工"])
    for kind in ("figures", "times", "all"):
        p, q = gongbao.to_polars(docs, kind=kind), gongbao.to_pandas(docs, kind=kind)
        assert p.columns == list(q.columns)
        assert p.height == len(q)
    df = gongbao.to_polars(docs, kind="all")
    assert df.schema["value"] == pl.Float64 and df.schema["area_code"] == pl.String
    assert df.schema["period_start"] == pl.Date and df.schema["fact"] == pl.Int64
    assert df.filter(pl.col("kind") == "money")["period_start"].to_list() == [datetime.date(2023, 4, 28)]


def test_without_pandas_or_polars_a_clear_import_error():
    for module, function, extra in (("pandas", "to_pandas", "pandas"), ("polars", "to_polars", "polars")):
        code = f"import sys; sys.modules[{module!r}] = None\nimport gongbao\ngongbao.{function}([])"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode != 0
        assert f"ImportError: gongbao.{function} needs {module}" in out.stderr
        assert f"pip install 'gongbao[{extra}]'" in out.stderr
