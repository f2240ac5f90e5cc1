import { CastError } from './cast-error.js';

/**
 * Splits a byte stream into lines without ever holding more than one line plus one chunk,
 * so a 500 MB cast is read in flat memory. CR LF and a missing final newline are handled;
 * `complete` is false only for a last line that had no newline after it.
 */
export interface Line {
  readonly text: string;
  readonly number: number;
  readonly complete: boolean;
  /** The line ended in CR LF (the CR is not in `text`). */
  readonly crlf?: boolean;
}

/**
 * Longest line read, in UTF-16 code units: far beyond any real event, and below V8's string
 * limit, so a file of one endless line is refused with a message rather than a RangeError.
 */
export const MAX_LINE_LENGTH = 256 * 1024 * 1024;

export async function* splitLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  file = 'input',
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  // A long line arrives in many chunks: they are collected and joined once, and only each new
  // chunk is searched for a newline, so reading a line costs time linear in its length.
  let parts: string[] = [];
  let partsLength = 0;
  let number = 0;
  const take = (text: string): string => {
    const whole = parts.length === 0 ? text : parts.join('') + text;
    parts = [];
    partsLength = 0;
    return whole;
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      const line = take(text.slice(start, nl));
      yield line.endsWith('\r') ? { text: line.slice(0, -1), number: ++number, complete: true, crlf: true } : { text: line, number: ++number, complete: true };
      start = nl + 1;
    }
    if (start < text.length) {
      partsLength += text.length - start;
      if (partsLength > MAX_LINE_LENGTH) {
        throw new CastError(file, number + 1, `a line longer than ${MAX_LINE_LENGTH >> 20} M characters is not read`);
      }
      parts.push(start === 0 ? text : text.slice(start));
    }
  }
  const last = take(decoder.decode());
  if (last.length > 0) {
    yield { text: last.endsWith('\r') ? last.slice(0, -1) : last, number: ++number, complete: false };
  }
}
