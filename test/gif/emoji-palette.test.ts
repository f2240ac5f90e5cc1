import { expect, test } from 'vitest';
import { resolveRaster } from '../../src/raster/options.js';
import { render } from '../../src/render/render.js';
import { getTheme } from '../../src/theme/index.js';
import { castText, outputs } from '../helpers/casts.js';
import { decodeGif, decodePng } from './decode.js';

const COLS = 40;
const ROWS = 5;
// Far more colours than a GIF frame's 256: 36 different emoji, each with its own shades.
const EMOJI = [...'🚀✨✅❌🎉📦🔥🌈🍕🍔🍟🌮🐍🦀🐳🐧🦊🐼🍎🍊🍋🍇🍉🍓🥝🥑🌽🥕🍄🌵🌻🌺🎈🎁🏆🎯'];
const row = (emoji: readonly string[]): string => `\x1b[38;5;208mtext \x1b[1;34mbold\x1b[0m ${emoji.join('')}`;
const cast = castText({ width: COLS, height: ROWS }, [
  [0, 'o', '\x1b[31mred \x1b[32mgreen \x1b[33myellow \x1b[35;44mmagenta on blue\x1b[0m\r\n'],
  ...outputs([0, 1, 2].map((k) => `${row(EMOJI.slice(k * 12, k * 12 + 12))}\r\n`), 0.1),
  [0.5, 'o', '\x1b[38;2;12;34;56;48;2;200;180;160m true colour \x1b[0m plain'],
]);

test('text colours stay exact in a GIF frame whose emoji need more than 256 colours', async () => {
  const theme = getTheme('asciinema');
  const gif = decodeGif(await render(cast, { format: 'gif', at: { seconds: 1 }, cursor: false }));
  const png = await decodePng(Buffer.from(await render(cast, { format: 'png', at: { seconds: 1 }, cursor: false })));
  const frame = gif.frames.at(-1)!.rgba;
  const colours = new Set<number>();
  for (let i = 0; i < png.rgba.length; i += 4) colours.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!);
  expect(colours.size).toBeGreaterThan(600);

  const { layout, cellWidth, cellHeight } = resolveRaster({ cols: COLS, rows: ROWS, title: '', loop: 0 }, { theme });
  const emojiFrom = layout.content.x + 10 * cellWidth; // "text bold " takes 10 cells
  const emojiRows = [1, 2, 3].map((r) => layout.content.y + r * cellHeight);
  let text = 0;
  let textWrong = 0;
  let emojiError = 0;
  let emojiPixels = 0;
  for (let y = 0; y < png.height; y++) {
    const inEmojiRow = emojiRows.some((top) => y >= top && y < top + cellHeight);
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const diff = Math.abs(frame[i]! - png.rgba[i]!) + Math.abs(frame[i + 1]! - png.rgba[i + 1]!) + Math.abs(frame[i + 2]! - png.rgba[i + 2]!);
      if (inEmojiRow && x >= emojiFrom && x < emojiFrom + 24 * cellWidth) {
        emojiPixels++;
        emojiError += diff;
      } else {
        text++;
        if (diff !== 0 || frame[i + 3] !== png.rgba[i + 3]) textWrong++;
      }
    }
  }
  expect(text).toBeGreaterThan(10_000);
  expect(textWrong).toBe(0);
  // The emoji themselves are approximated, closely: under 6 levels per channel on average.
  expect(emojiError / emojiPixels / 3).toBeLessThan(6);
});
