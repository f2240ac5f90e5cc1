#!/usr/bin/env node
/**
 * The long fuzz run behind `npm run fuzz` (which builds dist/ first): by default 1,000,000 terminal
 * inputs, 100,000 mutated casts and 20,000 damaged ttyrec/Terminalizer recordings (read through
 * format detection), spread over worker threads, with the same seeded generators as
 * the short run in test/fuzz. Prints runs, crashes, hangs, slow inputs and peak memory, and every
 * failing seed so that `FUZZ_SEED=<seed> npx vitest run test/fuzz` or
 * `node scripts/fuzz.js --only <kind>:<seed>` replays it. Exits 1 if anything crashed or hung.
 *
 *   node scripts/fuzz.js [--terminal N] [--casts N] [--recordings N] [--seed FIRST] [--workers W] [--only KIND:SEED]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, 'test/corpus/casts');
/** An input still running after this long is a hang: its worker is stopped and replaced. */
const HANG_MS = 20_000;
/** Inputs slower than this are reported (they are not failures, but a sign of super-linear work). */
const SLOW_MS = 1_000;
/** Work is handed out in batches of this many seeds. */
const BATCH = 2000;

// ------------------------------------------------------------------ main thread

function parseArgs(argv) {
  const args = { terminal: 1_000_000, casts: 100_000, recordings: 20_000, seed: 1, workers: Math.max(1, Math.min(availableParallelism(), 8)), only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--only') args.only = value;
    else if (['--terminal', '--casts', '--recordings', '--seed', '--workers'].includes(flag)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
      args[flag.slice(2)] = n;
    } else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

async function runMain() {
  const args = parseArgs(process.argv.slice(2));
  const jobs = [];
  if (args.only) {
    const [kind, seed] = args.only.split(':');
    jobs.push({ kind, first: Number(seed), count: 1 });
  } else {
    for (const [kind, total] of [['terminal', args.terminal], ['cast', args.casts], ['recording', args.recordings]]) {
      for (let at = 0; at < total; at += BATCH) jobs.push({ kind, first: args.seed + at, count: Math.min(BATCH, total - at) });
    }
  }
  const totals = { terminal: newCounts(), cast: newCounts(), recording: newCounts() };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  const started = Date.now();
  let lastReport = started;
  const report = () => {
    const done = totals.terminal.runs + totals.cast.runs + totals.recording.runs;
    process.stderr.write(`  ${done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, peak ${mb(peakRss)}\n`);
  };

  await new Promise((done) => {
    let running = 0;
    const next = () => {
      while (running < args.workers && jobs.length > 0) startWorker(jobs.shift());
      if (running === 0 && jobs.length === 0) done();
    };
    const startWorker = (job) => {
      running++;
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { ...job, root: ROOT, corpus: CORPUS } });
      let current = { seed: job.first, since: Date.now() };
      let finished = false;
      const watchdog = setInterval(() => {
        if (Date.now() - current.since < HANG_MS) return;
        totals[job.kind].hangs++;
        totals[job.kind].failures.push(`${job.kind}:${current.seed} hang (over ${HANG_MS / 1000} s)`);
        finished = true;
        clearInterval(watchdog);
        void worker.terminate();
        running--;
        // The rest of the batch after the hanging seed still runs.
        const rest = job.first + job.count - current.seed - 1;
        if (rest > 0) jobs.unshift({ kind: job.kind, first: current.seed + 1, count: rest });
        next();
      }, 1000);
      worker.on('message', (message) => {
        if (message.type === 'start') current = { seed: message.seed, since: Date.now() };
        else if (message.type === 'done') {
          merge(totals[job.kind], message.counts);
          peakRss = Math.max(peakRss, message.rss);
        }
      });
      const end = (error) => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        if (error) {
          totals[job.kind].crashes++;
          totals[job.kind].failures.push(`${job.kind}:${current.seed} worker died: ${String(error?.message ?? error).split('\n')[0]}`);
          // The seeds after the one it died on still run, in a new worker.
          const rest = job.first + job.count - current.seed - 1;
          if (rest > 0) jobs.unshift({ kind: job.kind, first: current.seed + 1, count: rest });
        }
        running--;
        if (Date.now() - lastReport > 15_000) {
          lastReport = Date.now();
          report();
        }
        next();
      };
      worker.on('error', end);
      worker.on('exit', (code) => end(code === 0 ? undefined : new Error(`exit status ${code}`)));
    };
    next();
  });
  clearInterval(sampler);

  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${seconds.toFixed(0)} s on ${args.workers} worker threads, peak memory (RSS) ${mb(peakRss)}`);
  for (const [kind, c] of Object.entries(totals)) {
    console.log(
      `${kind.padEnd(8)} runs ${c.runs}  crashes ${c.crashes}  hangs ${c.hangs}  slow (>${SLOW_MS} ms) ${c.slow}  ` +
        `longest ${c.longestMs.toFixed(0)} ms  input ${mb(c.bytes)}  errors as expected ${c.expectedErrors}`,
    );
    for (const failure of c.failures.slice(0, 30)) console.log(`  ${failure}`);
    for (const slow of c.slowSeeds.slice(0, 10)) console.log(`  slow: ${slow}`);
  }
  const bad = Object.values(totals).reduce((n, c) => n + c.crashes + c.hangs, 0);
  process.exitCode = bad > 0 ? 1 : 0;
}

function newCounts() {
  return { runs: 0, crashes: 0, hangs: 0, slow: 0, longestMs: 0, bytes: 0, expectedErrors: 0, failures: [], slowSeeds: [] };
}

function merge(into, from) {
  for (const key of ['runs', 'crashes', 'hangs', 'slow', 'bytes', 'expectedErrors']) into[key] += from[key];
  into.longestMs = Math.max(into.longestMs, from.longestMs);
  into.failures.push(...from.failures);
  into.slowSeeds.push(...from.slowSeeds);
}

function mb(bytes) {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

// ------------------------------------------------------------------ workers

async function runWorker() {
  const { kind, first, count, root, corpus } = workerData;
  const { rng, mutateCast, mutateRecording, terminalInput } = await import(join(root, 'test/fuzz/generators.js'));
  const counts = newCounts();
  const one =
    kind === 'terminal'
      ? await terminalCase(root, rng, terminalInput)
      : await castCase(root, corpus, rng, kind === 'recording' ? mutateRecording : mutateCast, kind === 'recording');
  for (let seed = first; seed < first + count; seed++) {
    parentPort.postMessage({ type: 'start', seed });
    const started = performance.now();
    try {
      const result = await one(seed);
      counts.bytes += result.bytes;
      if (result.expectedError) counts.expectedErrors++;
      if (result.problem) {
        counts.crashes++;
        counts.failures.push(`${kind}:${seed} ${result.problem}`);
      }
    } catch (error) {
      counts.crashes++;
      counts.failures.push(`${kind}:${seed} ${String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ')}`);
    }
    const ms = performance.now() - started;
    counts.runs++;
    counts.longestMs = Math.max(counts.longestMs, ms);
    if (ms > SLOW_MS) {
      counts.slow++;
      counts.slowSeeds.push(`${kind}:${seed} ${ms.toFixed(0)} ms`);
    }
  }
  parentPort.postMessage({ type: 'done', counts, rss: process.memoryUsage().rss });
}

