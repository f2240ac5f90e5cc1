import { fontFaceCss, GlyphUse, type EmbeddedFonts } from './embed-font.js';
import { FrameComposer, type FrameMarkup } from './frame-markup.js';
import { PLAYER_ID, REST_ID } from './animation.js';
import { hexColor, num } from './numbers.js';
import { FALLBACK_FAMILY, type SvgGeometry } from './options.js';
import { StyleSheet } from './style-sheet.js';
import { windowMarkup } from './window-markup.js';
import { escapeText, escapeXml } from './xml.js';
import { screenLines } from './screen-text.js';
import type { ScreenSnapshot } from '../term/cell.js';
import type { KeyItem } from '../keys/index.js';
import { keysDarkCss, keysRowMarkup, NO_OVERLAY, type SvgOverlay } from './keys-markup.js';

/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …, their presentation forms and the SMP's). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/;

/**
 * The parts of an SVG that the animated and the still writer share. The document is written in
 * order: head (root, window, clip), frames, tail (one <style>: the fixed rules, those that depend
 * on what the frames used). CSS in a `<style>` applies to the whole document wherever it stands,
 * so writing it last is fine.
 *
 * Frames are defined in <defs>, which no viewer lays out; one <use> (the player) shows one of them
 * at a time, and the resting layer draws the last frame as selectable text (see SlotTimeline).
 */
export class SvgDocument {
  readonly styles: StyleSheet;
  readonly glyphs: GlyphUse;
  /** What the embedded fonts added, once the tail is written. */
  embedded: EmbeddedFonts | undefined;
  readonly composer: FrameComposer;

  constructor(readonly g: SvgGeometry) {
    this.styles = new StyleSheet(g.painter.foreground, g.lineThickness, g.cellWidth, g.cellHeight);
    this.glyphs = new GlyphUse(g.embedFont);
    this.composer = new FrameComposer(g, this.styles, this.glyphs);
  }

  /** The window's dark-scheme rules, known once the head is written. */
  private windowDark = '';
  /** What the written markup needs of the fixed rules (see noteWritten). */
  private nestedRows = false;
  private rightToLeft = false;

  /**
   * Notes markup as written to the document, before the tail: the rules in the tail are those
   * it needs (classes used, nested <svg> rows, right-to-left characters to hold in their cells).
   */
  noteWritten(markup: string): void {
    this.styles.noteWritten(markup);
    this.nestedRows ||= markup.includes('<svg y=');
    this.rightToLeft ||= RIGHT_TO_LEFT.test(markup);
  }

