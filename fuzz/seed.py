#!/usr/bin/env python3
"""Write the seed inputs of every fuzz target under fuzz/corpus/TARGET/ from the project's own
fixtures and test tables (tests/testdata/*.toml), in each target's input layout.

    python3 fuzz/seed.py

The committed corpus is these seeds plus what the fuzzer found from them, minimised with
`cargo fuzz cmin`; run this again only to start a corpus afresh. Files are named by the SHA-1 of
their bytes, as libFuzzer names its own, so seeding twice adds nothing.
"""

import hashlib
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def write(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def paragraphs(text: str, limit: int = 2000) -> list[str]:
    """The text in pieces of whole lines, each under `limit` bytes (the targets' max_len)."""
    pieces, piece = [], ""
    for line in text.splitlines(keepends=True):
        if piece and len((piece + line).encode()) > limit:
            pieces.append(piece)
            piece = ""
        piece += line
    if piece:
        pieces.append(piece)
    return [p[: limit // 3] if len(p.encode()) > limit else p for p in pieces]


def main() -> None:
    sentences = []
    fact_texts = {"money": [], "count": [], "percent": [], "quantity": [], "time": []}
    for table in sorted((ROOT / "tests" / "testdata").glob("*.toml")):
        for case in tomllib.loads(table.read_text()).get("case", []):
            text = case.get("text") or case.get("input")
            if isinstance(text, str):
                sentences.append(text)
            for fact in case.get("facts", []):
                if fact.get("kind") in fact_texts and "text" in fact:
                    fact_texts[fact["kind"]].append(fact["text"])

    documents = []
    for path in sorted((ROOT / "fixtures").iterdir()):
        if path.suffix in (".txt", ".html"):
            documents.append((path, path.read_text()))

    for i, sentence in enumerate(sentences):
        data = sentence.encode()
        write("extract", bytes([i % 16]) + data)
        write("normalize", bytes([i % 16]) + data)
        write("places", data)
        write("decode", data)
        write("parse_number", data)
    for path, text in documents:
        if path.suffix == ".html":
            for piece in paragraphs(text):
                write("extract_html", piece.encode())
            continue
        for i, piece in enumerate(paragraphs(text)):
            data = piece.encode()
            write("extract", bytes([i % 16]) + data)
            write("normalize", bytes([i % 16]) + data)
            write("decode", data)
            write("places", data)
        # The binary reads legacy encodings too.
        write("decode", paragraphs(text)[0].encode("gb18030", errors="replace"))
        write("decode", b"\xff\xfe" + paragraphs(text)[0].encode("utf-16-le"))
    for kind, texts in fact_texts.items():
        for i, text in enumerate(texts):
            data = text.encode()
            if kind == "time":
                # Three bytes pick the reference date (see fuzz_targets/parse_time.rs).
                write("parse_time", bytes([0xE7, 0x07, i % 256]) + data)
            else:
                write(f"parse_{kind}", data)
            write("parse_number", data)
    # whole_numbers reads its choices from bytes: spread seeds over them.
    for i in range(64):
        write("whole_numbers", hashlib.sha256(f"whole_numbers {i}".encode()).digest())


if __name__ == "__main__":
    main()
