#!/usr/bin/env bash
# The Python package's CI: build the batch binary, install the package with pip in a virtual
# environment (as a user would: `pip install ./python[pandas]`), and run `pytest python/tests`,
# Spark tests included (pyspark from the package index; needs Java 17).
#
# GONGBAO_PY_VENV: where the virtual environment lives (default target/python-ci/venv, reused).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

venv=${GONGBAO_PY_VENV:-target/python-ci/venv}
python=${PYTHON:-python3}
if [[ ! -x $venv/bin/python ]]; then
    "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --upgrade pip
# pyspark 4 does not support pandas 3 yet.
"${pip[@]}" install maturin pytest 'pandas>=1.5,<3' pyarrow pyspark

(cd python && cargo fmt --check)
cargo build --release --locked --bin gongbao
# The package itself, built from source by maturin, reinstalled on every run.
"${pip[@]}" install --force-reinstall --no-deps ./python
"${pip[@]}" install './python[pandas]'

GONGBAO_BIN=$PWD/target/release/gongbao "$venv/bin/python" -m pytest python/tests -p no:cacheprovider -q
echo "python/ci.sh: passed in $(( $(date +%s) - started )) s"
