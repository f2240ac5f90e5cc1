import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchRequest } from '../../src/batch/run-batch.js';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';

const castShowing = (line: string) => castText({ width: 40, height: 2 }, [[0.1, 'o', line]]);

async function batch(request: BatchRequest) {
  const quiet = () => new PassThrough().resume();
  return runBatch({ jobs: 1, ...request }, { stderr: quiet(), stdout: quiet(), progress: 'lines', json: false });
}

describe('redaction in a batch', () => {
  it('redact and redactSecrets from the config file, per glob, and a change of them renders again', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'casts/internal'), { recursive: true });
    writeFileSync(join(dir, 'casts/public.cast'), castShowing('key AKIAQ7XKZ3M5N2P8R4TB id ACME-42'));
    writeFileSync(join(dir, 'casts/internal/notes.cast'), castShowing('key AKIAQ7XKZ3M5N2P8R4TB id ACME-42'));
    const config = (redact: string) =>
      writeFileSync(
        join(dir, 'cast2gif.config.json'),
        JSON.stringify({ format: 'txt', outDir: 'out', redactSecrets: true, overrides: [{ files: 'casts/internal/**', options: { redact } }] }),
      );
    config('/acme-\\d+/i');
    const run = () => batch({ cwd: dir, inputs: ['casts/**/*.cast'], config: undefined });
    expect((await run()).status).toBe(0);
    expect(readFileSync(join(dir, 'out/public.txt'), 'utf8')).toBe(`key ${'*'.repeat(20)} id ACME-42\n`);
    expect(readFileSync(join(dir, 'out/internal/notes.txt'), 'utf8')).toBe(`key ${'*'.repeat(20)} id *******\n`);
    // The patterns are in the manifest's hash: a changed pattern is a changed output.
    const again = await run();
    expect(again.unchanged).toBe(2);
    config('ACME');
    const changed = await run();
    expect(changed.unchanged).toBe(1);
    expect(readFileSync(join(dir, 'out/internal/notes.txt'), 'utf8')).toBe(`key ${'*'.repeat(20)} id ****-42\n`);
  });
});
