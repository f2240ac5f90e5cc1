/** Longest piece of a bad value quoted in an error message. */
const MAX_PREVIEW = 40;

/**
 * A bad JSON value as an error message shows it: short, on one line, and computed in bounded
 * time and stack. JSON.stringify would overflow the stack on deeply nested input and copy a
 * 100 MB string whole into the message.
 */
export function jsonPreview(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : 'an array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': {
      const quoted = JSON.stringify(value.length > MAX_PREVIEW ? value.slice(0, MAX_PREVIEW) : value);
      return value.length > MAX_PREVIEW ? `${quoted.slice(0, -1)}..."` : quoted;
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return Object.keys(value as object).length === 0 ? '{}' : 'an object';
    default:
      return typeof value;
  }
}
