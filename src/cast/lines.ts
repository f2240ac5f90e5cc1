/**
 * Splits a byte stream into lines without ever holding more than one line plus one chunk,
 * so a 500 MB cast is read in flat memory. CR LF and a missing final newline are handled;
 * `complete` is false only for a last line that had no newline after it.
 */
export interface Line {
  readonly text: string;
  readonly number: number;
  readonly complete: boolean;
}

export async function* splitLines(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let number = 0;
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', start)) !== -1) {
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: pending.slice(start, end), number: ++number, complete: true };
      start = nl + 1;
    }
    pending = start === 0 ? pending : pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) {
    const text = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
    yield { text, number: ++number, complete: false };
  }
}
