export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const encoder = new TextEncoder();
const asBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);

/**
 * Pulls exact byte counts out of a chunked stream, for formats whose records are sized in bytes
 * (ttyrec payloads, script(1) timing entries). Holds at most one chunk plus the bytes asked for.
 */
export class ByteReader {
  private readonly chunks: AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>;
  private buffer: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private done = false;
  /** Bytes handed out so far: positions for error messages. */
  position = 0;

  constructor(source: ByteChunks) {
    this.chunks =
      Symbol.asyncIterator in source
        ? (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
        : (source as Iterable<Uint8Array | string>)[Symbol.iterator]();
  }

  private get available(): number {
    return this.buffer.byteLength - this.offset;
  }

  /**
   * Makes at least `n` bytes available unless the stream ends first; returns how many are.
   * Chunks are gathered first and joined once: joining as each arrives copied a record spread
   * over k chunks k times (an 8 MB ttyrec record in 64 KiB chunks copied 500 MB).
   */
  private async fill(n: number): Promise<number> {
    if (this.available >= n || this.done) return this.available;
    const gathered: Uint8Array[] = [];
    let total = this.available;
    while (total < n) {
      const next = await this.chunks.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const chunk = asBytes(next.value);
      if (chunk.byteLength === 0) continue;
      gathered.push(chunk);
      total += chunk.byteLength;
    }
    if (gathered.length === 0) return this.available;
    if (gathered.length === 1 && this.available === 0) {
      this.buffer = gathered[0]!;
    } else {
      const merged = new Uint8Array(total);
      merged.set(this.buffer.subarray(this.offset));
      let at = this.available;
      for (const chunk of gathered) {
        merged.set(chunk, at);
        at += chunk.byteLength;
      }
      this.buffer = merged;
    }
    this.offset = 0;
    return this.available;
  }

  /** `n` bytes if they are already buffered, without an await; else undefined (then use `read`). */
  take(n: number): Uint8Array | undefined {
    if (this.available < n) return undefined;
    const out = this.buffer.subarray(this.offset, this.offset + n);
    this.offset += n;
    this.position += n;
    return out;
  }

  /** Up to `n` bytes; fewer only at the end of the stream. */
  async read(n: number): Promise<Uint8Array> {
    const got = Math.min(n, await this.fill(n));
    const out = this.buffer.subarray(this.offset, this.offset + got);
    this.offset += got;
    this.position += got;
    return out;
  }

  /** The next `n` bytes (fewer at the end) without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    const got = Math.min(n, await this.fill(n));
    return this.buffer.subarray(this.offset, this.offset + got);
  }

  /**
   * Bytes up to and including the next LF, or undefined when none comes within `max` bytes
   * (or before the end). Nothing is consumed in that case.
   */
  async readLine(max: number): Promise<Uint8Array | undefined> {
    let searched = 0;
    for (;;) {
      const view = this.buffer.subarray(this.offset + searched, this.offset + Math.min(this.available, max));
      const nl = view.indexOf(10);
      if (nl !== -1) return this.read(searched + nl + 1);
      searched += view.byteLength;
      if (searched >= max) return undefined;
      const before = this.available;
      if ((await this.fill(before + 1)) === before) return undefined;
    }
  }

  /** Whatever is left, chunk by chunk: hands the stream on to another reader. */
  async *rest(): AsyncGenerator<Uint8Array> {
    if (this.available > 0) {
      const head = this.buffer.subarray(this.offset);
      this.offset = this.buffer.byteLength;
      this.position += head.byteLength;
      yield head;
    }
    while (!this.done) {
      const next = await this.chunks.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const chunk = asBytes(next.value);
      this.position += chunk.byteLength;
      yield chunk;
    }
  }
}
