import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalJson, fingerprint } from '../../src/batch/fingerprint.js';
import { MANIFEST_FILE, readManifest, writeManifest } from '../../src/batch/manifest.js';

const bytes = new TextEncoder().encode('{"version": 2, "width": 4, "height": 1}\n[0.1, "o", "hi"]\n');

describe('fingerprints', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('changes with the input, its format, any option that shapes the output, the version, and the content of a named file', () => {
    const base = fingerprint(bytes, 'gif', { speed: 2 }, '1.0.0');
    expect(fingerprint(bytes, 'gif', { speed: 2, fontSize: undefined }, '1.0.0')).toBe(base);
    expect(fingerprint(bytes.slice(1), 'gif', { speed: 2 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, 'svg', { speed: 2 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, 'gif', { speed: 3 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, 'gif', { speed: 2 }, '1.0.1')).not.toBe(base);
    // Options that only refuse work or choose other outputs leave it alone.
    expect(fingerprint(bytes, 'gif', { speed: 2, limit: { frames: 5 }, format: ['gif', 'svg'] }, '1.0.0')).toBe(base);

    const dir = tempDir('fp');
    const theme = join(dir, 'theme.json');
    for (const name of ['theme', 'darkTheme'] as const) {
      writeFileSync(theme, '{"a": 1}');
      const first = fingerprint(bytes, 'gif', { [name]: theme }, '1');
      writeFileSync(theme, '{"a": 2}');
      expect(fingerprint(bytes, 'gif', { [name]: theme }, '1')).not.toBe(first);
    }
    const fonts = join(dir, 'fonts');
    mkdirSync(fonts);
    writeFileSync(join(fonts, 'a.ttf'), 'one');
    const folder = fingerprint(bytes, 'gif', { fontDir: fonts }, '1');
    writeFileSync(join(fonts, 'a.ttf'), 'two');
    expect(fingerprint(bytes, 'gif', { fontDir: fonts }, '1')).not.toBe(folder);

    // How the input is read counts too, the timing file by its content.
    expect(fingerprint(bytes, 'gif', { inputFormat: 'asciicast' }, '1')).not.toBe(fingerprint(bytes, 'gif', {}, '1'));
    const timing = join(dir, 'timing');
    writeFileSync(timing, '0.5 3\n');
    const timed = fingerprint(bytes, 'gif', { timing }, '1');
    writeFileSync(timing, '0.7 3\n');
    expect(fingerprint(bytes, 'gif', { timing }, '1')).not.toBe(timed);
  });
});

describe('the manifest', () => {
  it('round-trips sorted, and treats a damaged file as empty with a reason', () => {
    const dir = tempDir('manifest');
    expect(readManifest(dir).manifest.size).toBe(0);
    writeManifest(dir, new Map([['b.gif', '2'], ['a/x.svg', '1']]));
    expect(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).toBe('{\n  "version": 1,\n  "outputs": {\n    "a/x.svg": "1",\n    "b.gif": "2"\n  }\n}\n');
    expect([...readManifest(dir).manifest]).toEqual([['a/x.svg', '1'], ['b.gif', '2']]);
    writeFileSync(join(dir, MANIFEST_FILE), '[]');
    const damaged = readManifest(dir);
    expect(damaged.manifest.size).toBe(0);
    expect(damaged.problem).toMatch(/ignored/);
  });
});
