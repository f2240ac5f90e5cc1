import { planCounted } from './block-writer.js';
import { addSymbols, type Parse } from './optimal-parse.js';
import { DIST_SYMBOLS, END_OF_BLOCK, LITLEN_SYMBOLS } from './symbols.js';

/** A block of fewer items than this is not worth a header of its own. */
const MIN_ITEMS = 4;
/** Running counts are kept every this many items. */
const STRIDE = 64;

/** Symbol counts and input bytes of any range of a parse's items, from running counts. */
class RangeCounter {
  private readonly lit: Uint32Array[] = [];
  private readonly dist: Uint32Array[] = [];
  private readonly bytes: number[] = [];

  constructor(private readonly parse: Parse) {
    const lit = new Uint32Array(LITLEN_SYMBOLS);
    const dist = new Uint32Array(DIST_SYMBOLS);
    let bytes = 0;
    for (let i = 0; i <= parse.count; i++) {
      if (i % STRIDE === 0) {
        this.lit.push(lit.slice());
        this.dist.push(dist.slice());
        this.bytes.push(bytes);
      }
      if (i < parse.count) bytes += addSymbols(parse, i, lit, dist, 1);
    }
  }

  /** The bits of items `a` to `b` as one block (its best header left aside for speed: all repeat codes). */
  cost(a: number, b: number): number {
    const lit = new Uint32Array(LITLEN_SYMBOLS);
    const dist = new Uint32Array(DIST_SYMBOLS);
    const bytes = this.countTo(b, lit, dist, 1) - this.countTo(a, lit, dist, -1);
    lit[END_OF_BLOCK] = 1;
    return planCounted(lit, dist, bytes, false).bits;
  }

  /** Adds `sign` times the counts of items before `end` to lit and dist; returns their bytes. */
  private countTo(end: number, lit: Uint32Array, dist: Uint32Array, sign: number): number {
    const k = Math.floor(end / STRIDE);
    const l = this.lit[k]!;
    const d = this.dist[k]!;
    for (let s = 0; s < LITLEN_SYMBOLS; s++) lit[s] += sign * l[s]!;
    for (let s = 0; s < DIST_SYMBOLS; s++) dist[s] += sign * d[s]!;
    let bytes = this.bytes[k]!;
    for (let i = k * STRIDE; i < end; i++) bytes += addSymbols(this.parse, i, lit, dist, sign);
    return bytes;
  }
}

/**
 * The cut of items `lo` to `hi` in two that costs least, searched as if the cost rose steadily
 * away from its least: nine even samples, then again around the best of them.
 */
function bestCut(counter: RangeCounter, lo: number, hi: number): { at: number; bits: number } {
  let best = { at: -1, bits: Infinity };
  let from = lo + MIN_ITEMS;
  let to = hi - MIN_ITEMS;
  while (from <= to) {
    const span = to - from;
    const samples = span < 9 ? span + 1 : 9;
    let bestK = -1;
    const points: number[] = [];
    for (let k = 0; k < samples; k++) {
      const at = samples === span + 1 ? from + k : from + Math.round((k * span) / (samples - 1));
      points.push(at);
      const bits = counter.cost(lo, at) + counter.cost(at, hi);
      if (bits < best.bits) {
        best = { at, bits };
        bestK = k;
      }
    }
    if (samples === span + 1 || bestK < 0) break;
    from = points[Math.max(0, bestK - 1)]!;
    to = points[Math.min(samples - 1, bestK + 1)]!;
  }
  return best;
}

/**
 * Where a parse is best cut into blocks, each with codes of its own: the costliest block not yet
 * tried is cut where that saves most, while a cut saves bits. Returns the item indices blocks
 * start at, 0 first.
 */
export function blockStarts(parse: Parse, maxBlocks: number): number[] {
  if (parse.count < 2 * MIN_ITEMS) return [0];
  const counter = new RangeCounter(parse);
  const blocks = [{ lo: 0, hi: parse.count, bits: counter.cost(0, parse.count), tried: false }];
  while (blocks.length < maxBlocks) {
    let k = -1;
    blocks.forEach((b, i) => {
      if (!b.tried && (k < 0 || b.bits > blocks[k]!.bits)) k = i;
    });
    if (k < 0) break;
    const block = blocks[k]!;
    block.tried = true;
    if (block.hi - block.lo < 2 * MIN_ITEMS) continue;
    const cut = bestCut(counter, block.lo, block.hi);
    if (cut.at < 0 || cut.bits >= block.bits) continue;
    blocks.splice(k, 1, { lo: block.lo, hi: cut.at, bits: counter.cost(block.lo, cut.at), tried: false }, { lo: cut.at, hi: block.hi, bits: counter.cost(cut.at, block.hi), tried: false });
  }
  return blocks.map((b) => b.lo);
}
