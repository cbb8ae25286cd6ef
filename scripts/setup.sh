#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already here.
# Idempotent; safe to run before every build. Needs root (or sudo) only the
# first time, for Chromium and ChromeDriver from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"

# Rust: the wasm target, rustfmt and clippy.
installed_targets=$(rustup target list --installed)
grep -qx wasm32-unknown-unknown <<<"$installed_targets" || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
components=$(rustup component list --installed)
grep -q '^rustfmt' <<<"$components" || { say "adding rustfmt"; rustup component add rustfmt; }
grep -q '^clippy' <<<"$components" || { say "adding clippy"; rustup component add clippy; }

# The wasm-bindgen CLI must match the crate exactly (pinned in Cargo.toml).
# Not --locked: the registry lacks one of its locked dependency versions.
# Either `wasm-bindgen = "=X.Y.Z"` or `wasm-bindgen = { version = "=X.Y.Z", … }`.
wb_version=$(sed -n 's/^wasm-bindgen = .*"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$wb_version" ]; then
  echo 'setup: Cargo.toml must pin wasm-bindgen to an exact version ("=X.Y.Z")' >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# Chromium and ChromeDriver from Debian, for the browser tests.
if ! have chromium || ! have chromedriver; then
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# npm dev packages: wasm-opt (binaryen 132), playwright-core, axe-core, mark.js, ajv.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
