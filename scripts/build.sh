#!/usr/bin/env bash
# Builds the wasm package into pkg/ (publishable to npm) and copies it into
# www/quote-attribution/ for the demo. Prints the gzipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --lib --profile wasm-release --target wasm32-unknown-unknown --quiet
rm -rf pkg
wasm-bindgen --target web --out-dir pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/quote_attribution.wasm"
# wasm-opt from npm's binaryen 132 (Debian's 108 cannot read reference types).
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-mutable-globals --enable-multivalue \
  pkg/quote_attribution_bg.wasm -o pkg/quote_attribution_bg.wasm
cp src/dom/embed.js pkg/embed.js
# The glue's imports of src/dom/shell.js, folded in: one request fewer per page load.
node scripts/inline-snippets.mjs pkg/quote_attribution.js

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
cat > pkg/package.json <<JSON
{
  "name": "quote-attribution",
  "version": "$version",
  "description": "Finds every quotation in a news article and who said it, and annotates it with the publisher's source metadata.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "module": "quote_attribution.js",
  "main": "quote_attribution.js",
  "types": "quote_attribution.d.ts",
  "exports": {
    ".": { "types": "./quote_attribution.d.ts", "default": "./quote_attribution.js" },
    "./embed.js": "./embed.js",
    "./quote_attribution_bg.wasm": "./quote_attribution_bg.wasm"
  },
  "files": ["quote_attribution.js", "quote_attribution.d.ts", "quote_attribution_bg.wasm",
            "quote_attribution_bg.wasm.d.ts", "embed.js"],
  "sideEffects": ["./embed.js"]
}
JSON
rm -f pkg/.gitignore

mkdir -p www/quote-attribution
rm -rf www/quote-attribution/snippets
cp pkg/quote_attribution.js pkg/quote_attribution_bg.wasm pkg/quote_attribution.d.ts pkg/embed.js www/quote-attribution/

gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(gz pkg/quote_attribution_bg.wasm); embed=$(gz pkg/embed.js)
# The glue: wasm-bindgen's module, with src/dom/shell.js folded in.
glue=$(gz pkg/quote_attribution.js)
printf 'build: wasm %s B gz (%s B raw), JS glue %s B gz, embed.js %s B gz; total %.1f KB gz\n' \
  "$wasm" "$(wc -c < pkg/quote_attribution_bg.wasm)" "$glue" "$embed" \
  "$(awk "BEGIN { print ($wasm + $glue + $embed) / 1024 }")"
