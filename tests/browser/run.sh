#!/usr/bin/env bash
# The HTML report in a real browser: renders the report of fixtures/ with headless Chromium
# (Debian's `chromium` and `fonts-noto-cjk`, installed if missing), reads the DOM back over the
# DevTools protocol and checks every fact's mark, the tables, the layout at 1400 px, the keyboard
# and that the hostile fixture ran nothing (tests/browser/check.py says what exactly).
#
#   tests/browser/run.sh                 # check
#   tests/browser/run.sh --screenshot    # check, and write docs/report.png
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
# The report's text is Chinese: without a CJK font its characters are boxes of another width,
# and neither the layout checked nor the screenshot is what readers see.
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq fonts-noto-cjk >/dev/null
fi

cargo build --release --bin gongbao
bin=target/release/gongbao
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

$bin extract fixtures/ > "$out/facts.jsonl"
$bin extract --format html fixtures/ > "$out/report.html"
$bin extract --format html --out "$out/pages" fixtures/
# (Pages are named after their documents' titles: the hostile one is found by its source.)
hostile=$(grep -l 'class="src">fixtures/hostile_markup.txt<' "$out"/pages/0*.html)

shot=()
if [ "${1:-}" = "--screenshot" ]; then
    # One fixture's page, with a mark focused so that its record shows.
    $bin extract --format html fixtures/web_news.txt > "$out/web_news.html"
    python3 tests/browser/check.py /usr/bin/chromium "$out/facts.jsonl" "$out/web_news.html" --screenshot docs/report.png
fi
python3 tests/browser/check.py /usr/bin/chromium "$out/facts.jsonl" "$out/report.html" "$out/pages/index.html" "$hostile"
