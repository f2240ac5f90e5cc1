import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { glob, globBase, isGlob } from '../../src/batch/glob.js';
import { expandInputs } from '../../src/batch/inputs.js';

const matches = (pattern: string, path: string) => glob(pattern).match(path);

describe('glob matching', () => {
  it('* stays inside one name and skips hidden files', () => {
    expect(matches('*.cast', 'demo.cast')).toBe(true);
    expect(matches('*.cast', 'a/demo.cast')).toBe(false);
    expect(matches('*.cast', '.hidden.cast')).toBe(false);
    expect(matches('.*.cast', '.hidden.cast')).toBe(true);
    expect(matches('docs/*', 'docs/a.cast')).toBe(true);
    expect(matches('d*s/a.cast', 'docs/a.cast')).toBe(true);
    expect(matches('d*s/a.cast', 'd/x/s/a.cast')).toBe(false);
  });

  it('** spans any number of folders, including none', () => {
    expect(matches('docs/**/*.cast', 'docs/a.cast')).toBe(true);
    expect(matches('docs/**/*.cast', 'docs/x/y/a.cast')).toBe(true);
    expect(matches('docs/**/*.cast', 'other/a.cast')).toBe(false);
    expect(matches('docs/**/*.cast', 'docs/.git/a.cast')).toBe(false);
    expect(matches('**/*.cast', 'a.cast')).toBe(true);
    expect(matches('docs/**', 'docs/x/a.cast')).toBe(true);
    expect(matches('a**b.cast', 'axxb.cast')).toBe(true);
    expect(matches('a**b.cast', 'ax/xb.cast')).toBe(false);
  });

  it('? matches one character but not /', () => {
    expect(matches('demo?.cast', 'demo1.cast')).toBe(true);
    expect(matches('demo?.cast', 'demo.cast')).toBe(false);
    expect(matches('demo?.cast', 'demo12.cast')).toBe(false);
    expect(matches('a?b', 'a/b')).toBe(false);
  });

  it('classes, negated classes and ranges', () => {
    expect(matches('demo[12].cast', 'demo2.cast')).toBe(true);
    expect(matches('demo[12].cast', 'demo3.cast')).toBe(false);
    expect(matches('demo[a-c].cast', 'demob.cast')).toBe(true);
    expect(matches('demo[!a-c].cast', 'demob.cast')).toBe(false);
    expect(matches('demo[!a-c].cast', 'demod.cast')).toBe(true);
    expect(matches('demo[^a-c].cast', 'demod.cast')).toBe(true);
    expect(matches('a[!x]b', 'a/b')).toBe(false);
    expect(matches('x[]]y', 'x]y')).toBe(true);
    expect(matches('x[y', 'x[y')).toBe(true);
  });

  it('braces, nested, with globs inside', () => {
    expect(matches('*.{cast,json}', 'a.json')).toBe(true);
    expect(matches('*.{cast,json}', 'a.txt')).toBe(false);
    expect(matches('{docs,site/{a,b}}/*.cast', 'site/b/x.cast')).toBe(true);
    expect(matches('{docs,site/{a,b}}/*.cast', 'site/c/x.cast')).toBe(false);
    expect(matches('{x}.cast', '{x}.cast')).toBe(true);
  });

  it('brace ranges, POSIX classes, and alternatives that name hidden files', () => {
    expect(matches('part{1..3}.cast', 'part2.cast')).toBe(true);
    expect(matches('part{1..3}.cast', 'part4.cast')).toBe(false);
    expect(matches('demo[[:digit:]].cast', 'demo7.cast')).toBe(true);
    expect(matches('demo[[:digit:]].cast', 'demo:.cast')).toBe(false);
    expect(matches('{.config,docs}/*.cast', '.config/a.cast')).toBe(true);
    expect(matches('{.config,docs}/*.cast', '.config/.b.cast')).toBe(false);
    expect(matches('docs/**/.*.cast', 'docs/x/.b.cast')).toBe(true);
    expect(matches('docs/**/.*.cast', 'docs/.x/.b.cast')).toBe(false);
  });

  it('characters other dialects give a meaning are literal: a leading ! or #, parentheses, +(', () => {
    for (const name of ['!draft.cast', '#draft.cast', 'demo(1).cast', 'a+(b).cast', 'a@(b|c).cast']) {
      expect(matches(name, name)).toBe(true);
    }
    expect(matches('demo(1)*.cast', 'demo(1)-x.cast')).toBe(true);
    expect(matches('demo(1)*.cast', 'demo1-x.cast')).toBe(false);
    expect(matches('a+(b).cast', 'abb.cast')).toBe(false);
  });

  it('escapes and regular-expression characters are literal', () => {
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('a+b(1).cast', 'a+b(1).cast')).toBe(true);
    expect(matches('a.cast', 'aXcast')).toBe(false);
  });

  it('knows magic from literal text and finds the base folder', () => {
    expect(isGlob('docs/a.cast')).toBe(false);
    expect(isGlob('docs/\\*.cast')).toBe(false);
    expect(isGlob('docs/{a,b}.cast')).toBe(true);
    expect(isGlob('demo[12].cast')).toBe(true);
    expect(isGlob('demo[1].cast')).toBe(false);
    expect(isGlob('x[y')).toBe(false);
    expect(globBase('docs/casts/**/*.cast')).toBe('docs/casts');
    expect(globBase('*.cast')).toBe('.');
    expect(globBase('docs/*/x/*.cast')).toBe('docs');
    expect(globBase('/abs/dir/*.cast')).toBe('/abs/dir');
    expect(globBase('/*.cast')).toBe('/');
    expect(globBase('docs/{a,b}/*.cast')).toBe('docs');
    expect(globBase('{docs,site/{a,b}}/*.cast')).toBe('.');
    expect(globBase('docs/\\*x/*.cast')).toBe('docs/*x');
  });
});

