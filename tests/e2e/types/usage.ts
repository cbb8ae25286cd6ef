// Type-checked against the declarations wasm-bindgen generates
// (pkg/quote_attribution.d.ts): the JS API of docs and DESIGN.md must type.
import init, {
  QuoteAttribution,
  type Manifest,
  type Quote,
  type QuoteAttributionError,
  type Report,
} from "../../../pkg/quote_attribution.js";

export async function example(root: Element): Promise<string[]> {
  await init();
  const manifest: Manifest = {
    version: 1,
    sources: [{ id: "hrw", name: "Human Rights Watch", kind: "organization", aliases: ["HRW"] }],
    quotes: [{ text: "a rogue’s gallery", source: "hrw", date: "2019-12-27" }],
    options: { theme: "dark", exclude: [".comments"], jsonLd: true },
  };
  const qa = QuoteAttribution.fromManifest(manifest);
  const fromText = QuoteAttribution.fromManifest(JSON.stringify(manifest));
  const loaded: QuoteAttribution = await QuoteAttribution.load("/site.json /quotes.json", 5000);
  const report: Report = qa.annotate(root);
  const first: Quote | undefined = report.quotes[0];
  const source: string | null = first ? first.source : null;
  const method: "manifest" | "cue" | "pronoun" | "continuation" | "description" | "blockquote" | "none" =
    first?.method ?? "none";
  const warnings: string[] = loaded.warnings;
  const rootSelector: string | undefined = fromText.root;
  qa.clear();
  try {
    QuoteAttribution.fromManifest("{");
  } catch (e) {
    const problems: string[] = (e as QuoteAttributionError).problems;
    return problems;
  }
  return [String(source), method, ...warnings, rootSelector ?? ""];
}
