import { BitWriter } from './bit-writer.js';
import { blockStarts } from './block-split.js';
import { type BlockPlan, planBlock, writeBlock } from './block-writer.js';
import { MatchFinder, MatchList } from './match-finder.js';
import { CostModel, countSymbols, greedyParse, OptimalParser, Parse } from './optimal-parse.js';

/** Input bytes parsed together: bounds the match lists' memory on large frames. */
const SEGMENT = 1 << 20;
/** Blocks a segment is cut into at most (each cut is searched for over the whole block). */
const MAX_BLOCKS = 15;

export interface DeflateOptions {
  /** Hash chain candidates tried per position. */
  chain?: number;
  /** A match this long is taken without looking further. */
  nice?: number;
  /** Rounds of parsing under the costs the previous round's symbols give. */
  rounds?: number;
  /** Rounds again for each block, under its own costs. */
  blockRounds?: number;
  /** Bytes a pixel, for scanlines: runs of equal pixels are stepped over whole. */
  period?: number;
}

/** Bytes of input items `from` to `to` of a parse stand for. */
function bytesOf(parse: Parse, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += parse.distances[i] === 0 ? 1 : parse.values[i]!;
  return bytes;
}

/**
 * A zlib stream (RFC 1950) of `data`, deflated smaller than zlib's own level 9 (about 10% on
 * terminal pictures, at about ten times the time): every position's matches are found once, then
 * the cheapest parse under a cost model, each round's costs coming from the symbol counts of the
 * parse before (a greedy one first); blocks are cut where codes of their own save bits, and each
 * block is parsed again under its own costs. One round each: more rounds gained 0.3% for half as
 * much time again.
 */
export function deflateSmall(data: Uint8Array, options: DeflateOptions = {}): Buffer {
  const { chain = 256, nice = 258, rounds = 1, blockRounds = 1, period = 1 } = options;
  const out = new BitWriter((data.length >> 2) + 64);
  out.write(0x78, 8);
  out.write(0xda, 8);
  const finder = new MatchFinder(data, chain, nice, period);
  const matches = new MatchList();
  const parser = new OptimalParser();
  let trial = new Parse(1024);
  /** The cheapest parse of positions lo–hi, starting from `best`'s counts, and its coding. */
  const improve = (start: number, lo: number, hi: number, best: Parse, times: number): { parse: Parse; plan: BlockPlan } => {
    let plan = planBlock(best, 0, best.count, hi - lo);
    for (let r = 0; r < times; r++) {
      const { litlen, dist } = countSymbols(best, 0, best.count);
      parser.parse(data, start, lo, hi, matches, new CostModel(litlen, dist), trial);
      const tried = planBlock(trial, 0, trial.count, hi - lo);
      if (tried.bits >= plan.bits) break;
      [best, trial] = [trial, best];
      plan = tried;
    }
    return { parse: best, plan };
  };
  for (let start = 0; ; start += SEGMENT) {
    const n = Math.min(SEGMENT, data.length - start);
    finder.find(start, start + n, matches);
    const first = new Parse(1024);
    greedyParse(data, start, n, matches, first);
    const segment = improve(start, 0, n, first, rounds);
    const whole = segment.parse;
    const last = start + n >= data.length;
    const starts = blockStarts(whole, MAX_BLOCKS);
    // One block: the segment's own parse and coding, already made.
    if (starts.length === 1) writeBlock(out, segment.plan, whole, 0, whole.count, data, start, n, last);
    else {
      let lo = 0;
      starts.forEach((from, k) => {
        const to = starts[k + 1] ?? whole.count;
        const bytes = bytesOf(whole, from, to);
        const own = new Parse(to - from);
        own.values.set(whole.values.subarray(from, to));
        own.distances.set(whole.distances.subarray(from, to));
        own.count = to - from;
        const block = improve(start, lo, lo + bytes, own, blockRounds);
        writeBlock(out, block.plan, block.parse, 0, block.parse.count, data, start + lo, bytes, last && k === starts.length - 1);
        lo += bytes;
      });
    }
    if (last) break;
  }
  const body = out.finish();
  const result = Buffer.alloc(body.length + 4);
  result.set(body);
  result.writeUInt32BE(adler32(data), body.length);
  return result;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that cannot overflow before the modulo (zlib's NMAX).
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
