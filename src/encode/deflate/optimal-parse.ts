import { type MatchList, WHOLE } from './match-finder.js';
import { DIST_CODE, DIST_EXTRA, DIST_SYMBOLS, END_OF_BLOCK, LENGTH_CODE, LENGTH_EXTRA, LITLEN_SYMBOLS, MAX_MATCH, MIN_MATCH } from './symbols.js';

/** A parse: per item, a literal (distance 0, value the byte) or a match (value its length). */
export class Parse {
  values: Uint16Array;
  distances: Uint16Array;
  count = 0;

  constructor(capacity: number) {
    this.values = new Uint16Array(Math.max(1, capacity));
    this.distances = new Uint16Array(Math.max(1, capacity));
  }
}

/** Symbol counts of items `from` to `to` of a parse, an end of block included. */
export function countSymbols(parse: Parse, from: number, to: number): { litlen: Uint32Array; dist: Uint32Array } {
  const litlen = new Uint32Array(LITLEN_SYMBOLS);
  const dist = new Uint32Array(DIST_SYMBOLS);
  for (let i = from; i < to; i++) addSymbols(parse, i, litlen, dist, 1);
  litlen[END_OF_BLOCK] = 1;
  return { litlen, dist };
}

/** Adds item i's symbols to the counts `sign` times; returns the input bytes it stands for. */
export function addSymbols(parse: Parse, i: number, litlen: Uint32Array, dist: Uint32Array, sign: number): number {
  const d = parse.distances[i]!;
  const v = parse.values[i]!;
  if (d === 0) {
    litlen[v] += sign;
    return 1;
  }
  litlen[257 + LENGTH_CODE[v]!] += sign;
  dist[DIST_CODE[d]!] += sign;
  return v;
}

/** Bits each literal, length and distance costs, from how often the symbols occur (their entropy). */
export class CostModel {
  readonly literal = new Float64Array(256);
  readonly length = new Float64Array(MAX_MATCH + 1);
  readonly distCode = new Float64Array(DIST_SYMBOLS);

  constructor(litlen: Uint32Array, dist: Uint32Array) {
    const lit = entropyBits(litlen);
    const dst = entropyBits(dist);
    for (let b = 0; b < 256; b++) this.literal[b] = lit[b]!;
    for (let len = MIN_MATCH; len <= MAX_MATCH; len++) {
      const code = LENGTH_CODE[len]!;
      this.length[len] = lit[257 + code]! + LENGTH_EXTRA[code]!;
    }
    for (let code = 0; code < DIST_SYMBOLS; code++) this.distCode[code] = dst[code]! + DIST_EXTRA[code]!;
  }
}

/** -log2 of each symbol's share; a symbol not seen costs as one seen once. */
function entropyBits(counts: Uint32Array): Float64Array {
  let total = 0;
  for (const c of counts) total += c;
  const bits = new Float64Array(counts.length);
  const all = Math.log2(Math.max(1, total));
  for (let s = 0; s < counts.length; s++) bits[s] = counts[s]! > 0 ? all - Math.log2(counts[s]!) : all;
  return bits;
}

/**
 * The cheapest way through positions `lo` to `hi` of a segment starting at `start` under a cost
 * model: each position reached by a literal or by any length of any match found there (a
 * shortest path over positions). Matches are cut at `hi`.
 */
export class OptimalParser {
  private cost = new Float64Array(1);
  /** How each position is best reached: the step's length << 16 | its distance (0: a literal). */
  private step = new Int32Array(1);

  parse(data: Uint8Array, start: number, lo: number, hi: number, matches: MatchList, model: CostModel, out: Parse): void {
    const n = hi - lo;
    if (this.cost.length < n + 1) {
      this.cost = new Float64Array(n + 1);
      this.step = new Int32Array(n + 1);
    }
    const { cost, step } = this;
    const { first, lengths, distances } = matches;
    const { literal, length, distCode } = model;
    cost.fill(Infinity, 1, n + 1);
    cost[0] = 0;
    const at = start + lo;
    for (let i = 0; i < n; i++) {
      const base = cost[i]!;
      const lit = base + literal[data[at + i]!]!;
      if (lit < cost[i + 1]!) {
        cost[i + 1] = lit;
        step[i + 1] = 1 << 16;
      }
      let shorter = MIN_MATCH - 1;
      const room = n - i;
      const end = first[lo + i + 1]!;
      for (let m = first[lo + i]!; m < end && shorter < room; m++) {
        let longest = lengths[m]!;
        const d = distances[m]!;
        const withDistance = base + distCode[DIST_CODE[d]!]!;
        if (longest & WHOLE) {
          longest &= ~WHOLE;
          if (longest > room) longest = room;
          if (longest - 1 > shorter) shorter = longest - 1;
        } else if (longest > room) longest = room;
        for (let len = shorter + 1, to = i + len; len <= longest; len++, to++) {
          const c = withDistance + length[len]!;
          if (c < cost[to]!) {
            cost[to] = c;
            step[to] = (len << 16) | d;
          }
        }
        shorter = longest;
      }
    }
    tracePath(data, at, n, step, out);
  }
}

function tracePath(data: Uint8Array, start: number, n: number, step: Int32Array, out: Parse): void {
  let items = 0;
  for (let i = n; i > 0; i -= step[i]! >>> 16) items++;
  if (out.values.length < items) {
    out.values = new Uint16Array(items);
    out.distances = new Uint16Array(items);
  }
  out.count = items;
  for (let i = n, k = items - 1; i > 0; k--) {
    const len = step[i]! >>> 16;
    const d = step[i]! & 0xffff;
    i -= len;
    out.values[k] = d === 0 ? data[start + i]! : len;
    out.distances[k] = d;
  }
}

/** The longest match at each position taken whole (a first parse to count symbols from). */
export function greedyParse(data: Uint8Array, start: number, n: number, matches: MatchList, out: Parse): void {
  const { first, lengths, distances } = matches;
  let k = 0;
  if (out.values.length < n) {
    out.values = new Uint16Array(n);
    out.distances = new Uint16Array(n);
  }
  for (let i = 0; i < n; ) {
    const m = first[i + 1]! - 1;
    if (m >= first[i]!) {
      const len = lengths[m]! & ~WHOLE;
      out.values[k] = len;
      out.distances[k++] = distances[m]!;
      i += len;
    } else {
      out.values[k] = data[start + i]!;
      out.distances[k++] = 0;
      i++;
    }
  }
  out.count = k;
}
