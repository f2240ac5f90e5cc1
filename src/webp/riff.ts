/** RIFF chunks of a WebP file (little-endian sizes, data padded to an even length). */
export function riffChunk(fourcc: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(8 + data.length + (data.length & 1));
  out.write(fourcc, 0, 'latin1');
  out.writeUInt32LE(data.length, 4);
  out.set(data, 8);
  return out;
}

export const u24 = (out: Buffer, at: number, value: number): void => {
  out.writeUIntLE(value, at, 3);
};

/** The chunks of a still WebP file after its RIFF header, less VP8X: the ALPH/VP8 or VP8L an ANMF frame holds. */
export function imageChunks(file: Uint8Array): { bytes: Uint8Array; alpha: boolean } {
  const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const parts: Uint8Array[] = [];
  let alpha = false;
  for (let at = 12; at + 8 <= view.length; ) {
    const fourcc = view.toString('latin1', at, at + 4);
    const size = view.readUInt32LE(at + 4);
    const end = at + 8 + size + (size & 1);
    if (fourcc === 'ALPH') alpha = true;
    if (fourcc === 'VP8L') alpha ||= (view[at + 8 + 4]! & 0x10) !== 0;
    if (fourcc !== 'VP8X') parts.push(view.subarray(at, end));
    at = end;
  }
  return { bytes: Buffer.concat(parts), alpha };
}

/** VP8X: the extended header, with the animation and alpha flags and the canvas size. */
export function vp8x(width: number, height: number, flags: { animation: boolean; alpha: boolean }): Buffer {
  const data = Buffer.alloc(10);
  data[0] = (flags.alpha ? 0x10 : 0) | (flags.animation ? 0x02 : 0);
  u24(data, 4, width - 1);
  u24(data, 7, height - 1);
  return riffChunk('VP8X', data);
}

/** ANIM: background colour (transparent) and loop count (0 forever, else the number of plays). */
export function anim(loop: number): Buffer {
  const data = Buffer.alloc(6);
  data.writeUInt16LE(Math.min(loop, 0xffff), 4);
  return riffChunk('ANIM', data);
}

/** The RIFF header for a file whose chunks after it take `size` bytes. */
export function riffHeader(size: number): Buffer {
  const out = Buffer.alloc(12);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(4 + size, 4);
  out.write('WEBP', 8, 'latin1');
  return out;
}
