// The batch command renders in worker threads, which run the compiled pipeline under dist/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatchCommand } from '../../src/cli/batch-command.js';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { parsed } from './parsed.js';

describe('the batch command', () => {
  const run = async (args: string[], cwd: string) => {
    const program = parsed(args);
    let out = '';
    let err = '';
    const stdout = new PassThrough().on('data', (c: Buffer) => (out += c.toString()));
    const stderr = new PassThrough().on('data', (c: Buffer) => (err += c.toString()));
    const status = await runBatchCommand(program, { defaultFormat: 'gif', cwd, stdout, stderr, env: { CI: '1' } });
    return { status, out, err };
  };

  it('runs from parsed flags: globs, --out-dir, -f, --jobs, --json', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'casts/sub'), { recursive: true });
    writeFileSync(join(dir, 'casts/a.cast'), castText({ width: 10, height: 2 }, [[0.1, 'o', 'one']]));
    writeFileSync(join(dir, 'casts/sub/b.cast'), castText({ width: 10, height: 2 }, [[0.1, 'o', 'two']]));
    const { status, out, err } = await run(['casts/**/*.cast', '--out-dir', 'img', '-f', 'txt', '--jobs', '2', '--json'], dir);
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'img/a.txt'), 'utf8').trimEnd()).toBe('one');
    expect(readFileSync(join(dir, 'img/sub/b.txt'), 'utf8').trimEnd()).toBe('two');
    expect(JSON.parse(out)).toMatchObject({ status: 0, rendered: 2, jobs: 2 });
    expect(err).toMatch(/^2 inputs, 2 outputs: 2 rendered, 0 unchanged, 0 failed/m);
  });

  it('refuses a bad --shard and an output file in a batch', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), '{"version": 2, "width": 10, "height": 2}\n');
    await expect(run(['a.cast', '--shard', '3/2'], dir)).rejects.toThrow(/--shard: expected i\/n/);
    await expect(run(['*.cast', 'out.gif'], dir)).rejects.toThrow(/"out.gif": an output file cannot be named in a batch/);
    await expect(run(['*.cast', 'b.cast', 'out.webp'], dir)).rejects.toThrow(/"out.webp": an output file cannot be named in a batch/);
  });
});
