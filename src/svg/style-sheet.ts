import { hexColor, num, shortName } from './numbers.js';
import { darkOf, hasDark, type Paint } from './paint.js';

export type StrokeStyle = 'curly' | 'dotted' | 'dashed';

/**
 * Short class names for the fills and strokes used, created as the animation is written; the CSS
 * for them is written at the end, when all are known. Text in the default colour and weight needs
 * no class at all: the root element carries that fill.
 */
export class StyleSheet {
  private readonly names = new Map<string, string>();
  private readonly rules: { name: string; rule: string }[] = [];
  /** What the dark colour scheme changes (colours are Paints: see paint.ts). */
  private readonly darkRules: { name: string; rule: string }[] = [];
  private readonly texts = new Map<string, { rgb: number; bold: boolean; italic: boolean; unbold: boolean; unitalic: boolean }>();
  /**
   * Classes that reached the document. Markup is often built to be compared and then thrown away
   * (a row grown from the one before, a frame reusing the previous one): its classes need no rule.
   */
  private readonly used = new Set<string>();

  constructor(
    private readonly defaultFill: number,
    private readonly strokeWidth: number,
    private readonly cellWidth: number,
    private readonly cellHeight: number,
  ) {}

  /**
   * Class for cell backgrounds in `rgb`, drawn as horizontal lines as thick as a cell is high
   * through the cells' middle (`M x y h w`: half the bytes of a filled box). The line has no area,
   * so the inherited fill draws nothing.
   */
  band(rgb: number): string {
    const key = `b${rgb}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      this.rules.push({ name, rule: `stroke:${hexColor(rgb)};stroke-width:${num(this.cellHeight)}` });
      this.darken(name, 'stroke', rgb);
    }
    return name;
  }

  /** Class for text (and shapes when bold and italic are false) in `rgb`; '' for the default. */
  fill(rgb: number, bold = false, italic = false): string {
    if (rgb === this.defaultFill && !bold && !italic) return '';
    return this.textClass(rgb, bold, italic);
  }

  /** A class for the default text style, for where an inherited one must be undone. */
  explicitDefault(): string {
    return this.textClass(this.defaultFill, false, false);
  }

  private textClass(rgb: number, bold: boolean, italic: boolean): string {
    const key = `f${rgb}${bold ? 'b' : ''}${italic ? 'i' : ''}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      this.texts.set(name, { rgb, bold, italic, unbold: false, unitalic: false });
    }
    return name;
  }

  /** Class for characters kept for copying only: drawn as shapes, or invisible (SGR 8). */
  unpainted(): string {
    return this.fixed('unpainted', 'fill:none');
  }

  /** Class for what must not be selected: the cursor's redrawn character. */
  unselectable(): string {
    return this.fixed('unselectable', 'user-select:none');
  }

  /** Class for an unfilled line in `rgb`: a wavy, dotted or dashed underline. */
  stroke(rgb: number, style: StrokeStyle): string {
    const key = `s${rgb}${style}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      const w = this.strokeWidth;
      let rule = `fill:none;stroke:${hexColor(rgb)};stroke-width:${num(w)}`;
      if (style === 'dotted') rule += `;stroke-dasharray:${num(w)}`;
      // One dash per cell over its middle 70 %, as the GIF draws it (lines start on a cell edge).
      if (style === 'dashed') rule += `;stroke-dasharray:${num(0.7 * this.cellWidth)} ${num(0.3 * this.cellWidth)};stroke-dashoffset:${num(-0.15 * this.cellWidth)}`;
      this.rules.push({ name, rule });
      this.darken(name, 'stroke', rgb);
    }
    return name;
  }

  private darken(name: string, property: 'fill' | 'stroke', color: Paint): void {
    if (hasDark(color)) this.darkRules.push({ name, rule: `${property}:${hexColor(darkOf(color))}` });
  }

  /**
   * The dark colour scheme's rules: the classes whose colour differs, the default text colour
   * (`#_s` holds the grid: the root's fill attribute is what its text inherits) and `extra` (the
   * window's). Empty when nothing differs.
   */
  darkCss(extra = ''): string {
    let rules = extra;
    if (hasDark(this.defaultFill)) rules = `#_s{fill:${hexColor(darkOf(this.defaultFill))}}` + rules;
    for (const [name, t] of this.texts) if (hasDark(t.rgb) && this.used.has(name)) rules += `.${name}{fill:${hexColor(darkOf(t.rgb))}}`;
    rules += this.ruleList(this.darkRules);
    return rules === '' ? '' : `@media(prefers-color-scheme:dark){${rules}}`;
  }

  private fixed(key: string, rule: string): string {
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      this.rules.push({ name, rule });
    }
    return name;
  }

  /** Notes the classes of markup written to the document (see `used`). */
  noteWritten(markup: string): void {
    for (const m of markup.matchAll(/ class="([^"]+)"/g)) for (const name of m[1]!.split(' ')) this.used.add(name);
  }

  private ruleList(rules: readonly { name: string; rule: string }[]): string {
    let out = '';
    for (const { name, rule } of rules) if (this.used.has(name)) out += `.${name}{${rule}}`;
    return out;
  }

  /**
   * Notes that text of class `child` sits inside an element of class `parent`: if the parent is
   * bold (or italic) and the child is not, the child's rule states its normal weight (or slant),
   * which it would otherwise inherit. (A rule that applies only where needed keeps the CSS short.)
   */
  nest(child: string, parent: string): void {
    const c = this.texts.get(child);
    const p = this.texts.get(parent);
    if (!c || !p) return;
    if (p.bold && !c.bold) c.unbold = true;
    if (p.italic && !c.italic) c.unitalic = true;
  }

  css(): string {
    let out = '';
    for (const [name, t] of this.texts) {
      if (!this.used.has(name)) continue;
      let rule = `fill:${hexColor(t.rgb)}`;
      if (t.bold) rule += ';font-weight:bold';
      else if (t.unbold) rule += ';font-weight:400';
      if (t.italic) rule += ';font-style:italic';
      else if (t.unitalic) rule += ';font-style:normal';
      out += `.${name}{${rule}}`;
    }
    return out + this.ruleList(this.rules);
  }

  private add(key: string): string {
    const name = shortName(this.names.size);
    this.names.set(key, name);
    return name;
  }
}

/** ` class="x"`, or nothing for the default style. */
export const classAttr = (name: string): string => (name === '' ? '' : ` class="${name}"`);