describe('expanding inputs', () => {
  const tree = () => {
    const dir = tempDir('glob');
    for (const f of ['docs/b.cast', 'docs/a.cast', 'docs/sub/c.cast', 'docs/sub/deep/d.cast', 'docs/.hidden/e.cast', 'docs/notes.txt', 'top.cast']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    return dir;
  };

  it('expands globs sorted, with their base folder, skipping hidden folders', () => {
    const dir = tree();
    const found = expandInputs(['docs/**/*.cast'], dir);
    expect(found.map((i) => i.path)).toEqual(['docs/a.cast', 'docs/b.cast', 'docs/sub/c.cast', 'docs/sub/deep/d.cast']);
    expect(new Set(found.map((i) => i.base))).toEqual(new Set([join(dir, 'docs')]));
  });

  it('a single-level glob does not descend', () => {
    const dir = tree();
    expect(expandInputs(['./docs/*.cast'], dir).map((i) => i.path)).toEqual(['docs/a.cast', 'docs/b.cast']);
  });

  it('deduplicates globs and literals, keeping literals even if missing, with their common folder as base', () => {
    const dir = tree();
    const found = expandInputs(['docs/sub/c.cast', 'docs/*.cast', 'docs/a.cast', 'docs/sub/missing.cast'], dir);
    expect(found.map((i) => i.path)).toEqual(['docs/a.cast', 'docs/b.cast', 'docs/sub/c.cast', 'docs/sub/missing.cast']);
    expect(found.find((i) => i.path === 'docs/a.cast')!.base).toBe(join(dir, 'docs'));
    // The literals are docs/sub/c.cast, docs/a.cast and docs/sub/missing.cast: their common folder is docs.
    expect(found.find((i) => i.path === 'docs/sub/c.cast')!.base).toBe(join(dir, 'docs'));
  });

  it('literals in one folder have that folder as base', () => {
    const dir = tree();
    const found = expandInputs(['docs/sub/c.cast', 'docs/sub/missing.cast'], dir);
    expect(found.map((i) => i.base)).toEqual([join(dir, 'docs/sub'), join(dir, 'docs/sub')]);
  });

  it('the common folder of literals spans their folders', () => {
    const dir = tree();
    const found = expandInputs(['docs/sub/deep/d.cast', 'docs/a.cast'], dir);
    expect(found.every((i) => i.base === join(dir, 'docs'))).toBe(true);
  });

  it('a glob matching nothing, stdin and URLs are refused', () => {
    const dir = tree();
    expect(() => expandInputs(['docs/*.nope'], dir)).toThrow(/no files match "docs\/\*\.nope"/);
    expect(() => expandInputs(['-'], dir)).toThrow(/one at a time/);
    expect(() => expandInputs(['https://example.com/a.cast'], dir)).toThrow(/one at a time/);
  });

  it('names hidden folders only when asked', () => {
    const dir = tree();
    expect(expandInputs(['docs/.hidden/*.cast'], dir).map((i) => i.path)).toEqual(['docs/.hidden/e.cast']);
    expect(expandInputs(['docs/{.hidden,sub}/*.cast'], dir).map((i) => i.path)).toEqual(['docs/.hidden/e.cast', 'docs/sub/c.cast']);
  });

  it('a pattern that steps into a folder and back out with .. matches what it names', () => {
    const dir = tree();
    const found = expandInputs(['docs/sub/../*.cast'], dir);
    expect(found.map((i) => i.path)).toEqual(['docs/a.cast', 'docs/b.cast']);
    expect(found[0]!.base).toBe(join(dir, 'docs'));
  });
});
