import type { Cast, CastEvent, CastHeader } from '../cast/events.js';
import { EchoJudge, type TypedChar } from '../keys/echo.js';
import { KEY_MASK } from '../keys/mask.js';
import { Terminal } from '../term/index.js';
import { BUILTIN_SECRETS, maskString, parseRedactPattern, type SecretPattern } from './redact/patterns.js';
import { ScreenScanner, type CellAt } from './redact/screen-scanner.js';

export interface ProtectOptions {
  /** --redact: patterns (JavaScript regular expressions, `/…/flags` for flags) masked wherever the screen shows them. */
  readonly redact?: readonly string[];
  /** --redact-secrets: the built-in credential patterns masked too. */
  readonly redactSecrets?: boolean;
  /** Judge typed keys by what the screen showed (for the keys bar, and for input events written out). */
  readonly judgeKeys?: boolean;
  readonly onWarning?: (message: string) => void;
}

/** A masked cell prints this instead of its character: the same width, in the cell's own colours. */
const MASK_NARROW = '*';
const MASK_WIDE = '\uff0a';
/** Within a hidden run typed over many presses, one mask event a second at most (and the run's last). */
const MASK_REFRESH = 1;

const seconds = (time: number): string => `${Math.round(time * 10) / 10} s`;

/**
 * What leaves the recording never shows more than its terminal did. Returns the recording with
 * - every --redact (and with --redact-secrets, every known credential) match on screen masked at
 *   its source: the output characters that drew a matched cell print `*` instead, from the moment
 *   they were printed, so a secret printed piece by piece never shows in part;
 * - typed characters the screen never showed (a password at a prompt that does not echo) and typed
 *   characters whose echo is masked, replaced by one fixed mask per run;
 * - the header's title, command and env, marker labels, window titles (OSC 0/2) and hyperlink
 *   targets (OSC 8), masked alike.
 * Every output format renders the returned recording, the `.cast` writer included, so a redacted
 * `.cast` renders to the same pictures. Without masking, it only warns (once per kind, at the
 * first time it shows) of known credentials on screen.
 */
export async function protect(cast: Cast, options: ProtectOptions): Promise<Cast> {
  const masks: SecretPattern[] = [...(options.redact ?? []).map(parseRedactPattern), ...(options.redactSecrets ? BUILTIN_SECRETS : [])];
  const warnOnly = options.redactSecrets ? [] : BUILTIN_SECRETS;
  const warned = new Set<string>();
  const warn = (pattern: SecretPattern, time: number): void => {
    if (warned.has(pattern.kind)) return;
    warned.add(pattern.kind);
    options.onWarning?.(`what looks like ${pattern.kind} is on screen at ${seconds(time)}; --redact-secrets masks it`);
  };
  if (masks.length === 0 && !options.judgeKeys) return { header: cast.header, events: watched(cast, warnOnly, warn) };

  const events: CastEvent[] = [];
  for await (const event of cast.events) events.push(event);
  const masking = new Set(masks);
  let judge: EchoJudge | undefined;
  const term = new Terminal({
    cols: cast.header.cols,
    rows: cast.header.rows,
    trackOrigins: masks.length > 0,
    onPrint: options.judgeKeys ? (y, from, to) => judge!.printed(y, from, to) : undefined,
  });
  if (options.judgeKeys) judge = new EchoJudge(term);
  const scanner = new ScreenScanner([...masks, ...warnOnly]);
  /** Masked cells' origins, and the width each prints at. */
  const masked = new Map<number, number>();
  const bases: number[] = [];
  let fed = 0;
  events.forEach((event, index) => {
    if (event.kind === 'output') {
      bases[index] = fed;
      judge?.beforeOutput(event.time);
      term.feed(event.data);
      fed += event.data.length;
      judge?.afterOutput();
      const screen = term.snapshot();
      scanner.scan(term, screen, (pattern, cells: CellAt[]) => {
        if (!masking.has(pattern)) {
          // Masked already by a pattern of the user's: nothing to warn of.
          if (!cells.every(({ x, y }) => masked.has(term.originAt(x, y)))) warn(pattern, event.time);
          return;
        }
        for (const { x, y } of cells) {
          const origin = term.originAt(x, y);
          if (origin > 0) masked.set(origin, screen.lines[y]!.cells[x]!.width === 2 ? 2 : 1);
        }
      });
    } else if (event.kind === 'input') judge?.press(index, event.data, event.time);
    else if (event.kind === 'resize') term.resize(event.cols, event.rows);
  });
  judge?.finish();

  const outputEdits = editsByEvent(events, bases, masked, term.joinedOrigins);
  const inputMasks = judge ? hiddenInput(judge, masked) : new Map<number, TypedChar[]>();
  const header = maskedHeader(cast.header, masks);
  return { header, events: rewritten(events, outputEdits, inputMasks, masks) };
}

