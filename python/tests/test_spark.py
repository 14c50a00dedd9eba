"""The Spark example on a real local Spark session: its Parquet holds the binary's figures."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO, fixture_paths

pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

EXAMPLE = REPO / "python" / "examples" / "spark_extract.py"
CSV_COLUMNS = __import__("gongbao")._native.CSV_COLUMNS


def binary_rows(binary: Path, *args: str) -> list:
    """The binary's CSV rows (its own table) for `args`."""
    out = subprocess.run([str(binary), "extract", "--no-progress", "--format", "csv", *args], cwd=REPO, capture_output=True, check=True)
    return list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))


def shown(value) -> str:
    """A Parquet cell as the CSV writes it."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float) and value.is_integer():
        # (pandas reads a long column with nulls as float64: `of` 6 comes back as 6.0.)
        return str(int(value))
    return str(value)


def assert_same_figures(parquet: Path, expected: list, without: tuple = ()) -> None:
    """The Parquet's rows are the binary's CSV rows, column by column (but the columns `without`)."""
    columns = [c for c in CSV_COLUMNS if c not in without]
    expected = [{c: r[c] for c in columns} for r in expected]
    table = pd.read_parquet(parquet)
    got = [{c: shown(row[c]) for c in columns} for _, row in table.iterrows()]
    for row in got:
        row["source"] = os.path.basename(row["source"])
    want = [dict(r, source=os.path.basename(r["source"])) for r in expected]
    for row in want:
        for c in ("value", "max"):
            row[c] = format(Decimal(row[c]).normalize(), "f") if row[c] else ""
    key = lambda r: (r["source"], int(r["start"] or -1), int(r["end"] or -1), r["kind"])  # noqa: E731
    assert len(got) == len(want) > 0
    assert sorted(got, key=key) == sorted(want, key=key)


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
    """The fixtures' text documents as JSON Lines, one with a reference date."""
    path = tmp_path_factory.mktemp("input") / "fixtures.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, p in enumerate(q for q in fixture_paths() if q.suffix == ".txt"):
            record = {"id": p.name, "text": p.read_text(encoding="utf-8")}
            if i == 1:
                record["reference_date"] = "2020-05-06"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_the_command_line_on_a_folder_of_files(binary, tmp_path):
    """`python spark_extract.py IN OUT` on local[*], the fixtures' folder (HTML page included)."""
    out = tmp_path / "facts.parquet"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    run = subprocess.run([sys.executable, str(EXAMPLE), str(REPO / "fixtures"), str(out)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert_same_figures(out, binary_rows(binary, "fixtures"))
    table = pd.read_parquet(out)
    for _, row in table.iterrows():
        text = Path(row["source"].removeprefix("file:")).read_text(encoding="utf-8")
        assert text[row["char_start"] : row["char_end"]] == row["text"]


def test_the_wheel_route_on_json_lines(spark, example, binary, jsonl, tmp_path):
    example.run(spark, str(jsonl), str(tmp_path / "out"), partitions=3)
    assert_same_figures(tmp_path / "out", binary_rows(binary, "--jsonl", str(jsonl)))


def test_the_binary_route_on_json_lines(spark, example, binary, jsonl, tmp_path):
    example.run(spark, str(jsonl), str(tmp_path / "out"), binary=str(binary), partitions=2)
    # (The binary route has the byte offsets only: its JSON lines carry no character offsets.)
    assert_same_figures(tmp_path / "out", binary_rows(binary, "--jsonl", str(jsonl)), without=("char_start", "char_end"))
