// Folds the JavaScript snippets the wasm imports (src/dom/shell.js, copied
// by wasm-bindgen to pkg/snippets/<crate>-<hash>/…) into the glue module
// itself, and removes pkg/snippets.
//
//   node scripts/inline-snippets.mjs pkg/quote_attribution.js
//
// Why: the glue imports each snippet statically, so a browser learns of the
// snippet only once the glue has arrived and been parsed, and fetches it
// then: one more round trip on every page load, after the glue's, before
// the wasm can be instantiated (measured on the demo page: the snippet's
// request started 40–80 ms after the glue's response).
//
// Each `import { a, b } from './snippets/….js';` line becomes
//
//   const { a, b } = (() => { …the snippet, its `export`s removed…; return { a, b }; })();
//
// so the snippet keeps its own scope (its top-level names cannot meet the
// glue's). A snippet that imports anything, or an import this script does
// not recognise, stops the build with a message instead of shipping a glue
// that fails at load.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const gluePath = process.argv[2];
if (!gluePath) {
  console.error("usage: node scripts/inline-snippets.mjs pkg/quote_attribution.js");
  process.exit(2);
}
const dir = dirname(gluePath);
const IMPORT = /^import \{ ([\w$, ]+) \} from '(\.\/snippets\/[^']+\.js)';$/;

let glue = readFileSync(gluePath, "utf8");
let inlined = 0;
glue = glue
  .split("\n")
  .map((line) => {
    if (!line.startsWith("import ") || !line.includes("./snippets/")) return line;
    const m = line.match(IMPORT);
    if (!m) fail(`an import of a snippet this script does not recognise:\n  ${line}`);
    const [, names, path] = m;
    const source = readFileSync(join(dir, path), "utf8");
    if (/^\s*import[\s{*'"]/m.test(source)) fail(`${path} imports another module; inline it by hand or bundle it`);
    const body = source.replace(/^export (?=(async )?(function|class|const|let) )/gm, "");
    if (/^export\b/m.test(body)) fail(`${path} has an export this script cannot fold (only declarations are)`);
    inlined += 1;
    return `const { ${names} } = (() => {\n${body.trimEnd()}\nreturn { ${names} };\n})();`;
  })
  .join("\n");

if (glue.includes("./snippets/")) fail("the glue still names ./snippets/ after inlining");
writeFileSync(gluePath, glue);
if (existsSync(join(dir, "snippets"))) rmSync(join(dir, "snippets"), { recursive: true });
console.log(`inline-snippets: ${inlined} snippet module(s) folded into ${gluePath}`);

function fail(message) {
  console.error(`inline-snippets: ${message}`);
  process.exit(1);
}
