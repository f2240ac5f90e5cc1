/**
 * Text from a recording is untrusted: it may hold markup, CDATA terminators, controls that XML
 * forbids, lone surrogates or bidi controls that would reorder what a viewer sees. Everything that
 * reaches the SVG as character data or an attribute value passes through here.
 */

/**
 * Drops what must never reach the document: C0 and C1 controls (XML 1.0 forbids most of them and the
 * rest mean nothing in a cell), lone surrogates, the non-characters U+FFFE/U+FFFF, and the bidi
 * embedding, override and isolate controls (cells sit at fixed columns; letting them reorder the
 * text would show something the terminal did not).
 */
const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Safe as element content and inside a double-quoted attribute (the only kind written): `>` is
 * escaped too, so `]]>` cannot appear.
 */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Safe as element content only (a quote needs no escape there): for the text of cells. */
export function escapeText(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (c) => ESCAPES[c]!);
}
