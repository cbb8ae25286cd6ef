// Must NOT type-check: the test runs tsc on this too and expects errors, so
// the check above is known to be able to fail.
import { QuoteAttribution, type Report } from "../../../pkg/quote_attribution.js";

const qa = QuoteAttribution.fromManifest({ version: 2, sources: [] });
const report: Report = qa.annotate(document.body);
const n: number = report.quotes[0].source;
export { n };
