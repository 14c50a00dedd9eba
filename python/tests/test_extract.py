"""`extract` and `extract_many` give the binary's answers, with `char_span`s that slice the text."""

from __future__ import annotations

import datetime
import json
import subprocess

import pytest

import gongbao
from conftest import FIXTURES, GWR, REPO, fixture_paths, run_binary, without_char_spans


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.name)
def test_the_binary_answers_on_the_fixtures(binary, path):
    source = str(path.relative_to(REPO))
    [expected] = run_binary(binary, source)
    html = True if path.suffix == ".html" else None
    assert expected["facts"], "a fixture without facts tests nothing"
    # bytes are decoded as the binary decodes the file; a str is read as it is
    from_bytes = gongbao.extract(path.read_bytes(), html=html, source=source)
    from_str = gongbao.extract(path.read_text(encoding="utf-8"), html=html, source=source)
    assert without_char_spans(from_bytes) == expected
    assert without_char_spans(from_str) == expected


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.name)
def test_the_binary_answers_with_a_reference_date(binary, path):
    source = str(path.relative_to(REPO))
    [expected] = run_binary(binary, "--reference-date", "2021-03-04", source)
    html = True if path.suffix == ".html" else None
    for reference in ("2021-03-04", datetime.date(2021, 3, 4)):
        got = gongbao.extract(path.read_bytes(), reference_date=reference, html=html, source=source)
        assert without_char_spans(got) == expected


def test_the_binary_answers_on_json_lines(binary, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in fixture_paths() if p.suffix == ".txt"]
    references = [None, "2020-05-06"] * len(texts)
    lines = tmp_path / "docs.jsonl"
    with lines.open("w", encoding="utf-8") as f:
        for i, (text, ref) in enumerate(zip(texts, references)):
            record = {"id": f"doc{i}", "text": text}
            if ref:
                record["reference_date"] = ref
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    expected = run_binary(binary, "--jsonl", str(lines))
    got = gongbao.extract_many(texts, reference_dates=references[: len(texts)], sources=[f"doc{i}" for i in range(len(texts))])
    assert [without_char_spans(d) for d in got] == expected


@pytest.mark.skipif(not GWR.exists(), reason="../shared/corpus/gwr is not beside the repository")
def test_the_binary_answers_on_gwr(binary, tmp_path):
    records = [json.loads(line) for line in GWR.open(encoding="utf-8")]
    lines = tmp_path / "gwr.jsonl"
    lines.write_text("".join(json.dumps({"id": r["title"], "text": r["content"]}, ensure_ascii=False) + "\n" for r in records))
    expected = run_binary(binary, "--jsonl", str(lines))
    got = gongbao.extract_many([r["content"] for r in records], sources=[r["title"] for r in records], jobs=2)
    assert [without_char_spans(d) for d in got] == expected
    # The file as it is, read as the binary reads it: the text in "content", no id (the title
    # names a report), the year beside it.
    expected = run_binary(binary, "--jsonl", str(GWR), "--date-field", "year")
    got = gongbao.extract_records(records, date_field="year", jobs=2)
    assert [without_char_spans(d) for d in got] == expected
    assert all(d["source"] == r["title"] and d["meta"]["title"] == r["title"] for d, r in zip(got, records))


