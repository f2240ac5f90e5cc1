import { keyCells, sameItems, type KeyItem } from '../keys/index.js';
import type { KeysBar } from '../theme/index.js';
import type { GlyphUse } from './embed-font.js';
import { hexColor, num } from './numbers.js';
import { escapeText } from './xml.js';

/**
 * The keys overlay's text row: one <text> per item, each character placed at its cell (an x per
 * character), typed words in the text colour, named keys bold in the accent colour. With `dark`
 * (the bar in the dark theme), a colour that differs there gets a class keysDarkCss recolours.
 */
export function keysRowMarkup(items: readonly KeyItem[], bar: KeysBar, cellWidth: number, baseline: number, glyphs: GlyphUse, dark?: KeysBar): string {
  const runs: { key: boolean; text: string; xs: number[] }[] = [];
  let previousCol = -2;
  for (const cell of keyCells(items)) {
    if (cell.col + cell.span > bar.cells) break;
    glyphs.add(cell.text, cell.key, false, cell.span);
    const last = runs[runs.length - 1];
    const x = bar.x + cell.col * cellWidth;
    if (last && last.key === cell.key && cell.col === previousCol) {
      last.text += cell.text;
      last.xs.push(x);
    } else runs.push({ key: cell.key, text: cell.text, xs: [x] });
    previousCol = cell.col + cell.span;
  }
  const y = num(bar.y + baseline);
  return runs
    .map((run) => {
      const style = run.key
        ? ` font-weight="bold" fill="${hexColor(bar.accent)}"${dark && dark.accent !== bar.accent ? ` class="${DARK_ACCENT}"` : ''}`
        : ` fill="${hexColor(bar.text)}"${dark && dark.text !== bar.text ? ` class="${DARK_TEXT}"` : ''}`;
      return `<text x="${run.xs.map(num).join(' ')}" y="${y}"${style}>${escapeText(run.text)}</text>`;
    })
    .join('');
}

const DARK_TEXT = '_kt';
const DARK_ACCENT = '_ka';

/** The rules that give the keys row the dark theme's colours (for the dark media query). */
export function keysDarkCss(bar: KeysBar, dark: KeysBar): string {
  return (
    (dark.text !== bar.text ? `.${DARK_TEXT}{fill:${hexColor(dark.text)}}` : '') +
    (dark.accent !== bar.accent ? `.${DARK_ACCENT}{fill:${hexColor(dark.accent)}}` : '')
  );
}

/** Markup drawn over the window (the keys bar's captions), and the CSS rules that time it. */
export interface SvgOverlay {
  readonly body: string;
  readonly css: string;
}

export const NO_OVERLAY: SvgOverlay = { body: '', css: '' };

/**
 * The overlay over time, for the animated SVG: each caption is a group of its own, shown by a
 * CSS animation of `visibility` over the whole animation's length, step for step with the frames.
 * Without animation (reduced motion, viewers running no CSS) the last caption shows, as the
 * frames rest on the last one.
 */
export class KeysTrack {
  private readonly spans: { items: readonly KeyItem[]; start: number; end: number }[] = [];
  private time = 0;

  push(items: readonly KeyItem[] | undefined, duration: number): void {
    const shown = items ?? [];
    const last = this.spans[this.spans.length - 1];
    if (last && sameItems(last.items, shown)) last.end += duration;
    else this.spans.push({ items: shown, start: this.time, end: this.time + duration });
    this.time += duration;
  }

  /** The overlay's groups and their CSS; '' for both when no key ever shows. */
  markup(row: (items: readonly KeyItem[]) => string, loop: number): SvgOverlay {
    const shown = this.spans.filter((s) => s.items.length > 0);
    if (shown.length === 0) return NO_OVERLAY;
    const total = this.time;
    const last = this.spans[this.spans.length - 1]!;
    const count = loop <= 0 ? 'infinite' : String(Math.floor(loop));
    const decimals = Math.min(17, Math.max(0, Math.ceil(Math.log10(Math.max(1, total) * 10))));
    const at = (t: number): string => `${trimZeros(((t / total) * 100).toFixed(decimals))}%`;
    let body = '';
    let css = '#_k>g{visibility:hidden}';
    shown.forEach((span, i) => {
      const name = `_k${i}`;
      body += `<g id="${name}">${row(span.items)}</g>`;
      if (!(total > 0)) return;
      const resting = span === last;
      if (resting) css += `#${name}{visibility:visible}`;
      const frames =
        `0%{visibility:hidden}${at(span.start)}{visibility:visible}` + (resting ? '100%{visibility:visible}' : `${at(span.end)}{visibility:hidden}100%{visibility:hidden}`);
      css += `@keyframes ${name}{${frames}}#${name}{animation:${name} ${trimZeros(total.toFixed(3))}s step-end ${count}}`;
    });
    css += '@media (prefers-reduced-motion:reduce){#_k>g{animation:none}}';
    return { body: `<g id="_k">${body}</g>`, css };
  }
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
