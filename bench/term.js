// Terminal throughput: our Terminal against @xterm/headless on the same streams, in one run.
// Prints MB/s (UTF-8 bytes of input per second) for each, the ratio, and peak RSS.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xtermHeadless from '@xterm/headless';
import { Terminal } from '../dist/term/index.js';

const { Terminal: XTerminal } = xtermHeadless;
const COLS = 80;
const ROWS = 24;
/** Each stream is fed in chunks of this size, about what a recording's output event carries. */
const CHUNK = 4096;
const ROUNDS = 10;

// A deterministic generator so that every run measures the same bytes.
let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const words = 'the quick brown fox jumps over lazy dog terminal render frame cell row column cursor'.split(' ');
const word = () => words[Math.floor(random() * words.length)];

function plainText(bytes) {
  const lines = [];
  let size = 0;
  while (size < bytes) {
    let line = '';
    while (line.length < 60 + random() * 40) line += word() + ' ';
    lines.push(line);
    size += line.length + 2;
  }
  return lines.join('\r\n');
}

function colourfulLs(bytes) {
  const styles = ['01;34', '01;32', '00', '01;36', '40;33;01', '01;35', '38;5;208', '38;2;255;128;0'];
  let out = '';
  while (out.length < bytes) {
    let line = '';
    for (let i = 0; i < 5; i++) line += `\x1b[${styles[Math.floor(random() * styles.length)]}m${word()}-${word()}\x1b[0m  `;
    out += line + '\r\n';
  }
  return out;
}

function redrawLoop(bytes) {
  let out = '';
  let frame = 0;
  while (out.length < bytes) {
    out += '\x1b[H';
    for (let y = 1; y <= ROWS; y++) {
      const bar = '|'.repeat(Math.floor(random() * 40));
      out += `\x1b[${y};1H\x1b[1;3${y % 8}m${String(frame).padStart(6)} \x1b[0;4${(y + frame) % 8}m${bar}\x1b[0m ${word()} ${word()}\x1b[K`;
    }
    frame++;
  }
  return out;
}

function castOutput(path) {
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  const out = [];
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const event = JSON.parse(line);
    if (event[1] === 'o') out.push(event[2]);
  }
  return out;
}

function chunks(text) {
  const out = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}

const streams = [
  ['plain text', chunks(plainText(4_000_000))],
  ['colourful ls', chunks(colourfulLs(4_000_000))],
  ['full-screen redraw', chunks(redrawLoop(4_000_000))],
  ['agg demo.cast', castOutput(new URL('../test/corpus/casts/asciinema__agg/demo.cast', import.meta.url))],
  // Not one of the four streams: CJK, accents, combining marks and emoji, to keep the slow path honest.
  ['(extra) unicode text', chunks(('日本語のテキスト、中文字符 — café naïve e\u0301 👍 '.repeat(40) + '\r\n').repeat(1000))],
];

const mb = (parts) => parts.reduce((n, s) => n + Buffer.byteLength(s), 0) / 1e6;

function runOurs(parts) {
  const term = new Terminal({ cols: COLS, rows: ROWS });
  for (const part of parts) term.feed(part);
  return term;
}

function runXterm(parts) {
  const term = new XTerminal({ cols: COLS, rows: ROWS, allowProposedApi: true, scrollback: 1000 });
  return new Promise((resolve) => {
    for (let i = 0; i < parts.length - 1; i++) term.write(parts[i]);
    term.write(parts[parts.length - 1], () => {
      term.dispose();
      resolve();
    });
  });
}

/** CPU time (user + system) in ms: unlike wall time it does not count other processes' turns. */
const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/**
 * Alternate rounds of both terminals and keep each one's fastest round, in CPU time: on a shared,
 * loaded machine that is the measure least disturbed by other processes, for both alike.
 */
async function measurePair(parts) {
  runOurs(parts); // warm-up
  await runXterm(parts);
  let ours = Infinity;
  let xterm = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.cpuUsage();
    runOurs(parts);
    ours = Math.min(ours, cpuMs(t));
    t = process.cpuUsage();
    await runXterm(parts);
    xterm = Math.min(xterm, cpuMs(t));
  }
  return [(mb(parts) * 1000) / ours, (mb(parts) * 1000) / xterm];
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

// Our terminal's own peak RSS, measured in a child process that runs only ours on every stream.
if (process.env.TERM_BENCH_OURS_ONLY === '1') {
  for (const [, parts] of streams) runOurs(parts);
  console.log(rssMb().toFixed(0));
  process.exit(0);
}
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, TERM_BENCH_OURS_ONLY: '1' }, encoding: 'utf8' });
const oursRss = child.stdout.trim();

const results = [];
for (const [name, parts] of streams) {
  const [ours, xterm] = await measurePair(parts);
  results.push({ name, ours, xterm });
  console.log(`${name.padEnd(20)} ${mb(parts).toFixed(2).padStart(6)} MB  ours ${ours.toFixed(1).padStart(7)} MB/s  xterm.js ${xterm.toFixed(1).padStart(7)} MB/s  ratio ${(ours / xterm).toFixed(2)}x`);
}

// The pipeline also takes a snapshot per frame: measure feeding the cast with one snapshot per event.
{
  const parts = streams.find(([name]) => name === 'agg demo.cast')[1];
  const run = () => {
    const term = new Terminal({ cols: COLS, rows: ROWS });
    for (const part of parts) {
      term.feed(part);
      term.snapshot();
    }
  };
  run();
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const t = process.cpuUsage();
    run();
    best = Math.min(best, cpuMs(t));
  }
  const rate = (mb(parts) * 1000) / best;
  console.log(`${'demo.cast+snapshots'.padEnd(20)} ${mb(parts).toFixed(2).padStart(6)} MB  ours ${rate.toFixed(1).padStart(7)} MB/s (snapshot after every event)`);
}
// Linearity on hostile input: random code units (escape sequences, huge parameters, C1 controls,
// lone surrogates) in 1 MB and 8 MB streams should be fed at about the same rate.
{
  const junk = (units) => {
    let out = '';
    const pieces = ['\x1b[', '\x1b]', '\x1bP', '99999999999', ';', ':', 'b', 'H', 'm', '\x9b', '\ud83d', '\u0301', '\x1b(0', '\n', 'abc'];
    while (out.length < units) {
      out += random() < 0.5 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(Math.floor(random() * 0x3000));
    }
    return chunks(out);
  };
  const rate = (parts) => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const t = process.cpuUsage();
      runOurs(parts);
      best = Math.min(best, cpuMs(t));
    }
    return (mb(parts) * 1000) / best;
  };
  const small = rate(junk(1_000_000));
  const large = rate(junk(8_000_000));
  console.log(`${'random junk'.padEnd(20)} ours ${small.toFixed(1)} MB/s on 1 MB, ${large.toFixed(1)} MB/s on 8 MB (linear if about equal)`);
}
const worst = Math.min(...results.filter((r) => !r.name.startsWith('(extra)')).map((r) => r.ours / r.xterm));
console.log(`lowest ratio on the four issue streams ${worst.toFixed(2)}x (target >= 1.5x)`);
console.log(`peak RSS: ${oursRss} MB ours alone (all streams, in a child process); ${rssMb().toFixed(0)} MB for this process running both`);
