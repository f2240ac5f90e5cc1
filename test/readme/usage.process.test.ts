// Every command line the README shows a user, run exactly as written (through sh, in a folder
// holding the files the lines name), with cast2gif and cast2svg resolving to this checkout's bins.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { readmeUsageLines } from './usage-lines.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const lines = readmeUsageLines(README);
const demo = readFileSync(join(ROOT, 'examples/demo.cast'));

/** ttyrec: per record, seconds, microseconds and length (32-bit little-endian), then the bytes. */
function ttyrec(records: Array<[number, string]>): Buffer {
  return Buffer.concat(
    records.flatMap(([time, text]) => {
      const head = Buffer.alloc(12);
      head.writeUInt32LE(Math.floor(time), 0);
      head.writeUInt32LE(Math.round((time % 1) * 1e6), 4);
      head.writeUInt32LE(Buffer.byteLength(text), 8);
      return [head, Buffer.from(text)];
    }),
  );
}

const terminalizer = 'config:\n  cols: 30\n  rows: 4\nrecords:\n  - delay: 100\n    content: "$ ls\\r\\n"\n  - delay: 300\n    content: "README.md"\n';

/** The files the README's lines name, as a user would have them. */
function workspace(): string {
  const dir = tempDir('readme');
  writeFileSync(join(dir, 'demo.cast'), demo);
  writeFileSync(join(dir, 'session.log'), 'Script started on 2026-01-01 10:00:00+00:00 [COMMAND="sh" TERM="xterm" COLUMNS="20" LINES="3"]\nhi\r\nthere');
  writeFileSync(join(dir, 'session.tm'), '0.5 4\n0.25 5\n');
  writeFileSync(join(dir, 'old.ttyrec'), ttyrec([[1000, '$ make\r\n'], [1000.5, 'done\r\n']]));
  writeFileSync(join(dir, 'recording.yml'), terminalizer);
  writeFileSync(join(dir, 'anything'), terminalizer);
  // The project's own examples, for lines that show how the README's pictures were made.
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  for (const name of ['cli/init.cast', 'cli/build.cast', 'intro.cast']) {
    mkdirSync(join(dir, 'docs/casts', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'docs/casts', name), demo);
  }
  // `cast2gif` and `cast2svg` on PATH, as after `npm install -g cast2gif`.
  mkdirSync(join(dir, '.bin'));
  for (const bin of ['cast2gif', 'cast2svg'] as const) {
    writeFileSync(join(dir, '.bin', bin), `#!/bin/sh\nexec "${process.execPath}" "${binPath(bin)}" "$@"\n`);
    chmodSync(join(dir, '.bin', bin), 0o755);
  }
  // Offline, asciinema.org is this local server: fetch() to it is sent here (the only change to the run).
  writeFileSync(
    join(dir, '.bin', 'offline.mjs'),
    `const real = globalThis.fetch;\nglobalThis.fetch = (input, init) => {\n  const url = new URL(String(input));\n` +
      `  return real(url.hostname === 'asciinema.org' ? new URL(url.pathname + url.search, process.env.ASCIINEMA_ORG) : input, init);\n};\n`,
  );
  return dir;
}

let server: Server;
let origin = '';
/** Paths asked for: shows the recording page URL was turned into its .cast. */
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (/^\/a\/\d+\.cast$/.test(req.url ?? '')) res.end(demo);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Runs one line with sh in dir; asynchronous so the local server can answer. */
function sh(line: string, dir: string): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', line], {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${join(dir, '.bin')}:${process.env.PATH}`,
        NODE_OPTIONS: `--import=${join(dir, '.bin', 'offline.mjs')}`,
        ASCIINEMA_ORG: origin,
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('close', (status) => done({ status, stdout: Buffer.concat(out), stderr: err }));
  });
}

/** Files a line names as outputs (a word ending in an output format's extension), and its --out-dir. */
function namedOutputs(line: string): string[] {
  const words = line.replace(/\s#.*$/, '').split(/\s+/);
  return words.slice(2).filter((w, i, all) => /^[\w./-]+\.(gif|svg|png|txt|cast)$/.test(w) && all[i - 1] !== '--timing');
}

describe('README usage lines', () => {
  it('are found in README.md', () => {
    // The Usage block alone has nine; a change to the README's layout must not quietly drop them.
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines).toContain('cast2gif demo.cast                      # demo.gif beside the cast');
    expect(lines).toContain("cast2gif 'docs/casts/**/*.cast' --out-dir docs/img --format gif,svg");
  });

  const dir = workspace();
  for (const line of lines) {
    it(line, async () => {
      const result = await sh(line, dir);
      expect(result.status, result.stderr).toBe(0);
      // A batch reports on stderr, ending with its counts; a single render prints warnings there at most
      // (demo.cast, here in place of every recording the README names, has no keys for --keys to show).
      if (line.includes('--out-dir')) expect(result.stderr).toMatch(/\b\d+ rendered, 0 unchanged, 0 failed\b/);
      else expect(result.stderr.split('\n').filter((l) => l !== '' && !/^cast2(gif|svg): warning: /.test(l))).toEqual([]);
      for (const output of namedOutputs(line)) expect(statSync(join(dir, output)).size).toBeGreaterThan(0);
    });
  }

  it('the lines did what they say', () => {
    expect(statSync(join(dir, 'demo.gif')).size).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'out.cast'), 'utf8')).toMatch(/^\{"version":3/);
    expect(asked).toContain('/a/123456.cast');
    expect(statSync(join(dir, 'docs/img/cli/init.gif')).size).toBeGreaterThan(0);
    expect(statSync(join(dir, 'docs/img/intro.svg')).size).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.cast2gif-manifest.json', 'demo.apng', 'demo.gif', 'demo.mp4', 'demo.webm', 'demo.webp']);
  });
});

