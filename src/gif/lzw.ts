import type { ByteWriter } from './byte-writer.js';

const MAX_CODE = 4095;

/**
 * The dictionary: (prefix code, next index) -> code, in an open-addressing hash table small
 * enough to stay in the processor's cache (a table indexed by the pair directly is 4 MB, and
 * long runs walk through it a cache miss per pixel).
 */
const HSIZE = 5003;
const keys = new Int32Array(HSIZE);
const codes = new Int16Array(HSIZE);

/**
 * Runs of one index (transparent areas, blank rows) are most of many frames. The dictionary's
 * strings of a single repeated index k are always k, kk, ... up to some longest one, so a run can
 * be consumed in one step instead of one hash probe per pixel. Per code: the length of the run it
 * stands for (0 if it is not one) and its index; per index: its longest run and the run codes.
 */
const runLength = new Int16Array(MAX_CODE + 1);
const runIndex = new Uint8Array(MAX_CODE + 1);
const longestRun = new Int16Array(256);
const runCodes = new Int16Array(256 * (MAX_CODE + 1));

function resetRuns(clearCode: number): void {
  for (let k = 0; k < clearCode; k++) {
    runLength[k] = 1;
    runIndex[k] = k;
    longestRun[k] = 1;
    runCodes[k * (MAX_CODE + 1) + 1] = k;
  }
  runLength[clearCode] = 0;
  runLength[clearCode + 1] = 0;
}

/**
 * GIF's variable-length-code LZW (GIF89a appendix F) of `indices`, written as the image data:
 * minimum code size, then sub-blocks of at most 255 bytes, then the block terminator.
 *
 * When the dictionary is full it either starts afresh (`resetWhenFull`, best when the picture
 * changes character) or keeps coding with the full dictionary (best when it repeats itself).
 * Returns how many pixels were coded when the dictionary first filled up (-1 if it never did):
 * only then could the other choice differ. `'adaptive'` keeps the full dictionary while it codes
 * at least as many pixels per code as it did while filling up, and starts afresh once it does worse.
 */
export function lzwEncode(indices: Uint8Array, minCodeSize: number, out: ByteWriter, resetWhenFull: boolean | 'adaptive' = true): number {
  const packed = packedBuffer(indices.length);
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  let codeSize = minCodeSize + 1;
  let next = clearCode + 2;
  keys.fill(-1);
  resetRuns(clearCode);
  let filledAt = -1;
  // For 'adaptive': where the current dictionary started, codes written since, and the block being measured.
  let dictStart = 0;
  let dictCodes = 0;
  let fillRate = 0;
  let blockStart = 0;
  let blockCodes = 0;
  let at = 0;
  let bits = clearCode;
  let bitCount = codeSize;
  const n = indices.length;
  /** Whether the block of codes just ended coded fewer pixels per code than the dictionary did while filling. */
  const endBlock = (i: number): boolean => {
    const worse = (i - blockStart) / ADAPTIVE_BLOCK < fillRate;
    blockStart = i;
    blockCodes = 0;
    return worse;
  };
  if (n > 0) {
    let prefix = indices[0]!;
    for (let i = 1; i < n; i++) {
      const k = indices[i]!;
      const run = runLength[prefix]!;
      const isRun = run > 0 && runIndex[prefix] === k;
      if (isRun && run < longestRun[k]!) {
        // Every longer run of k up to the longest is in the dictionary: take as much as follows.
        const limit = Math.min(n, i + longestRun[k]! - run);
        let j = i + 1;
        while (j < limit && indices[j] === k) j++;
        prefix = runCodes[k * (MAX_CODE + 1) + run + (j - i)]!;
        i = j - 1;
        continue;
      }
      const key = (k << 12) | prefix;
      // Both are below 4096, so the XOR is a slot of the table.
      let slot = (k << 4) ^ prefix;
      let found = keys[slot] === key;
      if (!found && keys[slot] !== -1) {
        const step = slot === 0 ? 1 : HSIZE - slot;
        do {
          slot -= step;
          if (slot < 0) slot += HSIZE;
          if (keys[slot] === key) {
            found = true;
            break;
          }
        } while (keys[slot] !== -1);
      }
      if (found) {
        prefix = codes[slot]!;
        continue;
      }
      bits |= prefix << bitCount;
      bitCount += codeSize;
      while (bitCount >= 8) {
        packed[at++] = bits & 0xff;
        bits >>>= 8;
        bitCount -= 8;
      }
      dictCodes++;
      if (next <= MAX_CODE) {
        keys[slot] = key;
        codes[slot] = next;
        if (isRun) {
          runLength[next] = run + 1;
          runIndex[next] = k;
          longestRun[k] = run + 1;
          runCodes[k * (MAX_CODE + 1) + run + 1] = next;
        } else runLength[next] = 0;
        next++;
        // The decoder adds its entry one code later, so it widens codes once `next` passes 2^size.
        if (next > 1 << codeSize && codeSize < 12) codeSize++;
        if (next > MAX_CODE) {
          fillRate = (i - dictStart) / dictCodes;
          blockStart = i;
          blockCodes = 0;
        }
      } else if (resetWhenFull === true || (resetWhenFull === 'adaptive' && ++blockCodes === ADAPTIVE_BLOCK && endBlock(i))) {
        if (filledAt < 0) filledAt = i;
        bits |= clearCode << bitCount;
        bitCount += codeSize;
        while (bitCount >= 8) {
          packed[at++] = bits & 0xff;
          bits >>>= 8;
          bitCount -= 8;
        }
        keys.fill(-1);
        resetRuns(clearCode);
        next = clearCode + 2;
        codeSize = minCodeSize + 1;
        dictStart = i;
        dictCodes = 0;
      } else if (filledAt < 0) filledAt = i;
      prefix = k;
    }
    bits |= prefix << bitCount;
    bitCount += codeSize;
    while (bitCount >= 8) {
      packed[at++] = bits & 0xff;
      bits >>>= 8;
      bitCount -= 8;
    }
    // The decoder adds an entry after this last code too, and may widen before reading the end code.
    if (next <= MAX_CODE && next + 1 > 1 << codeSize && codeSize < 12) codeSize++;
  }
  bits |= endCode << bitCount;
  bitCount += codeSize;
  while (bitCount > 0) {
    packed[at++] = bits & 0xff;
    bits >>>= 8;
    bitCount -= 8;
  }
  // Minimum code size, the codes in sub-blocks of at most 255 bytes, and the block terminator.
  out.byte(minCodeSize);
  for (let from = 0; from < at; from += 255) {
    const length = Math.min(255, at - from);
    out.byte(length);
    out.bytes(packed.subarray(from, from + length));
  }
  out.byte(0);
  return filledAt;
}

/** Codes per measurement of a full dictionary's rate in 'adaptive' mode. */
const ADAPTIVE_BLOCK = 1024;

let packedScratch = new Uint8Array(4096);

/** Room for the codes of `pixels` pixels: at most one 12-bit code per pixel, plus clear and end codes. */
function packedBuffer(pixels: number): Uint8Array {
  const need = Math.ceil(((pixels + 2) * 12) / 8) + (pixels >> 10) * 2 + 16;
  if (packedScratch.length < need) packedScratch = new Uint8Array(need);
  return packedScratch;
}

/** The smallest LZW minimum code size for a palette of `colors` entries (GIF requires at least 2). */
export const minCodeSizeFor = (colors: number): number => Math.max(2, Math.ceil(Math.log2(Math.max(2, colors))));
