import { MAX_MATCH, MIN_MATCH, WINDOW } from './symbols.js';

const HASH_BITS = 16;
const NO_POSITION = -1;
/** Marks a match length to be taken whole or not at all (the rest of a long match). */
export const WHOLE = 0x8000;
/** A match this long cuts the rest of a chain walk to a quarter. */
const GOOD = 32;

/**
 * Every useful earlier repeat at each position of a range: for each longer length found, the
 * nearest distance found to give it.
 *
 * Pictures repeat short prefixes everywhere (three pixels of background start most positions),
 * so a chain of 3-byte prefixes alone must be walked thousands deep to reach the long matches.
 * A second chain keys each position by its run of equal pixels (`period` bytes each), the run's
 * length and the three bytes after it: every candidate there matches the run and more, so a
 * short walk finds long matches. The first chain, walked briefly, still gives the near short ones.
 * Comparing two positions steps over their runs at once, for the same reason.
 *
 * A match of `nice` bytes or more ends the search, and the positions it covers get only its
 * remainder, marked WHOLE: taking such a match whole is what an optimal parse does nearly always,
 * and trying each length of each remainder would cost time quadratic in the match's length.
 */
export class MatchFinder {
  private readonly nearHead = new Int32Array(1 << HASH_BITS).fill(NO_POSITION);
  private readonly nearPrev = new Int32Array(WINDOW);
  private readonly runHead = new Int32Array(1 << HASH_BITS).fill(NO_POSITION);
  private readonly runPrev = new Int32Array(WINDOW);
  /** Bytes from each position on that repeat the pixel there, at most MAX_MATCH (at least `period`). */
  private readonly run: Uint16Array;
  /** Positions before this one are in the chains. */
  private inserted = 0;

  constructor(
    private readonly data: Uint8Array,
    /** Candidates tried per position on the run chain; the prefix chain gets a 32nd. */
    private readonly chain: number,
    private readonly nice: number,
    /** Bytes a pixel. */
    private readonly period: number,
  ) {
    this.run = new Uint16Array(data.length + 1);
    for (let p = data.length - 1, repeats = 0; p >= 0; p--) {
      repeats = p + period < data.length && data[p + period] === data[p] ? Math.min(MAX_MATCH, repeats + 1) : 0;
      this.run[p] = Math.min(MAX_MATCH, period + repeats);
    }
  }

  /** Fills `out` with the matches of every position from `start` to `end` (matches end by `end`). */
  find(start: number, end: number, out: MatchList): void {
    out.reset(end - start);
    for (let q = this.inserted; q < start; q++) this.insert(q);
    let skipTo = start;
    let skipDistance = 0;
    for (let p = start; p < end; p++) {
      out.begin(p - start);
      const max = Math.min(MAX_MATCH, end - p);
      if (p < skipTo) {
        if (skipTo - p >= MIN_MATCH) out.add((skipTo - p) | WHOLE, skipDistance);
      } else if (max >= MIN_MATCH) {
        const from = out.count;
        let best = this.walk(this.nearHead[nearHash(this.data, p)]!, this.nearPrev, p, max, MIN_MATCH - 1, Math.max(4, this.chain >> 5), out);
        if (best < Math.min(this.nice, max)) best = this.walk(this.runHead[this.runHash(p)]!, this.runPrev, p, max, best, this.chain, out);
        nearestFirst(out, from);
        if (best >= this.nice) {
          skipTo = p + best;
          skipDistance = out.distances[out.count - 1]!;
        }
      }
      this.insert(p);
    }
    out.begin(end - start);
  }

