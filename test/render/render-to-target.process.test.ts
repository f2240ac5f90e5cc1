// The batch renders in worker threads, which run the compiled pipeline under dist/.
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('renderToTarget in a batch', () => {
  it('a failed output takes its twin with it, as on the command line', async () => {
    const dir = tempDir('target');
    writeFileSync(join(dir, 'a.cast'), castText({ width: 8, height: 2, title: 't' }, [[0, 'o', '0']]));
    symlinkSync(join(dir, 'missing', 'a.gif'), join(dir, 'a.gif'));
    const summary = await runBatch({ inputs: ['a.cast'], cwd: dir, options: { theme: 'auto' }, jobs: 1, config: false }, { quiet: true, stderr: { write: () => true } as never });
    expect(summary.failed).toBe(1);
    expect(summary.inputs[0]!.outputs[0]!.error).toBe('a.gif: cannot be written (its folder does not exist)');
    expect(readdirSync(dir).sort()).toEqual(['.cast2gif-manifest.json', 'a.cast', 'a.gif']);
  });
});
