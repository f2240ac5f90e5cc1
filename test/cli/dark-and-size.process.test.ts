import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTheme, type Rgb } from '../../src/theme/index.js';
import { decodeGif, decodePng } from '../gif/decode.js';
import { onTerminal, runBin } from '../helpers/bin.js';
import { noiseCast } from '../helpers/casts.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const LIGHT = getTheme('github-light');
const DARK = getTheme('github-dark');

const titled = '{"version": 2, "width": 20, "height": 3, "title": "Build & test"}\n[0.1, "o", "make \\u001b[31mtest\\u001b[0m"]\n[0.5, "o", "\\r\\nok"]\n';

/** The colour of pixel (x, y) of RGBA data `width` pixels wide. */
const pixel = (rgba: Uint8Array, width: number, x: number, y: number): Rgb => {
  const i = (y * width + x) * 4;
  return (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
};

/** How many pixels have exactly this colour. */
function count(rgba: Uint8Array, rgb: Rgb): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!) === rgb) n++;
  return n;
}

const snippet = (light: string, dark: string, alt: string) =>
  `<picture><source media="(prefers-color-scheme: dark)" srcset="${dark}"><img src="${light}" alt="${alt}"></picture>\n`;

describe('a dark twin for raster outputs', () => {
  it('--theme auto writes NAME-dark.gif in github-dark beside NAME.gif in github-light, and prints the <picture> for both', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), titled);
    const result = runBin('cast2gif', ['demo.cast', 'demo.gif', '--theme', 'auto'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesIn(dir)).toEqual(['demo-dark.gif', 'demo.cast', 'demo.gif']);
    // The alt text is the recording's title, escaped for HTML.
    expect(result.stdout.toString()).toBe(snippet('demo.gif', 'demo-dark.gif', 'Build &amp; test'));
    const light = decodeGif(readFileSync(join(dir, 'demo.gif')));
    const dark = decodeGif(readFileSync(join(dir, 'demo-dark.gif')));
    // The same animation (size, frames, timing), each in its own theme: background, text, ANSI red.
    expect([dark.width, dark.height]).toEqual([light.width, light.height]);
    expect(dark.frames.map((f) => f.delay)).toEqual(light.frames.map((f) => f.delay));
    for (const [gif, theme, other] of [
      [light, LIGHT, DARK],
      [dark, DARK, LIGHT],
    ] as const) {
      const last = gif.frames[gif.frames.length - 1]!.rgba;
      expect(pixel(last, gif.width, Math.floor(gif.width / 2), gif.height - 4)).toBe(theme.background);
      expect(count(last, theme.palette[1]!)).toBeGreaterThan(5);
      expect(count(last, other.background)).toBe(0);
    }
  });

  it('--dark-theme NAME gives a PNG a twin; --alt names the image in the snippet; the file name when there is no title', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'untitled.cast'), '{"version": 2, "width": 10, "height": 2}\n[0.1, "o", "hi"]\n');
    const plain = runBin('cast2gif', ['untitled.cast', 'shot.png', '--theme', 'solarized-light', '--dark-theme', 'dracula'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout.toString()).toBe(snippet('shot.png', 'shot-dark.png', 'untitled.cast'));
    const png = await decodePng(readFileSync(join(dir, 'shot-dark.png')));
    expect(pixel(png.rgba, png.width, Math.floor(png.width / 2), png.height - 4)).toBe(getTheme('dracula').background);
    const named = runBin('cast2gif', ['untitled.cast', 'shot.png', '--dark-theme', 'dracula', '--alt', 'Saying "hi"'], { cwd: dir });
    expect(named.stdout.toString()).toBe(snippet('shot.png', 'shot-dark.png', 'Saying &quot;hi&quot;'));
  });

  it('an SVG carries both palettes in one file, named by --alt', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), titled);
    const result = runBin('cast2svg', ['demo.cast', '--theme', 'auto', '--alt', 'Running make'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(filesIn(dir)).toEqual(['demo.cast', 'demo.svg']);
    const svg = readFileSync(join(dir, 'demo.svg'), 'utf8');
    expect(svg).toContain('role="img"><title>Running make</title>');
    expect(svg).toContain('<desc>make test\nok</desc>');
    expect(svg).toMatch(/@media\(prefers-color-scheme:dark\)\{#_s\{fill:#e6edf3\}/);
  });

  it('refuses a twin on stdout and an unknown dark theme (exit 2), before any file is written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), titled);
    const piped = runBin('cast2gif', ['demo.cast', '-', '--theme', 'auto'], { cwd: dir });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/second file: name the output, not -/);
    const unknown = runBin('cast2gif', ['demo.cast', 'out.gif', '--dark-theme', 'no-such-theme'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown theme "no-such-theme"/);
    expect(filesIn(dir)).toEqual(['demo.cast']);
  });

  it('in a batch, each twin is listed with its <picture>, in the summary and in --json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), titled);
    writeFileSync(join(dir, 'b.cast'), '{"version": 2, "width": 10, "height": 2}\n[0.1, "o", "b"]\n');
    const result = runBin('cast2gif', ['a.cast', 'b.cast', '--theme', 'auto', '--json', '-j', '1'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(filesIn(dir).filter((f) => f.endsWith('.gif'))).toEqual(['a-dark.gif', 'a.gif', 'b-dark.gif', 'b.gif']);
    const json = JSON.parse(result.stdout.toString()) as { inputs: { input: string; outputs: { path: string; dark: string; picture: string }[] }[] };
    expect(json.inputs.map((i) => i.outputs[0]).map((o) => [o!.path, o!.dark, o!.picture])).toEqual([
      ['a.gif', 'a-dark.gif', snippet('a.gif', 'a-dark.gif', 'Build &amp; test').trim()],
      ['b.gif', 'b-dark.gif', snippet('b.gif', 'b-dark.gif', 'b.cast').trim()],
    ]);
    const text = runBin('cast2gif', ['a.cast', 'b.cast', '--theme', 'auto', '--force', '-j', '1'], { cwd: dir });
    expect(text.stderr).toContain(`a.cast -> a.gif + a-dark.gif (`);
    expect(text.stderr).toContain(snippet('a.gif', 'a-dark.gif', 'Build &amp; test'));
  });
});

