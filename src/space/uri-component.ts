/**
 * Text that may hold a lone UTF-16 surrogate (`"\ud800"`: valid in JSON and in a structured-cloned message) made
 * safe for URLs. `encodeURIComponent` throws `URIError: URI malformed` on one; here each is replaced by U+FFFD, as
 * `TextEncoder` and `String.prototype.toWellFormed` (ES2024, not in every browser we support) do.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every lone surrogate replaced by U+FFFD (the same length: both are one code unit). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** `encodeURIComponent` that never throws. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(wellFormed(text));
}