async function terminalCase(root, rng, terminalInput) {
  const { Terminal } = await import(join(root, 'dist/term/index.js'));
  return async (seed) => {
    const r = rng(seed);
    const input = terminalInput(r);
    const term = new Terminal({ cols: input.cols, rows: input.rows });
    let bytes = 0;
    for (const chunk of input.chunks) {
      term.feed(chunk);
      bytes += chunk.length;
      if (input.resizes && r.chance(0.3)) term.resize(r.range(1, 300), r.range(1, 100));
    }
    term.text();
    return { bytes, problem: snapshotProblem(term.snapshot()) || undefined };
  };
}

const validColour = (c) => c === -1 || (c >= 0 && c <= 255) || (c >= 0x1000000 && c <= 0x1ffffff);

/** The same promises test/fuzz/terminal.test.ts checks. */
function snapshotProblem(s) {
  if (!(s.cols >= 1 && s.cols <= 2000 && s.rows >= 1 && s.rows <= 1000)) return `size ${s.cols}x${s.rows}`;
  if (s.lines.length !== s.rows) return `${s.lines.length} lines for ${s.rows} rows`;
  for (let y = 0; y < s.lines.length; y++) {
    const cells = s.lines[y].cells;
    if (cells.length !== s.cols) return `row ${y} has ${cells.length} cells`;
    for (let x = 0; x < cells.length; x++) {
      const cell = cells[x];
      if (cell.width === 2 && cells[x + 1]?.width !== 0) return `wide cell at ${x},${y} without its spacer`;
      if (cell.width === 0 && cells[x - 1]?.width !== 2) return `spacer at ${x},${y} after no wide cell`;
      if (!validColour(cell.fg) || !validColour(cell.bg) || !validColour(cell.ulColor)) return `bad colour at ${x},${y}`;
    }
  }
  if (!(s.cursor.x >= 0 && s.cursor.x < s.cols && s.cursor.y >= 0 && s.cursor.y < s.rows)) return `cursor at ${s.cursor.x},${s.cursor.y}`;
  if (s.title.length > 65536) return `title of ${s.title.length}`;
  return '';
}

async function castCase(root, corpus, rng, mutate, alwaysDetect) {
  const { CastError, readCast, readRecordingFrom } = await import(join(root, 'dist/cast/index.js'));
  const originals = [];
  for (const dir of readdirSync(corpus).sort()) {
    for (const file of readdirSync(join(corpus, dir)).sort()) if (file !== 'LICENSE') originals.push(readFileSync(join(corpus, dir, file)));
  }
  return async (seed) => {
    const r = rng(seed);
    const { bytes } = mutate(r, r.pick(originals));
    const viaDetection = alwaysDetect || r.chance(0.3);
    try {
      const cast = viaDetection ? await readRecordingFrom([bytes], { name: 'fuzz' }) : await readCast([bytes], { name: 'fuzz' });
      let last = 0;
      for await (const event of cast.events) {
        if (!Number.isFinite(event.time) || event.time < last) return { bytes: bytes.length, problem: `event time ${event.time} after ${last}` };
        last = event.time;
      }
      return { bytes: bytes.length };
    } catch (error) {
      if (!(error instanceof CastError)) throw error;
      if (error.message.includes('\n') || error.message.length > 400) return { bytes: bytes.length, problem: 'error message not one short line' };
      return { bytes: bytes.length, expectedError: true };
    }
  };
}

// Last, so that every declaration above is initialised before either side runs.
if (isMainThread) await runMain();
else await runWorker();
