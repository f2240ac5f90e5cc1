import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/paths.js';

/** One recorded output or resize, at an absolute time in seconds. */
export type CastStep = { time: number; output: string } | { time: number; cols: number; rows: number };

export interface CastInput {
  name: string;
  cols: number;
  rows: number;
  steps: CastStep[];
}

/**
 * A deliberately small reader of the corpus (asciicast v1 JSON, v2 as one JSON array, v2/v3 NDJSON)
 * so that the terminal's tests do not depend on src/cast. Files in other shapes yield null.
 */
export function readCastFile(path: string, name: string): CastInput | null {
  const text = readFileSync(path, 'utf8');
  const document = wholeJson(text);
  if (isRecord(document) && document.version === 1 && Array.isArray(document.stdout)) {
    let time = 0;
    const steps: CastStep[] = [];
    for (const frame of document.stdout as [number, string][]) {
      time += frame[0];
      steps.push({ time, output: frame[1] });
    }
    return { name, cols: Number(document.width), rows: Number(document.height), steps };
  }
  // v2 and v3: a header, then events; one JSON array (a form asciinema's players accept) or one JSON value a line.
  let header: unknown;
  let events: unknown[];
  if (Array.isArray(document)) [header, ...events] = document;
  else {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    header = wholeJson(lines[0] ?? '');
    // v3 allows comment lines: they are no JSON and are skipped.
    events = lines.slice(1).map(wholeJson);
  }
  if (!isRecord(header) || (header.version !== 2 && header.version !== 3)) return null;
  const term = (header.term ?? {}) as Record<string, unknown>;
  const cols = Number(header.version === 2 ? header.width : term.cols);
  const rows = Number(header.version === 2 ? header.height : term.rows);
  if (!(cols > 0 && rows > 0)) return null;
  const steps: CastStep[] = [];
  let time = 0;
  for (const event of events) {
    if (!Array.isArray(event) || event.length < 3) continue;
    const [t, kind, data] = event as [number, string, string];
    time = header.version === 3 ? time + t : t;
    if (kind === 'o') steps.push({ time, output: data });
    else if (kind === 'r') {
      const m = /^(\d+)x(\d+)$/.exec(data);
      if (m) steps.push({ time, cols: Number(m[1]), rows: Number(m[2]) });
    }
  }
  return { name, cols, rows, steps };
}

/** The text as one JSON value, or undefined when it is not one. */
function wholeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function corpusCasts(): CastInput[] {
  const casts: CastInput[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    const sub = join(CORPUS, dir);
    if (!statSync(sub).isDirectory()) continue;
    for (const file of readdirSync(sub).sort()) {
      const cast = readCastFile(join(sub, file), `${dir}/${file}`);
      if (cast !== null) casts.push(cast);
    }
  }
  return casts;
}
