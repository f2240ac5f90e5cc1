import type { BitWriter } from './bit-writer.js';
import { canonicalCodes, codeLengths } from './huffman.js';
import { countSymbols, type Parse } from './optimal-parse.js';
import { DIST_BASE, DIST_CODE, DIST_EXTRA, DIST_SYMBOLS, END_OF_BLOCK, LENGTH_BASE, LENGTH_CODE, LENGTH_EXTRA, LITLEN_SYMBOLS } from './symbols.js';

/** The order code length code lengths are stored in (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const FIXED_LITLEN = new Uint8Array(288).map((_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8));
const FIXED_DIST = new Uint8Array(DIST_SYMBOLS).fill(5);

/** A dynamic block's code lengths, run-length coded as its header stores them. */
interface DynamicHeader {
  litLengths: Uint8Array;
  distLengths: Uint8Array;
  /** Code length symbols (0–18), each with its repeat count's extra bits. */
  symbols: number[];
  extras: number[];
  codeLengthLengths: Uint8Array;
  hlit: number;
  hdist: number;
  hclen: number;
  bits: number;
}

function dynamicHeader(litlen: Uint32Array, dist: Uint32Array, thorough: boolean): DynamicHeader {
  const litLengths = codeLengths(litlen, 15);
  const distLengths = codeLengths(dist, 15);
  let hlit = LITLEN_SYMBOLS;
  while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
  let hdist = DIST_SYMBOLS;
  while (hdist > 1 && distLengths[hdist - 1] === 0) hdist--;
  const all = [...litLengths.subarray(0, hlit), ...distLengths.subarray(0, hdist)];
  let best: DynamicHeader | undefined;
  // Repeat codes are not always worth their own code length codes: each subset is tried.
  for (let allowed = thorough ? 0 : 7; allowed < 8; allowed++) {
    const header = { litLengths, distLengths, hlit, hdist, ...codeLengthCoding(all, allowed) };
    if (!best || header.bits < best.bits) best = header;
  }
  return best!;
}

/** The code lengths run-length coded with the repeat codes `allowed` (bits: 1 for 16, 2 for 17, 4 for 18). */
function codeLengthCoding(all: number[], allowed: number): Omit<DynamicHeader, 'litLengths' | 'distLengths' | 'hlit' | 'hdist'> {
  const [use16, use17, use18] = [allowed & 1, allowed & 2, allowed & 4];
  const symbols: number[] = [];
  const extras: number[] = [];
  for (let i = 0; i < all.length; ) {
    const v = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === v) run++;
    i += run;
    if (v === 0) {
      while (use18 && run >= 11) {
        const r = Math.min(run, 138);
        symbols.push(18);
        extras.push(r - 11);
        run -= r;
      }
      while (use17 && run >= 3) {
        const r = Math.min(run, 10);
        symbols.push(17);
        extras.push(r - 3);
        run -= r;
      }
    } else if (use16 && run >= 4) {
      symbols.push(v);
      extras.push(0);
      run--;
      while (run >= 3) {
        const r = Math.min(run, 6);
        symbols.push(16);
        extras.push(r - 3);
        run -= r;
      }
    }
    for (; run > 0; run--) {
      symbols.push(v);
      extras.push(0);
    }
  }
  const clFreq = new Uint32Array(19);
  for (const s of symbols) clFreq[s]!++;
  const codeLengthLengths = codeLengths(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && codeLengthLengths[CODE_LENGTH_ORDER[hclen - 1]!] === 0) hclen--;
  let bits = 5 + 5 + 4 + hclen * 3;
  for (const s of symbols) bits += codeLengthLengths[s]! + (s === 16 ? 2 : s === 17 ? 3 : s === 18 ? 7 : 0);
  return { symbols, extras, codeLengthLengths, hclen, bits };
}

function payloadBits(litlen: Uint32Array, dist: Uint32Array, litLengths: Uint8Array, distLengths: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < LITLEN_SYMBOLS; s++) {
    if (litlen[s]) bits += litlen[s]! * (litLengths[s]! + (s > 256 ? LENGTH_EXTRA[s - 257]! : 0));
  }
  for (let s = 0; s < DIST_SYMBOLS; s++) if (dist[s]) bits += dist[s]! * (distLengths[s]! + DIST_EXTRA[s]!);
  return bits;
}

