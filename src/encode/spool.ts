import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Encoded frames kept on disk until the container's header can be written: WebP's RIFF header
 * holds the file's size and APNG's acTL the frame count, both known only at the end, and an
 * output stream cannot be rewound. Memory stays flat however long the animation is.
 */
export class Spool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'cast2gif-spool-'));
  private readonly fd = openSync(join(this.dir, 'frames'), 'w+');
  /** Bytes appended so far. */
  size = 0;

  append(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.size += bytes.length;
  }

  /** The spooled bytes in order, `length` at a time (the last piece shorter). */
  *pieces(length = 1 << 20): Generator<Uint8Array> {
    const buffer = Buffer.alloc(length);
    for (let at = 0; at < this.size; ) {
      const n = readSync(this.fd, buffer, 0, Math.min(length, this.size - at), at);
      if (n === 0) throw new Error('the frame spool was cut short');
      at += n;
      yield buffer.subarray(0, n);
    }
  }

  /** Reads exactly `length` bytes at `at`. */
  read(at: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd, buffer, done, length - done, at + done);
      if (n === 0) throw new Error('the frame spool was cut short');
      done += n;
    }
    return buffer;
  }

  private closed = false;

  /** Removes the spool; again is harmless (a failed render closes it too). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
