// The JSON Schema of manifest v1 (schema/manifest.v1.schema.json) against
// the same cases the Rust validator is tested on: every example in
// examples/ is valid, and every row of tests/manifests/bad.json gets the
// verdict it is marked with — "invalid" (the schema can say what is wrong:
// a type, a required field, an enum, a pattern, the version), "valid" (only
// the validator can: unknown source ids, duplicate ids, limits lowered for
// the test, days that do not exist), or "syntax" (not JSON at all).
// No network, no browser: `node --test tests/e2e/schema.test.mjs`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import Ajv2020 from "ajv/dist/2020.js";

const root = new URL("../../", import.meta.url);
const readJson = async (path) => JSON.parse(await readFile(new URL(path, root), "utf8"));

const schema = await readJson("schema/manifest.v1.schema.json");
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const rows = await readJson("tests/manifests/bad.json");

const explain = () => JSON.stringify(validate.errors, null, 2);

test("the schema is draft 2020-12 and describes every property", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.ok(schema.$id && schema.title && schema.description);
  const undocumented = [];
  const visit = (node, path) => {
    if (!node || typeof node !== "object") return;
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (!sub.description) undocumented.push(`${path}.${name}`);
    }
    for (const [key, sub] of Object.entries(node)) {
      if (key !== "properties" && typeof sub === "object") visit(sub, `${path}/${key}`);
    }
    for (const [name, sub] of Object.entries(node.properties ?? {})) visit(sub, `${path}.${name}`);
  };
  // The oneOf branches only restate types; the properties they constrain
  // are described where they are defined.
  const { oneOf, ...quote } = schema.$defs.quote;
  assert.equal(oneOf.length, 2);
  visit({ ...schema, $defs: { ...schema.$defs, quote } }, "#");
  assert.deepEqual(undocumented, []);
});

test("every example validates", async () => {
  const files = (await readdir(new URL("examples/", root))).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 4, `only ${files.length} examples`);
  for (const file of files) {
    const example = await readJson(`examples/${file}`);
    assert.equal(example.$schema, "../schema/manifest.v1.schema.json", `${file} points editors at the schema`);
    assert.ok(validate(example), `${file}: ${explain()}`);
  }
});

test("the table marks enough rows the schema can judge", () => {
  const invalid = rows.filter((r) => r.schema === "invalid").length;
  assert.ok(invalid >= 15, `only ${invalid} rows marked "schema": "invalid"`);
  for (const row of rows) {
    assert.ok(["invalid", "valid", "syntax"].includes(row.schema), `${row.name}: ${row.schema}`);
  }
});

/** The JSON documents of a row; `undefined` for text that is not JSON. */
function documentsOf(row) {
  const docs = row.documents ?? [row];
  return docs.map((d) => {
    if ("manifest" in d) return d.manifest;
    try {
      return JSON.parse(d.text);
    } catch {
      return undefined;
    }
  });
}

for (const row of rows) {
  test(`schema: ${row.name}`, () => {
    const docs = documentsOf(row);
    if (row.schema === "syntax") {
      assert.ok(docs.some((d) => d === undefined), "JSON.parse accepts it: mark it valid or invalid");
      return;
    }
    const verdicts = docs.map((d) => d !== undefined && validate(d));
    if (row.schema === "valid") {
      assert.ok(verdicts.every(Boolean), `the schema rejects it: ${explain()}`);
    } else {
      assert.ok(verdicts.some((ok) => !ok), "the schema accepts it: mark it valid, or tighten the schema");
    }
  });
}

test("the schema and the validator agree on the values they both check", () => {
  const ok = (manifest) => validate({ version: 1, ...manifest });
  const source = (extra) => ({ sources: [{ id: "hrw", name: "HRW", ...extra }] });
  // URLs: read as a browser reads them.
  assert.ok(ok(source({ url: "  HTTPS://www.hrw.org/x?y#z \n" })));
  for (const url of [" JaVaScRiPt:alert(1)", "data:x", "www.hrw.org", "/a", "//cdn.x", "https:/x", "https://", "https://a\tb"]) {
    assert.ok(!ok(source({ url })), url);
  }
  // Dates: the forms of ISO 8601 the validator takes.
  const quote = (date) => ({ ...source({}), quotes: [{ text: "x", source: "hrw", date }] });
  for (const date of ["2019", "2019-12", "2019-12-27", "2019-12-27T14:30", "2019-12-27T14:30:00.5Z", "2019-12-27T14:30+05:30"]) {
    assert.ok(ok(quote(date)), date);
  }
  for (const date of ["27/12/2019", "2019-13", "2019-12-32", "2019-12-27 14:30", "2019-12-27T24:00", "2019-12-27T14:30+0530"]) {
    assert.ok(!ok(quote(date)), date);
  }
  // null is "absent" for every optional field.
  assert.ok(ok({ $schema: null, sources: null, quotes: null, options: null }));
  assert.ok(ok({ options: { root: null, exclude: null, theme: null, detect: null, locale: null } }));
  assert.ok(ok({ ...source({}), quotes: [{ source: "hrw", text: null, selector: { type: "TextQuoteSelector", exact: "x" } }] }));
  assert.ok(ok({ ...source({}), quotes: [{ source: "hrw", text: "x", selector: null }] }));
  assert.ok(!ok({ ...source({}), quotes: [{ source: "hrw", text: null, selector: null }] }));
  // Unknown fields are the validator's warnings, not schema errors.
  assert.ok(ok({ future: true, sources: [{ id: "a", name: "A", pronouns: "she/her" }] }));
});
