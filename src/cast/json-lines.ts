/**
 * Where things are in a JSON document held as one string: a parse error's line, and the line on
 * which each element of an event array starts, so errors in v1 and array-form v2 casts can name
 * a line like errors in NDJSON casts do.
 */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const explicit = /line (\d+)/.exec(message);
  if (explicit) return Number(explicit[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : undefined;
}

/**
 * Start lines of the elements of the event array: the top-level array itself (`key` undefined)
 * or the array under a top-level object key (v1's "stdout").
 */
export function elementLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let arrayDepth = key === undefined ? 1 : -1;
  let lastString = '';
  let afterColonKey = '';
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === ':') {
      afterColonKey = depth === 1 ? lastString : '';
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && key !== undefined && depth === 2 && afterColonKey === key) arrayDepth = 2;
      if (depth === arrayDepth) expectElement = true;
      afterColonKey = '';
    } else if (c === ']' || c === '}') {
      if (depth === arrayDepth) {
        expectElement = false;
        if (key !== undefined) arrayDepth = -1;
      }
      depth--;
    } else if (c === ',' && depth === arrayDepth) {
      expectElement = true;
    }
  }
  return lines;
}
