// The TypeScript declarations wasm-bindgen generates for pkg/ describe the
// documented API: an example using every method type-checks under strict
// mode, and misuse (a version 2 manifest, a source read as a number) fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

const tsc = (project) =>
  spawnSync("node_modules/.bin/tsc", ["-p", project], { encoding: "utf8" });

test("the documented API type-checks against pkg/quote_attribution.d.ts", () => {
  const r = tsc("tests/e2e/types/tsconfig.json");
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("misuse of the API does not type-check", () => {
  const r = tsc("tests/e2e/types/tsconfig.bad.json");
  assert.notEqual(r.status, 0, "bad.ts must fail to type-check");
  const out = r.stdout + r.stderr;
  assert.match(out, /bad\.ts\(5,/, out); // version: 2
  assert.match(out, /bad\.ts\(7,/, out); // string | null is not number
});
