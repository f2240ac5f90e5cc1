// Reads the same generated terminal output (default 200 MB) as a ttyrec, as a ttyrec of 8 MB
// records (a record spread over many read chunks), as a script(1) typescript with classic timing,
// and as an asciicast v2, each in its own process, and reports
// MB/s with the ratio against the asciicast reader (the peer) and each one's peak RSS.
// Files are generated once into the OS temp folder. Usage: node bench/formats.js [MB]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRecording } from '../dist/cast/index.js';

const megabytes = Number(process.argv[2] ?? 200);
const base = join(tmpdir(), `cast2gif-bench-formats-${megabytes}mb`);
const files = {
  asciicast: { path: `${base}.cast` },
  ttyrec: { path: `${base}.ttyrec` },
  'ttyrec-8mb': { path: `${base}-8mb-records.ttyrec` },
  script: { path: `${base}.log`, timing: `${base}.tm` },
};

const chunkText = (i) => `\u001b[3${i % 8}mline ${i} \u001b[1mbold\u001b[0m café ✓ 日本 ${'x'.repeat(i % 40)}\r\n`;

async function writeAll(out, parts) {
  if (!out.write(parts)) await once(out, 'drain');
}

async function generate() {
  const cast = createWriteStream(files.asciicast.path);
  const tty = createWriteStream(files.ttyrec.path);
  const ts = createWriteStream(files.script.path);
  const tm = createWriteStream(files.script.timing);
  const big = createWriteStream(files['ttyrec-8mb'].path);
  const bigRecord = { parts: [], bytes: 0, micros: 0 };
  const writeBigRecord = async () => {
    const head = Buffer.alloc(12);
    head.writeUInt32LE(1_700_000_000 + Math.floor(bigRecord.micros / 1e6), 0);
    head.writeUInt32LE(bigRecord.micros % 1_000_000, 4);
    head.writeUInt32LE(bigRecord.bytes, 8);
    await writeAll(big, Buffer.concat([head, ...bigRecord.parts]));
    bigRecord.parts = [];
    bigRecord.bytes = 0;
  };
  cast.write(`${JSON.stringify({ version: 2, width: 120, height: 40 })}\n`);
  ts.write('Script started on 2026-11-24 12:00:00+00:00 [COMMAND="bench" TERM="xterm" COLUMNS="120" LINES="40"]\n');
  let written = 0;
  for (let i = 0; written < megabytes * 1024 * 1024; ) {
    const castLines = [];
    const ttyParts = [];
    const tsParts = [];
    const tmLines = [];
    for (let k = 0; k < 1000; k++, i++) {
      const bytes = Buffer.from(chunkText(i), 'utf8');
      const micros = i * 10_000;
      castLines.push(`${JSON.stringify([micros / 1e6, 'o', chunkText(i)])}\n`);
      const head = Buffer.alloc(12);
      head.writeUInt32LE(1_700_000_000 + Math.floor(micros / 1e6), 0);
      head.writeUInt32LE(micros % 1_000_000, 4);
      head.writeUInt32LE(bytes.length, 8);
      ttyParts.push(head, bytes);
      tsParts.push(bytes);
      tmLines.push(`0.010000 ${bytes.length}\n`);
      written += bytes.length;
      bigRecord.parts.push(bytes);
      bigRecord.bytes += bytes.length;
      bigRecord.micros = micros;
      if (bigRecord.bytes >= 8 * 1024 * 1024) await writeBigRecord();
    }
    await writeAll(cast, castLines.join(''));
    await writeAll(tty, Buffer.concat(ttyParts));
    await writeAll(ts, Buffer.concat(tsParts));
    await writeAll(tm, tmLines.join(''));
  }
  if (bigRecord.bytes > 0) await writeBigRecord();
  for (const out of [cast, tty, ts, tm, big]) {
    out.end();
    await once(out, 'finish');
  }
}

async function measure(format) {
  const { path, timing } = files[format];
  const start = process.hrtime.bigint();
  const cast = await readRecording(path, { timing, cols: 120, rows: 40 });
  let events = 0;
  let chars = 0;
  for await (const e of cast.events) {
    events++;
    if (e.kind === 'output') chars += e.data.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ format, events, chars, seconds, bytes: statSync(path).size, rssMb }));
}

if (process.argv[3]) {
  await measure(process.argv[3]);
} else {
  const generated = Object.values(files).every((f) => existsSync(f.path) && (!f.timing || existsSync(f.timing)));
  if (!generated || statSync(files.script.path).size < megabytes * 1024 * 1024) await generate();
  const results = {};
  for (const format of ['asciicast', 'ttyrec', 'ttyrec-8mb', 'script']) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(megabytes), format], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${format} failed: ${run.stderr}`);
    results[format] = JSON.parse(run.stdout.trim().split('\n').at(-1));
  }
  const peer = results.asciicast;
  for (const r of Object.values(results)) {
    if (r.chars !== peer.chars) throw new Error(`${r.format} read ${r.chars} characters, asciicast ${peer.chars}`);
    const charsPerSecond = r.chars / r.seconds;
    console.log(
      `${r.format.padEnd(10)} ${r.events} events, ${(r.chars / 1048576).toFixed(0)} M chars in ${r.seconds.toFixed(1)} s: ` +
        `${(charsPerSecond / 1048576).toFixed(0)} M chars/s, ${(charsPerSecond / (peer.chars / peer.seconds)).toFixed(2)}x asciicast, ` +
        `peak RSS ${r.rssMb.toFixed(0)} MB (target < 150 MB) ${r.rssMb < 150 ? 'OK' : 'OVER'}`,
    );
  }
}
