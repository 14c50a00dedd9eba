"""Extract facts from an archive of bulletins with Spark and write them as Parquet.

The table is the binary's CSV table, typed: one row per fact, one row for a document with no
facts, one row with its ``error`` for a document that could not be read, with the columns of
``gongbao.to_pandas(docs, kind="all")`` (all of them, so that every partition writes the same
schema): ``source``, ``fact``, ``kind``, ``text``, ``value`` (double) and ``value_exact``
(string), ..., dates as dates (null where the year is unknown; the written form in ``period``,
``time``, ``compared``), the offsets last.

Input: a JSON Lines file (its name ending in ``.jsonl`` or ``.json``), read as ``gongbao extract
--jsonl`` reads it: the text in ``text`` or ``content`` (``--text-field``), the id in ``id``,
``title`` or ``url`` (``--id-field``; else ``line N``), the title in ``title``
(``--title-field``), the reference date in ``reference_date`` (``--date-field``: a year, a date
or a timestamp). Or a folder of ``*.txt``, ``*.htm``, ``*.html`` files (read as bytes and decoded
as the binary decodes files: UTF-8, GB18030, Big5 ...).

Two routes, which write the same table:

- the wheel (default): ``gongbao`` installed on the executors; each partition's records go to
  ``gongbao.extract_records`` (files: ``gongbao.extract_many``) inside ``mapInPandas``,
  documents of a batch in parallel on the task's cores (``spark.task.cpus``);
- the binary (``--binary PATH``), for clusters without the wheel: ``RDD.pipe`` streams each
  partition's lines through ``gongbao extract --jsonl -`` with the same field options, and Spark
  reads the lines back with the schema of ``CONTRACT.md``. Files are read as UTF-8 text (an HTML
  file is then read as text: use the wheel for pages). The binary must be at PATH on every
  executor (ship it with ``--files``; then PATH is ``./gongbao``). No ``char_start``/``char_end``.

The run fails, after writing, when the table does not hold every document of the input, and
exits with status 1 when some documents could not be read (as the binary does), 2 when the
input holds none. Run it on one machine (``local[*]``)::

    python spark_extract.py ../../../shared/corpus/gwr/government_work_reports.jsonl facts.parquet --date-field year
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
import itertools
import json
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, List, Optional, Tuple

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

if TYPE_CHECKING:
    import pandas

# The output table: gongbao.to_pandas(docs, kind="all", drop_empty=False)'s columns, with Spark
# types (the test checks that the two agree).
_STR, _LONG, _BOOL, _DOUBLE, _DATE = T.StringType(), T.LongType(), T.BooleanType(), T.DoubleType(), T.DateType()
OUTPUT = T.StructType(
    [
        T.StructField(name, kind)
        for name, kind in [
            ("source", _STR),
            ("fact", _LONG),
            ("kind", _STR),
            ("text", _STR),
            ("value", _DOUBLE),
            ("value_exact", _STR),
            ("max", _DOUBLE),
            ("max_exact", _STR),
            ("currency", _STR),
            ("unit", _STR),
            ("classifier", _STR),
            ("subject", _STR),
            ("qualifier", _STR),
            ("role", _STR),
            ("indicator", _STR),
            ("period_start", _DATE),
            ("period_end", _DATE),
            ("period", _STR),
            ("area", _STR),
            ("area_code", _STR),
            ("of", _LONG),
            ("part_of", _LONG),
            ("compared_start", _DATE),
            ("compared_end", _DATE),
            ("compared", _STR),
            ("time_start", _DATE),
            ("time_end", _DATE),
            ("time", _STR),
            ("relative", _BOOL),
            ("name", _STR),
            ("level", _STR),
            ("code", _STR),
            ("parent", _STR),
            ("speaker", _STR),
            ("boilerplate", _BOOL),
            ("duplicate_of", _LONG),
            ("reference_date", _DATE),
            ("reference_from", _STR),
            ("title", _STR),
            ("published", _DATE),
            ("home_area", _STR),
            ("home_area_code", _STR),
            ("start", _LONG),
            ("end", _LONG),
            ("char_start", _LONG),
            ("char_end", _LONG),
            ("error", _STR),
        ]
    ]
)


@dataclass
class Options:
    """How records are read: the binary's `--jsonl` options."""

    text_field: Optional[str] = None
    id_field: Optional[str] = None
    title_field: Optional[str] = None
    date_field: Optional[str] = None
    reference_date: Optional[str] = None
    jobs: Optional[int] = None

    def binary_arguments(self, records: bool) -> List[str]:
        """The binary's options for records (`--jsonl` lines), or for files made into records."""
        fields = [
            ("--text-field", self.text_field),
            ("--id-field", self.id_field),
            ("--title-field", self.title_field),
            ("--date-field", self.date_field),
        ]
        args = []
        for option, value in [*(fields if records else []), ("--reference-date", self.reference_date)]:
            if value:
                args += [option, value]
        return args


