import type { ScreenSnapshot } from '../term/cell.js';
import type { Terminal } from '../term/index.js';
import { charWidth } from '../term/unicode.js';
import { escapeSequence, isControl, PASTE_END, PASTE_START } from './decode.js';

/**
 * How long after a key press the screen has to show it, seconds. A local echo takes a millisecond;
 * a remote one (ssh) a round trip: a second covers slow links without reaching the next command.
 */
export const ECHO_WINDOW = 1;
/**
 * Characters waiting for the screen at most: a flood of keys at one instant (a recording's worth of
 * input with no output) costs no more than a person's typing. Past it, the oldest are hidden.
 */
const MAX_PENDING = 1024;
/** Characters of a paste judged: its first line's start is what the caption shows of it. */
const PASTE_JUDGED = 32;

/** A character typed or pasted, where it sits in its input event's data. */
export interface TypedChar {
  readonly event: number;
  readonly offset: number;
  readonly length: number;
  /** The paste this character belongs to (its index among the recording's pastes), if any. */
  readonly paste?: number;
}

interface Pending extends TypedChar {
  readonly ch: string;
  readonly width: number;
  readonly time: number;
  /** The cell an echo would print it in; null when it cannot be foreseen (after a key like ⏎ with text still unshown). */
  expected: { x: number; y: number } | null;
  /** Something was printed since the press: the first print is no longer to come. */
  sawPrint: boolean;
  /** A named key was pressed after it: the program's reaction is no longer its own. */
  barred: boolean;
}

/** Whether a screen differs from another in its cells or cursor. */
const differs = (a: ScreenSnapshot, b: ScreenSnapshot): boolean =>
  a.lines.length !== b.lines.length || a.lines.some((row, y) => row !== b.lines[y]) || a.cursor.x !== b.cursor.x || a.cursor.y !== b.cursor.y;

/**
 * Decides, for every character typed or pasted, whether the terminal showed it: the rule that keeps
 * passwords typed at prompts that do not echo (sudo, ssh, `read -s`, getpass) out of the keys bar.
 *
 * A character is shown when, within ECHO_WINDOW of its press,
 * - the terminal prints it in the cell where typed text goes (the cursor's cell at the press, moved
 *   on by the characters typed before it and not yet printed): the tty's echo, readline, an
 *   editor's insert mode, a highlighted paste; or
 * - it is the first character printed after the press, wherever that is, before any named key is
 *   pressed (vim's `:` and `/` jump to the bottom row); or
 * - a full-screen program (alternate screen) visibly reacts to it, without printing one repeated
 *   placeholder symbol (`*`, `•`) as password fields do: vim's `dd`, `gg`, less's `q`. The reaction
 *   must come before any named key (⏎, Esc) is pressed after it.
 * Anything else is hidden: no reaction at all, asterisks for letters, or a reaction on the normal
 * screen that does not draw the character.
 */
export class EchoJudge {
  private pending: Pending[] = [];
  private readonly shown = new Map<Pending, number>();
  private readonly hidden: TypedChar[] = [];
  /** Each paste's text, a range per input event it spans, judged or not: a paste is hidden or shown whole. */
  private readonly pasted: TypedChar[] = [];
  private inPaste = false;
  private pastes = 0;
  private pasteJudged = 0;
  private printedNow: string[] = [];
  private before: ScreenSnapshot | undefined;

  constructor(private readonly term: Terminal) {}

  /** An input event: its typed characters start waiting for the screen to show them. */
  press(event: number, data: string, time: number): void {
    this.expire(time);
    let i = 0;
    while (i < data.length) {
      if (this.inPaste) {
        const end = data.indexOf(PASTE_END, i);
        const stop = end < 0 ? data.length : end;
        if (stop > i) this.pasted.push({ event, offset: i, length: stop - i, paste: this.pastes });
        for (let j = i; j < stop && this.pasteJudged < PASTE_JUDGED; ) {
          const cp = data.codePointAt(j)!;
          const length = cp > 0xffff ? 2 : 1;
          if (isControl(cp)) {
            // A paste's later lines are judged with its first.
            this.pasteJudged = PASTE_JUDGED;
          } else {
            this.type(event, j, length, cp, time, this.pastes);
            this.pasteJudged++;
          }
          j += length;
        }
        if (end < 0) return;
        this.inPaste = false;
        this.pastes++;
        i = end + PASTE_END.length;
        continue;
      }
      const code = data.charCodeAt(i);
      if (code === 0x1b) {
        if (data.startsWith(PASTE_START, i)) {
          this.inPaste = true;
          this.pasteJudged = 0;
          i += PASTE_START.length;
          continue;
        }
        const seq = escapeSequence(data, i);
        if (seq.name !== undefined) this.bar();
        i += seq.text.length;
        continue;
      }
      if (isControl(code)) {
        this.bar();
        i++;
        continue;
      }
      const cp = data.codePointAt(i)!;
      const length = cp > 0xffff ? 2 : 1;
      this.type(event, i, length, cp, time);
      i += length;
    }
  }

