// Renders the README's theme gallery: one still of examples/demo.cast per theme and window style,
// laid out in a grid on a transparent background so it suits GitHub's light and dark modes.
// Usage: npm run build && node scripts/gallery.js [output.png]   (default docs/gallery.png)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { render } from '../dist/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(process.argv[2] ?? resolve(root, 'docs/gallery.png'));
const cast = readFileSync(resolve(root, 'examples/demo.cast'));

const TILES = [
  { theme: 'dracula', window: 'colorful' },
  { theme: 'github-light', window: 'colorful' },
  { theme: 'catppuccin-mocha', window: 'rings' },
  { theme: 'solarized-light', window: 'plain' },
  { theme: 'tokyo-night', window: 'colorful-right' },
  { theme: 'rose-pine-dawn', window: 'rings' },
  { theme: 'gruvbox-dark', window: 'plain' },
  { theme: 'one-half-light', window: 'colorful-right' },
];
const COLUMNS = 2;
const GAP = 24;

const images = [];
for (const tile of TILES) {
  const png = await render(cast, {
    format: 'png',
    at: { seconds: 60 },
    theme: tile.theme,
    window: tile.window,
    title: `${tile.theme} · ${tile.window}`,
    scale: 1,
  });
  images.push(await loadImage(Buffer.from(png)));
}

const cellWidth = Math.max(...images.map((i) => i.width));
const cellHeight = Math.max(...images.map((i) => i.height));
const rows = Math.ceil(images.length / COLUMNS);
const canvas = createCanvas(COLUMNS * cellWidth + (COLUMNS - 1) * GAP, rows * cellHeight + (rows - 1) * GAP);
const ctx = canvas.getContext('2d');
images.forEach((image, i) => {
  const x = (i % COLUMNS) * (cellWidth + GAP);
  const y = Math.floor(i / COLUMNS) * (cellHeight + GAP);
  ctx.drawImage(image, x, y);
});
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, canvas.toBuffer('image/png'));
console.log(`${output}: ${canvas.width}x${canvas.height}, ${images.length} themes`);