/** How the items of one block are best stored: Huffman codes of their own, the fixed ones, or raw bytes. */
export interface BlockPlan {
  kind: 'dynamic' | 'fixed' | 'stored';
  bits: number;
  header?: DynamicHeader;
}

/** The smallest coding of items `from`–`to` of a parse covering `bytes` input bytes. */
export function planBlock(parse: Parse, from: number, to: number, bytes: number): BlockPlan {
  const { litlen, dist } = countSymbols(parse, from, to);
  return planCounted(litlen, dist, bytes);
}

/** planBlock from the block's symbol counts (an end of block included). */
export function planCounted(litlen: Uint32Array, dist: Uint32Array, bytes: number, thorough = true): BlockPlan {
  const header = dynamicHeader(litlen, dist, thorough);
  const dynamic = 3 + header.bits + payloadBits(litlen, dist, header.litLengths, header.distLengths);
  const fixed = 3 + payloadBits(litlen, dist, FIXED_LITLEN, FIXED_DIST);
  // Worst case: 7 bits to the byte boundary, then 4 length bytes per 65,535 data bytes.
  const stored = 3 + 7 + Math.max(1, Math.ceil(bytes / 65535)) * 32 + bytes * 8;
  if (stored < dynamic && stored < fixed) return { kind: 'stored', bits: stored };
  return fixed <= dynamic ? { kind: 'fixed', bits: fixed } : { kind: 'dynamic', bits: dynamic, header };
}

/** Writes items `from`–`to` (input bytes `at` to `at + bytes`) as one block coded as planned. */
export function writeBlock(out: BitWriter, plan: BlockPlan, parse: Parse, from: number, to: number, data: Uint8Array, at: number, bytes: number, last: boolean): void {
  if (plan.kind === 'stored') {
    // Each stored block holds at most 65,535 bytes.
    for (let done = 0; done < bytes || done === 0; ) {
      const len = Math.min(65535, bytes - done);
      const final = last && done + len >= bytes;
      out.write(final ? 1 : 0, 3);
      out.align();
      out.write(len & 0xffff, 16);
      out.write(~len & 0xffff, 16);
      out.bytes(data.subarray(at + done, at + done + len));
      done += len;
      if (len === 0) break;
    }
    return;
  }
  out.write((last ? 1 : 0) | ((plan.kind === 'fixed' ? 1 : 2) << 1), 3);
  let litLengths: Uint8Array = FIXED_LITLEN;
  let distLengths: Uint8Array = FIXED_DIST;
  const header = plan.header;
  if (header) {
    ({ litLengths, distLengths } = header);
    out.write(header.hlit - 257, 5);
    out.write(header.hdist - 1, 5);
    out.write(header.hclen - 4, 4);
    for (let i = 0; i < header.hclen; i++) out.write(header.codeLengthLengths[CODE_LENGTH_ORDER[i]!]!, 3);
    const clCodes = canonicalCodes(header.codeLengthLengths);
    header.symbols.forEach((s, i) => {
      out.write(clCodes[s]!, header.codeLengthLengths[s]!);
      if (s === 16) out.write(header.extras[i]!, 2);
      else if (s === 17) out.write(header.extras[i]!, 3);
      else if (s === 18) out.write(header.extras[i]!, 7);
    });
  }
  const litCodes = canonicalCodes(litLengths);
  const distCodes = canonicalCodes(distLengths);
  const { values, distances } = parse;
  for (let i = from; i < to; i++) {
    const d = distances[i]!;
    const v = values[i]!;
    if (d === 0) {
      out.write(litCodes[v]!, litLengths[v]!);
      continue;
    }
    const lc = LENGTH_CODE[v]!;
    out.write(litCodes[257 + lc]!, litLengths[257 + lc]!);
    if (LENGTH_EXTRA[lc]) out.write(v - LENGTH_BASE[lc]!, LENGTH_EXTRA[lc]!);
    const dc = DIST_CODE[d]!;
    out.write(distCodes[dc]!, distLengths[dc]!);
    if (DIST_EXTRA[dc]) out.write(d - DIST_BASE[dc]!, DIST_EXTRA[dc]!);
  }
  out.write(litCodes[END_OF_BLOCK]!, litLengths[END_OF_BLOCK]!);
}
