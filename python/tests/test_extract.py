"""`extract` and `extract_many` give the binary's answers, with `char_span`s that slice the text."""

from __future__ import annotations

import datetime
import json

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


def test_char_spans_slice_the_text():
    for path in fixture_paths():
        text = path.read_text(encoding="utf-8")
        doc = gongbao.extract(text, html=path.suffix == ".html")
        assert doc["facts"]
        for fact in doc["facts"]:
            start, end = fact["char_span"]
            assert text[start:end] == fact["text"]
            assert text.encode("utf-8")[fact["span"][0] : fact["span"][1]].decode("utf-8") == fact["text"]


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
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        gongbao.extract_many(["a"], jobs=0)
    with pytest.raises(gongbao.GongbaoError, match="invalid date \"2024-13-01\""):
        gongbao.extract("52个", reference_date="2024-13-01")
    with pytest.raises(TypeError, match="reference_date must be a datetime.date"):
        gongbao.extract("52个", reference_date=20240101)
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
