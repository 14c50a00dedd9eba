"""Extract facts from an archive of bulletins with Spark and write them as Parquet.

One row per fact (the columns of ``gongbao.to_pandas``; dates as ISO strings, ``XXXX-MM-DD`` when
the year is unknown), partitioned as the input is.

Input: a JSON Lines file (its name ending in ``.jsonl`` or ``.json``) of ``{"id": ..., "text": ..., "reference_date":
"YYYY-MM-DD"}`` (``reference_date`` optional), or a folder of ``*.txt``, ``*.htm``, ``*.html`` files
(read as bytes and decoded as the ``gongbao`` binary decodes files: UTF-8, GB18030, Big5 ...).

Two routes:

- the wheel (default): ``gongbao`` installed on the executors; each partition's documents go to
  ``gongbao.extract_many`` inside ``mapInPandas`` (documents of a batch in parallel on the task's
  cores, ``spark.task.cpus``);
- the binary (``--binary PATH``), for clusters without the wheel: ``RDD.pipe`` streams each
  partition as JSON Lines through ``gongbao extract --jsonl -`` and Spark reads the lines back
  with the schema of ``CONTRACT.md``. JSON Lines input only, or files read as UTF-8 text (an HTML
  file is then read as text: use the wheel for pages). The binary must be at PATH on every
  executor (ship it with ``--files``; then PATH is ``./gongbao``). No ``char_start``/``char_end``.

Run it on one machine (``local[*]``)::

    python spark_extract.py bulletins.jsonl facts.parquet
    python spark_extract.py bulletins/ facts.parquet --binary ../../target/release/gongbao

or on a cluster::

    spark-submit --master yarn --py-files ... spark_extract.py hdfs:///archive/ hdfs:///facts

Cost per partition: each Python worker loads gongbao's dictionaries once (about 0.2 s of CPU and
60 MB; Spark reuses workers across tasks), each ``RDD.pipe`` partition starts the binary and
loads them again (about 0.15 s of CPU, 50 MB). Size partitions so that extraction dominates: a
few MB of text each or more (gongbao reads 20–50 MB/s per core), see ``--partitions``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import Iterator, Optional

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The output table: gongbao.to_pandas's columns, with Spark types.
_STR, _LONG, _BOOL, _DEC = T.StringType(), T.LongType(), T.BooleanType(), T.DecimalType(38, 10)
OUTPUT = T.StructType(
    [
        T.StructField(name, kind)
        for name, kind in [
            ("source", _STR),
            ("reference_date", _STR),
            ("reference_from", _STR),
            ("title", _STR),
            ("published", _STR),
            ("home_area_name", _STR),
            ("home_area_code", _STR),
            ("kind", _STR),
            ("start", _LONG),
            ("end", _LONG),
            ("char_start", _LONG),
            ("char_end", _LONG),
            ("text", _STR),
            ("value", _DEC),
            ("max", _DEC),
            ("currency", _STR),
            ("unit", _STR),
            ("classifier", _STR),
            ("subject", _STR),
            ("qualifier", _STR),
            ("role", _STR),
            ("time_start", _STR),
            ("time_end", _STR),
            ("relative", _BOOL),
            ("name", _STR),
            ("level", _STR),
            ("code", _STR),
            ("parent", _STR),
            ("indicator", _STR),
            ("period_start", _STR),
            ("period_end", _STR),
            ("area_name", _STR),
            ("area_code", _STR),
            ("of", _LONG),
            ("part_of", _LONG),
            ("compared_start", _STR),
            ("compared_end", _STR),
            ("speaker", _STR),
            ("boilerplate", _BOOL),
            ("duplicate_of", _LONG),
            ("error", _STR),
        ]
    ]
)
DATE_COLUMNS = [f.name for f in OUTPUT if f.name.endswith(("_start", "_end", "reference_date", "published")) and f.dataType == _STR]

DOCUMENT_EXTENSIONS = (".txt", ".htm", ".html")


def read_documents(spark: SparkSession, path: str) -> DataFrame:
    """The documents: ``source``, ``text`` (string) or ``content`` (bytes), ``reference_date``."""
    if not path.rstrip("/").endswith((".jsonl", ".json")):
        files = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*.{txt,htm,html}")
            .load(path)
        )
        return files.select(F.col("path").alias("source"), "content", F.lit(None).cast("string").alias("reference_date"))
    schema = "id string, text string, reference_date string"
    lines = spark.read.schema(schema).json(path)
    return lines.select(F.col("id").alias("source"), "text", "reference_date")


def extract_with_wheel(documents: DataFrame, jobs: int) -> DataFrame:
    """The wheel route: ``gongbao.extract_many`` on each batch, inside ``mapInPandas``."""
    has_bytes = "content" in documents.columns

    def extract(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:  # noqa: F821
        import gongbao

        for batch in batches:
            sources = [str(s) for s in batch["source"]]
            if has_bytes:
                texts = list(batch["content"])
                html = [True if s.lower().endswith((".htm", ".html")) else None for s in sources]
            else:
                texts = [t if isinstance(t, str) else "" for t in batch["text"]]
                html = False
            references = [r if isinstance(r, str) and r else None for r in batch["reference_date"]]
            docs = gongbao.extract_many(texts, reference_dates=references, html=html, sources=sources, jobs=jobs)
            table = gongbao.to_pandas(docs)
            for column in DATE_COLUMNS:
                table[column] = [None if d is None else str(d) for d in table[column]]
            yield table[OUTPUT.fieldNames()]

    return documents.mapInPandas(extract, schema=OUTPUT)


# The binary's JSON line (CONTRACT.md), as much of it as the table needs.
_PERIOD = "struct<start: string, end: string, from: long>"
_FACT = (
    "struct<kind: string, span: array<long>, text: string, value: string, max: string, currency: string,"
    " unit: string, classifier: string, subject: string, qualifier: string, role: string, start: string,"
    " end: string, relative: boolean, name: string, level: string, code: string, parent: string,"
    " indicator: struct<text: string>, period: " + _PERIOD + ","
    " area: struct<name: string, code: string>, of: long, part_of: long, compared_with: " + _PERIOD + ","
    " speaker: string, boilerplate: boolean, duplicate_of: long>"
)
LINE = (
    "source string, reference_date string, reference_from string,"
    " meta struct<title: string, published: string>, home_area struct<name: string, code: string>,"
    f" facts array<{_FACT}>, error string"
)


def extract_with_binary(spark: SparkSession, documents: DataFrame, binary: str, jobs: int) -> DataFrame:
    """The binary route: each partition piped as JSON Lines through ``gongbao extract --jsonl -``."""
    import json

    has_bytes = "content" in documents.columns

    def to_line(row) -> str:  # one JSON Lines record per document
        text = row["content"].decode("utf-8", "replace") if has_bytes else (row["text"] or "")
        record = {"id": row["source"], "text": text}
        if row["reference_date"]:
            record["reference_date"] = row["reference_date"]
        return json.dumps(record, ensure_ascii=False)

    command = [binary, "extract", "--jsonl", "-", "--no-progress", "-j", str(jobs)]
    lines = documents.rdd.map(to_line).pipe(" ".join(command))
    docs = spark.read.schema(LINE).json(lines)
    errors = docs.where(F.col("error").isNotNull()).select("source", F.col("error"))
    facts = docs.select("source", "reference_date", "reference_from", "meta", "home_area", F.explode("facts").alias("f"))
    number = lambda c: F.col(c).cast(_DEC)  # noqa: E731 - exact decimal strings
    table = facts.select(
        "source",
        "reference_date",
        "reference_from",
        F.col("meta.title").alias("title"),
        F.col("meta.published").alias("published"),
        F.col("home_area.name").alias("home_area_name"),
        F.col("home_area.code").alias("home_area_code"),
        F.col("f.kind").alias("kind"),
        F.col("f.span")[0].alias("start"),
        F.col("f.span")[1].alias("end"),
        F.lit(None).cast(_LONG).alias("char_start"),
        F.lit(None).cast(_LONG).alias("char_end"),
        F.col("f.text").alias("text"),
        number("f.value").alias("value"),
        number("f.max").alias("max"),
        *[F.col(f"f.{c}").alias(c) for c in ["currency", "unit", "classifier", "subject", "qualifier", "role"]],
        F.col("f.start").alias("time_start"),
        F.col("f.end").alias("time_end"),
        F.col("f.relative").alias("relative"),
        *[F.col(f"f.{c}").alias(c) for c in ["name", "level", "code", "parent"]],
        F.col("f.indicator.text").alias("indicator"),
        F.col("f.period.start").alias("period_start"),
        F.col("f.period.end").alias("period_end"),
        F.col("f.area.name").alias("area_name"),
        F.col("f.area.code").alias("area_code"),
        F.col("f.of").alias("of"),
        F.col("f.part_of").alias("part_of"),
        F.col("f.compared_with.start").alias("compared_start"),
        F.col("f.compared_with.end").alias("compared_end"),
        F.col("f.speaker").alias("speaker"),
        F.col("f.boilerplate").alias("boilerplate"),
        F.col("f.duplicate_of").alias("duplicate_of"),
        F.lit(None).cast(_STR).alias("error"),
    )
    return table.unionByName(errors, allowMissingColumns=True).select(OUTPUT.fieldNames())


def run(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    binary: Optional[str] = None,
    partitions: Optional[int] = None,
    jobs: Optional[int] = None,
) -> None:
    """Read ``input_path``, extract, write the facts to ``output_path`` as Parquet."""
    documents = read_documents(spark, input_path)
    if partitions:
        documents = documents.repartition(partitions)
    jobs = jobs or int(spark.conf.get("spark.task.cpus", "1"))
    if binary:
        facts = extract_with_binary(spark, documents, binary, jobs)
    else:
        facts = extract_with_wheel(documents, jobs)
    facts.write.mode("overwrite").parquet(output_path)


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a JSON Lines file (*.jsonl, *.json), or a folder of .txt/.htm/.html files")
    parser.add_argument("output", help="the Parquet folder to write (overwritten)")
    parser.add_argument("--binary", help="the gongbao binary on the executors: take the RDD.pipe route")
    parser.add_argument("--partitions", type=int, help="repartition the documents first (a few MB of text each)")
    parser.add_argument("--jobs", type=int, help="threads per task (default: spark.task.cpus)")
    parser.add_argument("--master", help="default: the one spark-submit gives, else local[*]")
    args = parser.parse_args(argv)
    # Executors in local mode run this interpreter (with gongbao installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("gongbao extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output, args.binary, args.partitions, args.jobs)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
