import type { OutputFormat } from '../formats/registry.js';

export type OutputStatus = 'rendered' | 'unchanged' | 'failed';

export interface OutputResult {
  readonly format: OutputFormat;
  /** Relative to cwd when inside it, with `/`. */
  readonly path: string;
  readonly status: OutputStatus;
  /** Size of the file on disk (also for unchanged outputs). */
  readonly bytes?: number;
  /** Frames in the output, for rendered outputs (1 for a still). */
  readonly frames?: number;
  /** Render time, for rendered outputs. */
  readonly ms?: number;
  /** A raster output's dark twin (--dark-theme), and the <picture> that shows the right one. */
  readonly dark?: string;
  readonly picture?: string;
  /** The one-line error, for failed outputs. */
  readonly error?: string;
}

export interface InputResult {
  readonly input: string;
  readonly outputs: readonly OutputResult[];
}

export interface BatchSummary {
  /** 0 when every output is rendered or unchanged, 1 when any failed. */
  readonly status: 0 | 1;
  readonly rendered: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly ms: number;
  readonly jobs: number;
  readonly shard?: { readonly index: number; readonly total: number };
  /** Sorted by input path. */
  readonly inputs: readonly InputResult[];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 120) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** The message, prefixed with the input unless it already names it (cast errors do: `file:line: ...`). */
export function errorLine(input: string, message: string): string {
  return message.startsWith(input) ? message : `${input}: ${message}`;
}

/** One line per input: its outputs with size and time, or what went wrong. */
export function inputLine(result: InputResult): string {
  const failed = result.outputs.filter((o) => o.status === 'failed');
  // Both formats usually fail for the same reason (a broken input): say it once.
  const reasons = [...new Set(failed.map((o) => o.error ?? 'failed'))];
  const done = result.outputs
    .filter((o) => o.status !== 'failed')
    .map((o) => {
      const size = o.bytes === undefined ? '' : ` ${formatBytes(o.bytes)}`;
      const twin = o.dark === undefined ? '' : ` + ${o.dark}`;
      if (o.status === 'unchanged') return `${o.path}${twin} (unchanged${size})`;
      const frames = o.frames === undefined || o.frames === 1 ? '' : `, ${o.frames} frames`;
      return `${o.path}${twin} (${size.trim()}${frames}, ${formatSeconds(o.ms ?? 0)})`;
    });
  const pictures = result.outputs.flatMap((o) => (o.status !== 'failed' && o.picture !== undefined ? [o.picture] : []));
  const parts: string[] = [];
  if (done.length > 0) parts.push(`${result.input} -> ${done.join(', ')}`);
  for (const reason of reasons) {
    const formats = failed.filter((o) => (o.error ?? 'failed') === reason).map((o) => o.format);
    const which = failed.length === result.outputs.length ? '' : ` [${formats.join(', ')}]`;
    parts.push(`FAILED${which} ${errorLine(result.input, reason)}`);
  }
  return [parts.join('; '), ...pictures].join('\n');
}

export function totalsLine(summary: BatchSummary): string {
  const outputs = summary.rendered + summary.unchanged + summary.failed;
  const shard = summary.shard ? ` (shard ${summary.shard.index}/${summary.shard.total})` : '';
  return (
    `${summary.inputs.length} input${summary.inputs.length === 1 ? '' : 's'}${shard}, ${outputs} output${outputs === 1 ? '' : 's'}: ` +
    `${summary.rendered} rendered, ${summary.unchanged} unchanged, ${summary.failed} failed ` +
    `in ${formatSeconds(summary.ms)} with ${summary.jobs} job${summary.jobs === 1 ? '' : 's'}`
  );
}

/** The --json document: stable field order, sizes in bytes, times in milliseconds. */
export function summaryJson(summary: BatchSummary): string {
  const round = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));
  return `${JSON.stringify(
    {
      status: summary.status,
      rendered: summary.rendered,
      unchanged: summary.unchanged,
      failed: summary.failed,
      ms: round(summary.ms),
      jobs: summary.jobs,
      shard: summary.shard,
      inputs: summary.inputs.map((i) => ({
        input: i.input,
        outputs: i.outputs.map((o) => ({ ...o, ms: round(o.ms) })),
      })),
    },
    null,
    2,
  )}\n`;
}
