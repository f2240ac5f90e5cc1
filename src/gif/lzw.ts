import type { ByteWriter } from './byte-writer.js';

const MAX_CODE = 4095;

/**
 * Dictionary of (prefix code, next index) -> code, indexed directly by (prefix << 8 | index).
 * Entries are stamped with a generation so a dictionary reset costs nothing.
 */
const table = new Int32Array(1 << 20);
let generation = 1;

function nextGeneration(): number {
  generation++;
  if (generation * 4096 > 0x7fff0000) {
    table.fill(0);
    generation = 1;
  }
  return generation * 4096;
}

/**
 * GIF's variable-length-code LZW (GIF89a appendix F) of `indices`, written as the image data:
 * minimum code size, then sub-blocks of at most 255 bytes, then the block terminator.
 *
 * When the dictionary is full it either starts afresh (`resetWhenFull`, best when the picture
 * changes character) or keeps coding with the full dictionary (best when it repeats itself).
 * Returns whether the dictionary filled up, i.e. whether the other choice could differ.
 */
export function lzwEncode(indices: Uint8Array, minCodeSize: number, out: ByteWriter, resetWhenFull = true): boolean {
  let filled = false;
  out.byte(minCodeSize);
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  let codeSize = minCodeSize + 1;
  let next = clearCode + 2;
  let stamp = nextGeneration();

  const block = new Uint8Array(255);
  let blockLength = 0;
  let bits = 0;
  let bitCount = 0;
  const emit = (code: number): void => {
    bits |= code << bitCount;
    bitCount += codeSize;
    while (bitCount >= 8) {
      block[blockLength++] = bits & 0xff;
      bits >>>= 8;
      bitCount -= 8;
      if (blockLength === 255) {
        out.byte(255);
        out.bytes(block);
        blockLength = 0;
      }
    }
  };

  emit(clearCode);
  if (indices.length > 0) {
    let prefix = indices[0]!;
    for (let i = 1; i < indices.length; i++) {
      const k = indices[i]!;
      const key = (prefix << 8) | k;
      const entry = table[key]!;
      if (entry >= stamp && entry < stamp + 4096) {
        prefix = entry - stamp;
        continue;
      }
      emit(prefix);
      if (next <= MAX_CODE) {
        table[key] = stamp + next;
        next++;
        // The decoder adds its entry one code later, so it widens codes once `next` passes 2^size.
        if (next > 1 << codeSize && codeSize < 12) codeSize++;
      } else if (resetWhenFull) {
        filled = true;
        emit(clearCode);
        stamp = nextGeneration();
        next = clearCode + 2;
        codeSize = minCodeSize + 1;
      } else filled = true;
      prefix = k;
    }
    emit(prefix);
    // The decoder adds an entry after this last code too, and may widen before reading the end code.
    if (next <= MAX_CODE && next + 1 > 1 << codeSize && codeSize < 12) codeSize++;
  }
  emit(endCode);
  if (bitCount > 0) {
    block[blockLength++] = bits & 0xff;
    if (blockLength === 255) {
      out.byte(255);
      out.bytes(block);
      blockLength = 0;
    }
  }
  if (blockLength > 0) {
    out.byte(blockLength);
    out.bytes(block.subarray(0, blockLength));
  }
  out.byte(0);
  return filled;
}

/** The smallest LZW minimum code size for a palette of `colors` entries (GIF requires at least 2). */
export const minCodeSizeFor = (colors: number): number => Math.max(2, Math.ceil(Math.log2(Math.max(2, colors))));
