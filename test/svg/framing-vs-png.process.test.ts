import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { renderPng } from '../../src/png/index.js';
import { resolveRaster, type RasterOptions } from '../../src/raster/options.js';
import { renderSvgStill, type SvgOptions } from '../../src/svg/index.js';
import { TRUECOLOR } from '../../src/term/cell.js';
import { getTheme } from '../../src/theme/index.js';
import { borderColor } from '../../src/theme/window.js';
import { rsvgPng } from './rsvg.js';
import { cell, info, rowOf, screen } from './screens.js';

/**
 * The GIF and the SVG lay out one grid (theme/grid-geometry.ts) and must draw it alike: same image
 * size, window edges and cell grid, whatever the window options. Checked by looking at both
 * pictures: the PNG still (what the GIF shows) and rsvg-convert's drawing of the SVG at its own size.
 */

type Shared = RasterOptions & SvgOptions;

const theme = getTheme('asciinema');
const COLS = 12;
const ROWS = 4;
/** Marks the grid's first and last cell: a colour no theme, window or shadow uses. */
const MARK = 0xff00ff;
const marked = cell(' ', { bg: TRUECOLOR | MARK });

const shown = screen(
  [rowOf([marked, ...[...'geometry'].map((c) => cell(c))], COLS), 'abc', '', rowOf([...Array.from({ length: COLS - 1 }, () => cell(' ')), marked], COLS)],
  COLS,
  ROWS,
);
const animation = info(COLS, ROWS, 0, 'geometry check');

const cases: [string, Shared][] = [
  ['defaults', {}],
  ['scale 2', { scale: 2 }],
  ['font size 17, line height 1.25', { fontSize: 17, lineHeight: 1.25 }],
  ['letter spacing 1.5, scale 2', { letterSpacing: 1.5, scale: 2 }],
  ['padding, margin colour, no window', { padding: [5, 30], margin: 9, marginColor: 0xffffff, window: 'none' }],
  ['rings, radius 0, odd font', { window: 'rings', borderRadius: 0, fontSize: 13, lineHeight: 1.5 }],
  ['plain window, shadow, scale 3', { window: 'plain', shadow: true, marginColor: 0xeeeeee, scale: 3 }],
  ['colorful-right, margin, letter spacing -0.3', { window: 'colorful-right', margin: 20, letterSpacing: -0.3, fontSize: 20 }],
  ['font 20, letter spacing -0.5: a cell width of exactly 11.5 px', { fontSize: 20, letterSpacing: -0.5 }],
  ['no border', { border: false }],
];

interface Image {
  width: number;
  height: number;
  rgba: Uint8Array;
}

async function decode(png: Buffer): Promise<Image> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: new Uint8Array(ctx.getImageData(0, 0, image.width, image.height).data) };
}


const near = (img: Image, x: number, y: number, rgb: number, tolerance: number): boolean => {
  const i = 4 * (y * img.width + x);
  const d = (k: number, shift: number): number => Math.abs(img.rgba[i + k]! - ((rgb >> shift) & 0xff));
  return img.rgba[i + 3]! > 200 && d(0, 16) + d(1, 8) + d(2, 0) <= tolerance;
};

/** Bounding box of the pixels of exactly the mark colour: the grid's first and last cell. */
function markBox(img: Image): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (!near(img, x, y, MARK, 0)) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return { x0, y0, x1, y1 };
}

/**
 * The window body's edges: from each side, along the middle row and the middle column, the first
 * pixel in the window's outline or background colour.
 */
function windowEdges(img: Image, outline: number, midX: number, midY: number): { left: number; right: number; top: number; bottom: number } {
  const body = (x: number, y: number): boolean => near(img, x, y, outline, 60) || near(img, x, y, theme.background, 60);
  let left = 0;
  while (left < img.width && !body(left, midY)) left++;
  let right = img.width;
  while (right > 0 && !body(right - 1, midY)) right--;
  let top = 0;
  while (top < img.height && !body(midX, top)) top++;
  let bottom = img.height;
  while (bottom > 0 && !body(midX, bottom - 1)) bottom--;
  return { left, right, top, bottom };
}

describe('GIF and SVG pictures', () => {
  it.each(cases)('%s: the pictures agree on size, window edges and the content box', async (_name, options) => {
    const gif = await decode(renderPng(shown, animation, { ...options, theme }));
    const svgText = renderSvgStill(shown, animation, { ...options, theme });
    const svg = await decode(rsvgPng(svgText));
    const { layout } = resolveRaster(animation, { ...options, theme });
    expect([svg.width, svg.height]).toEqual([gif.width, gif.height]);
    expect([gif.width, gif.height]).toEqual([layout.width, layout.height]);

    // The marks sit in the content box's top-left and bottom-right cells: their bounding box is the
    // content box, in both pictures.
    const c = layout.content;
    const expected = { x0: c.x, y0: c.y, x1: c.x + c.width, y1: c.y + c.height };
    expect(markBox(gif)).toEqual(expected);
    expect(markBox(svg)).toEqual(expected);

    const outline = borderColor(theme);
    const midX = Math.round(layout.window.x + layout.window.width / 2);
    const midY = Math.round(c.y + c.height / 2);
    const edges = windowEdges(gif, outline, midX, midY);
    expect(windowEdges(svg, outline, midX, midY)).toEqual(edges);
    const w = layout.window;
    expect(edges).toEqual({ left: w.x, right: w.x + w.width, top: w.y, bottom: w.y + w.height });
  });
});
