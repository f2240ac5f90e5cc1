// Animated SVG: our renderer against svg-term-cli (npm) and termtosvg (Debian) on the corpus casts,
// in one run. Each tool runs as its own process, ours as the installed `cast2svg` command, under
// /usr/bin/time -v for wall time and peak RSS; sizes are the files written. A peer that fails on a cast is reported as failed.
// Usage: node bench/svg.js [substring of cast paths...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const corpus = join(root, 'test', 'corpus', 'casts');
const filters = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-svg-'));

// Casts with some content to animate (the tiny fixtures measure only process start-up).
const casts = readdirSync(corpus, { recursive: true })
  .filter((f) => /\.(cast|json)$/.test(f))
  .map((f) => join(corpus, f))
  .filter((f) => statSync(f).size >= 2000)
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

function timed(command, args) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', timeout: 600_000 });
  const text = result.stderr ?? '';
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN) / 1024;
  const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const seconds = clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : NaN;
  const status = result.status ?? -1;
  return { ok: status === 0, status, seconds, rss, log: text.split('\n').filter((l) => !/^\t/.test(l)).slice(-3).join(' ') };
}

const tools = {
  ours: (input, output) => timed(process.execPath, [join(root, 'bin', 'cast2svg.js'), input, output]),
  'svg-term': (input, output) => timed(process.execPath, [join(root, 'node_modules', 'svg-term-cli', 'lib', 'cli.js'), '--in', input, '--out', output]),
  termtosvg: (input, output) => timed('termtosvg', ['render', input, output]),
};

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
for (const cast of casts) {
  const name = cast.slice(corpus.length + 1);
  const row = { name, inKB: kb(statSync(cast).size) };
  for (const [tool, run] of Object.entries(tools)) {
    const output = join(work, `${basename(cast)}.${tool}.svg`);
    const r = run(cast, output);
    const size = r.ok && existsSync(output) ? statSync(output).size : NaN;
    row[tool] = { ...r, ok: r.ok && size > 0, size };
  }
  rows.push(row);
  const cell = (t) => (row[t].ok ? `${kb(row[t].size)} KB ${row[t].seconds.toFixed(2)} s ${row[t].rss.toFixed(0)} MB` : `FAILED (${row[t].status})`);
  console.log(`${name} (${row.inKB} KB): ours ${cell('ours')} | svg-term ${cell('svg-term')} | termtosvg ${cell('termtosvg')}`);
  const us = row.ours;
  if (us.ok) {
    const peers = ['svg-term', 'termtosvg'].filter((t) => row[t].ok);
    const smallest = Math.min(...peers.map((t) => row[t].size));
    const ratios = [];
    if (peers.length) ratios.push(`size/smaller peer ${(us.size / smallest).toFixed(3)} (target <= 0.5)`);
    if (row['svg-term'].ok) ratios.push(`time/svg-term ${(us.seconds / row['svg-term'].seconds).toFixed(3)} (target <= 0.2)`);
    if (row.termtosvg.ok) ratios.push(`time/termtosvg ${(us.seconds / row.termtosvg.seconds).toFixed(3)} (target < 1)`);
    console.log(`    ${ratios.join(', ')}`);
  }
  for (const t of ['svg-term', 'termtosvg']) if (!row[t].ok) console.log(`    ${t} failed: ${row[t].log.slice(0, 200)}`);
}

// Memory stays flat however long the cast: ours alone on generated casts of growing length
// (coloured output scrolling by, a prompt being typed), peak RSS should not grow with them.
function generated(megabytes) {
  const lines = [JSON.stringify({ version: 2, width: 100, height: 30, title: 'generated' })];
  let bytes = 0;
  let t = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    t += 0.05;
    const data = i % 20 === 19
      ? `\u001b[32muser@host\u001b[0m:\u001b[34m~/w\u001b[0m$ ${'make test '.slice(0, i % 10)}\r\n`
      : `\u001b[3${i % 8}m${String(i).padStart(8)}\u001b[0m ${'lorem ipsum dolor sit amet '.repeat(1 + (i % 3))}\u001b[1m${(i * 7919) % 100000}\u001b[0m\r\n`;
    const line = JSON.stringify([Number(t.toFixed(3)), 'o', data]);
    lines.push(line);
    bytes += line.length + 1;
  }
  const path = join(work, `generated-${megabytes}mb.cast`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
for (const megabytes of [1, 4, 16]) {
  const input = generated(megabytes);
  const output = join(work, `generated-${megabytes}.svg`);
  const r = tools.ours(input, output);
  console.log(`generated ${megabytes} MB cast: ours ${r.ok ? `${kb(statSync(output).size)} KB ${r.seconds.toFixed(2)} s ${r.rss.toFixed(0)} MB` : `FAILED (${r.status}) ${r.log}`}`);
}

const ok = rows.filter((r) => r.ours.ok);
const worstSize = Math.max(...ok.map((r) => {
  const peers = ['svg-term', 'termtosvg'].filter((t) => r[t].ok).map((t) => r[t].size);
  return peers.length ? r.ours.size / Math.min(...peers) : 0;
}));
const timeRatios = ok.filter((r) => r['svg-term'].ok).map((r) => r.ours.seconds / r['svg-term'].seconds);
const peakRss = Math.max(...ok.map((r) => r.ours.rss));
console.log(`\nsvg summary: ${ok.length}/${rows.length} casts rendered by ours; worst size ratio vs smaller peer ${worstSize.toFixed(3)}; ` +
  `worst time ratio vs svg-term ${Math.max(...timeRatios).toFixed(3)}; our peak RSS ${peakRss.toFixed(0)} MB`);
rmSync(work, { recursive: true, force: true });
if (ok.length < rows.length) process.exitCode = 1;
