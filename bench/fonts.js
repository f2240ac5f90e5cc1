// What the bundled fallback fonts cost: the npm package's size, and a render's start-up time and
// peak RSS with plain ASCII (which must open no fallback font) against one that needs icons, emoji
// and Hangul. Each render is the real command under /usr/bin/time, the median of several runs.
// With --baseline DIR (a checkout of an earlier version, built), the same commands run from there
// too and the ratios are printed: node bench/fonts.js --baseline /tmp/cast2gif-before
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;
const RUNS = 15;
const work = mkdtempSync(join(tmpdir(), 'cast2gif-bench-fonts-'));

const castOf = (lines) =>
  [JSON.stringify({ version: 2, width: 80, height: 10 }), ...lines.map((l, i) => JSON.stringify([i * 0.3, 'o', `${l}\r\n`]))].join('\n');
const ascii = join(work, 'ascii.cast');
writeFileSync(ascii, castOf(['$ ls -la', 'total 12', 'drwxr-xr-x  2 user user 4096 Dec  1 12:00 .', '$ npm test', '42 passed, 0 failed']));
const glyphs = join(work, 'glyphs.cast');
writeFileSync(glyphs, castOf(['\uf015 ~/src \ue725 main \uf418 via \ue718 v20', '\u276f npm i \u2728 \u{1F680} \u2705', '\ud55c\uad6d\uc5b4 \ud30c\uc77c.txt']));

function timed(bin, input, output) {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, input, output, '--quiet'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${bin} ${input} failed: ${result.stderr}`);
  return { seconds, mb: Number(result.stderr.trim().split('\n').at(-1)) / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each checkout's runs interleaved with the others', so that a change in machine load hits all alike. */
function measure(checkouts, command, input, format) {
  const runs = checkouts.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    checkouts.forEach((checkout, k) => runs[k].push(timed(join(checkout, 'bin', `${command}.js`), input, join(work, `out${k}.${format}`))));
  }
  return runs.map((r) => ({ seconds: median(r.map((x) => x.seconds)), mb: median(r.map((x) => x.mb)) }));
}

/** Which font files a render reads, asked of the library in a child process of its own. */
function filesRead(input, format) {
  const script = `
    import { readFileSync } from 'node:fs';
    import { basename } from 'node:path';
    const { render } = await import(${JSON.stringify(join(root, 'dist', 'render', 'render.js'))});
    const { fontFilesRead } = await import(${JSON.stringify(join(root, 'dist', 'raster', 'font-files.js'))});
    await render(readFileSync(${JSON.stringify(input)}), { format: ${JSON.stringify(format)} });
    console.log(fontFilesRead().map((f) => basename(f)).join(', ') || 'none');`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout.trim();
}

const pack = JSON.parse(spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }).stdout)[0];
console.log(`npm package: ${(pack.size / 1e6).toFixed(2)} MB packed (limit 12 MB), ${(pack.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${pack.entryCount} files`);

for (const [command, format] of [['cast2gif', 'gif'], ['cast2svg', 'svg']]) {
  for (const [name, input] of [['ASCII only', ascii], ['icons, emoji, Hangul', glyphs]]) {
    const compare = baseline !== undefined && name === 'ASCII only';
    const [ours, before] = measure(compare ? [root, baseline] : [root], command, input, format);
    let line = `${command} ${name}: ${(ours.seconds * 1000).toFixed(0)} ms, peak RSS ${ours.mb.toFixed(1)} MB; fonts read: ${filesRead(input, format)}`;
    if (compare) {
      line += ` | before: ${(before.seconds * 1000).toFixed(0)} ms, ${before.mb.toFixed(1)} MB | ratio time ${(ours.seconds / before.seconds).toFixed(2)}, RSS ${(ours.mb / before.mb).toFixed(2)}`;
    }
    console.log(line);
  }
}
rmSync(work, { recursive: true, force: true });
