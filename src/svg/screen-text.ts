import type { ScreenSnapshot } from '../term/cell.js';

/**
 * A screen as `--format txt` writes it (the terminal's text(): wide characters once, trailing
 * spaces trimmed), less the blank rows at the bottom: what the image says, for its description.
 */
export function screenLines(screen: ScreenSnapshot): string[] {
  const lines = screen.lines.map((row) => {
    let text = '';
    for (const cell of row.cells) if (cell.width !== 0) text += cell.text;
    return text.replace(/ +$/, '');
  });
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
