import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderCleanly, runBin } from '../helpers/bin.js';
import { writeCast } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { probes, TYPING, steppedCast } from './casts.js';
import { framePts, imageRgb, psnr, videoFrameAt, videoInfo } from './ffmpeg-decode.js';

const dir = tempDir();
const cast = writeCast(dir, 'typing.cast', steppedCast(TYPING));
// An opaque margin: the video has no transparency, the PNG still then has none either.
const LOOK = ['--margin-color', '#336699'];

describe.each([
  { format: 'mp4', codec: 'h264', pixFmt: 'yuv420p' },
  { format: 'webm', codec: 'vp9', pixFmt: 'yuv444p' },
])('$format decoded by ffmpeg', ({ format, codec, pixFmt }) => {
  const out = join(dir, `typing.${format}`);

  test('the picture shown at each probe time is the --at PNG still, PSNR 32 dB or more', () => {
    renderCleanly([cast, out, ...LOOK]);
    expect(videoInfo(out)).toMatchObject({ codec, pixFmt });
    for (const t of probes(TYPING.length)) {
      const png = join(dir, `still-${format}-${t}.png`);
      renderCleanly([cast, png, '--at', String(t), ...LOOK]);
      const still = imageRgb(png);
      const width = readFileSync(png).readUInt32BE(16);
      const height = readFileSync(png).readUInt32BE(20);
      const frame = videoFrameAt(out, t);
      expect(psnr(frame.rgb, frame.width, still, width, width, height), `at ${t}s`).toBeGreaterThanOrEqual(32);
    }
  }, 120_000);

  test('frames keep their own start times, and the video lasts exactly as long as the animation', () => {
    renderCleanly([cast, out, ...LOOK, '--last-frame-duration', '2']);
    // The empty screen at 0, one picture per event (0.2 s, then every 0.5 s), the last held 2 s to
    // 5.7 s; a closing copy of the last picture 1 ms before the end gives the video its length.
    expect(framePts(out)).toEqual([0, 0.2, 0.7, 1.2, 1.7, 2.2, 2.7, 3.2, 3.7, 5.699]);
    expect(videoInfo(out).duration).toBeCloseTo(5.7, 6);
  }, 60_000);

  test('the same cast and options give the same bytes (same ffmpeg)', () => {
    const again = join(dir, `again.${format}`);
    renderCleanly([cast, out, ...LOOK]);
    renderCleanly([cast, again, ...LOOK]);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  }, 60_000);
});

test('without ffmpeg on PATH: one line saying so, exit 1, no output file', () => {
  const out = join(dir, 'none.mp4');
  const result = runBin('cast2gif', [cast, out], { env: { PATH: '/nonexistent' } });
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('cast2gif: MP4 and WebM output needs the ffmpeg program, which is not on PATH (Debian/Ubuntu: apt-get install ffmpeg)\n');
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.startsWith('none'))).toEqual([]);
});

test('--at with a video format is refused in one line', () => {
  const result = runBin('cast2gif', [cast, join(dir, 'still.mp4'), '--at', '1']);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('cast2gif: --at makes a still, which MP4 is not: use .gif, .png, .webp or .apng\n');
});
