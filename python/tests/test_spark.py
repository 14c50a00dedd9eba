"""The Spark example on a real local Spark session: by either route, its Parquet is the binary's
CSV table, row for row, on the fixtures and on ../shared/corpus/gwr (the archive it once lost)."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GWR, REPO, fixture_paths

pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import gongbao  # noqa: E402

EXAMPLE = REPO / "python" / "examples" / "spark_extract.py"
needs_gwr = pytest.mark.skipif(not GWR.exists(), reason="../shared/corpus/gwr is not beside the repository")


def binary_rows(binary: Path, *args: str) -> list:
    """The binary's CSV rows (its own table) for `args`."""
    out = subprocess.run([str(binary), "extract", "--no-progress", "--format", "csv", *args], cwd=REPO, capture_output=True)
    assert out.returncode in (0, 1), out.stderr.decode()
    return list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))


def shown(value) -> str:
    """A Parquet cell as the CSV writes it."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        # (pandas reads a long column with nulls as float64: `of` 6 comes back as 6.0.)
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def bounds(written: str) -> tuple:
    """`2023-01-01/2023-06-30` as the CSV's two cells; `..` is an open bound."""
    if not written:
        return "", ""
    start, end = written.split("/")
    return ("" if start == ".." else start), ("" if end == ".." else end)


def as_csv_row(row: dict) -> dict:
    """A row of the example's table as the binary's CSV row says it."""
    cell = {name: shown(value) for name, value in row.items()}
    csv_row = {c: cell.get(c, "") for c in gongbao._native.CSV_COLUMNS}
    csv_row.update(value=cell["value_exact"], max=cell["max_exact"], area_name=cell["area"], home_area_name=cell["home_area"])
    csv_row["period_start"], csv_row["period_end"] = bounds(cell["period"])
    csv_row["compared_start"], csv_row["compared_end"] = bounds(cell["compared"])
    csv_row["time_start"], csv_row["time_end"] = bounds(cell["time"])
    return csv_row


def assert_same_table(parquet: Path, expected: list, without: tuple = ()) -> None:
    """The Parquet's rows are the binary's CSV rows, column by column (but the columns `without`),
    and its typed columns say what their written forms say."""
    table = pd.read_parquet(parquet)
    assert list(table.columns) == list(gongbao.to_pandas([], kind="all", drop_empty=False).columns)
    columns = [c for c in gongbao._native.CSV_COLUMNS if c not in without]
    got = [as_csv_row(row) for row in table.to_dict("records")]
    got = [{c: r[c] for c in columns} for r in got]
    want = [{c: r[c] for c in columns} for r in expected]
    for rows in (got, want):
        for r in rows:
            r["source"] = os.path.basename(r["source"])
    key = lambda r: (r["source"], int(r["fact"] or -1), r["kind"])  # noqa: E731
    assert len(got) == len(want) > 0
    assert sorted(got, key=key) == sorted(want, key=key)
    for row in table.to_dict("records"):
        # (pandas 3 reads a missing string as NaN, pandas 2 as None: `shown` says "" for both.)
        if shown(row["value_exact"]):
            assert row["value"] == float(row["value_exact"])
        start, end = bounds(shown(row["period"]))
        assert shown(row["period_start"]) == (start if not start.startswith("XXXX") else "")
        assert shown(row["period_end"]) == (end if not end.startswith("XXXX") else "")


