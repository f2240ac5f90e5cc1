import { fontFaceCss, GlyphUse, type EmbeddedFonts } from './embed-font.js';
import { FrameComposer, type FrameMarkup } from './frame-markup.js';
import { hexColor, num } from './numbers.js';
import { FALLBACK_FAMILY, type SvgGeometry } from './options.js';
import { StyleSheet } from './style-sheet.js';
import { windowMarkup } from './window-markup.js';
import { escapeXml } from './xml.js';
import type { ScreenSnapshot } from '../term/cell.js';
import type { KeyItem } from '../keys/index.js';
import { keysRowMarkup } from './keys-markup.js';

/**
 * The parts of an SVG that the animated and the still writer share. The document is written in
 * order: head (root, window, clip), frames, tail (one <style>: the fixed rules, those that depend
 * on what the frames used, and the animation once its length is known). CSS in a `<style>` applies to the whole
 * document wherever it stands, so writing it last is fine.
 *
 * Frames are stacked in a strip, one slot per distinct frame, `pitch` apart; the strip is clipped
 * to the cell grid and moved so that the current slot shows.
 */
export class SvgDocument {
  readonly styles: StyleSheet;
  readonly glyphs: GlyphUse;
  /** What the embedded fonts added, once the tail is written. */
  embedded: EmbeddedFonts | undefined;
  readonly composer: FrameComposer;
  /** Distance between frame slots (whole px): a spare row between them keeps overhanging glyphs out of view. */
  readonly pitch: number;

  constructor(readonly g: SvgGeometry) {
    this.styles = new StyleSheet(g.theme.foreground, g.lineThickness, g.cellWidth, g.cellHeight);
    this.glyphs = new GlyphUse(g.embedFont);
    this.composer = new FrameComposer(g, this.styles, this.glyphs);
    this.pitch = (g.rows + 1) * g.cellHeight;
  }

  head(): string {
    const { g } = this;
    const { layout } = g;
    const w = num(layout.width);
    const h = num(layout.height);
    const c = layout.content;
    const spacing = Math.abs(g.letterSpacing) < 0.005 ? '' : ` letter-spacing="${num(g.letterSpacing)}"`;
    if (this.glyphs.embedText && layout.shapes.some((s) => s.kind === 'text')) {
      for (const s of layout.shapes) if (s.kind === 'text') this.glyphs.add(s.text, false, false);
    }
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"` +
      ` font-family="${escapeXml(g.fontFamily)}" font-size="${num(g.fontSize)}" fill="${hexColor(g.theme.foreground)}" xml:space="preserve">` +
      windowMarkup(layout, g) +
      `<clipPath id="_c"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}"/></clipPath>` +
      // Inside: x from the grid's left edge, y = 0 on the first row's baseline.
      // Letter-spacing makes the font's advance the cell width, so runs fill their whole-pixel cells.
      `<g clip-path="url(#_c)"><g transform="translate(${num(c.x)} ${num(c.y + g.baseline)})"><g id="_s"${spacing}>`
    );
  }

  /**
   * A frame's body placed in `slot`: in a nested <svg> moved down, or, when that is shorter (a frame
   * of a few elements), with the slot's offset added to each element's own y. A group of rows
   * (which a later frame may place again) keeps its coordinates and is always wrapped.
   */
  slotMarkup(body: string, slot: number): string {
    if (body === '' || slot === 0) return body;
    const dy = slot * this.pitch;
    const wrapped = `<svg y="${num(dy)}">${body}</svg>`;
    if (body.startsWith('<g')) return wrapped;
    const shifted = shiftY(body, dy);
    return shifted.length < wrapped.length ? shifted : wrapped;
  }

  /** The keys overlay's row for `items` (a layout with a keys bar only). */
  keysRow(items: readonly KeyItem[]): string {
    const bar = this.g.layout.keys;
    return bar ? keysRowMarkup(items, bar, this.g.cellWidth, this.g.baseline, this.glyphs) : '';
  }

  compose(screen: ScreenSnapshot): FrameMarkup {
    return this.composer.compose(screen);
  }

  /**
   * `animationCss` moves the strip; the class rules and fonts come from what the frames used.
   * `overlay` is drawn over the window, outside the grid's clip (the keys bar).
   */
  tail(animationCss: string, overlay = ''): string {
    this.embedded = fontFaceCss(this.glyphs, this.g);
    // The fallback glyphs' family goes first: it holds only characters the viewer's fonts lack.
    const family = this.glyphs.fallbacks.embedded.size > 0 ? `svg{font-family:${FALLBACK_FAMILY},${escapeXml(this.g.fontFamily)}}` : '';
    const fonts = this.embedded.css + family;
    // Text keeps its spaces and its logical order: every cell sits at its column as in the terminal.
    // Frames are nested <svg>s only to be moved cheaply: they must not clip. (One <style> for all.)
    const fixed = 'text{white-space:pre;unicode-bidi:bidi-override;direction:ltr}#_s svg{overflow:visible}';
    return `</g></g></g>${overlay}<style>${fonts}${fixed}${this.styles.css()}${animationCss}</style></svg>\n`;
  }
}

/**
 * Adds `dy` to the y of every element that starts in `body`: frame bodies are flat lists of
 * <use>, <rect> and <text> (whose content is escaped, so holds no tags but <tspan>).
 */
function shiftY(body: string, dy: number): string {
  return body.replace(/<(use|rect|text)\b([^>]*?)(\/?)>/g, (_tag, name: string, attrs: string, close: string) => {
    const y = / y="(-?[\d.]+)"/.exec(attrs);
    const moved = ` y="${num((y ? Number(y[1]) : 0) + dy)}"`;
    return `<${name}${y ? attrs.replace(y[0], moved) : attrs + moved}${close}>`;
  });
}
