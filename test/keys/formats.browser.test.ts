import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { renderCleanly } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { chromiumForTests, decodeInChromium, MIME, pixelDifferences } from '../animated/image-decoder.js';

const KEYS_CAST = join(ROOT, 'examples', 'keys.cast');
const DEMO_CAST = join(ROOT, 'examples', 'demo.cast');
// Typed "cat no" then Tab: shown at 3.2 s (see the README's picture).
const TIMES = [1.5, 2.6, 3.2];
// An opaque margin: the GIF's PNG still is then the reference for every pixel.
const LOOK = ['--keys', '--margin-color', '#336699'];

const browser = chromiumForTests();

const dir = tempDir();

describe.each(['webp', 'apng'] as const)('--keys in %s (the shared frame sequencer)', (format) => {
  it('shows at each time exactly what the PNG still with --keys shows there', async () => {
    const out = join(dir, `keys.${format}`);
    renderCleanly([KEYS_CAST, out, ...LOOK]);
    const decoded = await decodeInChromium(browser(), readFileSync(out), MIME[format], TIMES);
    for (const [i, t] of TIMES.entries()) {
      const file = join(dir, `keys-${format}-${t}.png`);
      renderCleanly([KEYS_CAST, file, '--at', String(t), ...LOOK]);
      const still = await decodeInChromium(browser(), readFileSync(file), 'image/png', [0]);
      expect(still.height, 'the still has the keys bar').toBe(decoded.height);
      expect(pixelDifferences(decoded.shown[i]!, still.shown[0]!, decoded.width), `at ${t}s`).toEqual({ count: 0 });
    }
  }, 120_000);
});

describe('--keys with --max-size', () => {
  it('a recording without input: the same bytes as --max-size alone, one warning', async () => {
    const text = readFileSync(DEMO_CAST, 'utf8');
    const warnings: string[] = [];
    const keyed = await render(text, { format: 'gif', maxSize: 40_000, keys: true, onWarning: (w) => warnings.push(w) });
    const plain = await render(text, { format: 'gif', maxSize: 40_000 });
    expect(Buffer.from(keyed).equals(Buffer.from(plain))).toBe(true);
    expect(warnings.filter((w) => w.startsWith('--keys'))).toHaveLength(1);
  });

  it('a recording with input keeps the keys bar through the retries', async () => {
    const text = readFileSync(KEYS_CAST, 'utf8');
    const full = await render(text, { format: 'svg', keys: true });
    const capped = new TextDecoder().decode(await render(text, { format: 'svg', keys: true, maxSize: full.length - 1 }));
    expect(capped.length).toBeLessThan(full.length);
    expect(capped).toMatch(/<g id="_k">.*<text[^>]*>cat<\/text>/);
  });
});

describe('--keys in an SVG with a dark theme', () => {
  it('the keys row takes the dark theme\'s text colour on dark pages', async () => {
    const svg = new TextDecoder().decode(await render(readFileSync(KEYS_CAST, 'utf8'), { format: 'svg', keys: true, theme: 'auto' }));
    // github-light's foreground, then github-dark's in the dark media block.
    expect(svg).toMatch(/<g id="_k">.*<text [^>]*fill="#1f2328" class="_kt">cat<\/text>/);
    const dark = /@media\(prefers-color-scheme:dark\)\{(.*?)\}\}/.exec(svg);
    expect(dark).not.toBeNull();
    expect(dark![1]).toContain('._kt{fill:#e6edf3}');
  });
});
