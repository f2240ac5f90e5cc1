import { Params } from './params.js';

/**
 * The VT500-series escape sequence state machine (after Paul Williams' DEC parser diagram), driven
 * by a transition table. It never throws and never buffers more than a bounded amount: unknown or
 * malformed sequences are consumed and dropped.
 */
export const enum State {
  Ground,
  Escape,
  EscapeIntermediate,
  CsiEntry,
  CsiParam,
  CsiIntermediate,
  CsiIgnore,
  DcsEntry,
  DcsParam,
  DcsIntermediate,
  DcsPassthrough,
  DcsIgnore,
  OscString,
  SosPmApcString,
}
const STATE_COUNT = 14;

const enum Action {
  None,
  Print,
  Execute,
  Collect,
  Param,
  EscDispatch,
  CsiDispatch,
  OscPut,
  OscEnd,
  Put,
}

/** What the parser calls; the terminal implements it. */
export interface ParserHandler {
  /**
   * Print the UTF-16 text starting at `codes[start]`, up to the first control character (C0, DEL,
   * C1) or `end`, and return the index where printing stopped. A high surrogate that is the last
   * code unit before `end` is left unprinted (its low half may come with the next chunk).
   */
  print(codes: Uint16Array, start: number, end: number): number;
  execute(code: number): void;
  /** `collected` holds prefix and intermediate bytes, the first in the lowest byte. */
  csi(final: number, collected: number, params: Params): void;
  esc(final: number, collected: number): void;
  osc(data: string): void;
}

/** OSC payloads longer than this are truncated (hyperlink URLs and titles fit easily). */
const MAX_OSC = 65536;
/** Code units at or above this one share a column in the table: they only ever print or pass through. */
const HIGH = 0xa0;