def run_example(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    return subprocess.run([sys.executable, str(EXAMPLE), *args], env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").appName("gongbao tests").config("spark.ui.enabled", "false").getOrCreate()
    yield session
    session.stop()


@pytest.fixture(scope="module")
def example():
    sys.path.insert(0, str(EXAMPLE.parent))
    import spark_extract

    return spark_extract


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory) -> Path:
    """The fixtures' text documents as JSON Lines in the shapes archives have: the text in `text`
    or `content`, an id or none (then `line N`, blank lines counted), a reference date or a year
    in a field of its own; and a line that is not JSON."""
    path = tmp_path_factory.mktemp("input") / "fixtures.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, p in enumerate(q for q in fixture_paths() if q.suffix == ".txt"):
            text = p.read_text(encoding="utf-8")
            record = {"id": p.name, "text": text} if i % 2 else {"content": text, "year": 2020 + i}
            if i == 1:
                record["year"] = "2020-05-06"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            if i == 2:
                f.write("\n  \n")
        f.write("not json\n")
        f.write(json.dumps({"text": "今年以来,全市新签约项目52个。"}, ensure_ascii=False) + "\n")
    return path


def test_the_table_has_the_columns_of_to_pandas(example):
    assert example.OUTPUT.fieldNames() == list(gongbao.to_pandas([], kind="all", drop_empty=False).columns)


def test_the_command_line_on_a_folder_of_files(binary, tmp_path):
    """`python spark_extract.py IN OUT` on local[*], the fixtures' folder (HTML page included)."""
    out = tmp_path / "facts.parquet"
    run = run_example(str(REPO / "fixtures"), str(out))
    assert run.returncode == 0, run.stderr[-3000:]
    assert_same_table(out, binary_rows(binary, "fixtures"))
    table = pd.read_parquet(out)
    for _, row in table.iterrows():
        text = Path(row["source"].removeprefix("file:")).read_text(encoding="utf-8")
        assert text[row["char_start"] : row["char_end"]] == row["text"]


def test_the_wheel_route_on_json_lines(spark, example, binary, jsonl, tmp_path):
    summary = example.run(spark, str(jsonl), str(tmp_path / "out"), partitions=3, options=example.Options(date_field="year"))
    expected = binary_rows(binary, "--jsonl", str(jsonl), "--date-field", "year")
    assert_same_table(tmp_path / "out", expected)
    assert (summary.rows, summary.errors) == (len(expected), 1)
    assert any(r["source"] == "line 3" and r["reference_date"] == "2022-01-01" for r in expected), "a year, and line N"


def test_the_binary_route_on_json_lines(spark, example, binary, jsonl, tmp_path):
    summary = example.run(spark, str(jsonl), str(tmp_path / "out"), binary=str(binary), partitions=2, options=example.Options(date_field="year"))
    expected = binary_rows(binary, "--jsonl", str(jsonl), "--date-field", "year")
    # (The binary route has the byte offsets only; and it says why a line is not JSON in
    # Python's words, after the binary's.)
    assert_same_table(tmp_path / "out", expected, without=("char_start", "char_end", "error"))
    errors = pd.read_parquet(tmp_path / "out")["error"].dropna()
    said = [e.split(":")[0] for e in errors]
    assert said == [r["error"].split(":")[0] for r in expected if r["error"]] == ["line 10 is not a JSON object"]
    assert (summary.rows, summary.errors) == (len(expected), 1)


@needs_gwr
def test_the_government_work_reports_by_the_wheel(binary, tmp_path):
    """The archive in ../shared: no id (the title names a report), the text under `content`, the
    year beside it. The command line, as the README gives it."""
    out = tmp_path / "gwr.parquet"
    run = run_example(str(GWR), str(out), "--date-field", "year")
    assert run.returncode == 0, run.stderr[-3000:]
    expected = binary_rows(binary, "--jsonl", str(GWR), "--date-field", "year")
    assert len(expected) > 10_000 and len({r["source"] for r in expected}) == 72
    assert_same_table(out, expected)
    assert "72 documents" in run.stderr


@needs_gwr
def test_the_government_work_reports_by_the_binary(spark, example, binary, tmp_path):
    example.run(spark, str(GWR), str(tmp_path / "out"), binary=str(binary), partitions=4, options=example.Options(date_field="year"))
    assert_same_table(tmp_path / "out", binary_rows(binary, "--jsonl", str(GWR), "--date-field", "year"), without=("char_start", "char_end"))


@needs_gwr
def test_records_that_cannot_be_read_are_rows_with_their_error_and_exit_1(spark, example, binary, tmp_path, capsys):
    """A text field the records do not have: every document is a row with its error, the run says
    so and exits 1 (never an empty table and status 0), by either route."""
    for route in ([], ["--binary", str(binary)]):
        out = tmp_path / f"out{len(route)}"
        status = example.execute(spark, example.arguments([str(GWR), str(out), "--text-field", "body", *route]))
        said = capsys.readouterr().err
        assert status == 1, said
        assert "72 documents, 72 rows, 72 documents with errors" in said and 'has no "body" field' in said
        table = pd.read_parquet(out)
        assert len(table) == 72 and table["error"].notna().all()


def test_an_empty_input_exits_2(spark, example, tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert example.execute(spark, example.arguments([str(empty), str(tmp_path / "out")])) == 2
    assert "no document read" in capsys.readouterr().err
