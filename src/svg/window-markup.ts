import type { WindowLayout, WindowShape } from '../theme/index.js';
import { hexColor, num } from './numbers.js';
import { escapeText } from './xml.js';

const opacityAttr = (opacity: number | undefined): string =>
  opacity === undefined || opacity >= 1 ? '' : ` fill-opacity="${num(opacity)}"`;

/** A number attribute, left out at its default of 0. */
const at = (name: string, v: number): string => (num(v) === '0' ? '' : `${name}="${num(v)}" `);

/** A stroke width, left out at its default of 1. */
const strokeWidth = (w: number): string => (num(w) === '1' ? '' : ` stroke-width="${num(w)}"`);

function roundedRect(s: { x: number; y: number; w: number; h: number; radius: number }): string {
  const r = s.radius > 0 ? ` rx="${num(s.radius)}"` : '';
  return `${at('x', s.x)}${at('y', s.y)}width="${num(s.w)}" height="${num(s.h)}"${r}`;
}

/** An element's colours: what a dark-scheme rule may change. */
interface Colors {
  fill?: number;
  stroke?: number;
}

/**
 * The window around the terminal, drawn from the layout shared with the GIF renderer. With `dark`
 * (the same layout in the dark theme), elements whose colours differ get a class and `dark` holds
 * the rules that recolour them (for the dark media query).
 */
export function windowMarkup(layout: WindowLayout, opts: { transparentBackground: boolean }, dark?: WindowLayout): { markup: string; dark: string } {
  let defs = '';
  let body = '';
  let darkCss = '';
  let classes = 0;
  layout.shapes.forEach((shape, i) => {
    body += shapeMarkup(shape, i);
  });
  return { markup: defs + body, dark: darkCss };

  /** ` class="_wN"` when the dark theme paints the element otherwise, with its rule. */
  function themed(light: Colors, other: Colors | undefined): string {
    if (!other) return '';
    let rule = '';
    if (other.fill !== undefined && other.fill !== light.fill) rule += `fill:${hexColor(other.fill)};`;
    if (other.stroke !== undefined && other.stroke !== light.stroke) rule += `stroke:${hexColor(other.stroke)};`;
    if (rule === '') return '';
    const name = `_w${classes++}`;
    darkCss += `.${name}{${rule.slice(0, -1)}}`;
    return ` class="${name}"`;
  }

  function shapeMarkup(shape: WindowShape, index: number): string {
    const twin = dark?.shapes[index];
    const other = twin?.kind === shape.kind ? twin : undefined;
    switch (shape.kind) {
      case 'rect': {
        const o = other as typeof shape | undefined;
        const transparent = shape.themeBackground && opts.transparentBackground;
        let markup = transparent
          ? ''
          : `<rect ${roundedRect(shape)} fill="${hexColor(shape.fill)}"${opacityAttr(shape.opacity)}${themed({ fill: shape.fill }, o && { fill: o.fill })}/>`;
        if (shape.stroke !== undefined) {
          // The outline lies just inside the edge: inset by half its width, centred stroke.
          const sw = shape.strokeWidth ?? 1;
          const inset = { x: shape.x + sw / 2, y: shape.y + sw / 2, w: shape.w - sw, h: shape.h - sw, radius: Math.max(0, shape.radius - sw / 2) };
          const cls = themed({ stroke: shape.stroke }, o?.stroke === undefined ? undefined : { stroke: o.stroke });
          markup += `<rect ${roundedRect(inset)} fill="none" stroke="${hexColor(shape.stroke)}"${strokeWidth(sw)}${cls}/>`;
        }
        return markup;
      }
      case 'shadow': {
        // Room for the blur on every side: three standard deviations.
        const pad = 3 * shape.blur;
        const o = other as typeof shape | undefined;
        defs +=
          `<filter id="_h" filterUnits="userSpaceOnUse" x="${num(shape.x - pad)}" y="${num(shape.y - pad)}" ` +
          `width="${num(shape.w + 2 * pad)}" height="${num(shape.h + 2 * pad)}"><feGaussianBlur stdDeviation="${num(shape.blur)}"/></filter>`;
        return `<rect ${roundedRect(shape)} fill="${hexColor(shape.color)}" fill-opacity="${num(shape.opacity)}" filter="url(#_h)"${themed({ fill: shape.color }, o && { fill: o.color })}/>`;
      }
      case 'circle': {
        const o = other as typeof shape | undefined;
        const fill = shape.fill === undefined ? 'none' : hexColor(shape.fill);
        const stroke = shape.stroke === undefined ? '' : ` stroke="${hexColor(shape.stroke)}"${strokeWidth(shape.strokeWidth ?? 1)}`;
        const cls = themed({ fill: shape.fill, stroke: shape.stroke }, o && { fill: o.fill, stroke: o.stroke });
        return `<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}" fill="${fill}"${stroke}${cls}/>`;
      }
      case 'text': {
        const o = other as typeof shape | undefined;
        const anchor = shape.anchor === 'middle' ? ' text-anchor="middle"' : '';
        const cls = themed({ fill: shape.color }, o && { fill: o.color });
        // The title is not part of the screen a reader copies.
        return `<text x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.fontSize)}"${anchor} fill="${hexColor(shape.color)}" style="user-select:none"${cls}>${escapeText(shape.text)}</text>`;
      }
    }
  }
}
