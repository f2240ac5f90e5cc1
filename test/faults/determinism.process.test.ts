import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { render } from '../../src/render/render.js';
import { binPath, requireBuild, runBin } from '../helpers/bin.js';
import { castText, outputs } from '../helpers/casts.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

const work = tempDir();
beforeAll(requireBuild);

/**
 * Settings that change what naive code prints: time zones with odd offsets and daylight saving,
 * locales with other digits, decimal commas and case rules. Node's ICU follows LANG/LC_ALL even
 * when the system has no such locale installed.
 */
const ENVIRONMENTS: NodeJS.ProcessEnv[] = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Pacific/Chatham', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
  { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'ar_EG.UTF-8', LC_NUMERIC: 'fr_FR.UTF-8' },
  // Languages with their own forms of i (Turkish, Azeri) and accents (Lithuanian): canvas text follows the
  // host language unless the raster fixes it (crashers/gif-locale-turkish.json).
  { TZ: 'Asia/Kathmandu', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'UTC', LANG: 'az_AZ.UTF-8', LC_ALL: 'az_AZ.UTF-8' },
  { TZ: 'UTC', LANG: 'lt_LT.UTF-8', LC_ALL: 'lt_LT.UTF-8' },
];

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A script that draws `text` in the bundled JetBrains Mono on a plain canvas and prints the pixels' hash. */
function canvasProbe(name: string, text: string): string {
  const draw = join(work, name);
  writeFileSync(
    draw,
    `const { createCanvas, GlobalFonts } = require(${JSON.stringify(join(ROOT, 'node_modules', '@napi-rs', 'canvas'))});
GlobalFonts.registerFromPath(${JSON.stringify(join(ROOT, 'fonts', 'JetBrainsMono-Regular.ttf'))}, 'Probe');
const canvas = createCanvas(120, 40);
const ctx = canvas.getContext('2d');
ctx.font = '24px Probe';
ctx.fillText(${JSON.stringify(text)}, 4, 30);
process.stdout.write(require('node:crypto').createHash('sha256').update(canvas.data()).digest('hex'));`,
  );
  return draw;
}

describe('the same input and options give the same bytes', () => {
  it('runs in environments that do change text drawn in the host language', () => {
    // Without this the locale cases could pass only because the machine ignores the variables
    // (the locales need not be installed: the variable alone reaches the canvas's text shaping).
    const draw = canvasProbe('draw-i.cjs', 'fiIi');
    const drawn = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [draw], { env: { ...process.env, ...env } }).stdout.toString();
    const plain = drawn(ENVIRONMENTS[0]!);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(drawn(ENVIRONMENTS.find((env) => env.LC_ALL === 'tr_TR.UTF-8')!)).not.toBe(plain);
  });

  it.each([
    ['GIF', 'marionebl__svg-term/lolcat.json', 'out.gif', []],
    ['SVG with an embedded font', 'nbedos__termtosvg/awesome.cast', 'out.svg', ['--embed-font']],
    ['PNG still', 'asciinema__asciinema-player/theme.cast', 'out.png', ['--at', '1.5', '--scale', '2']],
  ])('%s: across runs, time zones and locales, and through the library', async (_name, cast, file, flags) => {
    const input = join(CORPUS, cast);
    const hashes: string[] = [];
    for (const env of [...ENVIRONMENTS, ENVIRONMENTS[0]!]) {
      const output = join(work, file);
      const run = runBin(file.endsWith('.svg') ? 'cast2svg' : 'cast2gif', [input, output, ...flags], { env });
      expect(run.status, run.stderr).toBe(0);
      hashes.push(sha(readFileSync(output)));
      rmSync(output);
    }
    expect(new Set(hashes).size, hashes.join(' ')).toBe(1);
    const format = file.slice(4) as 'gif' | 'svg' | 'png';
    const at = flags.includes('--at') ? { at: { seconds: 1.5 }, scale: 2 } : {};
    // The CLI names the image by its input file when the recording has no title: the library is told the name.
    const library = await render(readFileSync(input), { format, embedFont: flags.includes('--embed-font'), inputName: basename(input), ...at });
    expect(sha(library)).toBe(hashes[0]);
  });
});

describe('the machine\'s own fonts change nothing', () => {
  /** Runs `node args` with /usr/share/fonts hidden (an empty tmpfs over it, in a mount namespace of its own). */
  const withoutSystemFonts = (args: string[]) =>
    spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs none /usr/share/fonts && exec "$0" "$@"', process.execPath, ...args]);
  // Clusters whose base a bundled font has but whose marks it lacks: the canvas would look for the
  // marks in the machine's fonts if it were handed the whole cluster. JetBrains Mono lacks the
  // overline and inverted breve (U+0305, U+0311), which DejaVu Sans has, and the keycap (U+20E3),
  // which Noto Color Emoji has: the fonts .ci/run installs.
  const clusters = ['x\u0305 x\u0311 z\u0335\u0336 1\u20e3 \u1100\u1161\u11a8 \u{1F600}\u0301', '\uf015 \u{1F680} \ud55c \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 \u4e2d'];
  const cast = castText({ width: 40, height: 3 }, outputs(clusters.map((l) => `${l}\r\n`), 0.1, 0));

  it('hiding them changes what a plain canvas draws for such a cluster', () => {
    const draw = canvasProbe('draw-mark.cjs', 'x\u0305 x\u0311 1\u20e3');
    const hidden = withoutSystemFonts([draw]);
    expect(hidden.status, hidden.stderr.toString()).toBe(0);
    expect(hidden.stdout.toString()).toMatch(/^[0-9a-f]{64}$/);
    expect(hidden.stdout.toString()).not.toBe(spawnSync(process.execPath, [draw]).stdout.toString());
  });

  it('a GIF of clusters with marks their font lacks is the same with and without them', () => {
    const input = join(work, 'marks.cast');
    writeFileSync(input, cast);
    const seen = join(work, 'seen.gif');
    const hiddenOut = join(work, 'hidden.gif');
    expect(runBin('cast2gif', [input, seen, '--quiet']).status).toBe(0);
    const hidden = withoutSystemFonts([binPath('cast2gif'), input, hiddenOut, '--quiet']);
    expect(hidden.status, hidden.stderr.toString()).toBe(0);
    expect(sha(readFileSync(hiddenOut))).toBe(sha(readFileSync(seen)));
  });
});
