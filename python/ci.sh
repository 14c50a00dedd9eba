#!/usr/bin/env bash
# The Python package's CI: build the batch binary, install the package with pip in a virtual
# environment (as a user would: `pip install ./python[pandas]`), and run `pytest python/tests`,
# Spark tests included (pyspark from the package index; needs Java 17), with pandas 2; then the
# tables and Spark again with pandas 3, in a second environment, from the same wheel.
#
# GONGBAO_PY_VENV: where the virtual environment lives (default target/python-ci/venv, reused);
# the pandas 3 one is beside it, with -pandas3 after its name.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

venv=${GONGBAO_PY_VENV:-target/python-ci/venv}
venv3=$venv-pandas3
python=${PYTHON:-python3}
for v in "$venv" "$venv3"; do
    if [[ ! -x $v/bin/python ]]; then
        "$python" -m venv "$v"
    fi
done
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)
pip3=("$venv3/bin/python" -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --upgrade pip
"${pip3[@]}" install --upgrade pip
"${pip[@]}" install maturin pytest 'pandas>=2,<3' pyarrow pyspark polars
"${pip3[@]}" install pytest 'pandas>=3' pyarrow pyspark polars

(cd python && cargo fmt --check)
cargo build --release --locked --bin gongbao
# The package itself, built from source by maturin (into python/target/wheels), reinstalled on
# every run.
"${pip[@]}" install --force-reinstall --no-deps ./python
"${pip[@]}" install './python[pandas]'
wheel=$(ls -t python/target/wheels/gongbao-*.whl | head -1)
"${pip3[@]}" install --force-reinstall --no-deps "$wheel"

export GONGBAO_BIN=$PWD/target/release/gongbao
"$venv/bin/python" -m pytest python/tests -p no:cacheprovider -q
echo "python/ci.sh: with pandas 3 ($("$venv3/bin/python" -c 'import pandas; print(pandas.__version__)')): the tables and Spark"
"$venv3/bin/python" -m pytest python/tests/test_pandas.py python/tests/test_spark.py -p no:cacheprovider -q
echo "python/ci.sh: passed in $(( $(date +%s) - started )) s"
