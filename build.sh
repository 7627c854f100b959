#!/usr/bin/env bash
# report-checker build script.
#
#   ./build.sh serve   install what is missing, build, serve the page on http://127.0.0.1:8080
#   ./build.sh test    install what is missing, build, run every test (native, wasm in Chromium, end-to-end)
#   ./build.sh build   install what is missing, build www/pkg (wasm + JS glue) and the native CLI
#   ./build.sh bench   Criterion benchmarks (ours vs autocorrect) and in-browser timing
#
# Everything a fresh machine lacks is installed here, and each step takes
# seconds when it is already there.
set -euo pipefail
cd "$(dirname "$0")"

WASM_TARGET=wasm32-unknown-unknown
PKG_DIR=www/pkg
NPM_DIR=target/npm/report-checker
# bytes: wasm + JS glue the page loads, gzipped. 250 KB until the figure grammar
# of 2026-11-30 (tables, numbered phrases, level changes, formulations) passed it:
# opt-level z would fit in 225 KB but checks 2.3x slower in the browser. 265 KB
# until the second round of that day (shares, pulls, count lists, restatements,
# dropped figures: +45 KB measured, the count and dropped-figure forms the most);
# making those rules smaller is an open item, not a reason to drop them. 310 KB
# until the third round (tables a cell to a line and their row sums, count lists,
# restatements of titles and tables, traditional characters, the date of issue:
# 306 KB -> 349 KB measured, counts and restatements the most). 360 KiB until
# the fifth round (classes, named wholes, the false alarms of two unseen batches,
# text.number-form: 364 KB -> 376 KB measured); opt-level z would load 311 KB
# but checks 2x slower in Chromium (20,000 characters 15.6 ms against 6.5 ms).
# 380 KiB until the sixth round (restatements read across the text, tables
# under a unit line or set out with blanks, estimates, the false alarms of a
# third unseen batch and of held-out restatements: 376 KB -> 390 KB measured).
SIZE_BUDGET_GZ=$((386 * 1024))
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
locked_version() {
  awk -v name="$1" '$1=="name" && $3=="\""name"\"" {getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "installing Rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  # The test run checks formatting and lints.
  for c in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$c"; then
      say "installing Rust component $c"
      rustup component add "$c"
    fi
  done
}

ensure_wasm_bindgen() {
  local want have
  want=$(locked_version wasm-bindgen)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); takes a few minutes once"
    # Not --locked: one of its pinned dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_apt_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto 2>/dev/null | grep -q CJK || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_npm_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_tools() {
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_npm_packages
}

gz_size() { gzip -9 -c "$1" | wc -c; }

build() {
  ensure_tools
  say "building the wasm package"
  # Size over speed for what the page downloads (WASM_OPT_LEVEL=3 measured: +7 KB gzipped,
  # no clear gain in Chromium); a panic aborts (wasm cannot unwind anyway).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=${WASM_OPT_LEVEL:-s} CARGO_PROFILE_RELEASE_PANIC=abort \
    cargo build --release --target "$WASM_TARGET" --lib
  rm -rf "$PKG_DIR"
  wasm-bindgen --target web --out-dir "$PKG_DIR" "target/$WASM_TARGET/release/report_checker.wasm"
  local wasm="$PKG_DIR/report_checker_bg.wasm" glue="$PKG_DIR/report_checker.js"
  local before; before=$(wc -c <"$wasm")
  # Current rustc emits reference types, multi-value, bulk memory, sign-ext and
  # non-trapping float-to-int by default; wasm-opt must be told to accept them.
  wasm-opt -Oz --strip-debug --strip-producers \
    --enable-reference-types --enable-multivalue --enable-bulk-memory \
    --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals \
    "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
  say "building the native CLI"
  cargo build --release --bin report-check
  local w=$(wc -c <"$wasm") wg=$(gz_size "$wasm") j=$(wc -c <"$glue") jg=$(gz_size "$glue")
  local total=$((wg + jg))
  printf 'size: wasm %d bytes raw (%d before wasm-opt), %d gzipped; JS glue %d raw, %d gzipped; page loads %d bytes gzipped (budget %d)\n' \
    "$w" "$before" "$wg" "$j" "$jg" "$total" "$SIZE_BUDGET_GZ"
  if [ "$total" -gt "$SIZE_BUDGET_GZ" ]; then
    echo "size budget exceeded" >&2
    exit 1
  fi
  say "bundling the page (www/pkg/page.js) and the offline page (one HTML file, wasm inlined, works from file://)"
  node scripts/build-page.mjs
  package
}

