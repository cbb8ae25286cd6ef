#!/usr/bin/env bash
# Every test: formatting, lints (host and wasm32), native tests, browser
# tests in headless Chromium, the wasm build, and the end-to-end tests that
# load real pages through the script tag. Any failure exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$(( $(date +%s) - start ))" >&2; }

step "set-up"
scripts/setup.sh
step "cargo fmt --check"
cargo fmt --all -- --check
step "clippy, host"
cargo clippy --all-targets --quiet -- -D warnings
step "clippy, wasm32"
# Benches are native (criterion): the wasm build lints the library, binary and tests.
cargo clippy --lib --bins --tests --target wasm32-unknown-unknown --quiet -- -D warnings
step "native tests: core, corpus, CLI, doc tests"
cargo test --quiet
step "browser tests: wasm-bindgen-test in headless Chromium"
cargo test --target wasm32-unknown-unknown --test web
step "release build of the wasm package"
scripts/build.sh
step "end-to-end: pages through the script tag in headless Chromium"
node --test --test-reporter=spec tests/e2e/
step "all passed"