def test_reference_dates_may_be_years_dates_or_timestamps(binary):
    text = "今年签约项目5个,本月开工3个。"
    for given, argument in [
        (2024, "2024"),
        ("2024", "2024"),
        (datetime.date(2024, 3, 5), "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        (datetime.datetime(2024, 3, 4, 20, 0, tzinfo=datetime.timezone.utc), "2024-03-05"),
        (datetime.datetime(2024, 3, 4, 20, 0), "2024-03-04"),
        ("2024-03-04T20:00:00Z", "2024-03-05"),
        (1709640000, "2024-03-05"),
    ]:
        [expected] = run_binary(binary, "--reference-date", argument, "-", stdin=text.encode())
        got = gongbao.extract_many([text], reference_dates=given, sources=["-"])[0]
        assert without_char_spans(got) == expected, given
    year = gongbao.extract(text, reference_date=2024)
    assert (year["reference_date"], year["reference_from"]) == ("2024-01-01", "argument")
    assert [f["text"] for f in year["facts"] if f["kind"] == "time"] == ["今年"], "a year does not give the month"


def records_file(tmp_path) -> tuple:
    """Records in the shapes archives have, as dicts and as the file the binary reads."""
    records = [
        {"title": "2024年政府工作报告", "url": "https://example.org/a", "content": "过去一年,新签约项目52个。今年投资30亿元。", "year": "2024"},
        {"url": "https://example.org/b", "text": "今年签约项目6个", "year": 2023, "headline": "标题"},
        {"text": "今年签约项目7个", "year": "2022-03-05T01:00:00+08:00"},
        {"id": 8, "text": "今年签约项目8个", "year": "last spring"},
        {"id": "no text"},
        {"id": "d", "text": 9},
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records, path


def test_records_are_read_as_the_binary_reads_json_lines(binary, tmp_path):
    records, path = records_file(tmp_path)
    for options in ({}, {"date_field": "year"}, {"date_field": "year", "title_field": "headline", "id_field": "url"}):
        args = [a for k, v in options.items() for a in (f"--{k.replace('_', '-')}", v)]
        out = subprocess.run([str(binary), "extract", "--no-progress", "--jsonl", str(path), *args], capture_output=True, check=False)
        assert out.returncode == 1, out.stderr
        expected = [json.loads(line) for line in out.stdout.decode().splitlines()]
        for error in (e for e in expected if e["error"]):
            error["error"] = error["error"].replace("--text-field", "text_field=")
        from_dicts = gongbao.extract_records(records, **options)
        from_lines = gongbao.extract_records(path.read_text(encoding="utf-8").splitlines(), **options)
        from_bytes = gongbao.extract_records(path.read_bytes().splitlines(), **options, jobs=1)
        assert [without_char_spans(d) for d in from_dicts] == expected, options
        assert from_lines == from_dicts == from_bytes
    docs = gongbao.extract_records(records, date_field="year")
    assert [d["source"] for d in docs[:3]] == ["2024年政府工作报告", "https://example.org/b", "line 3"]
    assert docs[4]["error"] == 'line 5 has no "text" or "content" field (name another with text_field=)'
    numbered = gongbao.extract_records(["not json", {"text": "x"}], line_numbers=[7, 9])
    assert [d["source"] for d in numbered] == ["line 7", "line 9"] and numbered[0]["error"].startswith("line 7 is not a JSON object")


def test_record_arguments():
    with pytest.raises(TypeError, match="not one record"):
        gongbao.extract_records({"text": "x"})
    with pytest.raises(TypeError, match=r"records\[0\] must be a dict, a str or bytes, not int"):
        gongbao.extract_records([1])
    with pytest.raises(ValueError, match="line_numbers has 1 items for more records"):
        gongbao.extract_records(["{}", "{}"], line_numbers=[1])
    with pytest.raises(TypeError, match="date_field must be a str or None"):
        gongbao.extract_records([], date_field=3)
    # A dict's dates may be Python dates.
    [doc] = gongbao.extract_records([{"text": "今年签约项目5个", "day": datetime.date(2021, 6, 1)}], date_field="day")
    assert doc["reference_date"] == "2021-06-01"


def test_char_spans_slice_the_text():
    for path in fixture_paths():
        text = path.read_text(encoding="utf-8")
        doc = gongbao.extract(text, html=path.suffix == ".html")
        assert doc["facts"]
        for fact in doc["facts"]:
            start, end = fact["char_span"]
            assert text[start:end] == fact["text"]
            assert text.encode("utf-8")[fact["span"][0] : fact["span"][1]].decode("utf-8") == fact["text"]


def test_a_large_document_answers_as_the_binary(binary, tmp_path):
    # Past 10 000 facts the dicts are made last first while the Rust facts are freed (issue 23):
    # the same answer, in the same order, with the same char_spans.
    one = "\n".join(p.read_text(encoding="utf-8") for p in fixture_paths() if p.suffix == ".txt") + "\n"
    text = one * 20
    path = tmp_path / "large.txt"
    path.write_text(text, encoding="utf-8")
    [expected] = run_binary(binary, str(path))
    assert len(expected["facts"]) >= 10_000
    got = gongbao.extract(text, source=str(path))
    assert without_char_spans(got) == expected
    for fact in got["facts"]:
        start, end = fact["char_span"]
        assert text[start:end] == fact["text"]


def test_char_spans_count_code_points_beyond_the_basic_plane():
    text = "𠀀𠀁项目,总投资116.68亿元"
    [fact] = [f for f in gongbao.extract(text)["facts"] if f["kind"] == "money"]
    start, end = fact["char_span"]
    assert text[start:end] == "116.68亿元"


def test_extract_many_equals_extract_one_by_one():
    texts = [p.read_text(encoding="utf-8") for p in fixture_paths()] * 3
    html = [p.suffix == ".html" for p in fixture_paths()] * 3
    one_by_one = [gongbao.extract(t, html=h, source=str(i)) for i, (t, h) in enumerate(zip(texts, html))]
    for jobs in (1, 2, 4):
        assert gongbao.extract_many(iter(texts), html=html, jobs=jobs) == one_by_one


def test_extract_many_arguments():
    texts = ["上半年签约34个项目", "今年以来实际利用外资4830万美元"]
    docs = gongbao.extract_many(texts, reference_dates=datetime.date(2024, 7, 15), sources=["a", 7])
    assert [d["source"] for d in docs] == ["a", "7"]
    assert [d["reference_date"] for d in docs] == ["2024-07-15", "2024-07-15"]
    assert [d["reference_from"] for d in docs] == ["argument", "argument"]
    docs = gongbao.extract_many(texts, reference_dates=[None, "2023-02-03"])
    assert [d["reference_from"] for d in docs] == [None, "argument"]
    assert gongbao.extract_many([]) == []
    assert gongbao.extract_many(t for t in texts) == gongbao.extract_many(texts)


def test_argument_errors_are_python_exceptions():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes, not int"):
        gongbao.extract_many(["52个", 52])
    with pytest.raises(TypeError, match="not one document"):
        gongbao.extract_many("52个")
    with pytest.raises(ValueError, match="reference_dates has 1 items for 2 texts"):
        gongbao.extract_many(["a", "b"], reference_dates=["2024-01-01"])
    for jobs in (0, -1, -(2**70)):
        with pytest.raises(ValueError, match=f"jobs must be a number of threads, 1 or more, or None for one per core; got {jobs}"):
            gongbao.extract_many(["a"], jobs=jobs)
        with pytest.raises(ValueError, match="jobs must be a number of threads"):
            gongbao.extract_records([], jobs=jobs)
    with pytest.raises(TypeError, match="jobs must be an int or None"):
        gongbao.extract_many(["a"], jobs=2.5)
    with pytest.raises(gongbao.GongbaoError, match='reference_date: cannot parse "2024-13-01" as a year, a date or a timestamp'):
        gongbao.extract("52个", reference_date="2024-13-01")
    with pytest.raises(TypeError, match="reference_date must be a datetime.date, a year"):
        gongbao.extract("52个", reference_date=[2024])
    assert issubclass(gongbao.GongbaoError, ValueError)


def test_bytes_that_are_not_text_give_the_error_line():
    doc = gongbao.extract(b"\x89PNG\r\n\x1a\n\x00\x00\x00", source="img.txt")
    assert doc["facts"] == [] and doc["error"] and doc["source"] == "img.txt"


def test_html_is_read_as_a_page():
    page = "<html><body><p>新签约项目<b>52个</b>,总投资116.68亿元</p></body></html>"
    for html in (True, None):
        facts = gongbao.extract(page, html=html)["facts"]
        assert [f["text"] for f in facts if f["kind"] == "count"] == ["52个"]
        for f in facts:
            assert page[f["char_span"][0] : f["char_span"][1]] == f["text"]


def test_help_explains():
    assert "char_span" in gongbao.extract.__doc__
    assert "GIL" in gongbao.extract_many.__doc__
    assert (FIXTURES.parent / "python" / "gongbao" / "py.typed").exists()
