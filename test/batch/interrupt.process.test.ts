import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../helpers/bin.js';
import { CORPUS } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

// The fixture runs the batch from dist/.
beforeAll(requireBuild);
const script = join(import.meta.dirname, 'fixtures/interrupt-run.mjs');
// Long enough to render (over a second) that the interrupt lands mid-render.
const bigCast = join(CORPUS, 'asciinema__agg/demo.cast');

async function interrupted(mode: 'handler' | 'none'): Promise<{ code: number | null; signal: string | null; left: string[] }> {
  const dir = tempDir();
  const child = spawn(process.execPath, [script, dir, bigCast, mode], { stdio: 'ignore' });
  const out = join(dir, 'out');
  while (!(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.tmp')))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the batch ended before its render was seen');
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGINT');
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  return { code, signal, left: readdirSync(out) };
}

describe('an interrupted batch', () => {
  it('leaves no temporary file when the program exits from its own signal handler', async () => {
    const { code, left } = await interrupted('handler');
    expect(code).toBe(130);
    expect(left).toEqual([]);
  });

  it('leaves no temporary file and still dies of the signal when nothing handles it', async () => {
    const { signal, left } = await interrupted('none');
    expect(signal).toBe('SIGINT');
    expect(left).toEqual([]);
  });
});
