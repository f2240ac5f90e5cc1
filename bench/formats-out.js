// Output formats benchmark: size and time of WebP, APNG, MP4 and WebM against our GIF, on the
// corpus (test/corpus), the example and the generated casts; against
// `gif2webp -min_size` of our GIF (Debian webp: lossless by default) and `apngopt` of our APNG
// (Debian apngopt); APNG also with --optimize (zopfli). Targets: lossless WebP in total at most 0.5x our GIF and no larger than
// gif2webp's; APNG within 5% of apngopt's. Then peak RSS per format on 1,000 and 10,000 frames.
// Usage: node bench/formats-out.js [--no-corpus] [--optimize]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { readCast } from '../dist/cast/index.js';
import { render, renderCast } from '../dist/index.js';
import { benchCasts } from './_casts.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-outputs-'));
// zopfli takes minutes on the largest casts, so APNG --optimize is a column only when asked.
const FORMATS = ['gif', 'webp', 'apng', ...(process.argv.includes('--optimize') ? ['apng-opt'] : []), 'mp4', 'webm'];
/** Render options of each column: apng-opt is APNG with --optimize (zopfli). */
const OPTIONS = { 'apng-opt': { format: 'apng', optimize: true } };
const CORPUS = join(here, '../test/corpus/casts');