function buildTable(): Uint8Array {
  const table = new Uint8Array(STATE_COUNT * 256);
  const set = (state: State, from: number, to: number, action: Action, next: State): void => {
    for (let c = from; c <= to; c++) table[(state << 8) | c] = (action << 4) | next;
  };
  for (let s = 0; s < STATE_COUNT; s++) {
    // Defaults: ignore, stay.
    set(s, 0, 0xff, Action.None, s);
    // C0 controls act inside every sequence, except in strings where they are ignored.
    const inString = s === State.OscString || s === State.SosPmApcString || s >= State.DcsEntry;
    if (!inString) {
      set(s, 0x00, 0x17, Action.Execute, s);
      set(s, 0x19, 0x19, Action.Execute, s);
      set(s, 0x1c, 0x1f, Action.Execute, s);
    }
    // "Anywhere" transitions.
    set(s, 0x18, 0x18, Action.Execute, State.Ground);
    set(s, 0x1a, 0x1a, Action.Execute, State.Ground);
    set(s, 0x1b, 0x1b, Action.None, State.Escape);
    set(s, 0x80, 0x8f, Action.Execute, State.Ground);
    set(s, 0x91, 0x97, Action.Execute, State.Ground);
    set(s, 0x99, 0x9a, Action.Execute, State.Ground);
    set(s, 0x9c, 0x9c, Action.None, State.Ground);
    set(s, 0x90, 0x90, Action.None, State.DcsEntry);
    set(s, 0x9b, 0x9b, Action.None, State.CsiEntry);
    set(s, 0x9d, 0x9d, Action.None, State.OscString);
    set(s, 0x98, 0x98, Action.None, State.SosPmApcString);
    set(s, 0x9e, 0x9f, Action.None, State.SosPmApcString);
  }
  set(State.Ground, 0x20, 0x7e, Action.Print, State.Ground);
  set(State.Ground, HIGH, 0xff, Action.Print, State.Ground);

  set(State.Escape, 0x20, 0x2f, Action.Collect, State.EscapeIntermediate);
  set(State.Escape, 0x30, 0x7e, Action.EscDispatch, State.Ground);
  set(State.Escape, 0x5b, 0x5b, Action.None, State.CsiEntry);
  set(State.Escape, 0x5d, 0x5d, Action.None, State.OscString);
  set(State.Escape, 0x50, 0x50, Action.None, State.DcsEntry);
  set(State.Escape, 0x58, 0x58, Action.None, State.SosPmApcString);
  set(State.Escape, 0x5e, 0x5f, Action.None, State.SosPmApcString);

  set(State.EscapeIntermediate, 0x20, 0x2f, Action.Collect, State.EscapeIntermediate);
  set(State.EscapeIntermediate, 0x30, 0x7e, Action.EscDispatch, State.Ground);

  set(State.CsiEntry, 0x20, 0x2f, Action.Collect, State.CsiIntermediate);
  set(State.CsiEntry, 0x30, 0x3b, Action.Param, State.CsiParam);
  set(State.CsiEntry, 0x3c, 0x3f, Action.Collect, State.CsiParam);
  set(State.CsiEntry, 0x40, 0x7e, Action.CsiDispatch, State.Ground);

  set(State.CsiParam, 0x20, 0x2f, Action.Collect, State.CsiIntermediate);
  set(State.CsiParam, 0x30, 0x3b, Action.Param, State.CsiParam);
  set(State.CsiParam, 0x3c, 0x3f, Action.None, State.CsiIgnore);
  set(State.CsiParam, 0x40, 0x7e, Action.CsiDispatch, State.Ground);

  set(State.CsiIntermediate, 0x20, 0x2f, Action.Collect, State.CsiIntermediate);
  set(State.CsiIntermediate, 0x30, 0x3f, Action.None, State.CsiIgnore);
  set(State.CsiIntermediate, 0x40, 0x7e, Action.CsiDispatch, State.Ground);

  set(State.CsiIgnore, 0x40, 0x7e, Action.None, State.Ground);

  // DCS payloads (sixel, DECRQSS, tmux passthrough) matter only to a live terminal: consumed, unused.
  set(State.DcsEntry, 0x20, 0x2f, Action.None, State.DcsIntermediate);
  set(State.DcsEntry, 0x30, 0x3b, Action.None, State.DcsParam);
  set(State.DcsEntry, 0x3c, 0x3f, Action.None, State.DcsParam);
  set(State.DcsEntry, 0x40, 0x7e, Action.None, State.DcsPassthrough);
  set(State.DcsParam, 0x20, 0x2f, Action.None, State.DcsIntermediate);
  set(State.DcsParam, 0x3c, 0x3f, Action.None, State.DcsIgnore);
  set(State.DcsParam, 0x40, 0x7e, Action.None, State.DcsPassthrough);
  set(State.DcsIntermediate, 0x30, 0x3f, Action.None, State.DcsIgnore);
  set(State.DcsIntermediate, 0x40, 0x7e, Action.None, State.DcsPassthrough);
  set(State.DcsPassthrough, 0x00, 0x17, Action.Put, State.DcsPassthrough);

  set(State.OscString, 0x07, 0x07, Action.OscEnd, State.Ground);
  set(State.OscString, 0x20, 0x7f, Action.OscPut, State.OscString);
  set(State.OscString, HIGH, 0xff, Action.OscPut, State.OscString);
  // ST (0x9c) and ESC end an OSC string too; handled on leaving the state.
  return table;
}

const TABLE = buildTable();

/** Code units parsed per step; long inputs are taken in windows of this size. */
const WINDOW = 16384;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codesToString(codes: Uint16Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...codes.subarray(i, Math.min(end, i + 4096)));
  return s;
}

export class Parser {
  private state: State = State.Ground;
  private readonly params = new Params();
  private collected = 0;
  private osc = '';
  private oscOpen = false;
  /** A high surrogate that ended the previous chunk, waiting for its low half; -1 when none. */
  private carry = -1;
  /**
   * Where the chunk being parsed starts in everything fed so far, in UTF-16 code units (its first
   * unit may be a high surrogate carried over from the previous chunk).
   */
  origin = 0;
  private fed = 0;
  /** The chunk being parsed, as UTF-16 code units (see feed). */
  private codes = new Uint16Array(WINDOW + 1);
  private readonly bytes = Buffer.from(this.codes.buffer);

  constructor(private readonly handler: ParserHandler) {}

  reset(): void {
    this.state = State.Ground;
    this.osc = '';
    this.oscOpen = false;
    this.carry = -1;
  }

  /**
   * Input is copied into a typed array before parsing (natively, window by window): reading code
   * units from one array type keeps the hot loops fast whatever representation V8 chose for each
   * string (one- or two-byte, sliced, concatenated), where charCodeAt would see them all.
   */
  feed(input: string): void {
    for (let at = 0; at < input.length; at += WINDOW) {
      const part = input.length <= WINDOW ? input : input.substring(at, at + WINDOW);
      let n = 0;
      this.origin = this.fed + at;
      if (this.carry >= 0) {
        this.codes[n++] = this.carry;
        this.carry = -1;
        this.origin--;
      }
      if (LITTLE_ENDIAN) this.bytes.write(part, n * 2, 'utf16le');
      else for (let i = 0; i < part.length; i++) this.codes[n + i] = part.charCodeAt(i);
      this.parse(this.codes, n + part.length);
    }
    this.fed += input.length;
  }

