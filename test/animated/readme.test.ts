import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The usage lines of the README's "WebP, APNG, MP4 and WebM" section, comments dropped. */
function usageLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## WebP, APNG, MP4 and WebM'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

/** Splits a shell line into words (no quotes are used in these lines). */
const words = (line: string): string[] => line.split(/\s+/);

test('every usage line of the README formats section runs as written and writes its files', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'examples'));
  copyFileSync(join(ROOT, 'examples', 'demo.cast'), join(dir, 'examples', 'demo.cast'));
  const lines = usageLines();
  expect(lines.length).toBe(8);
  for (const line of lines) {
    const [command, ...args] = words(line);
    expect(command).toBe('cast2gif');
    const result = runBin('cast2gif', args, { cwd: dir });
    expect(result.status, `${line}: ${result.stderr}`).toBe(0);
    // A batch reports each input on stderr; a single render prints nothing.
    if (!args.includes('--out-dir')) expect(result.stderr, line).toBe('');
    else expect(result.stderr).toContain('5 rendered, 0 unchanged, 0 failed');
  }
  expect(readdirSync(dir).sort()).toEqual(['demo-3s.webp', 'demo-lossy.webp', 'demo.apng', 'demo.mp4', 'demo.webm', 'demo.webp', 'examples', 'out']);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.cast2gif-manifest.json', 'demo.apng', 'demo.gif', 'demo.mp4', 'demo.webm', 'demo.webp']);
}, 300_000);
