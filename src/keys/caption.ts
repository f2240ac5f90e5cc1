import { textCells } from './cells.js';
import { KeyDecoder, type KeyToken } from './decode.js';
import { KEY_MASK } from './mask.js';
import type { KeyItem } from './item.js';

/** How long an item stays after its last key press, seconds. */
export const KEY_HOLD = 2;
/** A paste is shown by its first characters. */
const PASTE_SHOWN = 12;
/**
 * Bounds on what is kept, far past what a bar shows, so that a recording of a million key
 * presses at one instant costs no more than a short one: items held, and characters of a word.
 */
const MAX_ITEMS = 256;
const MAX_WORD = 256;

interface Held {
  text: string;
  key: boolean;
  /** Whether typing goes on in this item (a word until a space or a key ends it). */
  open: boolean;
  /** Same key pressed again: shown as ↑×3. */
  repeats: number;
  name: string;
  last: number;
}

/**
 * The keys recently pressed, as the overlay shows them at a time: words grouped from typed text,
 * named keys, each from its press until KEY_HOLD seconds after its last stroke. Times only grow.
 */
export class KeyCaption {
  private readonly decoder = new KeyDecoder();
  private items: Held[] = [];
  /** Whether any key press was seen: a recording without one has nothing to show. */
  pressed = false;

  constructor(private readonly hold = KEY_HOLD) {}

  press(data: string, time: number): void {
    this.drop(time);
    for (const token of this.decoder.decode(data)) this.add(token, time);
  }

  /** What shows at `time`, oldest first; at most `maxChars` cells wide (one cell between items), newest kept. */
  at(time: number, maxChars = Infinity): KeyItem[] {
    const shown: KeyItem[] = [];
    let chars = 0;
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i]!;
      if (item.last + this.hold <= time) continue;
      const text = item.repeats > 1 ? `${item.text}×${item.repeats}` : item.text;
      const width = textCells(text) + (shown.length > 0 ? 1 : 0);
      if (chars + width > maxChars) break;
      chars += width;
      shown.unshift({ text, key: item.key });
    }
    return shown;
  }

  /** The first time after `time` when an item disappears, or undefined when none shows. */
  nextExpiry(time: number): number | undefined {
    let next: number | undefined;
    for (const item of this.items) {
      const end = item.last + this.hold;
      if (end > time && (next === undefined || end < next)) next = end;
    }
    return next;
  }

  private drop(time: number): void {
    this.items = this.items.filter((item) => item.last + this.hold > time);
  }

  private push(item: Held): void {
    this.items.push(item);
    // Only the newest items can show: older ones would drop off the bar's left end.
    if (this.items.length > 2 * MAX_ITEMS) this.items = this.items.slice(-MAX_ITEMS);
  }

  private add(token: KeyToken, time: number): void {
    this.pressed = true;
    const last = this.items[this.items.length - 1];
    if (token.kind === 'key') {
      if (last && last.key && last.name === token.name) {
        last.repeats++;
        last.last = time;
        return;
      }
      if (last) last.open = false;
      this.push({ text: token.name, key: true, open: false, repeats: 1, name: token.name, last: time });
      return;
    }
    if (token.kind === 'paste') {
      if (last) last.open = false;
      const chars = [...token.text.replace(/\s+/g, ' ').trim()];
      const text = chars.length > PASTE_SHOWN ? `${chars.slice(0, PASTE_SHOWN).join('')}…` : chars.join('');
      this.push({ text: `⎘ ${text}`.trimEnd(), key: true, open: false, repeats: 1, name: '', last: time });
      return;
    }
    // Words: a space closes the word it ends; text after it starts the next.
    const words = token.text.split(/( +)/);
    let item = last && last.open ? last : undefined;
    for (const part of words) {
      if (part === '') continue;
      if (part.startsWith(' ')) {
        if (item) item.open = false;
        item = undefined;
        continue;
      }
      if (item) {
        // A hidden run typed over several presses is one mask, however long.
        const text = item.text.endsWith(KEY_MASK) && part.startsWith(KEY_MASK) ? part.slice(KEY_MASK.length) : part;
        item.text += text;
        // A word longer than any bar keeps its end, which is what shows.
        if (item.text.length > 2 * MAX_WORD) item.text = `…${item.text.slice(-MAX_WORD)}`;
        item.last = time;
      } else {
        if (last) last.open = false;
        item = { text: part.length > MAX_WORD ? `…${part.slice(-MAX_WORD)}` : part, key: false, open: true, repeats: 1, name: '', last: time };
        this.push(item);
      }
    }
  }
}
