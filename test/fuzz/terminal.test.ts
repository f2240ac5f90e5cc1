import { describe, expect, it } from 'vitest';
import type { ScreenSnapshot } from '../../src/term/cell.js';
import { Terminal } from '../../src/term/index.js';
import { replaying, seeds } from './corpus.js';
import { rng, terminalInput } from './generators.js';

/** The terminal's own ceilings (src/term): a snapshot never exceeds them whatever is fed. */
const MAX_COLS = 2000;
const MAX_ROWS = 1000;
const MAX_TITLE = 65536;
/** Far beyond the few ms an input takes: only a hang, never slowness, trips it. */
const HANG_MS = 5000;

const validColour = (c: number) => c === -1 || (c >= 0 && c <= 255) || (c >= 0x1000000 && c <= 0x1ffffff);

/** The first broken promise of a snapshot, or '' (plain checks: expect() per cell would dominate the run). */
function snapshotProblem(s: ScreenSnapshot): string {
  if (!(s.cols >= 1 && s.cols <= MAX_COLS && s.rows >= 1 && s.rows <= MAX_ROWS)) return `size ${s.cols}x${s.rows}`;
  if (s.lines.length !== s.rows) return `${s.lines.length} lines for ${s.rows} rows`;
  for (let y = 0; y < s.lines.length; y++) {
    const cells = s.lines[y]!.cells;
    if (cells.length !== s.cols) return `row ${y} has ${cells.length} cells`;
    for (let x = 0; x < cells.length; x++) {
      const cell = cells[x]!;
      // A spacer always follows a wide character. (The converse is not checked yet: shifting columns
      // can leave a wide character without its spacer; see crashers/open/README.md.)
      if (cell.width === 0 && cells[x - 1]?.width !== 2) return `spacer at ${x},${y} after no wide cell`;
      if (!validColour(cell.fg) || !validColour(cell.bg) || !validColour(cell.ulColor)) return `bad colour at ${x},${y}`;
    }
  }
  if (!(s.cursor.x >= 0 && s.cursor.x < s.cols && s.cursor.y >= 0 && s.cursor.y < s.rows)) return `cursor at ${s.cursor.x},${s.cursor.y}`;
  if (s.title.length > MAX_TITLE) return `title of ${s.title.length}`;
  return '';
}

function checkSnapshot(s: ScreenSnapshot, seed: number): void {
  expect(snapshotProblem(s), `seed ${seed}`).toBe('');
}

describe('the terminal fed random and grammar-built input', () => {
  it('never throws, keeps every snapshot well-formed and finishes each input', () => {
    let fed = 0;
    for (const seed of seeds(3000)) {
      const r = rng(seed);
      const input = terminalInput(r);
      const term = new Terminal({ cols: input.cols, rows: input.rows });
      const started = performance.now();
      for (const chunk of input.chunks) {
        term.feed(chunk);
        fed += chunk.length;
        if (input.resizes && r.chance(0.3)) term.resize(r.range(1, 300), r.range(1, 100));
      }
      checkSnapshot(term.snapshot(), seed);
      expect(typeof term.text()).toBe('string');
      expect(performance.now() - started, `seed ${seed} hangs`).toBeLessThan(HANG_MS);
    }
    if (!replaying) expect(fed).toBeGreaterThan(1_000_000);
  });

  it.each([
    ['repeat', 'x\x1b[2147483647b'],
    ['insert characters', '\x1b[2147483647@'],
    ['insert lines', '\x1b[2147483647L'],
    ['scroll', '\x1b[2147483647S\x1b[2147483647T'],
    ['erase characters', '\x1b[2147483647X'],
    ['tab forward and back', '\x1b[2147483647I\x1b[2147483647Z'],
    ['window resize report', '\x1b[8;2147483647;2147483647t'],
    ['cursor far away', '\x1b[2147483647;2147483647H\x1b[99999999999999999999C'],
    ['margins', '\x1b[?69h\x1b[1;2147483647s\x1b[1;2147483647r'],
    ['a million parameters', `\x1b[${'1;'.repeat(1_000_000)}m`],
    ['an endless OSC title', `\x1b]0;${'t'.repeat(3_000_000)}\x07`],
    ['an endless DCS', `\x1bP1$r${'q'.repeat(3_000_000)}\x1b\\`],
    ['a million combining marks', `e${'\u0301'.repeat(1_000_000)}`],
  ])('survives %s with bounded state', (_name, data) => {
    const term = new Terminal({ cols: 80, rows: 24 });
    term.feed(data);
    term.feed('\x1b[1;1Hafter');
    const s = term.snapshot();
    checkSnapshot(s, 0);
    expect(s.cols).toBe(80);
    expect(s.rows).toBe(24);
    // Whatever the sequence did, the terminal still prints what follows it.
    expect(term.text()).toContain('after');
    // One cell's text stays short: combining marks beyond a few are not all kept.
    const longest = Math.max(...s.lines.flatMap((row) => row.cells.map((c) => c.text.length)));
    expect(longest).toBeLessThan(1000);
  });
});