  /** Before the terminal is fed an output event at `time`. */
  beforeOutput(time: number): void {
    this.expire(time);
    this.printedNow = [];
    const waiting = this.pending.some((p) => !p.barred);
    this.before = waiting && this.term.altScreen ? this.term.snapshot() : undefined;
  }

  /** The terminal's print hook: cells [from, to) of row y were just printed. */
  printed(y: number, from: number, to: number): void {
    for (let x = from; x < to; x++) {
      const text = this.term.cellText(x, y);
      if (text === '') continue;
      this.printedNow.push(text);
      this.cell(x, y, text);
    }
  }

  /** After the output event: a full-screen program's reaction shows the keys that caused it. */
  afterOutput(): void {
    const before = this.before;
    this.before = undefined;
    if (before === undefined || this.pending.length === 0) return;
    const first = this.printedNow[0];
    const placeholder = first !== undefined && !/[\p{L}\p{N}\s]/u.test(first) && this.printedNow.every((t) => t === first);
    // `before` was taken only on the alternate screen: the program may leave it in answer (nano's `n`).
    if (placeholder || !differs(before, this.term.snapshot())) return;
    for (const p of this.pending) if (!p.barred) this.shown.set(p, 0);
    this.pending = this.pending.filter((p) => p.barred);
  }

  /** The end of the recording: whatever is still waiting was never shown. */
  finish(): void {
    for (const p of this.pending) this.hidden.push(p);
    this.pending = [];
  }

  /** The characters the screen never showed, in press order (after finish). */
  hiddenChars(): readonly TypedChar[] {
    return this.hidden;
  }

  /** Every paste's ranges (after finish): a paste with any hidden character is hidden whole. */
  pastedChars(): readonly TypedChar[] {
    return this.pasted;
  }

  /** The characters shown by being printed, and the origin of the cell that printed each (0 when shown by a reaction). */
  shownChars(): ReadonlyMap<TypedChar, number> {
    return this.shown;
  }

  private type(event: number, offset: number, length: number, cp: number, time: number, paste?: number): void {
    const width = Math.max(1, charWidth(cp));
    // Characters typed before a named key are not in the same flow of text: only later ones are.
    const last = this.pending.findLast((p) => !p.barred);
    let expected: Pending['expected'];
    if (last === undefined) {
      const cursor = this.term.cursor;
      expected = { x: cursor.x, y: cursor.y };
    } else expected = last.expected === null ? null : this.after(last.expected.x, last.expected.y, last.width);
    this.pending.push({ event, offset, length, ch: String.fromCodePoint(cp), width, time, expected, sawPrint: false, barred: false, ...(paste === undefined ? {} : { paste }) });
    if (this.pending.length > MAX_PENDING) this.hidden.push(this.pending.shift()!);
  }

  private bar(): void {
    for (const p of this.pending) p.barred = true;
  }

  private after(x: number, y: number, width: number): { x: number; y: number } {
    const next = x + width;
    if (next < this.term.cols) return { x: next, y };
    return { x: 0, y: Math.min(y + 1, this.term.rows - 1) };
  }

  private cell(x: number, y: number, text: string): void {
    const base = String.fromCodePoint(text.codePointAt(0)!);
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i]!;
      const atExpected = p.expected !== null && p.expected.x === x && p.expected.y === y;
      if (base === p.ch && (atExpected || (!p.sawPrint && !p.barred))) {
        this.shown.set(p, this.term.originAt(x, y));
        this.pending.splice(i, 1);
        // What was typed after it follows it on screen.
        let at = this.after(x, y, p.width);
        for (const q of this.pending.slice(i)) {
          if (q.barred !== p.barred) break;
          q.expected = at;
          at = this.after(at.x, at.y, q.width);
        }
        break;
      }
      if (atExpected) {
        // Something else took its cell: an asterisk for a letter.
        this.hidden.push(p);
        this.pending.splice(i, 1);
        break;
      }
    }
    for (const p of this.pending) p.sawPrint = true;
  }

  private expire(now: number): void {
    while (this.pending.length > 0 && this.pending[0]!.time + ECHO_WINDOW < now) this.hidden.push(this.pending.shift()!);
  }
}
