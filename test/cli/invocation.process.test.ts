import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const cast = '{"version": 2, "width": 20, "height": 2}\n[0.5, "o", "hello"]\n';

describe('INPUT OUTPUT with a recording name as the output', () => {
  it('converts to a new out.cast (the README line), and again once out.cast exists', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'anything'), cast);
    for (let run = 0; run < 2; run++) {
      const result = runBin('cast2gif', ['anything', 'out.cast', '--cast-version', '3'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(filesIn(dir)).toEqual(['anything', 'out.cast']);
      const [header, ...events] = readFileSync(join(dir, 'out.cast'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(header).toMatchObject({ version: 3, term: { cols: 20, rows: 2 } });
      expect(events).toEqual([[0.5, 'o', 'hello']]);
    }
  });

  it('takes a second name that does not exist as the output, whatever its ending', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), cast);
    for (const output of ['new.json', 'new.yml']) {
      const result = runBin('cast2gif', ['in.cast', output, '--format', 'cast'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, output), 'utf8').split('\n')[0]!)).toMatchObject({ version: 2, width: 20 });
    }
    expect(filesIn(dir)).toEqual(['in.cast', 'new.json', 'new.yml']);
  });

  it('renders two existing recordings as a batch, each beside its input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    writeFileSync(join(dir, 'b.cast'), cast);
    const result = runBin('cast2gif', ['a.cast', 'b.cast', '--format', 'txt', '--quiet'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesIn(dir)).toEqual(['.cast2gif-manifest.json', 'a.cast', 'a.txt', 'b.cast', 'b.txt']);
  });
});

describe('the config file applies to one input as to many', () => {
  it('"format" picks the format when no output is named; the output extension and -f still win', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    writeFileSync(join(dir, 'cast2gif.config.json'), JSON.stringify({ format: 'txt' }));
    expect(runBin('cast2gif', ['a.cast'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('hello\n');
    expect(runBin('cast2gif', ['a.cast', 'b.cast'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'b.cast'), 'utf8')).toMatch(/^\{"version":2/);
    expect(runBin('cast2gif', ['a.cast', '-f', 'svg'], { cwd: dir }).status).toBe(0);
    expect(filesIn(dir)).toEqual(['a.cast', 'a.svg', 'a.txt', 'b.cast', 'cast2gif.config.json']);
  });

  it('"outDir" and several formats make a lone input a batch into that folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    writeFileSync(join(dir, 'cast2gif.config.json'), JSON.stringify({ format: 'txt,cast', outDir: 'img' }));
    const result = runBin('cast2gif', ['a.cast', '--quiet'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesIn(join(dir, 'img'))).toEqual(['.cast2gif-manifest.json', 'a.cast', 'a.txt']);
    expect(filesIn(dir)).toEqual(['a.cast', 'cast2gif.config.json', 'img']);
    // Naming the output keeps the one-file form.
    expect(runBin('cast2gif', ['a.cast', 'here.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'here.txt'), 'utf8')).toBe('hello\n');
  });
});