/** A cast of `frames` frames, 0.1 s apart, each rewriting one line of an 80x24 screen. */
function framesCast(frames) {
  const ESC = '\u001b';
  const lines = [JSON.stringify({ version: 2, width: 80, height: 24 })];
  for (let i = 0; i < frames; i++) lines.push(JSON.stringify([i * 0.1, 'o', `${ESC}[${(i % 24) + 1};1H${ESC}[2K${ESC}[3${i % 8}mline ${i} ${'#'.repeat(i % 60)}`]));
  const path = join(work, `frames-${frames}.cast`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Streams the render into a file (not the library's in-memory result), as the CLI does. */
async function rssCase(format, frames) {
  const cast = await readCast([readFileSync(framesCast(frames))]);
  const out = createWriteStream(join(work, `out.${format}`));
  await renderCast(cast, { format }, out);
  out.end();
  await once(out, 'finish');
  console.log(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * A peer gets this long per file: apngopt takes tens of minutes and gigabytes on the long
 * generated casts (it tries every frame against every dispose and blend choice). A cast whose peer
 * gives up is left out of that comparison's totals, on both sides, and reported as such.
 */
const PEER_SECONDS = 120;

function tool(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, stdio: 'ignore', timeout: PEER_SECONDS * 1000, killSignal: 'SIGKILL' });
  return r.status === 0;
}

function gif2webpSize(gifBytes) {
  writeFileSync(join(work, 'in.gif'), gifBytes);
  return tool('gif2webp', ['-min_size', '-quiet', 'in.gif', '-o', 'out.webp'], work) ? statSync(join(work, 'out.webp')).size : undefined;
}

function apngoptSize(apngBytes) {
  // apngopt cannot read paths with folders in them: it runs in the work folder on bare names.
  writeFileSync(join(work, 'in.png'), apngBytes);
  rmSync(join(work, 'out.png'), { force: true });
  return tool('apngopt', ['in.png', 'out.png'], work) ? statSync(join(work, 'out.png')).size : undefined;
}

function casesToRun() {
  const cases = [];
  if (!process.argv.includes('--no-corpus') && existsSync(CORPUS)) {
    for (const dir of readdirSync(CORPUS).sort()) {
      for (const f of readdirSync(join(CORPUS, dir)).sort()) {
        if (/\.(cast|json)$/.test(f) && f !== 'v0.json') cases.push({ name: `${dir}/${f}`, file: join(CORPUS, dir, f), corpus: true });
      }
    }
  } else console.log('corpus: left out (--no-corpus); the example and generated casts only');
  cases.push({ name: 'examples/demo.cast', file: join(here, '../examples/demo.cast') });
  const generated = benchCasts(work);
  for (const name of ['one-line', 'full-redraw', 'ls-scroll']) cases.push({ name, file: generated[name]() });
  return cases;
}

async function sizes() {
  const hasGif2webp = spawnSync('gif2webp', ['-version']).status === 0;
  const hasApngopt = existsSync('/usr/bin/apngopt') || spawnSync('sh', ['-c', 'command -v apngopt']).status === 0;
  if (!hasGif2webp) console.log('gif2webp: not on PATH (Debian package webp), skipped');
  if (!hasApngopt) console.log('apngopt: not on PATH (Debian package apngopt), skipped');
  const total = Object.fromEntries([...FORMATS, 'gif2webp', 'apngopt'].flatMap((k) => [[k, 0], [`${k}Seconds`, 0]]));
  // Our sizes over the casts where each peer finished, to compare like with like.
  const compared = { gif2webp: { webp: 0 }, apngopt: { apng: 0, 'apng-opt': 0 } };
  const gaveUp = { gif2webp: [], apngopt: [] };
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  const peerKb = (n) => (n === undefined ? 'gave up'.padStart(8) : kb(n));
  console.log(`${'cast'.padEnd(44)}${FORMATS.map((f) => f.padStart(9)).join('')} gif2webp  apngopt   (KiB; webp/gif, webp/gif2webp, apng/apngopt)`);
  for (const c of casesToRun()) {
    const input = readFileSync(c.file);
    const row = {};
    for (const format of FORMATS) {
      const t0 = performance.now();
      const out = await render(input, { format, ...OPTIONS[format], onWarning() {} });
      total[`${format}Seconds`] += (performance.now() - t0) / 1000;
      total[format] += out.length;
      row[format] = out;
    }
    let t0 = performance.now();
    const g2w = hasGif2webp ? gif2webpSize(row.gif) : undefined;
    total.gif2webpSeconds += (performance.now() - t0) / 1000;
    t0 = performance.now();
    const opt = hasApngopt ? apngoptSize(row.apng) : undefined;
    total.apngoptSeconds += (performance.now() - t0) / 1000;
    total.gif2webp += g2w ?? 0;
    total.apngopt += opt ?? 0;
    if (g2w !== undefined) compared.gif2webp.webp += row.webp.length;
    else if (hasGif2webp) gaveUp.gif2webp.push(c.name);
    if (opt !== undefined) {
      compared.apngopt.apng += row.apng.length;
      compared.apngopt['apng-opt'] += row['apng-opt']?.length ?? 0;
    } else if (hasApngopt) gaveUp.apngopt.push(c.name);
    const ratio = (a, b) => (b ? (a / b).toFixed(2) : '-');
    console.log(
      `${c.name.slice(-43).padEnd(44)}${FORMATS.map((f) => kb(row[f].length).padStart(9)).join('')}${peerKb(g2w)} ${peerKb(opt)}` +
        `   ${ratio(row.webp.length, row.gif.length)} ${ratio(row.webp.length, g2w)} ${ratio(row.apng.length, opt)}`,
    );
  }
  console.log(`${'total'.padEnd(44)}${FORMATS.map((f) => kb(total[f]).padStart(9)).join('')}${kb(total.gif2webp)} ${kb(total.apngopt)}`);
  console.log(`time (s)${' '.repeat(36)}${FORMATS.map((f) => total[`${f}Seconds`].toFixed(1).padStart(9)).join('')}${total.gif2webpSeconds.toFixed(1).padStart(9)}${total.apngoptSeconds.toFixed(1).padStart(9)}`);
  const webpGif = total.webp / total.gif;
  console.log(`lossless WebP / our GIF: ${webpGif.toFixed(3)}x (target <= 0.5)${webpGif <= 0.5 ? '' : '  MISSED'}`);
  const without = (peer) => (gaveUp[peer].length ? ` (without ${gaveUp[peer].join(', ')}: ${peer} gave up after ${PEER_SECONDS} s)` : '');
  if (hasGif2webp) {
    const ours = compared.gif2webp.webp;
    console.log(`lossless WebP / gif2webp -min_size of our GIF: ${(ours / total.gif2webp).toFixed(3)}x (target <= 1)${ours <= total.gif2webp ? '' : '  MISSED'}${without('gif2webp')}`);
  }
  if (hasApngopt) {
    for (const [name, size] of [['APNG', compared.apngopt.apng], ...(FORMATS.includes('apng-opt') ? [['APNG --optimize', compared.apngopt['apng-opt']]] : [])]) {
      console.log(`${name} / apngopt of our APNG: ${(size / total.apngopt).toFixed(3)}x (target <= 1.05)${size <= 1.05 * total.apngopt ? '' : '  MISSED'}${without('apngopt')}`);
    }
  }
}

function memory() {
  console.log('peak RSS (MB), each run in its own process:');
  for (const format of FORMATS.filter((f) => !OPTIONS[f])) {
    const rss = [1000, 10000].map((frames) => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--rss', format, String(frames)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${format} ${frames} frames failed: ${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').pop()).rssMb;
    });
    console.log(`  ${format.padEnd(5)} 1,000 frames ${rss[0].toFixed(0).padStart(4)}   10,000 frames ${rss[1].toFixed(0).padStart(4)}   (x${(rss[1] / rss[0]).toFixed(2)})`);
  }
}

try {
  if (process.argv[2] === '--rss') await rssCase(process.argv[3], Number(process.argv[4]));
  else {
    await sizes();
    memory();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
