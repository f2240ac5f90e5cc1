import { castText, outputs } from '../helpers/casts.js';

const ESC = '\u001b';
const START = 0.2;
const STEP = 0.5;

/** A cast whose events are 0.5 s apart, so every probe between two events sees one screen. */
export const steppedCast = (texts: readonly string[], size = { width: 40, height: 8 }): string => castText(size, outputs(texts, STEP, START));

/** Coloured typing, a cleared screen, 256-colour and bold text: what a terminal recording shows. */
export const TYPING = [
  `${ESC}[1;32muser${ESC}[0m:${ESC}[1;34m~${ESC}[0m$ `,
  'l',
  's',
  ' -la\r\n',
  `${ESC}[31mred${ESC}[0m ${ESC}[33myellow${ESC}[0m ${ESC}[38;5;208morange${ESC}[0m\r\n`,
  `${ESC}[44;97m white on blue ${ESC}[0m ${ESC}[1mbold${ESC}[0m ${ESC}[4munder${ESC}[0m\r\n`,
  `${ESC}[2J${ESC}[H`,
  `${ESC}[35mafter clear${ESC}[0m $ `,
];

/** Truecolour backgrounds, 80 new colours a step: the first screens fit a palette, the last ones have over 256 colours. */
export function manyColours(): string[] {
  const out = ['start $ '];
  for (let k = 0; k < 4; k++) {
    let s = '';
    for (let row = 0; row < 2; row++) {
      s += `${ESC}[${2 + k * 2 + row};1H`;
      for (let i = 0; i < 40; i++) {
        const n = k * 80 + row * 40 + i;
        s += `${ESC}[48;2;${n & 0xff};${(n >> 8) * 128 + 17};${(n * 53) & 0xff}m ${ESC}[0m`;
      }
    }
    out.push(s);
  }
  return out;
}

/** Probe times halfway between the events of a steppedCast. */
export const probes = (events: number): number[] => Array.from({ length: events }, (_, i) => Math.round((START + i * STEP + STEP / 2) * 1000) / 1000);
