"""Time ``gongbao.extract_many`` against the batch binary and against JioNLP, on one archive.

    python python/bench/bench.py                        # gwr, jobs 1 and 2, 5 rounds
    python python/bench/bench.py --jobs 2 --rounds 9 --repeat 3 --no-jionlp
    python python/bench/bench.py --corpus archive.jsonl  # {"text"|"content": ...} a line

Measured side by side, round after round (the order shuffled in each round), so that a machine
shared with other work loads every contender alike; the table gives medians.

- ``binary``: ``gongbao extract --jsonl FILE -jN`` as a process, output to /dev/null; its
  start-up (the same command on a one-line file) is measured too, and subtracted in ``binary,
  warm``;
- ``python, cold``: a fresh ``python`` process that imports gongbao, reads the same JSON Lines and
  calls ``extract_many(texts, jobs=N)``: the binary's job, in Python;
- ``extract_many``: the call alone, in this process, dictionaries loaded (dicts out, char spans
  included);
- ``JioNLP``: ``jionlp.ner.extract_money`` and ``jionlp.ner.extract_time`` (with parsing) over every
  document, in this process (single-threaded; JioNLP has no parallel mode).
  ``pip install jionlp``; skipped when it is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import gongbao

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gwr" / "government_work_reports.jsonl"


def load(path: Path, repeat: int) -> List[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                texts.append(record.get("text") or record.get("content") or "")
    return texts * repeat


def cpu_seconds() -> float:
    """CPU time (user + system) of this process's threads and of its finished children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def timed(f: Callable[[], object]) -> Tuple[float, float]:
    """Wall-clock and CPU seconds of `f()`."""
    start, cpu = time.perf_counter(), cpu_seconds()
    f()
    return time.perf_counter() - start, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--binary", type=Path, default=REPO / "target" / "release" / "gongbao")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=1, help="the corpus this many times over")
    parser.add_argument("--no-jionlp", action="store_true")
    parser.add_argument("--jionlp-rounds", type=int, default=1)
    args = parser.parse_args()

    texts = load(args.corpus, args.repeat)
    size = sum(len(t.encode("utf-8")) for t in texts)
    jobs = [int(j) for j in args.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-"))
    lines = work / "docs.jsonl"
    lines.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    one = work / "one.jsonl"
    one.write_text(json.dumps({"id": "0", "text": "2023年咸阳市新签约项目52个"}, ensure_ascii=False) + "\n", encoding="utf-8")
    cold = (
        "import json, sys, gongbao\n"
        "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')]\n"
        "gongbao.extract_many(texts, jobs=int(sys.argv[2]))\n"
    )

    def process(cmd: List[str]) -> Callable[[], object]:
        return lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)

    def binary(path: Path, j: int) -> List[str]:
        return [str(args.binary), "extract", "--no-progress", "-j", str(j), "--jsonl", str(path)]

    contenders: Dict[str, Callable[[], object]] = {}
    for j in jobs:
        contenders[f"binary -j{j}"] = process(binary(lines, j))
        contenders[f"binary start-up -j{j}"] = process(binary(one, j))
        contenders[f"python, cold, jobs={j}"] = process([sys.executable, "-c", cold, str(lines), str(j)])
        contenders[f"extract_many, jobs={j}"] = lambda j=j: gongbao.extract_many(texts, jobs=j)
    gongbao.extract_many(texts[:1])  # dictionaries loaded before the first timing
    times: Dict[str, List[Tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        order = list(contenders)
        random.shuffle(order)
        for name in order:
            times[name].append(timed(contenders[name]))

    jionlp_time = None  # set when JioNLP ran
    if not args.no_jionlp:
        try:
            import jionlp
        except ImportError:
            print("JioNLP is not installed (pip install jionlp): skipped", file=sys.stderr)
        else:
            import logging

            logging.disable(logging.CRITICAL)  # JioNLP logs a traceback for every string it gives up on

            def jio() -> None:
                for t in texts:
                    jionlp.ner.extract_money(t, with_parsing=True)
                    jionlp.ner.extract_time(t, with_parsing=True)

            jio_rounds = []
            for _ in range(args.jionlp_rounds):
                jio_rounds.append(timed(jio))
            times["JioNLP extract_money + extract_time"] = jio_rounds
            jionlp_time = True

    median = {name: statistics.median(t for t, _ in ts) for name, ts in times.items()}
    cpu = {name: statistics.median(c for _, c in ts) for name, ts in times.items()}
    mb = size / 1e6
    print(f"corpus: {args.corpus.name} x{args.repeat}, {len(texts)} documents, {mb:.2f} MB; {args.rounds} rounds, medians")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| contender | wall | MB/s (wall) | CPU | MB/s per CPU-second |")
    print("|---|---|---|---|---|")
    for name, t in median.items():
        rate = lambda x: "" if "start-up" in name else f"{mb / x:.2f}"  # noqa: E731
        print(f"| {name} | {t * 1000:.0f} ms | {rate(t)} | {cpu[name] * 1000:.0f} ms | {rate(cpu[name])} |")
    print()
    for j in jobs:
        b, s = median[f"binary -j{j}"], median[f"binary start-up -j{j}"]
        c, w = median[f"python, cold, jobs={j}"], median[f"extract_many, jobs={j}"]
        bc, sc = cpu[f"binary -j{j}"], cpu[f"binary start-up -j{j}"]
        cc, wc = cpu[f"python, cold, jobs={j}"], cpu[f"extract_many, jobs={j}"]
        print(
            f"jobs={j}, python / binary: processes {c / b:.2f}x the wall time, {cc / bc:.2f}x the CPU; "
            f"extract_many / binary without start-up {w / max(b - s, 1e-9):.2f}x the wall time, "
            f"{wc / max(bc - sc, 1e-9):.2f}x the CPU"
        )
        if jionlp_time is not None:
            jw = median["JioNLP extract_money + extract_time"]
            print(f"jobs={j}: JioNLP takes {jw / w:.0f}x extract_many's wall time")


if __name__ == "__main__":
    main()
