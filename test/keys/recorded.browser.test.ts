import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { Chromium } from '../svg/chromium.js';
import { decodeGif, decodePngExact } from '../gif/decode.js';
// @ts-expect-error: a plain JS module shared with the golden update script
import { GOLDEN_GROUP, KEY_GROUPS, PROBE_AFTER, probeTimes, recordKeys } from '../../scripts/record-keys.js';
import { KEY_HOLD } from '../../src/keys/index.js';
import { runBin } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';

const GOLDEN = join(ROOT, 'golden', 'keys', 'recorded.png');
const UPDATE = 'npm run golden:update';

interface Group {
  readonly overlay: string;
}

let recording: { cast: string; cleanup: () => void };
let text: string;
let probes: number[];
let browser: Chromium | undefined;

beforeAll(() => {
  recording = recordKeys();
  text = readFileSync(recording.cast, 'utf8');
  probes = probeTimes(recording.cast);
}, 60_000);

afterAll(async () => {
  recording?.cleanup();
  await browser?.close();
});

/** The overlay's words and keys in an SVG piece: its <text>s, in order, one item each. */
const overlayText = (markup: string): string =>
  [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<')).join(' ');

describe('keys typed through tmux into asciinema rec --stdin', () => {
  it('are recorded as input events, one group of keys per probe', () => {
    expect(text).toContain('"i"');
    expect(probes).toHaveLength(KEY_GROUPS.length);
  });

  it('show in an SVG still at each probe time, as typed (words, then keys by name)', async () => {
    for (const [i, group] of (KEY_GROUPS as Group[]).entries()) {
      const svg = new TextDecoder().decode(await render(text, { format: 'svg', keys: true, at: { seconds: probes[i]! } }));
      const overlay = /<g id="_k">(.*?)<\/g><style>/.exec(svg);
      expect(overlay, `probe ${i}`).not.toBeNull();
      expect(overlayText(overlay![1]!)).toBe(group.overlay);
    }
  });

  it('show in the animated SVG, each group at its probe time and gone once its hold is over (Chromium)', async () => {
    browser = await Chromium.launch();
    const svg = new TextDecoder().decode(await render(text, { format: 'svg', keys: true }));
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    await browser.open(svg, Number(w), Number(h));
    const shownAt = (ms: number): Promise<string> =>
      browser!.evaluate<string>(`(() => {
        for (const a of document.getAnimations()) { a.pause(); a.currentTime = ${ms}; }
        return [...document.querySelectorAll('#_k > g')]
          .filter((g) => getComputedStyle(g).visibility === 'visible')
          .map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '))
          .join(' | ');
      })()`);
    for (const [i, group] of (KEY_GROUPS as Group[]).entries()) {
      expect(await shownAt(probes[i]! * 1000), `probe ${i}`).toBe(group.overlay);
      // Past the hold after the group's last key, before the next group: nothing shows.
      const after = probes[i]! - PROBE_AFTER + KEY_HOLD + 0.2;
      if (i < probes.length - 1) expect(await shownAt(after * 1000), `after probe ${i}`).toBe('');
    }
  }, 60_000);

  it(`draws the PNG still at a probe as the golden shows it (update with: ${UPDATE})`, () => {
    const run = runBin('cast2gif', [recording.cast, '-', '--format', 'png', '--keys', '--at', String(probes[GOLDEN_GROUP])]);
    expect(run.status, run.stderr).toBe(0);
    const png = run.stdout;
    const golden = readFileSync(GOLDEN);
    expect(png.equals(golden), `PNG differs from ${GOLDEN}`).toBe(true);
  });

  it('shows in the GIF frame at each probe, and once its hold is over, exactly as in the PNG still there', async () => {
    const gif = decodeGif(await render(text, { format: 'gif', keys: true }));
    const times = probes.slice(0, -1).flatMap((t) => [t, t - PROBE_AFTER + KEY_HOLD + 0.2]);
    for (const t of times) {
      const still = decodePngExact(Buffer.from(await render(text, { format: 'png', keys: true, at: { seconds: t } })));
      let time = 0;
      const frame = gif.frames.find((f) => (time += f.delay) > Math.round(t * 100))!;
      expect(Buffer.from(frame.rgba).equals(Buffer.from(still.rgba)), `GIF frame at ${t} s`).toBe(true);
    }
  });
});