/** The events as they are, with known credentials looked for on screen as they pass. */
async function* watched(cast: Cast, patterns: readonly SecretPattern[], warn: (pattern: SecretPattern, time: number) => void): AsyncGenerator<CastEvent> {
  const term = new Terminal({ cols: cast.header.cols, rows: cast.header.rows });
  const scanner = new ScreenScanner(patterns);
  for await (const event of cast.events) {
    if (event.kind === 'output') {
      term.feed(event.data);
      scanner.scan(term, term.snapshot(), (pattern) => warn(pattern, event.time));
    } else if (event.kind === 'resize') term.resize(event.cols, event.rows);
    yield event;
  }
}

/** A change to one output event: the character at `offset` printed as `text` ('' drops a mark joined to a masked cell). */
interface Edit {
  readonly offset: number;
  readonly text: string;
}

function editsByEvent(events: readonly CastEvent[], bases: readonly number[], masked: ReadonlyMap<number, number>, joins: ReadonlyMap<number, number>): Map<number, Edit[]> {
  const all: { at: number; text: string }[] = [];
  for (const [origin, width] of masked) all.push({ at: origin - 1, text: width === 2 ? MASK_WIDE : MASK_NARROW });
  for (const [join, base] of joins) if (masked.has(base)) all.push({ at: join - 1, text: '' });
  all.sort((a, b) => a.at - b.at);
  const edits = new Map<number, Edit[]>();
  let next = 0;
  events.forEach((event, index) => {
    if (event.kind !== 'output') return;
    const base = bases[index]!;
    const end = base + event.data.length;
    while (next < all.length && all[next]!.at < base) next++;
    const mine: Edit[] = [];
    for (; next < all.length && all[next]!.at < end; next++) mine.push({ offset: all[next]!.at - base, text: all[next]!.text });
    if (mine.length > 0) edits.set(index, mine);
  });
  return edits;
}

/** Typed characters to mask, by input event: never shown, shown but masked on screen, or in a hidden paste. */
function hiddenInput(judge: EchoJudge, masked: ReadonlyMap<number, number>): Map<number, TypedChar[]> {
  const hidden: TypedChar[] = [...judge.hiddenChars()];
  for (const [char, origin] of judge.shownChars()) if (origin > 0 && masked.has(origin)) hidden.push(char);
  const hiddenPastes = new Set(hidden.flatMap((c) => (c.paste === undefined ? [] : [c.paste])));
  const byEvent = new Map<number, TypedChar[]>();
  const add = (c: TypedChar): void => {
    const list = byEvent.get(c.event);
    if (list) list.push(c);
    else byEvent.set(c.event, [c]);
  };
  for (const c of hidden) if (c.paste === undefined) add(c);
  for (const c of judge.pastedChars()) if (hiddenPastes.has(c.paste!)) add(c);
  // A judged pasted character lies inside its paste's range too: overlapping ranges become one.
  for (const [event, list] of byEvent) {
    list.sort((a, b) => a.offset - b.offset || b.length - a.length);
    const merged: TypedChar[] = [];
    for (const c of list) {
      const last = merged[merged.length - 1];
      if (last !== undefined && c.offset < last.offset + last.length) {
        if (c.offset + c.length > last.offset + last.length) merged[merged.length - 1] = { ...last, length: c.offset + c.length - last.offset };
      } else merged.push(c);
    }
    byEvent.set(event, merged);
  }
  return byEvent;
}

