import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderCleanly } from '../helpers/bin.js';
import { writeCast } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { manyColours, probes, TYPING, steppedCast } from './casts.js';
import { chromiumForTests, decodeInChromium, MIME, pixelDifferences } from './image-decoder.js';


const browser = chromiumForTests();

const dir = tempDir();

/** The still `--at T` as `ext` (png: the GIF's still; apng: the still with real transparency), decoded by Chromium. */
async function still(cast: string, at: number, ext: 'png' | 'apng' | 'webp', look: string[]): Promise<Uint8Array> {
  const file = join(dir, `still-${at}.${ext}`);
  renderCleanly([cast, file, '--at', String(at), ...look]);
  const decoded = await decodeInChromium(browser(), readFileSync(file), MIME[ext], [0]);
  expect(decoded.frames.length).toBe(1);
  return decoded.shown[0]!;
}

describe.each(['webp', 'apng'] as const)('%s decoded by Chromium', (format) => {
  test.each([
    // An opaque margin: the window looks the same as in the GIF, so the GIF's PNG still is the reference.
    { name: 'margin colour and shadow', look: ['--margin-color', '#336699', '--shadow'], reference: 'png' as const },
    // Transparent corners and shadow: compared with the still that has the same real transparency.
    { name: 'transparent corners and shadow', look: ['--shadow'], reference: 'apng' as const },
    { name: 'transparent background', look: ['--transparent-background'], reference: 'apng' as const },
  ])('the frame shown at each probe time is the --at still, pixel for pixel ($name)', async ({ look, reference }) => {
    const cast = writeCast(dir, `typing-${format}.cast`, steppedCast(TYPING));
    const out = join(dir, `typing.${format}`);
    renderCleanly([cast, out, ...look]);
    const times = probes(TYPING.length);
    const decoded = await decodeInChromium(browser(), readFileSync(out), MIME[format], times);
    for (const [i, t] of times.entries()) {
      const expected = await still(cast, t, reference, look);
      const diff = pixelDifferences(decoded.shown[i]!, expected, decoded.width);
      expect(diff, `at ${t}s`).toEqual({ count: 0 });
    }
  }, 120_000);

  test('frame times and loop count are the animation\'s', async () => {
    const cast = writeCast(dir, `timing-${format}.cast`, steppedCast(TYPING));
    const out = join(dir, `timing.${format}`);
    renderCleanly([cast, out, '--loop', '3', '--last-frame-duration', '2']);
    const decoded = await decodeInChromium(browser(), readFileSync(out), MIME[format], []);
    // The empty screen from 0, then one frame per event (0.2 s, then 0.5 s apart), the last held 2 s.
    expect(decoded.frames.map((f) => f.timestamp / 1000)).toEqual([0, 200, 700, 1200, 1700, 2200, 2700, 3200, 3700]);
    const last = decoded.frames.at(-1)!;
    expect((last.timestamp + last.duration) / 1000).toBe(5700);
    // WebCodecs counts repetitions after the first play.
    expect(decoded.repetitionCount).toBe(2);
  }, 60_000);

  test('more than 256 colours after the first screen (indexed, then RGBA): still exact', async () => {
    const events = manyColours();
    const cast = writeCast(dir, `colours-${format}.cast`, steppedCast(events, { width: 40, height: 10 }));
    const out = join(dir, `colours.${format}`);
    const look = ['--margin-color', '#000000'];
    renderCleanly([cast, out, ...look]);
    const bytes = readFileSync(out);
    // APNG: the file outgrew its palette, so frames first made indexed were re-coded as RGBA (colour type 6).
    if (format === 'apng') expect(bytes[25]).toBe(6);
    const times = probes(events.length);
    const decoded = await decodeInChromium(browser(), bytes, MIME[format], times);
    for (const [i, t] of times.entries()) {
      const expected = await still(cast, t, 'png', look);
      expect(pixelDifferences(decoded.shown[i]!, expected, decoded.width), `at ${t}s`).toEqual({ count: 0 });
    }
  }, 120_000);
});
