import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { CastError, openSource, readCast } from '../../src/cast/index.js';
import { localServer } from '../helpers/local-server.js';

const MB = 1024 * 1024;
const header = '{"version": 2, "width": 20, "height": 3}\n';
/** Bytes the server wrote per path: shows a refused download was not read to its end. */
const sent = new Map<string, number>();

const server = localServer((req, res) => {
  const path = req.url ?? '/';
  const count = (n: number) => sent.set(path, (sent.get(path) ?? 0) + n);
  if (path === '/declared-too-big') {
    res.writeHead(200, { 'content-length': String(3 * MB) });
    res.end(Buffer.alloc(3 * MB, 0x20));
  } else if (path === '/endless') {
    // Chunked, no length: only counting tells it is too big.
    res.writeHead(200);
    const line = Buffer.from(`[0.1, "o", "${'x'.repeat(1000)}"]\n`);
    res.write(header);
    const pump = () => {
      while (!res.destroyed) {
        count(line.length);
        if ((sent.get(path) ?? 0) > 64 * MB) return res.end();
        if (!res.write(line)) return res.once('drain', pump);
      }
    };
    res.on('close', () => {});
    pump();
  } else if (path === '/silent') {
    // Accepts and never answers.
  } else if (path === '/missing') {
    res.writeHead(404, 'Not Found');
    res.end('nope');
  } else if (path === '/gz') {
    res.writeHead(200);
    res.end(gzipSync(`${header}[0.5, "o", "zipped"]\n`));
  } else {
    res.writeHead(500);
    res.end();
  }
});

async function readAll(url: string, options: { maxBytes?: number; timeoutMs?: number } = {}): Promise<string[]> {
  const source = await openSource(url, options);
  const cast = await readCast(source.bytes, { name: source.name });
  const data: string[] = [];
  for await (const event of cast.events) if (event.kind === 'output') data.push(event.data);
  return data;
}

describe('URL inputs', () => {
  it('refuse a declared body over the limit before reading it', async () => {
    await expect(readAll(`${server.base}/declared-too-big`, { maxBytes: 1 * MB })).rejects.toThrow(
      new CastError(`${server.base}/declared-too-big`, undefined, 'download is larger than the 1 MB limit'),
    );
  });

  it('stop an undeclared body at the limit instead of reading it all', async () => {
    await expect(readAll(`${server.base}/endless`, { maxBytes: 2 * MB })).rejects.toThrow(/endless: download is larger than the 2 MB limit$/);
    // The server could have sent 64 MB; the reader stopped taking it near the limit.
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.get('/endless')!).toBeLessThan(32 * MB);
  });

  it('give up on a server that never answers, with the time in the message', async () => {
    const started = Date.now();
    await expect(readAll(`${server.base}/silent`, { timeoutMs: 300 })).rejects.toThrow(/silent: download timed out after 0\.3 s$/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('name the HTTP status of a failed download', async () => {
    await expect(readAll(`${server.base}/missing`)).rejects.toThrow(/missing: download failed: HTTP 404 Not Found$/);
  });

  it('name a refused connection', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await expect(readAll(`http://127.0.0.1:${port}/x.cast`, { timeoutMs: 5000 })).rejects.toThrow(/x\.cast: download failed \(ECONNREFUSED\)$/);
  });

  it('read gzip-compressed bodies', async () => {
    expect(await readAll(`${server.base}/gz`)).toEqual(['zipped']);
  });
});
