import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rgb, WindowLayout, WindowShape } from '../theme/index.js';
import { cssFont, type LoadedFont } from './canvas-fonts.js';
import { blendLevel, COVERAGE_LEVELS, coverageLevel, overAny, TRANSPARENT } from './pixels.js';
import { textContext } from './text-context.js';

function traceShape(ctx: SKRSContext2D, shape: WindowShape, font: LoadedFont): void {
  switch (shape.kind) {
    case 'rect':
    case 'shadow':
      ctx.beginPath();
      ctx.roundRect(shape.x, shape.y, shape.w, shape.h, shape.radius);
      ctx.fill();
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
      if (shape.fill !== undefined) ctx.fill();
      if (shape.stroke !== undefined) {
        ctx.lineWidth = shape.strokeWidth ?? 1;
        ctx.stroke();
      }
      break;
    case 'text':
      ctx.font = cssFont(font, shape.fontSize);
      ctx.textAlign = shape.anchor === 'middle' ? 'center' : 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(shape.text, shape.x, shape.y);
      break;
  }
}

const shapeColor = (shape: WindowShape, background: Rgb): Rgb => {
  switch (shape.kind) {
    case 'rect':
      return shape.themeBackground ? background : shape.fill;
    case 'shadow':
      return shape.color;
    case 'circle':
      return shape.fill ?? shape.stroke ?? 0;
    case 'text':
      return shape.color;
  }
};

/**
 * Paints the window around the cell grid into `pixels`. Each shape is rasterized as a coverage
 * mask and blended at the same few coverage levels as text, so edges add only a few colours. Over
 * transparent pixels a GIF can only be opaque or clear: half-covered edge pixels become opaque.
 * With `withAlpha` (outputs with an alpha channel) edges are partly transparent instead, and so is
 * the shadow, which a GIF shows only over a margin colour. Over a transparent background there is
 * no shadow: it would show through the window.
 */
export function paintWindow(
  pixels: Uint32Array,
  layout: WindowLayout,
  background: Rgb,
  font: LoadedFont,
  transparentBackground: boolean,
  withAlpha = false,
): void {
  pixels.fill(TRANSPARENT);
  const { width, height } = layout;
  const canvas = createCanvas(width, height);
  const ctx = textContext(canvas);
  // One shape (or a rect's outline) is traced white on a clear canvas and its coverage blended in its colour.
  const blendPass = (trace: () => void, color: Rgb, opacity: number): void => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = '#ffffff';
    ctx.globalAlpha = 1;
    ctx.shadowBlur = 0;
    ctx.shadowColor = 'transparent';
    trace();
    const alpha = ctx.getImageData(0, 0, width, height).data;
    for (let i = 0, n = width * height; i < n; i++) {
      const level = coverageLevel(alpha[i * 4 + 3]! * opacity);
      if (level === 0) continue;
      const under = pixels[i]!;
      if (withAlpha) pixels[i] = overAny(color, level, under);
      else if (under === TRANSPARENT) {
        if (level * 2 >= COVERAGE_LEVELS) pixels[i] = color;
      } else pixels[i] = blendLevel(color, under, level);
    }
  };
  for (const shape of layout.shapes) {
    if (shape.kind === 'shadow' && ((pixels[0] === TRANSPARENT && !withAlpha) || transparentBackground)) continue;
    const bodyHidden = shape.kind === 'rect' && shape.themeBackground && transparentBackground;
    if (!bodyHidden) {
      const opacity = shape.kind === 'rect' ? (shape.opacity ?? 1) : shape.kind === 'shadow' ? shape.opacity : 1;
      blendPass(
        () => {
          if (shape.kind === 'shadow') {
            // Draw the shape off-canvas and only its blurred shadow on it.
            ctx.shadowColor = '#ffffff';
            ctx.shadowBlur = 2 * shape.blur;
            ctx.shadowOffsetX = width + shape.w;
            ctx.translate(-(width + shape.w), 0);
          }
          traceShape(ctx, shape, font);
        },
        shapeColor(shape, background),
        opacity,
      );
    }
    if (shape.kind === 'rect' && shape.stroke !== undefined) {
      // The outline lies just inside the edge, as the SVG draws it: inset by half its width.
      const sw = shape.strokeWidth ?? 1;
      blendPass(
        () => {
          ctx.lineWidth = sw;
          ctx.beginPath();
          ctx.roundRect(shape.x + sw / 2, shape.y + sw / 2, shape.w - sw, shape.h - sw, Math.max(0, shape.radius - sw / 2));
          ctx.stroke();
        },
        shape.stroke,
        1,
      );
    }
  }
}
