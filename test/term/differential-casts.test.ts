import { describe, expect, it } from 'vitest';
import { Terminal } from '../../src/term/index.js';
import { corpusCasts, type CastInput } from './cast-input.js';
import { ourAttrs, ourRows } from './ours.js';
import { createPeer, peerAttrs, peerRows, writePeer } from './xterm-peer.js';

const POINTS = 20;
/** Each cast must agree with xterm.js on at least these shares of its rows and of its cells' attributes. */
const MIN_ROWS = 0.995;
const MIN_CELLS = 0.99;
/**
 * The casts allowed below those bounds, each with the reason. Exactly the casts below them: one
 * that comes back within them fails the test too, so that the list does not outlive its reasons.
 */
const BELOW_BOUNDS: Record<string, string> = {};

interface Tally {
  rows: number;
  rowsEqual: number;
  cells: number;
  cellsEqual: number;
  /** Cells with any colour or attribute, so that the attribute comparison is not a vacuous one. */
  styled: number;
  firstMismatch: string;
}

/** Feed a cast to both terminals, comparing the screens at POINTS evenly spaced moments. */
async function compareCast(cast: CastInput): Promise<Tally> {
  const tally: Tally = { rows: 0, rowsEqual: 0, cells: 0, cellsEqual: 0, styled: 0, firstMismatch: '' };
  const ours = new Terminal({ cols: cast.cols, rows: cast.rows });
  const peer = createPeer(cast.cols, cast.rows);
  const end = cast.steps.length > 0 ? cast.steps[cast.steps.length - 1].time : 0;
  let next = 0;
  for (let k = 1; k <= POINTS; k++) {
    const until = (end * k) / POINTS;
    let pending = '';
    while (next < cast.steps.length && (cast.steps[next].time <= until || k === POINTS)) {
      const step = cast.steps[next++];
      if ('output' in step) {
        ours.feed(step.output);
        pending += step.output;
      } else {
        await writePeer(peer, pending);
        pending = '';
        ours.resize(step.cols, step.rows);
        peer.resize(step.cols, step.rows);
      }
    }
    await writePeer(peer, pending);
    const [a, b] = [ourRows(ours), peerRows(peer)];
    for (let y = 0; y < b.length; y++) {
      tally.rows++;
      if (a[y] === b[y]) tally.rowsEqual++;
      else if (tally.firstMismatch === '') tally.firstMismatch = `${cast.name} @${k} row ${y}:\n  ours:  ${JSON.stringify(a[y])}\n  xterm: ${JSON.stringify(b[y])}`;
    }
    const [ca, cb] = [ourAttrs(ours), peerAttrs(peer)];
    for (let y = 0; y < cb.length; y++) {
      for (let x = 0; x < cb[y].length; x++) {
        tally.cells++;
        if (cb[y][x] !== '-1/-1/000000000') tally.styled++;
        if (ca[y]?.[x] === cb[y][x]) tally.cellsEqual++;
      }
    }
  }
  peer.dispose();
  return tally;
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(3)}%`;

describe('differential: the corpus against @xterm/headless', () => {
  it(`agrees on rows and cell attributes at ${POINTS} points, cast by cast`, async () => {
    const casts = corpusCasts();
    expect(casts.length).toBeGreaterThan(45);
    const total: Tally = { rows: 0, rowsEqual: 0, cells: 0, cellsEqual: 0, styled: 0, firstMismatch: '' };
    const below: string[] = [];
    for (const cast of casts) {
      const tally = await compareCast(cast);
      const figures = `${cast.name}: rows ${tally.rowsEqual}/${tally.rows}, cells ${tally.cellsEqual}/${tally.cells}`;
      if (tally.rowsEqual < tally.rows || tally.cellsEqual < tally.cells) console.log(`${figures}\n${tally.firstMismatch}`);
      if (tally.rowsEqual < MIN_ROWS * tally.rows || tally.cellsEqual < MIN_CELLS * tally.cells) below.push(cast.name);
      for (const key of ['rows', 'rowsEqual', 'cells', 'cellsEqual', 'styled'] as const) total[key] += tally[key];
    }
    console.log(`${casts.length} casts: rows equal ${percent(total.rowsEqual, total.rows)} of ${total.rows}, cell attributes equal ${percent(total.cellsEqual, total.cells)} of ${total.cells} (${total.styled} styled)`);
    expect(total.styled).toBeGreaterThan(total.cells / 50);
    expect(below.sort(), `casts below ${MIN_ROWS * 100}% of rows or ${MIN_CELLS * 100}% of cells (figures above)`).toEqual(Object.keys(BELOW_BOUNDS).sort());
  });
});
