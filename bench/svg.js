// Animated SVG: our renderer against svg-term-cli (npm) and termtosvg (Debian) on the corpus casts
// and on generated heavy casts (cmatrix-like: the whole screen redrawn every frame, 1 MB and 4 MB),
// in one run. Each tool runs as its own process, ours as the installed `cast2svg` command, under
// /usr/bin/time -v for wall time and peak RSS; sizes are the files written. A peer that fails on a
// cast is reported as failed. Then every SVG written is opened as an <img> in Chromium and in
// Firefox (Debian's, driven by puppeteer-core): the time to show it (decode and first paint,
// median of repeated loads) and its element count.
// Usage: node bench/svg.js [substring of cast paths...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
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
  .sort();

/** A cmatrix-like cast: every frame redraws the whole 80x24 screen with falling green characters. */
function heavy(megabytes) {
  const cols = 80;
  const rows = 24;
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const heads = Array.from({ length: cols }, () => Math.floor(random() * rows));
  const lines = [JSON.stringify({ version: 2, width: cols, height: rows, title: 'heavy' })];
  let bytes = 0;
  for (let t = 0.04; bytes < megabytes * 1024 * 1024; t += 0.04) {
    let data = '';
    for (let y = 0; y < rows; y++) {
      data += `\u001b[${y + 1};1H`;
      for (let x = 0; x < cols; x++) {
        const d = (y - heads[x] + rows) % rows;
        if (d > 8 || random() < 0.3) data += ' ';
        else {
          const ch = String.fromCharCode(33 + Math.floor(random() * 90));
          data += d === 0 ? `\u001b[1;37m${ch}\u001b[0m` : d < 3 ? `\u001b[1;32m${ch}\u001b[0m` : `\u001b[32m${ch}\u001b[0m`;
        }
      }
    }
    for (let x = 0; x < cols; x++) heads[x] = (heads[x] + 1) % rows;
    const line = JSON.stringify([Number(t.toFixed(3)), 'o', data]);
    lines.push(line);
    bytes += line.length + 1;
  }
  const path = join(work, `heavy-cmatrix-${megabytes}mb.cast`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
casts.push(heavy(1), heavy(4));
const selected = casts.filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));

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
const written = [];
for (const cast of selected) {
  const name = cast.startsWith(corpus) ? cast.slice(corpus.length + 1) : basename(cast);
  const row = { name, inKB: kb(statSync(cast).size) };
  for (const [tool, run] of Object.entries(tools)) {
    // Named by the whole corpus path: two corpus folders both hold a demo.cast.
    const output = join(work, `${name.replaceAll('/', '__')}.${tool}.svg`);
    const r = run(cast, output);
    const size = r.ok && existsSync(output) ? statSync(output).size : NaN;
    row[tool] = { ...r, ok: r.ok && size > 0, size };
    if (row[tool].ok) written.push({ name, tool, output });
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

// Time to show as an <img>: decode, then two animation frames (the first paint is done when the
// second begins). Each SVG is loaded REPEAT times under its own name (no cache); the median counts.
const REPEAT = 5;
const LONGEST = 30_000;
const { default: puppeteer } = await import('puppeteer-core');
const browsers = {
  chromium: { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] },
  firefox: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const shown = new Map();
writeFileSync(join(work, 'page.html'), '<!doctype html><body style="margin:0"></body>');
for (const [browserName, launch] of Object.entries(browsers)) {
  const browser = await puppeteer.launch(launch);
  let page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  for (const { name, tool, output } of written) {
    const times = [];
    for (let i = 0; i < REPEAT && !(times.at(-1) > LONGEST); i++) {
      const copy = join(work, `show-${i}-${basename(output)}`);
      writeFileSync(copy, readFileSync(output));
      await page.goto(`file://${join(work, 'page.html')}`);
      // An SVG that takes longer than LONGEST is measured once and reported as at least that.
      const ms = await Promise.race([
        page.evaluate(async (src) => {
          const start = performance.now();
          const img = new Image();
          img.src = src;
          await img.decode();
          document.body.append(img);
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - start;
        }, basename(copy)),
        new Promise((resolve) => setTimeout(() => resolve(Infinity), LONGEST)),
      ]);
      if (ms === Infinity) {
        // The page may be stuck in the image: start over on a fresh one.
        await page.close().catch(() => {});
        page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 1024 });
      }
      rmSync(copy);
      times.push(ms);
    }
    shown.set(`${name}|${tool}|${browserName}`, times.at(-1) === Infinity ? Infinity : median(times));
  }
  await browser.close();
}
console.log(`\ntime to show as <img> (median of ${REPEAT}; ms), elements, size:`);
let slowest = 0;
for (const row of rows) {
  const cells = [];
  for (const tool of Object.keys(tools)) {
    const r = row[tool];
    if (!r.ok) {
      cells.push(`${tool} FAILED`);
      continue;
    }
    const output = written.find((w) => w.name === row.name && w.tool === tool).output;
    const elements = (readFileSync(output, 'utf8').match(/<[a-zA-Z]/g) ?? []).length;
    const c = shown.get(`${row.name}|${tool}|chromium`);
    const f = shown.get(`${row.name}|${tool}|firefox`);
    if (tool === 'ours') slowest = Math.max(slowest, c, f);
    const ms = (t) => (t === Infinity ? `>${LONGEST}` : t.toFixed(0));
    cells.push(`${tool} chromium ${ms(c)} firefox ${ms(f)} ms, ${elements} elements, ${kb(r.size)} KB`);
  }
  console.log(`${row.name}: ${cells.join(' | ')}`);
  const ratios = ['svg-term', 'termtosvg'].filter((t) => row[t].ok && row.ours.ok).map((t) => {
    const c = shown.get(`${row.name}|ours|chromium`) / shown.get(`${row.name}|${t}|chromium`);
    const f = shown.get(`${row.name}|ours|firefox`) / shown.get(`${row.name}|${t}|firefox`);
    // A peer that took longer than LONGEST: ours is at most this fraction of its time.
    const ratio = (r) => (Number.isFinite(r) || r === 0 ? r.toFixed(3) : 'n/a');
    const bound = (r, browserName) => (shown.get(`${row.name}|${t}|${browserName}`) === Infinity ? `<${(shown.get(`${row.name}|ours|${browserName}`) / LONGEST).toFixed(3)}` : ratio(r));
    return `show time/${t} chromium ${bound(c, 'chromium')} firefox ${bound(f, 'firefox')}`;
  });
  if (ratios.length) console.log(`    ${ratios.join(', ')}`);
}
console.log(`slowest time to show of ours: ${slowest.toFixed(0)} ms (target < 1000)`);
rmSync(work, { recursive: true, force: true });
if (ok.length < rows.length || slowest >= 1000) process.exitCode = 1;
