"""Shared paths and the batch binary, whose answers the package must give."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
GWR = REPO.parent / "shared" / "corpus" / "gwr" / "government_work_reports.jsonl"


def fixture_paths() -> List[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="session")
def binary() -> Path:
    """The release binary: $GONGBAO_BIN, else target/release/gongbao (python/ci.sh builds it)."""
    path = Path(os.environ.get("GONGBAO_BIN", REPO / "target" / "release" / "gongbao")).resolve()
    if not path.exists():
        pytest.fail(f"no gongbao binary at {path}: run `cargo build --release` or set GONGBAO_BIN")
    return path


def run_binary(binary: Path, *args: str, stdin: bytes | None = None) -> List[dict]:
    """The binary's JSON lines for `args`, run from the repository root."""
    out = subprocess.run(
        [str(binary), "extract", "--no-progress", *args], cwd=REPO, input=stdin, capture_output=True, check=False
    )
    assert out.returncode == 0, out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def without_char_spans(doc: dict) -> dict:
    """The dict as the binary prints it: `char_span` is the package's addition."""
    doc = json.loads(json.dumps(doc))
    for fact in doc["facts"]:
        del fact["char_span"]
    return doc
