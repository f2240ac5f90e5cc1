// GIF renderer benchmark: frames/s, bytes/frame, total size, peak RSS, and how much further
// `gifsicle -O3` shrinks our file (the target is ours <= 1.05x its result). Runs agg on the same
// casts when an `agg` binary is on PATH. Each case runs in its own process so its peak RSS is its own.
// Usage: node bench/gif.js [case ...]   (cases: agg-demo one-line full-redraw ls-scroll)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import omggif from 'omggif';
import { readCast } from '../dist/cast/index.js';
import { animationInfo, castFrames } from '../dist/frames/index.js';
import { renderGif } from '../dist/gif/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-gif-'));
const ESC = '\u001b';

function castFile(name, header, events) {
  const path = join(work, `${name}.cast`);
  const lines = [JSON.stringify({ version: 2, ...header }), ...events.map((e) => JSON.stringify(e))];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
const text = (seed, length) => {
  let s = '';
  for (let i = 0; s.length < length; i++) s += `${words[(seed * 7 + i * 3) % words.length]} `;
  return s.slice(0, length);
};

const CASES = {
  'agg-demo': () => join(here, '../test/corpus/casts/asciinema__agg/demo.cast'),
  // A 100x30 screen full of text; each event rewrites one line, as a progress display or a log tail does.
  'one-line': () => {
    const events = [];
    for (let r = 0; r < 30; r++) events.push([0, 'o', `${ESC}[${r + 1};1H${ESC}[3${r % 8}m${text(r, 99)}${ESC}[0m`]);
    for (let i = 0; i < 2000; i++) {
      const r = (i * 7) % 30;
      events.push([0.1 + i * 0.05, 'o', `${ESC}[${r + 1};1H${ESC}[2K${ESC}[3${i % 8}m${text(i, 40 + (i % 59))}${ESC}[0m`]);
    }
    return castFile('one-line', { width: 100, height: 30 }, events);
  },
  // Full-screen redraws in colour, as a TUI (htop, vim scrolling) does.
  'full-redraw': () => {
    const events = [];
    for (let i = 0; i < 300; i++) {
      let frame = `${ESC}[H`;
      for (let r = 0; r < 30; r++) frame += `${ESC}[${r + 1};1H${ESC}[4${(r + i) % 8};3${(r + i + 3) % 8}m${text(i + r, 100)}`;
      events.push([i * 0.1, 'o', `${frame}${ESC}[0m`]);
    }
    return castFile('full-redraw', { width: 100, height: 30 }, events);
  },
  // 10,000 events of `ls -l`-style output scrolling the screen.
  'ls-scroll': () => {
    const events = [];
    for (let i = 0; i < 10000; i++) {
      const name = `${ESC}[1;3${4 + (i % 3)}m${text(i, 12 + (i % 20)).trim()}${ESC}[0m`;
      events.push([i * 0.01, 'o', `-rw-r--r--  1 user staff ${String((i * 7919) % 100000).padStart(6)} Nov 24 14:${String(i % 60).padStart(2, '0')} ${name}\r\n`]);
    }
    return castFile('ls-scroll', { width: 100, height: 30 }, events);
  },
};

async function runCase(name) {
  const file = CASES[name]();
  const bytes = readFileSync(file);
  // The terminal and frame builder alone, to tell their time from the renderer's.
  let t0 = performance.now();
  let frames = 0;
  for await (const _ of castFrames(await readCast([bytes]))) frames++;
  const frameSeconds = (performance.now() - t0) / 1000;

  const out = join(work, `${name}.gif`);
  const stream = createWriteStream(out);
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  const cast = await readCast([bytes]);
  await renderGif(castFrames(cast), animationInfo(cast), {}, stream);
  stream.end();
  await once(stream, 'finish');
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const size = statSync(out).size;
  const gifFrames = new omggif.GifReader(readFileSync(out)).numFrames();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ name, frames, gifFrames, seconds, cpuSeconds, frameSeconds, size, rssMb, out, file }));
}

function gifsicleSize(file) {
  const out = `${file}.O3.gif`;
  const r = spawnSync('gifsicle', ['-O3', file, '-o', out]);
  return r.status === 0 ? statSync(out).size : undefined;
}

function runAgg(file) {
  const out = `${file}.agg.gif`;
  const t0 = performance.now();
  const r = spawnSync('agg', [file, out]);
  if (r.status !== 0) return undefined;
  return { seconds: (performance.now() - t0) / 1000, size: statSync(out).size };
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3]);
} else {
  const wanted = process.argv.slice(2);
  const names = Object.keys(CASES).filter((n) => wanted.length === 0 || wanted.includes(n));
  const hasAgg = spawnSync('agg', ['--version']).status === 0;
  if (!hasAgg) console.log('agg: not on PATH, skipped (install asciinema/agg to compare)');
  for (const name of names) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', name], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`${name}: failed\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    const o3 = gifsicleSize(r.out);
    const renderOnly = r.seconds - r.frameSeconds;
    console.log(
      `${name}: ${r.frames} frames -> ${r.gifFrames} GIF frames in ${r.seconds.toFixed(2)} s: ` +
        `${(r.frames / r.seconds).toFixed(0)} frames/s, ${(r.frames / r.cpuSeconds).toFixed(0)} frames/s of CPU time ` +
        `(${(r.frames / Math.max(renderOnly, 1e-9)).toFixed(0)} frames/s in the renderer after ${r.frameSeconds.toFixed(2)} s of terminal), ` +
        `${(r.size / Math.max(1, r.gifFrames)).toFixed(0)} bytes/frame, ` +
        `${(r.size / 1024).toFixed(1)} KiB, peak RSS ${r.rssMb.toFixed(0)} MB` +
        (o3 === undefined ? ', gifsicle not found' : `; gifsicle -O3: ${(o3 / 1024).toFixed(1)} KiB, ours/O3 ${(r.size / o3).toFixed(3)}x`),
    );
    if (hasAgg) {
      const agg = runAgg(r.file);
      if (agg) console.log(`  agg: ${agg.seconds.toFixed(2)} s, ${(agg.size / 1024).toFixed(1)} KiB; agg/ours time ${(agg.seconds / r.seconds).toFixed(2)}x, size ${(agg.size / r.size).toFixed(2)}x`);
      else console.log('  agg: failed on this cast');
    }
  }
}
