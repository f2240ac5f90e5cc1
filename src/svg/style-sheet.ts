import { hexColor, num, shortName } from './numbers.js';

export type StrokeStyle = 'curly' | 'dotted' | 'dashed';

/**
 * Short class names for the fills and strokes used, created as the animation is written; the CSS
 * for them is written at the end, when all are known. Text in the default colour and weight needs
 * no class at all: the root element carries that fill.
 */
export class StyleSheet {
  private readonly names = new Map<string, string>();
  private readonly rules: string[] = [];

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
      this.rules.push(`.${name}{stroke:${hexColor(rgb)};stroke-width:${num(this.cellHeight)}}`);
    }
    return name;
  }

  /** Class for text (and shapes when bold and italic are false) in `rgb`; '' for the default. */
  fill(rgb: number, bold = false, italic = false): string {
    if (rgb === this.defaultFill && !bold && !italic) return '';
    const key = `f${rgb}${bold ? 'b' : ''}${italic ? 'i' : ''}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      let rule = `fill:${hexColor(rgb)}`;
      if (bold) rule += ';font-weight:bold';
      if (italic) rule += ';font-style:italic';
      this.rules.push(`.${name}{${rule}}`);
    }
    return name;
  }

  /** A class for the default text style, for where an inherited one must be undone. */
  explicitDefault(): string {
    const key = 'default';
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.add(key);
      this.rules.push(`.${name}{fill:${hexColor(this.defaultFill)}}`);
    }
    return name;
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
      this.rules.push(`.${name}{${rule}}`);
    }
    return name;
  }

  css(): string {
    return this.rules.join('');
  }

  private add(key: string): string {
    const name = shortName(this.names.size);
    this.names.set(key, name);
    return name;
  }
}

/** ` class="x"`, or nothing for the default style. */
export const classAttr = (name: string): string => (name === '' ? '' : ` class="${name}"`);
