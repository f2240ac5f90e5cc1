import { parseColorSpec } from './color-spec.js';
import { DynamicColor } from './palette.js';
import { Osc } from './sequences.js';
import type { TerminalState } from './state.js';

const INDEX = /^\d{1,3}$/;

/**
 * An operating system command, `Ps ; Pt` as the parser collected it: the title, palette changes,
 * hyperlinks. Unknown commands and arguments that are not colours are ignored, as xterm does.
 */
export function dispatchOsc(data: string, state: TerminalState): void {
  const semi = data.indexOf(';');
  const command = semi < 0 ? data : data.slice(0, semi);
  const arg = semi < 0 ? '' : data.slice(semi + 1);
  if (!/^\d{1,4}$/.test(command)) return;
  const palette = state.palette;
  switch (Number(command)) {
    case Osc.IconNameAndTitle:
    case Osc.Title:
      state.titles.current = arg;
      break;
    case Osc.SetIndexedColor: {
      const parts = arg.split(';');
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const index = INDEX.test(parts[i]) ? Number(parts[i]) : -1;
        const color = parseColorSpec(parts[i + 1]);
        if (index >= 0 && index <= 255 && color >= 0) palette.setIndexed(index, color);
      }
      break;
    }
    case Osc.Hyperlink: {
      // OSC 8 ; params ; URI — the URI may itself contain ';'.
      const uriStart = arg.indexOf(';');
      state.pen.setLink(uriStart < 0 ? '' : arg.slice(uriStart + 1));
      break;
    }
    case Osc.SetForeground:
    case Osc.SetBackground:
    case Osc.SetCursorColor: {
      // Each following argument sets the next dynamic colour: OSC 10;fg;bg sets both.
      let which = Number(command);
      for (const spec of arg.split(';')) {
        const color = parseColorSpec(spec);
        if (color >= 0) palette.setDynamic(which, color);
        which++;
        if (which > DynamicColor.Cursor) break;
      }
      break;
    }
    case Osc.ResetIndexedColors:
      palette.resetIndexed(arg === '' ? 'all' : arg.split(';').filter((part) => INDEX.test(part)).map(Number));
      break;
    case Osc.ResetForeground:
      palette.setDynamic(DynamicColor.Foreground, undefined);
      break;
    case Osc.ResetBackground:
      palette.setDynamic(DynamicColor.Background, undefined);
      break;
    case Osc.ResetCursorColor:
      palette.setDynamic(DynamicColor.Cursor, undefined);
      break;
    default:
      break;
  }
}