/** Output with its masked characters replaced. */
function editOutput(data: string, edits: readonly Edit[]): string {
  let out = '';
  let from = 0;
  for (const { offset, text } of edits) {
    const cp = data.codePointAt(offset)!;
    out += data.slice(from, offset) + text;
    from = offset + (cp > 0xffff ? 2 : 1);
  }
  return out + data.slice(from);
}

/** OSC 0/1/2 (window titles) and OSC 8 (hyperlinks): text a terminal shows or follows that is no cell. */
const CONTROL_STRING = /\x1b\]([0128]);([^\x07\x1b]*)(\x07|\x1b\\)/g;

/** Titles and link targets with the patterns' matches masked, as the header's title is. */
function maskControlStrings(data: string, masks: readonly SecretPattern[]): string {
  if (masks.length === 0 || !data.includes('\x1b]')) return data;
  return data.replace(CONTROL_STRING, (_, code: string, text: string, end: string) => {
    if (code !== '8') return `\x1b]${code};${maskString(text, masks)}${end}`;
    // OSC 8: params;URI. The URI is masked as a whole string.
    const split = text.indexOf(';');
    return split < 0 ? `\x1b]8;${text}${end}` : `\x1b]8;${text.slice(0, split + 1)}${maskString(text.slice(split + 1), masks)}${end}`;
  });
}

/** Input with each run of hidden characters (adjacent in the data) replaced by one mask. */
function maskInput(data: string, hidden: readonly TypedChar[]): string {
  let out = '';
  let from = 0;
  let runEnd = -1;
  for (const { offset, length } of hidden) {
    if (offset !== runEnd) {
      out += data.slice(from, offset) + KEY_MASK;
    }
    runEnd = offset + length;
    from = runEnd;
  }
  return out + data.slice(from);
}

async function* rewritten(events: readonly CastEvent[], outputEdits: Map<number, Edit[]>, inputMasks: Map<number, TypedChar[]>, masks: readonly SecretPattern[]): AsyncGenerator<CastEvent> {
  const inputs: { index: number; data: string }[] = [];
  events.forEach((event, index) => {
    if (event.kind !== 'input') return;
    const hidden = inputMasks.get(index);
    inputs.push({ index, data: hidden ? maskInput(event.data, hidden) : event.data });
  });
  const dropped = thinnedMasks(events, inputs);
  let nextInput = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (event.kind === 'output') {
      const edits = outputEdits.get(index);
      const data = maskControlStrings(edits ? editOutput(event.data, edits) : event.data, masks);
      yield data === event.data ? event : { ...event, data };
    } else if (event.kind === 'input') {
      const { data } = inputs[nextInput++]!;
      if (!dropped.has(index)) yield data === event.data ? event : { ...event, data };
    } else if (event.kind === 'marker' && masks.length > 0) {
      yield { ...event, label: maskString(event.label, masks) };
    } else yield event;
  }
}

/**
 * A hidden run typed key by key is one mask event per press: each press would leak the run's
 * length. Within a run of mask-only input events, one is kept a second (so the bar's mask stays up
 * while typing goes on) and the run's last; the others are dropped.
 */
function thinnedMasks(events: readonly CastEvent[], inputs: readonly { index: number; data: string }[]): Set<number> {
  const dropped = new Set<number>();
  let keptAt: number | undefined;
  inputs.forEach(({ index, data }, i) => {
    if (data !== KEY_MASK) {
      keptAt = undefined;
      return;
    }
    const time = events[index]!.time;
    const next = inputs[i + 1];
    const last = next === undefined || next.data !== KEY_MASK;
    if (keptAt !== undefined && time - keptAt < MASK_REFRESH && !last) dropped.add(index);
    else keptAt = time;
  });
  return dropped;
}

function maskedHeader(header: CastHeader, masks: readonly SecretPattern[]): CastHeader {
  if (masks.length === 0) return header;
  const mask = (text: string | undefined) => (text === undefined ? undefined : maskString(text, masks));
  return {
    ...header,
    ...(header.title === undefined ? {} : { title: mask(header.title)! }),
    ...(header.command === undefined ? {} : { command: mask(header.command)! }),
    ...(header.env === undefined ? {} : { env: Object.fromEntries(Object.entries(header.env).map(([k, v]) => [k, maskString(v, masks)])) }),
  };
}
