#!/usr/bin/env bash
# Run the fuzz targets for a while each, starting from the committed corpus.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     (default: 20 seconds, every target)
#
# Inputs the fuzzer finds go to a temporary folder (the committed corpus is not touched);
# a crash stops the run with the input saved under fuzz/artifacts/TARGET/. cargo-fuzz is
# installed when missing; when it cannot be, fuzzing is skipped with a message. cargo-fuzz
# wants nightly compiler flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-20}
shift || true

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    if ! cargo install cargo-fuzz --locked >/dev/null 2>&1; then
        echo "cargo-fuzz cannot be installed here: fuzzing skipped"
        exit 0
    fi
fi
export RUSTC_BOOTSTRAP=1

# No sanitizer (the library is safe Rust; panics are what we look for), debug assertions on.
flags=(--sanitizer none --debug-assertions)
cargo fuzz build "${flags[@]}"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi
for target in "${targets[@]}"; do
    case "$target" in
        parse_*) max_len=256 ;;
        *) max_len=2048 ;;
    esac
    work=$(mktemp -d)
    mkdir -p "artifacts/$target"
    echo "== $target: ${seconds} s"
    status=0
    cargo fuzz run "${flags[@]}" "$target" "$work" "corpus/$target" -- \
        -dict=gongbao.dict -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
        -max_total_time="$seconds" -artifact_prefix="artifacts/$target/" -print_final_stats=1 \
        >"$work.log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$work.log" || true
    if [ "$status" -ne 0 ]; then
        grep -E -A12 'panicked|ERROR: libFuzzer' "$work.log" | head -40 >&2 || tail -40 "$work.log" >&2
        echo "$target: failed (a crash is saved under fuzz/artifacts/$target/)" >&2
        rm -rf "$work" "$work.log"
        exit 1
    fi
    rm -rf "$work" "$work.log"
done
