// GIF renderer benchmark: frames/s, bytes/frame, total size, peak RSS, and how much further
// `gifsicle -O3` shrinks our file (the target is ours <= 1.05x its result). Runs agg on the same
// casts when an `agg` binary is on PATH. Each case runs in its own process so its peak RSS is its own.
// Usage: node bench/gif.js [case ...]   (cases: agg-demo one-line full-redraw ls-scroll)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import omggif from 'omggif';
import { readCast } from '../dist/cast/index.js';
import { animationInfo, castFrames } from '../dist/frames/index.js';
import { renderGif } from '../dist/gif/index.js';
import { benchCasts } from './_casts.js';

const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-gif-'));
const CASES = benchCasts(work);

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
