// The cost of --redact-secrets (and of --redact): the same render with and without it, in the
// same run, on the agg demo (1.7 MB) and the generated 1 MB scrolling cast. Each render runs in a
// process of its own (its peak RSS is its own); runs alternate, and the median of 5 is kept.
// Target: at most 1.2x the time of the render without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCasts } from './_casts.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-privacy-'));
const casts = benchCasts(work);
const RUNS = 5;

/** Renders in a child process; its time (read, render, write) and peak RSS. */
function renderOnce(input, format, extra) {
  const code = `
    const { readFileSync } = await import('node:fs');
    const { render } = await import(${JSON.stringify(join(here, '../dist/index.js'))});
    const bytes = readFileSync(${JSON.stringify(input)});
    const start = performance.now();
    await render(bytes, { format: ${JSON.stringify(format)}, ...${JSON.stringify(extra)} });
    console.log(JSON.stringify({ ms: performance.now() - start, rss: process.resourceUsage().maxRSS / 1024 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const variants = { 'redact-secrets': { redactSecrets: true }, 'redact + secrets + keys': { redactSecrets: true, redact: ['/acme-[0-9]+/i'], keys: true } };
let worst = 0;
for (const name of ['agg-demo', 'ls-scroll']) {
  const input = casts[name]();
  const mb = (statSync(input).size / 1048576).toFixed(1);
  for (const format of ['gif', 'svg']) {
    const plain = [];
    const masked = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
    for (let i = 0; i < RUNS; i++) {
      plain.push(renderOnce(input, format, {}));
      for (const [v, extra] of Object.entries(variants)) masked[v].push(renderOnce(input, format, extra));
    }
    const base = median(plain.map((r) => r.ms));
    const line = [`${name} (${mb} MB) ${format}: plain ${(base / 1000).toFixed(2)} s, peak ${Math.max(...plain.map((r) => r.rss)).toFixed(0)} MB`];
    for (const v of Object.keys(variants)) {
      const ms = median(masked[v].map((r) => r.ms));
      const ratio = ms / base;
      if (v === 'redact-secrets') worst = Math.max(worst, ratio);
      line.push(`${v} ${(ms / 1000).toFixed(2)} s (${ratio.toFixed(2)}x), peak ${Math.max(...masked[v].map((r) => r.rss)).toFixed(0)} MB`);
    }
    console.log(line.join('; '));
  }
}
console.log(`--redact-secrets, slowest against the same render without it: ${worst.toFixed(2)}x (target <= 1.2x) ${worst <= 1.2 ? 'OK' : 'OVER'}`);
rmSync(work, { recursive: true, force: true });