# The npm package an integrator installs (publishable as it is): target/npm/report-checker.
package() {
  say "assembling the npm package"
  node scripts/package.mjs "$NPM_DIR"
  local js=0 f
  for f in "$NPM_DIR"/*.js "$NPM_DIR"/embed/*.js "$NPM_DIR"/pkg/*.js; do js=$((js + $(gz_size "$f"))); done
  local wg; wg=$(gz_size "$NPM_DIR/pkg/report_checker_bg.wasm")
  printf 'package: an integrator downloads %d bytes gzipped (wasm %d + JS %d, each file gzipped)\n' $((wg + js)) "$wg" "$js"
}

# The server driven by LanguageTool client libraries nobody here wrote: the
# languagetool-rust crate (a workspace member pins it) and PyPI's
# language-tool-python (pinned, in a venv under target/; skipped, saying so,
# only when it cannot be installed).
LT_PYTHON_VERSION=3.4.0
lt_clients() {
  local seed=../shared/corpus/seeds/seed000.txt
  cargo run -q -p languagetool-rust-check -- target/release/report-check tests/fixtures "$seed" || return 1
  local venv=target/lt-venv
  if ! "$venv/bin/python" -c "import language_tool_python" 2>/dev/null \
     || [ "$("$venv/bin/pip" show language-tool-python 2>/dev/null | awk '/^Version/{print $2}')" != "$LT_PYTHON_VERSION" ]; then
    say "installing language-tool-python $LT_PYTHON_VERSION into $venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q "language-tool-python==$LT_PYTHON_VERSION"; }; then
      echo "SKIPPED: language-tool-python could not be installed from PyPI; the LanguageTool client test did not run" >&2
      return 0
    fi
  fi
  "$venv/bin/python" tests/clients/language_tool_python_check.py target/release/report-check "$seed"
}

run_tests() {
  ensure_apt_packages
  build
  local failed=()
  say "format and lints"
  cargo fmt --all --check || failed+=("fmt")
  cargo clippy --all-targets -- -D warnings || failed+=("clippy")
  say "native tests"
  cargo test -p report-checker || failed+=("native")
  say "wasm tests in headless Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test -p report-checker --target "$WASM_TARGET" --test wasm || failed+=("wasm")
  say "LanguageTool clients against report-check serve"
  lt_clients || failed+=("lt-clients")
  if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
    say "end-to-end tests of the page in Chromium"
    node --test --test-concurrency=1 tests/e2e/ || failed+=("e2e")
  fi
  if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
  fi
  say "all tests passed"
}

bench() {
  ensure_apt_packages
  build
  say "Criterion benchmarks (report-checker vs autocorrect)"
  cargo bench -p report-checker-bench --bench check
  say "report-checker vs autocorrect, interleaved round by round (steadier on a shared machine)"
  cargo run --release -q -p report-checker-bench --example versus
  say "growth with the input, and peak heap"
  cargo run --release -q -p report-checker-bench --bin growth
  say "in-browser timing (wasm in Chromium)"
  node --test tests/e2e/timing.test.mjs
}

case "${1:-}" in
  build) ensure_apt_packages; build ;;
  serve)
    build
    say "serving the page on http://127.0.0.1:8080 (Ctrl-C to stop)"
    exec node scripts/serve.mjs --port 8080 --host 127.0.0.1 ;;
  test) run_tests ;;
  bench) bench ;;
  *) sed -n '3,8p' "$0"; exit 2 ;;
esac
