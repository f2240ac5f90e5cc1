/**
 * A minimal Matroska stream of uncompressed RGB frames, each with its own timestamp and duration
 * in milliseconds: how frames of varying length reach ffmpeg exactly, without repeating any.
 * Written front to back (the segment's size is left unknown), so it can go down a pipe.
 */

/** An EBML variable-length size, in as few bytes as hold it. */
function vint(value: number): Buffer {
  let length = 1;
  while (length < 8 && value >= 2 ** (7 * length) - 1) length++;
  const out = Buffer.alloc(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0]! |= 1 << (8 - length);
  return out;
}


function element(elementId: number, data: Uint8Array): Buffer {
  return Buffer.concat([idBytes(elementId), vint(data.length), data]);
}

function idBytes(elementId: number): Buffer {
  const hex = elementId.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

function uint(elementId: number, value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v % 256);
    v = Math.floor(v / 256);
  } while (v > 0);
  return element(elementId, Uint8Array.from(bytes));
}

const text = (elementId: number, value: string): Buffer => element(elementId, Buffer.from(value, 'latin1'));
const master = (elementId: number, ...children: Buffer[]): Buffer => element(elementId, Buffer.concat(children));

/** The EBML header, the segment (of unknown size), its info (1 ms ticks) and the one video track. */
export function matroskaHeader(width: number, height: number): Buffer {
  const ebml = master(0x1a45dfa3, uint(0x4286, 1), uint(0x42f7, 1), uint(0x42f2, 4), uint(0x42f3, 8), text(0x4282, 'matroska'), uint(0x4287, 4), uint(0x4285, 2));
  const unknownSize = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  const info = master(0x1549a966, uint(0x2ad7b1, 1_000_000), text(0x4d80, 'cast2gif'), text(0x5741, 'cast2gif'));
  const video = master(0xe0, uint(0xb0, width), uint(0xba, height), element(0x2eb524, Buffer.from([0x52, 0x47, 0x42, 24])));
  const track = master(0xae, uint(0xd7, 1), uint(0x73c5, 1), uint(0x83, 1), uint(0x9c, 0), text(0x86, 'V_UNCOMPRESSED'), video);
  return Buffer.concat([ebml, idBytes(0x18538067), unknownSize, info, master(0x1654ae6b, track)]);
}

/**
 * One frame in a cluster of its own: the cluster's timestamp is the frame's start (ms), and a
 * block group carries its duration. Returns the bytes before the pixels; the `rgb.length` pixel
 * bytes follow them, so the caller can write the frame without copying it.
 */
export function matroskaFrameHead(start: number, duration: number, pixelBytes: number): Buffer {
  const blockHead = Buffer.from([0x81, 0, 0, 0x00]); // track 1, relative timestamp 0, no flags
  const blockDuration = uint(0x9b, duration);
  const block = Buffer.concat([idBytes(0xa1), vint(blockHead.length + pixelBytes), blockHead]);
  const groupSize = block.length + pixelBytes + blockDuration.length;
  const group = Buffer.concat([idBytes(0xa0), vint(groupSize)]);
  const timestamp = uint(0xe7, start);
  const clusterSize = timestamp.length + group.length + groupSize;
  return Buffer.concat([idBytes(0x1f43b675), vint(clusterSize), timestamp, group, block]);
}

/** The block duration that follows the pixels of a frame written with matroskaFrameHead. */
export const matroskaFrameTail = (duration: number): Buffer => uint(0x9b, duration);
