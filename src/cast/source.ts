import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CastError } from './cast-error.js';

export interface SourceOptions {
  /** Where `-` reads from. */
  readonly stdin?: NodeJS.ReadableStream;
  /** For URLs: give up after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** For URLs: refuse bodies larger than this (default 512 MB). */
  readonly maxBytes?: number;
}

export interface Source {
  readonly name: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}

export const DEFAULT_URL_TIMEOUT_MS = 30_000;
export const DEFAULT_URL_MAX_BYTES = 512 * 1024 * 1024;

/** Opens a path, `-` (stdin) or an http(s) URL; gzip-compressed input is recognised by its magic bytes. */
export async function openSource(spec: string, options: SourceOptions = {}): Promise<Source> {
  let bytes: AsyncIterable<Uint8Array>;
  if (spec === '-') {
    bytes = (options.stdin ?? process.stdin) as AsyncIterable<Uint8Array>;
  } else if (/^https?:\/\//i.test(spec)) {
    bytes = await download(spec, options);
  } else {
    await checkFile(spec);
    bytes = createReadStream(spec);
  }
  const name = spec === '-' ? 'stdin' : spec;
  return { name, bytes: gunzipIfCompressed(bytes, name) };
}

async function checkFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CastError(path, undefined, 'is a directory, not a cast file');
  } catch (error) {
    if (error instanceof CastError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CastError(path, undefined, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? error})`);
  }
}

/** asciinema.org recording pages (https://asciinema.org/a/ID) are HTML; their cast is at ID.cast. */
export function castUrl(url: string): string {
  const u = new URL(url);
  if (/(^|\.)asciinema\.org$/i.test(u.hostname) && /^\/a\/[\w-]+\/?$/.test(u.pathname)) {
    u.pathname = `${u.pathname.replace(/\/$/, '')}.cast`;
  }
  return u.toString();
}

async function download(spec: string, options: SourceOptions): Promise<AsyncIterable<Uint8Array>> {
  const url = castUrl(spec);
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_URL_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    throw new CastError(spec, undefined, fetchFailure(error, timeoutMs));
  }
  if (!response.ok || !response.body) {
    throw new CastError(spec, undefined, `download failed: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new CastError(spec, undefined, tooLarge(maxBytes));
  return capped(response.body as unknown as AsyncIterable<Uint8Array>, spec, maxBytes, timeoutMs);
}

async function* capped(body: AsyncIterable<Uint8Array>, spec: string, maxBytes: number, timeoutMs: number) {
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new CastError(spec, undefined, tooLarge(maxBytes));
      yield chunk;
    }
  } catch (error) {
    if (error instanceof CastError) throw error;
    throw new CastError(spec, undefined, fetchFailure(error, timeoutMs));
  }
}

const tooLarge = (maxBytes: number) => `download is larger than the ${Math.round(maxBytes / 1048576)} MB limit`;

function fetchFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `download timed out after ${timeoutMs / 1000} s`;
  return `download failed (${e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)})`;
}

async function* gunzipIfCompressed(bytes: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  const it = bytes[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => it,
  };
  if (!(head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield head;
    yield* rest;
    return;
  }
  async function* whole() {
    yield head;
    yield* rest;
  }
  try {
    yield* Readable.from(whole()).pipe(createGunzip()) as AsyncIterable<Uint8Array>;
  } catch (error) {
    if (error instanceof CastError) throw error;
    throw new CastError(name, undefined, `is not valid gzip data (${(error as Error).message})`);
  }
}
