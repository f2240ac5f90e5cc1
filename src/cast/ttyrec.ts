import { assumedSize } from './assumed-size.js';
import { ByteReader, type ByteChunks } from './byte-reader.js';
import { CastError } from './cast-error.js';
import type { Cast, CastEvent, CastHeader, WarningHandler } from './events.js';
import type { SizeOverride } from './header.js';

export interface ReadTtyrecOptions extends SizeOverride {
  readonly name?: string;
  readonly onWarning?: WarningHandler;
}

/** ttyrec reads in BUFSIZ pieces; other writers use more, but a record this large is corrupt data. */
export const MAX_TTYREC_RECORD_BYTES = 64 * 1024 * 1024;

const HEADER_BYTES = 12;

/** How much of a record's payload is read and decoded at a time. */
const PAYLOAD_PIECE_BYTES = 64 * 1024;

export interface TtyrecRecordHeader {
  readonly sec: number;
  readonly usec: number;
  readonly length: number;
}

export function recordHeader(bytes: Uint8Array, at = 0): TtyrecRecordHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, HEADER_BYTES);
  return { sec: view.getUint32(0, true), usec: view.getUint32(4, true), length: view.getUint32(8, true) };
}

const plausible = (h: TtyrecRecordHeader) => h.usec < 1_000_000 && h.length <= MAX_TTYREC_RECORD_BYTES;

/**
 * Whether `head` (the start of a file) reads as a ttyrec: the first record header is sane and,
 * when the next one is within `head`, it is sane too and no earlier than the first.
 */
export function looksLikeTtyrec(head: Uint8Array): boolean {
  if (head.byteLength < HEADER_BYTES) return false;
  const first = recordHeader(head);
  if (!plausible(first) || first.length === 0) return false;
  const next = HEADER_BYTES + first.length;
  if (head.byteLength < next + HEADER_BYTES) return true;
  const second = recordHeader(head, next);
  return plausible(second) && second.sec * 1e6 + second.usec >= first.sec * 1e6 + first.usec;
}

const ignore: WarningHandler = () => {};

/**
 * Reads a ttyrec file: records of a little-endian (seconds, microseconds, length) header and
 * `length` bytes of output. Times are taken relative to the first record. The first record is
 * checked before this resolves, so a file that is not a ttyrec fails at once.
 */
export async function readTtyrec(source: ByteChunks, options: ReadTtyrecOptions = {}): Promise<Cast> {
  const file = options.name ?? 'input';
  const warn = options.onWarning ?? ignore;
  const reader = new ByteReader(source);
  const head = await reader.peek(HEADER_BYTES);
  if (head.byteLength === 0) throw new CastError(file, undefined, 'the file is empty');
  if (head.byteLength < HEADER_BYTES) {
    throw new CastError(file, undefined, `not a ttyrec: ${head.byteLength} bytes is shorter than one record header`);
  }
  const first = recordHeader(head);
  if (!plausible(first)) throw new CastError(file, undefined, `not a ttyrec: ${badHeader(first, 0)}`);
  const size = assumedSize(options, file, 'ttyrec does not record the terminal size', warn);
  const header: CastHeader = first.sec > 0 ? { version: 2, ...size, timestamp: first.sec } : { version: 2, ...size };
  return { header, events: ttyrecEvents(reader, file, warn) };
}

function badHeader(h: TtyrecRecordHeader, at: number): string {
  return h.usec >= 1_000_000
    ? `the record header at byte ${at} has ${h.usec} microseconds (at most 999999)`
    : `the record at byte ${at} claims ${h.length} bytes (more than ${MAX_TTYREC_RECORD_BYTES >> 20} MB)`;
}

async function* ttyrecEvents(reader: ByteReader, file: string, warn: WarningHandler): AsyncGenerator<CastEvent> {
  const decoder = new TextDecoder('utf-8');
  let origin: number | undefined;
  let clock = 0;
  let warnedBackwards = false;
  let time = 0;
  for (;;) {
    const at = reader.position;
    const bytes = reader.take(HEADER_BYTES) ?? (await reader.read(HEADER_BYTES));
    if (bytes.byteLength === 0) break;
    if (bytes.byteLength < HEADER_BYTES) {
      warn(`${file}: the last record header is cut off at byte ${at}; using the records before it`);
      break;
    }
    const h = recordHeader(bytes);
    if (!plausible(h)) throw new CastError(file, undefined, `corrupt ttyrec: ${badHeader(h, at)}`);
    // Whole microseconds keep times exact: float seconds summed per record would drift.
    const micros = h.sec * 1_000_000 + h.usec;
    origin ??= micros;
    if (micros - origin < clock) {
      if (!warnedBackwards) {
        warnedBackwards = true;
        warn(`${file}: record times going backwards (first at byte ${at}) are clamped to the previous time`);
      }
    } else {
      clock = micros - origin;
    }
    time = clock / 1_000_000;
    // A large record is read and decoded in pieces, as events of the same time: held whole, its
    // bytes, their merged copy and the decoded string took 200 MB for an 8 MB record.
    let got = 0;
    while (got < h.length) {
      const want = Math.min(h.length - got, PAYLOAD_PIECE_BYTES);
      const piece = reader.take(want) ?? (await reader.read(want));
      got += piece.byteLength;
      const data = decoder.decode(piece, { stream: true });
      if (data !== '') yield { time, kind: 'output', data };
      if (piece.byteLength < want) break;
    }
    if (got < h.length) {
      warn(`${file}: the last record is cut off (${got} of ${h.length} bytes); showing what is there`);
      break;
    }
  }
  const tail = decoder.decode();
  if (tail !== '') yield { time, kind: 'output', data: tail };
}