@dataclass
class Summary:
    """What the run read and wrote."""

    documents: int
    rows: int
    errors: int
    first_errors: List[str] = field(default_factory=list)


def is_jsonl(path: str) -> bool:
    return path.rstrip("/").endswith((".jsonl", ".json"))


def read_lines(spark: SparkSession, path: str) -> Tuple[DataFrame, int]:
    """A JSON Lines input's records: ``line`` and its ``number`` (counting every line, blank ones
    too, as the binary does), and how many there are. Blank lines are no records."""
    lines = spark.sparkContext.textFile(path)

    def count(it: Iterable[str]) -> Iterable[Tuple[int, int]]:
        total = records = 0
        for line in it:
            total += 1
            records += bool(line.strip())
        yield total, records

    # (What RDD.zipWithIndex does, with the records counted on the way.)
    counts = lines.mapPartitions(count).collect()
    starts = [0, *itertools.accumulate(total for total, _ in counts)]

    def numbered(k: int, it: Iterable[str]) -> Iterable[Tuple[str, int]]:
        for n, line in enumerate(it, starts[k] + 1):
            if line.strip():
                yield line, n

    records = spark.createDataFrame(lines.mapPartitionsWithIndex(numbered), "line string, number long")
    return records, sum(records for _, records in counts)


def read_files(spark: SparkSession, path: str) -> Tuple[DataFrame, int]:
    """A folder's documents: ``source`` (the path) and ``content`` (bytes), and how many."""
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.{txt,htm,html}")
        .load(path)
        .select(F.col("path").alias("source"), "content")
    )
    return files, files.count()


