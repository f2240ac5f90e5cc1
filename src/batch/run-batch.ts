import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import type { OutputFormat } from '../formats/registry.js';
import type { OptionValues } from '../options/option-values.js';
import { darkTwinPath, hasDarkTwin, pictureSnippet } from '../render/dark-twin.js';
import { toReadOptions, toRenderOptions } from '../render/options.js';
import { planTargets, tempFilesOf, type RenderTargets } from '../render/render-to-target.js';
import { TempFiles } from '../render/temp-files.js';
import { loadConfig, optionsFor, type BatchConfig } from './config.js';
import { BatchSetupError } from './errors.js';
import { fingerprint, packageVersion } from './fingerprint.js';
import { expandInputs } from './inputs.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { planOutputs, type PlannedInput, type PlannedOutput } from './plan.js';
import { WorkerPool } from './pool.js';
import type { JobMessage } from './protocol.js';
import { createReporter, type LogOptions } from './reporter.js';
import { parseShard, shardSlice, type Shard } from './shard.js';
import type { BatchSummary, InputResult, OutputResult } from './summary.js';

export interface BatchRequest {
  /** Paths and globs (quoted globs are expanded here; a shell's expansion works too). */
  readonly inputs: readonly string[];
  /** Default: process.cwd(). Paths, globs and the config file are relative to it. */
  readonly cwd?: string;
  /** Options set explicitly on the command line (or by a library caller): they win over the config file. */
  readonly options?: OptionValues;
  /** Built-in defaults (the command's), applied under the config file. */
  readonly defaults?: OptionValues;
  /** Used when neither the options, the defaults nor the config name a format. */
  readonly defaultFormat?: OutputFormat;
  /** Outputs keep their inputs' relative paths under this folder; default: beside each input. */
  readonly outDir?: string;
  /** Renders at once; default: the config's, else os.availableParallelism(). */
  readonly jobs?: number;
  /** `i/n` (1-based) or parsed: render only this shard of the sorted inputs. */
  readonly shard?: string | Shard;
  /** Render even what the manifest says is unchanged. */
  readonly force?: boolean;
  /** false: ignore config files; a BatchConfig: use it; default: load from cwd. */
  readonly config?: false | BatchConfig;
}

interface Job {
  readonly planned: PlannedInput;
  readonly output: PlannedOutput;
  readonly key: string;
  readonly hash: string | undefined;
  readonly message: Omit<JobMessage, 'id' | 'targets'>;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

function readBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    // The worker reports the canonical "no such file" / "is a directory" error for this input.
    return undefined;
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim() || 'failed';
}

/**
 * Renders many inputs to one or more formats, in parallel worker threads. Outputs whose input
 * and options are unchanged since the last run (per the manifest in the output folder) are
 * skipped. A failing render fails only its own outputs; the summary's status says whether any did.
 * Problems that stop the batch before it starts (no matches, colliding outputs, a bad config or
 * --shard) throw a BatchSetupError.
 */