  private parse(data: Uint16Array, n: number): void {
    const h = this.handler;
    let state = this.state;
    let i = 0;
    while (i < n) {
      const c = data[i];
      if (state === State.Ground && c >= 0x20 && c !== 0x7f && (c < 0x80 || c >= HIGH)) {
        // The handler prints as far as the text goes and says where it stopped, so the text is read once.
        const j = h.print(data, i, n);
        if (j === i) {
          // Only a high surrogate ending the chunk is left unprinted: it waits for its other half.
          this.carry = data[i];
          i = n;
        } else i = j;
        continue;
      }
      if (c === 0x1b && state === State.Ground && i + 1 < n && data[i + 1] === 0x5b) {
        // ESC [ from ground, the start of nearly every sequence: enter CSI without two table steps.
        this.collected = 0;
        this.params.reset();
        state = State.CsiEntry;
        i += 2;
        continue;
      }
      if (state === State.OscString && c >= 0x20 && c !== 0x9c && (c < 0x80 || c >= HIGH)) {
        let j = i + 1;
        while (j < n) {
          const d = data[j];
          if (d < 0x20 || d === 0x9c || (d >= 0x80 && d < HIGH)) break;
          j++;
        }
        if (this.osc.length < MAX_OSC) this.osc += codesToString(data, i, Math.min(j, i + MAX_OSC - this.osc.length));
        i = j;
        continue;
      }
      if ((state === State.CsiEntry || state === State.CsiParam) && c >= 0x30 && c <= 0x3b) {
        // Parameters are most of the bytes in colourful output: read them in one tight loop.
        const params = this.params;
        let j = i;
        let d = c;
        for (;;) {
          if (d <= 0x39) params.digit(d - 0x30);
          else if (d === 0x3b) params.separator();
          else params.subSeparator();
          if (++j === n) break;
          d = data[j];
          if (d < 0x30 || d > 0x3b) break;
        }
        state = State.CsiParam;
        i = j;
        if (j < n && d >= 0x40 && d <= 0x7e) {
          params.finish();
          h.csi(d, this.collected, params);
          state = State.Ground;
          i++;
        }
        continue;
      }
      const t = TABLE[(state << 8) | (c < HIGH ? c : HIGH)];
      const next = (t & 15) as State;
      switch (t >> 4) {
        case Action.Execute:
          h.execute(c);
          break;
        case Action.Print:
          break; // unreachable: printable text in ground is taken by the fast path above
        case Action.Collect:
          // Four bytes are plenty for any real sequence; longer ones become unrecognisable, as they should.
          this.collected = this.collected < 0x1000000 ? (this.collected << 8) | c : 0x7fffffff;
          break;
        case Action.Param:
          if (c <= 0x39) this.params.digit(c - 0x30);
          else if (c === 0x3b) this.params.separator();
          else this.params.subSeparator();
          break;
        case Action.EscDispatch:
          h.esc(c, this.collected);
          break;
        case Action.CsiDispatch:
          this.params.finish();
          h.csi(c, this.collected, this.params);
          break;
        case Action.OscPut:
          if (this.osc.length < MAX_OSC) this.osc += String.fromCharCode(c);
          break;
        case Action.OscEnd:
          this.oscOpen = false;
          h.osc(this.osc);
          this.osc = '';
          break;
        default:
          break;
      }
      if (next !== state) {
        if (state === State.OscString && this.oscOpen) {
          // ESC (the start of ST) or 0x9c ends the string; CAN and SUB abort it.
          this.oscOpen = false;
          if (c === 0x1b || c === 0x9c) h.osc(this.osc);
          this.osc = '';
        }
        switch (next) {
          case State.Escape:
          case State.CsiEntry:
          case State.DcsEntry:
            this.collected = 0;
            this.params.reset();
            break;
          case State.OscString:
            this.osc = '';
            this.oscOpen = true;
            break;
          default:
            break;
        }
        state = next;
      }
      i++;
    }
    this.state = state;
  }
}
