import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localServer } from '../helpers/local-server.js';
import { runBin, runBinAsync } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const CAST = '{"version": 2, "width": 20, "height": 3}\n[0.1, "o", "odd name"]\n';
const SERVED = '{"version": 2, "width": 20, "height": 3}\n[0.1, "o", "served"]\n';

/** The request lines the server saw: shows the query string reached it untouched. */
const requested: string[] = [];

const server = localServer((req, res) => {
  requested.push(req.url ?? '');
  if (req.url?.startsWith('/casts/demo.cast?')) {
    res.writeHead(200);
    res.end(SERVED);
  } else {
    res.writeHead(404);
    res.end();
  }
});

describe('inputs that look like globs but name one thing', () => {
  it('a URL with ?raw=true is downloaded, not expanded; the output is named after its path', async () => {
    const dir = tempDir();
    const url = `${server.base}/casts/demo.cast?raw=true`;
    const result = await runBinAsync('cast2gif', [url, '-f', 'txt'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(requested).toContain('/casts/demo.cast?raw=true');
    expect(filesIn(dir)).toEqual(['demo.txt']);
    expect(readFileSync(join(dir, 'demo.txt'), 'utf8').trim()).toBe('served');
  });

  it('a URL holding * and [..] is downloaded as it is, with a named output', async () => {
    const dir = tempDir();
    const url = `${server.base}/casts/demo.cast?tag=[1]&v=*`;
    const result = await runBinAsync('cast2gif', [url, 'out.gif'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesIn(dir)).toEqual(['out.gif']);
  });

  it('an existing file named demo[1].cast is rendered as itself, alone or with an output name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo[1].cast'), CAST);
    // demo1.cast is what the glob would match: it must not be picked instead.
    writeFileSync(join(dir, 'demo1.cast'), SERVED);
    const alone = runBin('cast2gif', ['demo[1].cast', '-f', 'txt'], { cwd: dir });
    expect(alone.stderr).toBe('');
    expect(alone.status).toBe(0);
    expect(readFileSync(join(dir, 'demo[1].txt'), 'utf8').trim()).toBe('odd name');
    const named = runBin('cast2gif', ['demo[1].cast', 'out.gif'], { cwd: dir });
    expect(named.status, named.stderr).toBe(0);
    expect(filesIn(dir)).toEqual(['demo1.cast', 'demo[1].cast', 'demo[1].txt', 'out.gif']);
  });

  it('in a batch, an existing demo[1].cast is one input; a real glob beside it still expands', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo[1].cast'), CAST);
    writeFileSync(join(dir, 'demo1.cast'), SERVED);
    writeFileSync(join(dir, 'other2.cast'), SERVED);
    const result = runBin('cast2gif', ['demo[1].cast', 'other[0-9].cast', '--out-dir', 'out', '-f', 'txt', '-q'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['.cast2gif-manifest.json', 'demo[1].txt', 'other2.txt']);
    expect(readFileSync(join(dir, 'out', 'demo[1].txt'), 'utf8').trim()).toBe('odd name');
  });
});
