import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the YAML, TOML and JSONC parsers', () => {
  it('are not loaded when the CLI starts; yaml is when a Terminalizer recording is read', () => {
    // A module hook that refuses to import the parsers: a run that needs one fails, one that does not succeeds.
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.mjs'), "export async function resolve(s, c, next) { if (['yaml', 'smol-toml', 'jsonc-parser'].includes(s)) throw new Error(s + ' was loaded'); return next(s, c); }\n");
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    writeFileSync(join(dir, 'a.cast'), castText({ width: 10, height: 2 }, [[0.1, 'o', 'hi']]));
    writeFileSync(join(dir, 't.yml'), 'config:\n  cols: 10\n  rows: 2\nrecords:\n  - delay: 100\n    content: hi\n');
    const run = (input: string) => runBin('cast2gif', [join(dir, input), '-', '--format', 'txt'], { env: { NODE_OPTIONS: `--import=${join(dir, 'register.mjs')}` } });
    const cast = run('a.cast');
    expect(cast.status, cast.stderr).toBe(0);
    expect(cast.stdout.toString()).toContain('hi');
    const yml = run('t.yml');
    expect(yml.status).toBe(1);
    expect(yml.stderr).toContain('yaml was loaded');
  });
});