def extract_with_wheel(documents: DataFrame, options: Options) -> DataFrame:
    """The wheel route: ``gongbao.extract_records`` (or ``extract_many``) on each batch, inside
    ``mapInPandas``, and ``gongbao.to_pandas`` for the table."""
    from_lines = "line" in documents.columns
    names = OUTPUT.fieldNames()
    # (Plain values only in what the executors unpickle: they do not have this module.)
    fields = {"text_field": options.text_field, "id_field": options.id_field, "title_field": options.title_field, "date_field": options.date_field}
    reference_date, jobs = options.reference_date, options.jobs

    def extract(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        import gongbao

        for batch in batches:
            if from_lines:
                numbers = [int(n) for n in batch["number"]]
                docs = gongbao.extract_records(list(batch["line"]), line_numbers=numbers, reference_date=reference_date, jobs=jobs, **fields)
            else:
                sources = [str(s) for s in batch["source"]]
                html = [True if s.lower().endswith((".htm", ".html")) else None for s in sources]
                docs = gongbao.extract_many(list(batch["content"]), reference_dates=reference_date, html=html, sources=sources, jobs=jobs)
            table = gongbao.to_pandas(docs, kind="all", drop_empty=False)
            yield table[names]

    return documents.mapInPandas(extract, schema=OUTPUT)


# The binary's JSON line (CONTRACT.md), as much of it as the table needs.
_PERIOD = "struct<start: string, end: string>"
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

#: The fields the binary reads a record's id from, when no --id-field names one.
ID_FIELDS = ("id", "title", "url")


def extract_with_binary(spark: SparkSession, documents: DataFrame, binary: str, options: Options) -> DataFrame:
    """The binary route: each partition piped as JSON Lines through ``gongbao extract --jsonl -``."""
    from_lines = "line" in documents.columns
    id_fields = (options.id_field,) if options.id_field else ID_FIELDS

    def to_line(row) -> str:
        """The line for the binary: a file as a record; a record as it is, named `line N` when it
        has no id (the binary numbers the lines of its own partition); a line that is no JSON
        object as the binary's output line for it."""
        if not from_lines:
            return json.dumps({"id": row["source"], "text": row["content"].decode("utf-8", "replace")}, ensure_ascii=False)
        line, number = row["line"], row["number"]
        try:
            record = json.loads(line)
        except ValueError as e:
            record = e
        if not isinstance(record, dict):
            why = f"is not a JSON object: {record}" if isinstance(record, ValueError) else "is not a JSON object"
            return "\0" + json.dumps({"source": f"line {number}", "facts": [], "error": f"line {number} {why}"}, ensure_ascii=False)
        if all(record.get(f) is None for f in id_fields):
            record[id_fields[0]] = f"line {number}"
            return json.dumps(record, ensure_ascii=False)
        return line

    command = [binary, "extract", "--jsonl", "-", "--no-progress", "-j", str(options.jobs or 1), *options.binary_arguments(from_lines)]
    lines = documents.rdd.map(to_line)
    piped = lines.filter(lambda l: not l.startswith("\0")).pipe(" ".join(command))
    written = lines.filter(lambda l: l.startswith("\0")).map(lambda l: l[1:])
    docs = spark.read.schema(LINE).json(piped.union(written))
    facts = docs.select("*", F.posexplode_outer("facts").alias("fact", "f"))
    number = lambda c: F.col(c).cast(_DOUBLE)  # noqa: E731
    # A date with its year known (`XXXX-04-28` is not one), as a date.
    day = lambda c: F.when(F.col(c).rlike(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$") & ~F.col(c).startswith("0000"), F.to_date(F.col(c), "yyyy-MM-dd"))  # noqa: E731
    # A range as gongbao's tables write it: `start/end`, `..` for an open bound.
    written_range = lambda p: F.when(  # noqa: E731
        F.col(p).isNotNull(), F.concat(F.coalesce(F.col(f"{p}.start"), F.lit("..")), F.lit("/"), F.coalesce(F.col(f"{p}.end"), F.lit("..")))
    )
    table = facts.select(
        "source",
        F.when(F.col("f").isNotNull(), F.col("fact")).alias("fact"),
        F.col("f.kind").alias("kind"),
        F.col("f.text").alias("text"),
        number("f.value").alias("value"),
        F.col("f.value").alias("value_exact"),
        number("f.max").alias("max"),
        F.col("f.max").alias("max_exact"),
        *[F.col(f"f.{c}").alias(c) for c in ["currency", "unit", "classifier", "subject", "qualifier", "role"]],
        F.col("f.indicator.text").alias("indicator"),
        day("f.period.start").alias("period_start"),
        day("f.period.end").alias("period_end"),
        written_range("f.period").alias("period"),
        F.col("f.area.name").alias("area"),
        F.col("f.area.code").alias("area_code"),
        F.col("f.of").alias("of"),
        F.col("f.part_of").alias("part_of"),
        day("f.compared_with.start").alias("compared_start"),
        day("f.compared_with.end").alias("compared_end"),
        written_range("f.compared_with").alias("compared"),
        day("f.start").alias("time_start"),
        day("f.end").alias("time_end"),
        F.when(F.col("f.kind") == "time", F.concat(F.coalesce("f.start", F.lit("..")), F.lit("/"), F.coalesce("f.end", F.lit("..")))).alias("time"),
        F.col("f.relative").alias("relative"),
        *[F.col(f"f.{c}").alias(c) for c in ["name", "level", "code", "parent", "speaker", "boilerplate", "duplicate_of"]],
        day("reference_date").alias("reference_date"),
        "reference_from",
        F.col("meta.title").alias("title"),
        day("meta.published").alias("published"),
        F.col("home_area.name").alias("home_area"),
        F.col("home_area.code").alias("home_area_code"),
        F.col("f.span")[0].alias("start"),
        F.col("f.span")[1].alias("end"),
        F.lit(None).cast(_LONG).alias("char_start"),
        F.lit(None).cast(_LONG).alias("char_end"),
        "error",
    )
    return table.select([F.col(f.name).cast(f.dataType) for f in OUTPUT])


def run(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    binary: Optional[str] = None,
    partitions: Optional[int] = None,
    options: Optional[Options] = None,
) -> Summary:
    """Read ``input_path``, extract, write the table to ``output_path`` as Parquet, and say what
    was read and written. Raises ``RuntimeError`` when the table does not hold every document
    read (never an empty table from a non-empty input without a word)."""
    options = options or Options()
    if options.jobs is None:
        options.jobs = int(spark.conf.get("spark.task.cpus", "1") or "1")
    documents, count = read_lines(spark, input_path) if is_jsonl(input_path) else read_files(spark, input_path)
    if partitions:
        documents = documents.repartition(partitions)
    table = extract_with_binary(spark, documents, binary, options) if binary else extract_with_wheel(documents, options)
    table.write.mode("overwrite").parquet(output_path)

    written = spark.read.parquet(output_path)
    # A document is its first fact's row, or its one row (no facts, or an error).
    totals = written.agg(
        F.count(F.lit(1)).alias("rows"),
        F.count(F.when(F.col("fact").isNull() | (F.col("fact") == 0), True)).alias("documents"),
        F.count("error").alias("errors"),
    ).first()
    assert totals is not None, "an aggregate has one row"
    first_errors = [r["error"] for r in written.where(F.col("error").isNotNull()).select("error").limit(3).collect()]
    summary = Summary(documents=count, rows=totals["rows"], errors=totals["errors"], first_errors=first_errors)
    if totals["documents"] != count:
        raise RuntimeError(
            f"{output_path}: the table holds {totals['documents']} documents ({totals['rows']} rows) "
            f"of the {count} read from {input_path}: check the input's fields (--text-field ...)"
        )
    return summary


def arguments(argv: Optional[list] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("input", help="a JSON Lines file (*.jsonl, *.json), or a folder of .txt/.htm/.html files")
    parser.add_argument("output", help="the Parquet folder to write (overwritten)")
    parser.add_argument("--text-field", help="the field with a record's text (default: text, else content)")
    parser.add_argument("--id-field", help="the field with a record's id, its source (default: id, else title, else url)")
    parser.add_argument("--title-field", help="the field with a record's title (default: title)")
    parser.add_argument("--date-field", help="the field with the reference date: a year, a date or a timestamp (default: reference_date)")
    parser.add_argument("--reference-date", help="the date for documents that give none (a date, a year or a timestamp)")
    parser.add_argument("--binary", help="the gongbao binary on the executors: take the RDD.pipe route")
    parser.add_argument("--partitions", type=int, help="repartition the documents first (a few MB of text each)")
    parser.add_argument("--jobs", type=int, help="threads per task (default: spark.task.cpus)")
    parser.add_argument("--master", help="default: the one spark-submit gives, else local[*]")
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs: 1 or more")
    return args


def execute(spark: SparkSession, args: argparse.Namespace) -> int:
    """Run the command on a session; its exit status (0, 1 when some documents could not be
    read, 2 when there were none), with what happened on standard error."""
    options = Options(args.text_field, args.id_field, args.title_field, args.date_field, args.reference_date, args.jobs)
    try:
        summary = run(spark, args.input, args.output, args.binary, args.partitions, options)
    except RuntimeError as e:
        print(f"spark_extract: {e}", file=sys.stderr)
        return 1
    print(f"spark_extract: {summary.documents} documents, {summary.rows} rows, {summary.errors} documents with errors", file=sys.stderr)
    if summary.documents == 0:
        print(f"spark_extract: {args.input}: no document read", file=sys.stderr)
        return 2
    for error in summary.first_errors:
        print(f"spark_extract: {error}", file=sys.stderr)
    return 1 if summary.errors else 0


def main(argv: Optional[list] = None) -> int:
    args = arguments(argv)
    # Executors in local mode run this interpreter (with gongbao installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("gongbao extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        return execute(spark, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