  head(): string {
    const { g } = this;
    const window = windowMarkup(g.layout, g, g.darkLayout);
    const keys = g.layout.keys;
    const darkKeys = g.darkLayout?.keys;
    this.windowDark = window.dark + (keys && darkKeys ? keysDarkCss(keys, darkKeys) : '');
    const { layout } = g;
    const w = num(layout.width);
    const h = num(layout.height);
    const c = layout.content;
    const spacing = Math.abs(g.advanceFill) < 0.005 ? '' : ` letter-spacing="${num(g.advanceFill)}"`;
    if (this.glyphs.embedText && layout.shapes.some((s) => s.kind === 'text')) {
      for (const s of layout.shapes) if (s.kind === 'text') this.glyphs.add(s.text, false, false);
    }
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"` +
      ` font-family="${escapeXml(g.fontFamily)}" font-size="${num(g.fontPx)}" fill="${hexColor(g.theme.foreground)}" xml:space="preserve"` +
      // An image to assistive technology, named by its first child, the <title> (SVG-AAM: no
      // aria-labelledby needed); the <desc> (in the tail) reads the last screen.
      ` role="img"><title>${escapeText(g.name)}</title>` +
      window.markup +
      `<clipPath id="_c"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}"/></clipPath>` +
      // Inside: x from the grid's left edge, y = 0 on the first row's baseline.
      // Letter-spacing makes the font's advance the cell width, so runs fill their whole-pixel cells.
      `<g clip-path="url(#_c)"><g transform="translate(${num(c.x)} ${num(c.y + g.baseline)})"><g id="_s"${spacing}>`
    );
  }

  /**
   * A frame's body as the element the player shows: a lone <use> is shown directly, anything
   * else gets a group. `id` is the group's, when it must have that one.
   */
  frameElement(body: string, id?: string): { id: string; markup: string } {
    const lone = id === undefined ? /^<use href="#(\w+)"\/>$/.exec(body) : null;
    if (lone) return { id: lone[1]!, markup: '' };
    const name = id ?? this.composer.id();
    return { id: name, markup: `<g id="${name}">${body}</g>` };
  }

  /** The last (or only) screen as the resting layer; `animation` hides it while other frames play. */
  restLayer(screen: ScreenSnapshot, animation = '', unwritten?: ReadonlySet<string>): { defs: string; markup: string } {
    const plain = this.composer.composePlain(screen, unwritten);
    return { defs: plain.defs, markup: `<g id="${REST_ID}">${plain.body}${animation}</g>` };
  }

  /** The keys overlay's row for `items` (a layout with a keys bar only). */
  keysRow(items: readonly KeyItem[]): string {
    const bar = this.g.layout.keys;
    return bar ? keysRowMarkup(items, bar, this.g.cellWidth, this.g.baseline, this.glyphs, this.g.darkLayout?.keys) : '';
  }

  compose(screen: ScreenSnapshot): FrameMarkup {
    return this.composer.compose(screen);
  }

  /**
   * `animated`: a player runs; the class rules and fonts come from what the frames used.
   * `screen`: the last screen, whose text is the image's description. `overlay` is drawn over the
   * window, outside the grid's clip (the keys bar), with the rules that time it.
   */
  tail(animated: boolean, screen?: ScreenSnapshot, overlay: SvgOverlay = NO_OVERLAY): string {
    this.noteWritten(overlay.body);
    this.embedded = fontFaceCss(this.glyphs, this.g);
    // The fallback glyphs' family goes first: it holds only characters the viewer's fonts lack.
    const family = this.glyphs.fallbacks.embedded.size > 0 ? `svg{font-family:${FALLBACK_FAMILY},${escapeXml(this.g.fontFamily)}}` : '';
    const fonts = this.embedded.css + family;
    // Text keeps its spaces and its logical order: every cell sits at its column as in the terminal.
    // Rows placed by a nested <svg> must not clip. <defs> is not displayed, so that viewers do not
    // lay out the frames held there (what a <use> shows of them is laid out as its own), nor
    // select their text. (One <style> for all.)
    // (Left to right also in a page that is not: the cells' order is the terminal's.)
    const fixed =
      `text{white-space:pre;direction:ltr${this.rightToLeft ? ';unicode-bidi:bidi-override' : ''}}` +
      (this.nestedRows ? '#_s svg{overflow:visible}' : '') +
      // The line break ending each copyable row (see textMarkup): viewers that copy SVG text as one
      // line (Firefox) take it; those that break lines after each <text> (Chromium) drop it, as
      // collapsible white space at the end of the text.
      `#${REST_ID} text>:last-child{white-space:pre-line}` +
      'defs{display:none;user-select:none}';
    // Without motion, the resting layer alone: SMIL ignores the media query, so it must win over
    // what the animations set.
    const still = animated
      ? `@media(prefers-reduced-motion:reduce){#${PLAYER_ID}{display:none!important}#${REST_ID}{visibility:visible!important}}`
      : '';
    // Line by line: escaping drops the control characters, line breaks included.
    const desc = screen ? screenLines(screen).map(escapeText).join('\n') : '';
    const described = desc === '' ? '' : `<desc>${desc}</desc>`;
    // The dark scheme's rules come after the rules they override.
    return `</g></g></g>${described}${overlay.body}<style>${fonts}${fixed}${this.styles.css()}${this.styles.darkCss(this.windowDark)}${still}${overlay.css}</style></svg>\n`;
  }
}
