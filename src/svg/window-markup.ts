import type { WindowLayout, WindowShape } from '../theme/index.js';
import { hexColor, num } from './numbers.js';
import { escapeXml } from './xml.js';

const opacityAttr = (opacity: number | undefined): string =>
  opacity === undefined || opacity >= 1 ? '' : ` fill-opacity="${num(opacity)}"`;

function roundedRect(s: { x: number; y: number; w: number; h: number; radius: number }): string {
  const r = s.radius > 0 ? ` rx="${num(s.radius)}"` : '';
  return `x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}"${r}`;
}

/** The window around the terminal, drawn from the layout shared with the GIF renderer. */
export function windowMarkup(layout: WindowLayout, opts: { transparentBackground: boolean }): string {
  let defs = '';
  let body = '';
  for (const shape of layout.shapes) body += shapeMarkup(shape);
  return defs + body;

  function shapeMarkup(shape: WindowShape): string {
    switch (shape.kind) {
      case 'rect': {
        const transparent = shape.themeBackground && opts.transparentBackground;
        let markup = transparent ? '' : `<rect ${roundedRect(shape)} fill="${hexColor(shape.fill)}"${opacityAttr(shape.opacity)}/>`;
        if (shape.stroke !== undefined) {
          // The outline lies just inside the edge: inset by half its width, centred stroke.
          const sw = shape.strokeWidth ?? 1;
          const inset = { x: shape.x + sw / 2, y: shape.y + sw / 2, w: shape.w - sw, h: shape.h - sw, radius: Math.max(0, shape.radius - sw / 2) };
          markup += `<rect ${roundedRect(inset)} fill="none" stroke="${hexColor(shape.stroke)}" stroke-width="${num(sw)}"/>`;
        }
        return markup;
      }
      case 'shadow': {
        // Room for the blur on every side: three standard deviations.
        const pad = 3 * shape.blur;
        defs +=
          `<filter id="_h" filterUnits="userSpaceOnUse" x="${num(shape.x - pad)}" y="${num(shape.y - pad)}" ` +
          `width="${num(shape.w + 2 * pad)}" height="${num(shape.h + 2 * pad)}"><feGaussianBlur stdDeviation="${num(shape.blur)}"/></filter>`;
        return `<rect ${roundedRect(shape)} fill="${hexColor(shape.color)}" fill-opacity="${num(shape.opacity)}" filter="url(#_h)"/>`;
      }
      case 'circle': {
        const fill = shape.fill === undefined ? 'none' : hexColor(shape.fill);
        const stroke = shape.stroke === undefined ? '' : ` stroke="${hexColor(shape.stroke)}" stroke-width="${num(shape.strokeWidth ?? 1)}"`;
        return `<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}" fill="${fill}"${stroke}/>`;
      }
      case 'text': {
        const anchor = shape.anchor === 'middle' ? ' text-anchor="middle"' : '';
        // The title is not part of the screen a reader copies.
        return `<text x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.fontSize)}"${anchor} fill="${hexColor(shape.color)}" style="user-select:none">${escapeXml(shape.text)}</text>`;
      }
    }
  }
}
