import xterm from '@xterm/headless';
import type { Cast, CastEvent } from '../../src/cast/index.js';
import { Terminal } from '../../src/term/index.js';

export async function collect(cast: Cast): Promise<CastEvent[]> {
  const events: CastEvent[] = [];
  for await (const e of cast.events) events.push(e);
  return events;
}

export const outputOf = (events: readonly CastEvent[]): string =>
  events.map((e) => (e.kind === 'output' ? e.data : '')).join('');

/** The text screen @xterm/headless shows after the events' output and resizes, rows joined by LF. */
export async function xtermText(cols: number, rows: number, events: readonly CastEvent[]): Promise<string> {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  for (const e of events) {
    if (e.kind === 'output') await new Promise<void>((resolve) => term.write(e.data, resolve));
    else if (e.kind === 'resize') term.resize(e.cols, e.rows);
  }
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
  term.dispose();
  return lines.join('\n');
}

/** The text screen our own Terminal shows after the events' output and resizes. */
export function ownText(cols: number, rows: number, events: readonly CastEvent[]): string {
  const term = new Terminal({ cols, rows });
  for (const e of events) {
    if (e.kind === 'output') term.feed(e.data);
    else if (e.kind === 'resize') term.resize(e.cols, e.rows);
  }
  return term.text();
}
