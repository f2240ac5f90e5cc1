import type { ByteWriter } from './byte-writer.js';

/** Bits of a colour table holding `colors` entries (1..8; tables have 2^bits entries). */
export const tableBits = (colors: number): number => Math.max(1, Math.ceil(Math.log2(Math.max(2, colors))));

export function writeColorTable(out: ByteWriter, palette: readonly number[], bits: number): void {
  for (let i = 0; i < 1 << bits; i++) {
    const rgb = palette[i] ?? 0;
    out.byte(rgb >> 16);
    out.byte((rgb >> 8) & 0xff);
    out.byte(rgb & 0xff);
  }
}

/** Header, logical screen descriptor with the global colour table, and the loop extension. */
export function writeHeader(out: ByteWriter, width: number, height: number, palette: readonly number[], loop: number): void {
  out.ascii('GIF89a');
  out.u16(width);
  out.u16(height);
  const bits = tableBits(palette.length);
  // Global table present, colour resolution as the table's, not sorted, table size.
  out.byte(0x80 | ((bits - 1) << 4) | (bits - 1));
  out.byte(0); // background colour index
  out.byte(0); // no aspect ratio
  writeColorTable(out, palette, bits);
  // Plays: 0 forever (count 0), 1 once (no extension), N: N-1 repeats after the first play.
  if (loop !== 1) {
    out.byte(0x21);
    out.byte(0xff);
    out.byte(11);
    out.ascii('NETSCAPE2.0');
    out.byte(3);
    out.byte(1);
    out.u16(loop === 0 ? 0 : Math.min(0xffff, loop - 1));
    out.byte(0);
  }
}

export const enum Disposal {
  Keep = 1,
  RestoreBackground = 2,
}

export function writeGraphicControl(out: ByteWriter, delayCs: number, disposal: Disposal, transparentIndex: number | undefined): void {
  out.byte(0x21);
  out.byte(0xf9);
  out.byte(4);
  out.byte((disposal << 2) | (transparentIndex === undefined ? 0 : 1));
  out.u16(delayCs);
  out.byte(transparentIndex ?? 0);
  out.byte(0);
}

export function writeImageDescriptor(out: ByteWriter, x: number, y: number, w: number, h: number, localBits: number | undefined): void {
  out.byte(0x2c);
  out.u16(x);
  out.u16(y);
  out.u16(w);
  out.u16(h);
  out.byte(localBits === undefined ? 0 : 0x80 | (localBits - 1));
}

export const writeTrailer = (out: ByteWriter): void => out.byte(0x3b);
