import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CastError, readRecordingFrom } from '../../src/cast/index.js';
import { Terminal } from '../../src/term/index.js';
import { snapshotProblem } from './snapshot-check.js';
import { runMain } from './run-main.js';
import { CRASHERS } from './corpus.js';

/** Recordings in any input format (asciicast, Terminalizer YAML), read through format detection. */
const casts = readdirSync(CRASHERS).filter((f) => f.endsWith('.cast') || f.endsWith('.yml')).sort();

describe('fixed crashers stay fixed', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has crashers to check', () => {
    expect(casts.length).toBeGreaterThan(0);
  });

  it.each(casts)('%s: the reader ends in events or a one-line CastError, and prints nothing itself', async (file) => {
    // A library writing a warning to the process's stderr would break the CLI's one-line messages.
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let error: unknown;
    try {
      const cast = await readRecordingFrom([readFileSync(join(CRASHERS, file))], { name: file });
      for await (const _ of cast.events);
    } catch (e) {
      error = e;
    }
    if (error !== undefined) {
      expect(error).toBeInstanceOf(CastError);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(emitWarning).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each(casts)('%s: the CLI exits 0 or 1 with at most one line on stderr', async (file) => {
    const run = await runMain([join(CRASHERS, file), '-', '--format', 'txt']);
    expect([0, 1]).toContain(run.status);
    expect(run.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

const terminalInputs = readdirSync(CRASHERS).filter((f) => f.startsWith('term-') && f.endsWith('.json')).sort();

describe('fixed terminal crashers stay fixed', () => {
  it.each(terminalInputs)('%s: every input leaves a well-formed screen', (file) => {
    const crasher = JSON.parse(readFileSync(join(CRASHERS, file), 'utf8')) as { cols: number; rows: number; inputs: string[] };
    for (const input of crasher.inputs) {
      const term = new Terminal({ cols: crasher.cols, rows: crasher.rows });
      term.feed(input);
      expect(snapshotProblem(term.snapshot()), JSON.stringify(input)).toBe('');
    }
  });
});
