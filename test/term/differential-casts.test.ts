import { describe, expect, it } from 'vitest';
import { Terminal } from '../../src/term/index.js';
import { corpusCasts, type CastInput } from './cast-input.js';
import { ourAttrs, ourRows } from './ours.js';
import { createPeer, peerAttrs, peerRows, writePeer } from './xterm-peer.js';

const POINTS = 20;

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
async function compareCast(cast: CastInput, tally: Tally): Promise<void> {
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
}

describe('differential: the corpus against @xterm/headless', () => {
  it(`agrees on rows and cell attributes at ${POINTS} points per cast`, async () => {
    const casts = corpusCasts();
    expect(casts.length).toBeGreaterThan(30);
    const total: Tally = { rows: 0, rowsEqual: 0, cells: 0, cellsEqual: 0, styled: 0, firstMismatch: '' };
    for (const cast of casts) {
      const tally: Tally = { rows: 0, rowsEqual: 0, cells: 0, cellsEqual: 0, styled: 0, firstMismatch: '' };
      await compareCast(cast, tally);
      if (tally.rowsEqual < tally.rows || tally.cellsEqual < tally.cells) {
        console.log(`${cast.name}: rows ${tally.rowsEqual}/${tally.rows}, cells ${tally.cellsEqual}/${tally.cells}\n${tally.firstMismatch}`);
      }
      total.rows += tally.rows;
      total.rowsEqual += tally.rowsEqual;
      total.cells += tally.cells;
      total.cellsEqual += tally.cellsEqual;
      total.styled += tally.styled;
    }
    const rowPct = (100 * total.rowsEqual) / total.rows;
    const cellPct = (100 * total.cellsEqual) / total.cells;
    console.log(`${casts.length} casts: rows equal ${rowPct.toFixed(3)}% of ${total.rows}, cell attributes equal ${cellPct.toFixed(3)}% of ${total.cells} (${total.styled} styled)`);
    expect(total.styled).toBeGreaterThan(total.cells / 50);
    expect(rowPct).toBeGreaterThanOrEqual(99.5);
    expect(cellPct).toBeGreaterThanOrEqual(99);
  });
});