export async function runBatch(request: BatchRequest, log: LogOptions = {}): Promise<BatchSummary> {
  const started = performance.now();
  const cwd = resolve(request.cwd ?? process.cwd());
  const config = request.config === false ? undefined : (request.config ?? loadConfig(cwd));
  const cores = availableParallelism();
  const asked = request.jobs ?? config?.jobs ?? cores;
  if (!Number.isInteger(asked) || asked < 1) throw new BatchSetupError(`--jobs: expected a whole number above 0 (got ${asked})`);
  // Renders are CPU-bound: workers beyond the cores only add memory (each holds a canvas and fonts).
  const jobs = Math.min(asked, cores);
  if (jobs < asked && !log.quiet) {
    (log.stderr ?? process.stderr).write(`warning: --jobs ${asked} is more than the ${cores} CPU cores here; running ${jobs} at once\n`);
  }
  const shard = typeof request.shard === 'string' ? parseShard(request.shard) : request.shard;
  const outDir = request.outDir ?? config?.outDir;
  if (request.inputs.length === 0) throw new BatchSetupError('no inputs given');

  const all = expandInputs(request.inputs, cwd);
  const inputs = shard ? shardSlice(all, shard) : all;
  const optionsByInput = new Map(inputs.map((i) => [i.path, optionsFor(i.path, { defaults: request.defaults, config, explicit: request.options })]));
  const valuesOf = (path: string): OptionValues => optionsByInput.get(path)!;
  const plan = planOutputs(inputs, (i) => valuesOf(i.path).format ?? [request.defaultFormat ?? 'gif'], outDir, cwd, (i, format) =>
    hasDarkTwin(toRenderOptions(valuesOf(i.path), format)),
  );

  const manifestDir = resolve(cwd, outDir ?? '.');
  const { manifest, problem } = readManifest(manifestDir);
  if (problem && log.verbose) (log.stderr ?? process.stderr).write(`warning: ${problem}\n`);
  const version = packageVersion();

  const results = new Map<PlannedOutput, OutputResult>();
  const toRender: Job[] = [];
  const inputBytes = new Map<string, number>();
  for (const planned of plan) {
    const bytes = readBytes(planned.input.absolute);
    inputBytes.set(planned.input.path, bytes?.byteLength ?? 0);
    for (const output of planned.outputs) {
      const values = valuesOf(planned.input.path);
      const options = toRenderOptions(values, output.format);
      const read = toReadOptions(values);
      const key = toPosix(relative(manifestDir, output.absolute));
      const hash = bytes && fingerprint(bytes, output.format, values, version);
      const existing = sizeOf(output.absolute);
      const twin = hasDarkTwin(options) ? darkTwinPath(output.path) : undefined;
      // A twin deleted since the last run is rendered again, with its output.
      const twinThere = !twin || sizeOf(darkTwinPath(output.absolute)) !== undefined;
      if (!request.force && hash !== undefined && manifest.get(key) === hash && existing !== undefined && twinThere) {
        results.set(output, { format: output.format, path: output.path, status: 'unchanged', bytes: existing, ...(twin ? { dark: twin } : {}) });
        continue;
      }
      toRender.push({
        planned,
        output,
        key,
        hash,
        message: { input: planned.input.absolute, name: planned.input.path, output: output.absolute, read, options },
      });
    }
  }

  const reporter = createReporter(log);
  const totalInputBytes = toRender.reduce((sum, job) => sum + inputBytes.get(job.planned.input.path)!, 0);
  reporter.start(plan.length, results.size + toRender.length, toRender.length, totalInputBytes);

  const pending = new Map(plan.map((p) => [p, p.outputs.filter((o) => !results.has(o)).length]));
  const finishInput = (planned: PlannedInput) => {
    reporter.inputDone({ input: planned.input.path, outputs: planned.outputs.map((o) => results.get(o)!) });
  };
  for (const planned of plan) if (pending.get(planned) === 0) finishInput(planned);

  const temps = new TempFiles();

  // Created only when there is work: an all-unchanged run starts no threads at all.
  let pool: WorkerPool | undefined;
  const queue = new PQueue({ concurrency: jobs });
  let nextId = 0;
  const renderOne = async (job: Job) => {
    const id = nextId++;
    let targets: RenderTargets | undefined;
    const name = job.planned.input.path;
    let outcome: Awaited<ReturnType<WorkerPool['run']>>;
    let framesSeen = 0;
    try {
      mkdirSync(dirname(job.output.absolute), { recursive: true });
      targets = planTargets(job.output.absolute, job.output.path, job.message.options, id);
      for (const temp of tempFilesOf(targets)) temps.add(temp);
      reporter.jobStarted(name);
      pool ??= new WorkerPool(Math.min(jobs, toRender.length));
      outcome = await pool.run(
        { ...job.message, id, targets },
        {
          warning: (message) => reporter.warning(name, message),
          frames: (count) => {
            reporter.frames(count - framesSeen);
            framesSeen = count;
          },
        },
      );
    } catch (error) {
      outcome = { ok: false, message: (error as Error).message };
    } finally {
      for (const temp of targets === undefined ? [] : tempFilesOf(targets)) temps.delete(temp);
    }
    if (outcome.ok) {
      if (job.hash !== undefined) manifest.set(job.key, job.hash);
      if (outcome.frames !== undefined) reporter.frames(outcome.frames - framesSeen);
      results.set(job.output, {
        format: job.output.format,
        path: job.output.path,
        status: 'rendered',
        bytes: outcome.bytes,
        frames: outcome.frames,
        ms: outcome.ms,
        ...(targets?.twin ? { dark: targets.twin.shown, picture: pictureSnippet(job.output.path, targets.twin.shown, outcome.alt ?? '') } : {}),
      });
      reporter.jobFinished(name, inputBytes.get(name)!, outcome.bytes);
    } else {
      // The old output, if any, stays on disk, but it no longer matches: the next run must retry.
      manifest.delete(job.key);
      results.set(job.output, { format: job.output.format, path: job.output.path, status: 'failed', error: firstLine(outcome.message) });
      if (outcome.stack) reporter.crash(name, outcome.stack);
      reporter.jobFinished(name, inputBytes.get(name)!, 0);
    }
    const left = pending.get(job.planned)! - 1;
    pending.set(job.planned, left);
    if (left === 0) finishInput(job.planned);
  };

  try {
    // Largest inputs first: the long renders start early, so no core idles at the end waiting on one.
    for (const job of toRender) {
      void queue.add(() => renderOne(job), { priority: inputBytes.get(job.planned.input.path)! });
    }
    await queue.onIdle();
  } finally {
    await pool?.close();
    temps.release();
  }

  if (toRender.length > 0) {
    // Entries for outputs since deleted (a removed cast) would otherwise stay forever.
    for (const key of manifest.keys()) if (sizeOf(join(manifestDir, key)) === undefined) manifest.delete(key);
    mkdirSync(manifestDir, { recursive: true });
    writeManifest(manifestDir, manifest);
  }

  const inputsResult: InputResult[] = plan.map((p) => ({ input: p.input.path, outputs: p.outputs.map((o) => results.get(o)!) }));
  const outputs = inputsResult.flatMap((i) => i.outputs);
  const count = (status: OutputResult['status']) => outputs.filter((o) => o.status === status).length;
  const summary: BatchSummary = {
    status: count('failed') > 0 ? 1 : 0,
    rendered: count('rendered'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    ms: performance.now() - started,
    jobs,
    shard,
    inputs: inputsResult,
  };
  reporter.finish(summary);
  return summary;
}