/** 240 screens of noise, 25 a second. */
const heavyCast = (): string => noiseCast({ width: 40, height: 12, frames: 240, step: 0.04 });

describe('--max-size', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'heavy.cast'), heavyCast());
  const full = runBin('cast2gif', ['heavy.cast', 'full.gif'], { cwd: dir });
  const fullSize = statSync(join(dir, 'full.gif')).size;

  it('lowers the frame rate until the GIF is under the cap, and says to what', () => {
    expect(full.status).toBe(0);
    const cap = Math.floor(fullSize / 4);
    const result = runBin('cast2gif', ['heavy.cast', 'capped.gif', '--max-size', String(cap)], { cwd: dir });
    expect(result.status).toBe(0);
    const size = statSync(join(dir, 'capped.gif')).size;
    expect(size).toBeLessThanOrEqual(cap);
    const said = /^cast2gif: --max-size (.+): frame rate lowered from 30 to (\d+) fps; (\d+) frames, (.+)\n$/.exec(result.stderr);
    expect(said, result.stderr).not.toBeNull();
    const fps = Number(said![2]);
    expect(fps).toBeLessThan(30);
    // The GIF holds as many frames as it says, about fps a second over the 9.6 s of changes.
    const gif = decodeGif(readFileSync(join(dir, 'capped.gif')));
    expect(gif.frames.length).toBe(Number(said![3]));
    expect(gif.frames.length).toBeLessThanOrEqual(Math.ceil(9.6 * fps) + 2);
    // The rate it chose is the highest that fits: one step up does not.
    const steps = [30, 24, 20, 15, 12, 10, 8, 6, 5, 4, 3, 2, 1];
    const higher = steps[steps.indexOf(fps) - 1]!;
    runBin('cast2gif', ['heavy.cast', 'higher.gif', '--fps-cap', String(higher)], { cwd: dir });
    expect(statSync(join(dir, 'higher.gif')).size).toBeGreaterThan(cap);
  });

  it("counts the kept output's frames on the summary line, not those of every try", () => {
    const cap = Math.floor(fullSize / 4);
    const shown = onTerminal(['heavy.cast', 'summary.gif', '--max-size', String(cap)], dir);
    expect(shown.status).toBe(0);
    const said = /frame rate lowered from 30 to \d+ fps; (\d+) frames/.exec(shown.output);
    expect(said, shown.output).not.toBeNull();
    expect(shown.output).toMatch(new RegExp(`wrote summary\\.gif: [\\d.]+ KB, ${said![1]} frames, `));
    expect(decodeGif(readFileSync(join(dir, 'summary.gif'))).frames.length).toBe(Number(said![1]));
  });

  it('past 1 fps, leaves out the shortest frames; an SVG too', () => {
    const svg = runBin('cast2svg', ['heavy.cast', 'full.svg', '--fps-cap', '1'], { cwd: dir });
    expect(svg.status).toBe(0);
    const cap = Math.floor(statSync(join(dir, 'full.svg')).size / 2);
    const result = runBin('cast2svg', ['heavy.cast', 'capped.svg', '--max-size', `${cap / 1000}KB`], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/frame rate lowered from 30 to 1 fps, (frames shown under [\d.]+ s left out|only the first and last screen kept); \d+ frames/);
    expect(statSync(join(dir, 'capped.svg')).size).toBeLessThanOrEqual(cap);
  });

  it('fails with exit 1 and writes no file when even the first and last screen do not fit', () => {
    const result = runBin('cast2gif', ['heavy.cast', 'tiny.gif', '--max-size', '5KB'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: the output cannot fit in --max-size 5 KB: even its first and last screen alone are larger\n');
    expect(existsSync(join(dir, 'tiny.gif'))).toBe(false);
  });

  it('is read from the config file, as a size', () => {
    const sub = tempDir();
    writeFileSync(join(sub, 'heavy.cast'), heavyCast());
    writeFileSync(join(sub, 'cast2gif.config.json'), JSON.stringify({ maxSize: `${Math.floor(fullSize / 4000)}KB` }));
    const result = runBin('cast2gif', ['heavy.cast', 'configured.gif'], { cwd: sub });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/frame rate lowered from 30 to \d+ fps/);
    expect(statSync(join(sub, 'configured.gif')).size).toBeLessThanOrEqual(Math.floor(fullSize / 4000) * 1000);
  });

  it('works in a batch, the config giving the size: each input stays under it, and says what it gave up', () => {
    const sub = tempDir();
    writeFileSync(join(sub, 'heavy.cast'), heavyCast());
    writeFileSync(join(sub, 'small.cast'), titled);
    const cap = Math.floor(fullSize / 4);
    writeFileSync(join(sub, 'cast2gif.config.json'), JSON.stringify({ maxSize: cap }));
    const result = runBin('cast2gif', ['heavy.cast', 'small.cast', '-j', '1'], { cwd: sub });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/heavy\.cast: --max-size .*: frame rate lowered from 30 to \d+ fps/);
    expect(result.stderr).not.toMatch(/small\.cast: --max-size/);
    expect(statSync(join(sub, 'heavy.gif')).size).toBeLessThanOrEqual(cap);
  });

  it('rejects a size it cannot read (exit 2)', () => {
    const result = runBin('cast2gif', ['heavy.cast', 'x.gif', '--max-size', 'big'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"big" is not a size/);
  });
});
