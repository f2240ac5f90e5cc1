import { readFileSync, writeFileSync } from 'node:fs';
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

  it('changes with the input, any option, the version, and the content of a named file', () => {
    const base = fingerprint(bytes, { format: 'gif', speed: 2 }, '1.0.0');
    expect(fingerprint(bytes, { speed: 2, format: 'gif' }, '1.0.0')).toBe(base);
    expect(fingerprint(bytes, { format: 'gif', speed: 2, onWarning: () => {} }, '1.0.0')).toBe(base);
    expect(fingerprint(bytes.slice(1), { format: 'gif', speed: 2 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, { format: 'svg', speed: 2 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, { format: 'gif', speed: 3 }, '1.0.0')).not.toBe(base);
    expect(fingerprint(bytes, { format: 'gif', speed: 2 }, '1.0.1')).not.toBe(base);

    const dir = tempDir('fp');
    const theme = join(dir, 'theme.json');
    writeFileSync(theme, '{"a": 1}');
    const first = fingerprint(bytes, { format: 'gif', theme }, '1');
    writeFileSync(theme, '{"a": 2}');
    expect(fingerprint(bytes, { format: 'gif', theme }, '1')).not.toBe(first);

    // How the input is read counts too, the timing file by its content.
    expect(fingerprint(bytes, { format: 'gif' }, '1', { inputFormat: 'asciicast' })).not.toBe(fingerprint(bytes, { format: 'gif' }, '1'));
    const timing = join(dir, 'timing');
    writeFileSync(timing, '0.5 3\n');
    const timed = fingerprint(bytes, { format: 'gif' }, '1', { timing });
    writeFileSync(timing, '0.7 3\n');
    expect(fingerprint(bytes, { format: 'gif' }, '1', { timing })).not.toBe(timed);
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