  /** Adds each candidate on a chain that beats `best`, nearest first; returns the longest. */
  private walk(candidate: number, prev: Int32Array, p: number, max: number, best: number, budget: number, out: MatchList): number {
    const { data } = this;
    const nice = Math.min(this.nice, max);
    while (candidate !== NO_POSITION && p - candidate <= WINDOW && budget-- > 0) {
      // The byte just past the best so far must match, or this candidate cannot beat it.
      if (data[candidate + best] === data[p + best] && data[candidate] === data[p]) {
        const len = this.matchLength(candidate, p, max);
        if (len > best) {
          // Past a long match, farther candidates rarely beat it by much.
          if (best < GOOD && len >= GOOD) budget >>= 2;
          best = len;
          out.add(len, p - candidate);
          if (len >= nice) break;
        }
      }
      const next = prev[candidate & (WINDOW - 1)]!;
      if (next >= candidate) break;
      candidate = next;
    }
    return best;
  }

  /**
   * Equal bytes at a and b, at most max. Where both start the same pixel, their runs of it are
   * equal as far as the shorter goes, and if the runs differ in length the match ends there.
   */
  private matchLength(a: number, b: number, max: number): number {
    const { data, run, period } = this;
    let len = 0;
    if (period === 1) {
      while (len < max && data[a + len] === data[b + len]) {
        const ra = run[a + len]!;
        const rb = run[b + len]!;
        len += ra < rb ? ra : rb;
        if (ra !== rb) break;
      }
      return len < max ? len : max;
    }
    while (len < max) {
      let k = 0;
      while (k < period && len + k < max && data[a + len + k] === data[b + len + k]) k++;
      if (k < period) return len + k;
      const ra = run[a + len]!;
      const rb = run[b + len]!;
      len += ra < rb ? ra : rb;
      if (ra !== rb) break;
    }
    return len < max ? len : max;
  }

  private runHash(p: number): number {
    const { data, period } = this;
    const r = this.run[p]!;
    const q = p + r;
    let key = r;
    for (let k = 0; k < period; k++) key = Math.imul(key ^ (data[p + k] ?? 0), 0x85ebca6b);
    key ^= ((data[q] ?? 0) << 16) ^ ((data[q + 1] ?? 0) << 8) ^ (data[q + 2] ?? 0);
    return Math.imul(key, 0x9e3779b1) >>> (32 - HASH_BITS);
  }

  private insert(p: number): void {
    if (p < this.inserted) return;
    this.inserted = p + 1;
    if (p + MIN_MATCH > this.data.length) return;
    const slot = p & (WINDOW - 1);
    const near = nearHash(this.data, p);
    this.nearPrev[slot] = this.nearHead[near]!;
    this.nearHead[near] = p;
    const run = this.runHash(p);
    this.runPrev[slot] = this.runHead[run]!;
    this.runHead[run] = p;
  }
}

function nearHash(data: Uint8Array, p: number): number {
  const key = (data[p]! << 16) | (data[p + 1]! << 8) | data[p + 2]!;
  return Math.imul(key, 0x9e3779b1) >>> (32 - HASH_BITS);
}

/**
 * A match at some distance holds for every shorter length too: each of a position's matches
 * (by rising length) takes the nearest distance of any match as long or longer.
 */
function nearestFirst(out: MatchList, from: number): void {
  let nearest = Infinity;
  for (let m = out.count - 1; m >= from; m--) {
    const d = out.distances[m]!;
    if (d < nearest) nearest = d;
    else out.distances[m] = nearest;
  }
}

/** Matches of a range of positions, flat: position i's are first[i] to first[i + 1], by rising length. */
export class MatchList {
  first = new Int32Array(1);
  lengths = new Uint16Array(1024);
  distances = new Uint16Array(1024);
  count = 0;

  reset(positions: number): void {
    if (this.first.length < positions + 1) this.first = new Int32Array(positions + 1);
    this.count = 0;
  }

  begin(i: number): void {
    this.first[i] = this.count;
  }

  add(length: number, distance: number): void {
    if (this.count === this.lengths.length) {
      const lengths = new Uint16Array(this.count * 2);
      const distances = new Uint16Array(this.count * 2);
      lengths.set(this.lengths);
      distances.set(this.distances);
      this.lengths = lengths;
      this.distances = distances;
    }
    this.lengths[this.count] = length;
    this.distances[this.count++] = distance;
  }
}
