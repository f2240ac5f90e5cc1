import { describe, expect, it } from 'vitest';
import { Terminal } from '../../src/term/index.js';
import { renderSvgStill } from '../../src/svg/index.js';
import { getTheme, listThemes } from '../../src/theme/builtin.js';

/** The SVG writer may shorten #aabbcc to #abc; accept either spelling. */
function spellings(rgb: number): string[] {
  const hex = rgb.toString(16).padStart(6, '0');
  const long = `#${hex}`;
  return hex[0] === hex[1] && hex[2] === hex[3] && hex[4] === hex[5] ? [long, `#${hex[0]}${hex[2]}${hex[4]}`] : [long];
}

const containsColor = (svg: string, rgb: number): boolean => spellings(rgb).some((s) => svg.toLowerCase().includes(s));

describe('every built-in theme renders a test screen', () => {
  const term = new Terminal({ cols: 32, rows: 2 });
  // Text in each of the 16 colours, and a row of the 16 as backgrounds.
  term.feed([30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map((sgr) => `\x1b[${sgr}mAb`).join('') + '\x1b[0m\r\n');
  term.feed([40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map((sgr) => `\x1b[${sgr}m  `).join('') + '\x1b[0m');
  const screen = term.snapshot();

  for (const name of listThemes()) {
    it(name, () => {
      const theme = getTheme(name);
      const svg = renderSvgStill(screen, { cols: 32, rows: 2, title: name, loop: 0 }, { theme, boldIsBright: false, cursor: false });
      expect(svg.startsWith('<svg')).toBe(true);
      expect(containsColor(svg, theme.background), 'background').toBe(true);
      theme.palette.forEach((c, i) => expect(containsColor(svg, c), `palette ${i}`).toBe(true));
    });
  }
});
