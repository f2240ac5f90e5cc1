/**
 * Seeded input generators shared by the short fuzz tests (vitest, TypeScript) and the long run
 * (scripts/fuzz.js, plain Node against dist/). Plain JavaScript so both can import it as is;
 * generators.d.ts gives the tests its types. Everything is a pure function of the seed, so a
 * failure is reproduced from its seed alone.
 */

/** mulberry32: small, fast, and good enough to spread inputs; not for anything secret. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    /** Inclusive range. */
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
  };
}

// ------------------------------------------------------------------ casts

/** Numbers that break naive code: huge, tiny, negative, non-finite spellings, exponent overflow. */
const NASTY_NUMBERS = [
  '0', '-0', '-1', '1e308', '1e309', '-1e309', '2e-324', '4294967296', '9007199254740993', '1e21',
  '99999999999', '-99999999999', '0.0000001', 'NaN', 'Infinity', '-Infinity', '1e-7', '123456789012345678901234567890',
  '3.4028236e38', '65535', '65536', '2147483648', '-2147483649',
];
/** Values of the wrong type for any field. */
const WRONG_TYPES = ['null', 'true', 'false', '{}', '[]', '"x"', '""', '[1,2,3]', '{"a":1}', '"\\u0000"', '"\\ud800"', '[null]'];
const CODES = ['"o"', '"i"', '"m"', '"r"', '"x"', '"q"', '""', '"oo"', '1', 'null'];
const RESIZES = ['"0x0"', '"1x1"', '"99999x99999"', '"80x"', '"x24"', '"-5x-5"', '"1000x500"', '"2000x1000"', '"  7 x 9 "', '"1e3x1e3"'];
const HEADER_FIELDS = [
  '"width"', '"height"', '"version"', '"idle_time_limit"', '"timestamp"', '"title"', '"env"', '"theme"', '"term"', '"cols"', '"rows"',
];

/** A string of `size` characters whose content stresses a terminal (escapes, wide chars) and JSON. */
function enormousString(r, size) {
  const unit = r.pick(['A', '\\u001b[', '\\u001b]0;', '\\u4e00', '\\ud83d\\ude00', '\\\\', '\\"', ' ', '\\n', '\\u001b[1;31m#']);
  return `"${unit.repeat(Math.max(1, Math.floor(size / unit.length)))}"`;
}

function deepJson(r) {
  const depth = r.pick([64, 1000, 5000, 20000, 100000]);
  const open = r.chance(0.5) ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + (r.chance(0.3) ? '' : `1${close.repeat(depth)}`);
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

/** Spans of JSON number text in `text`, outside strings as far as a quick scan can tell. */
function numberSpans(text) {
  const spans = [];
  const re = /-?\d+(\.\d+)?([eE][-+]?\d+)?/g;
  let m;
  while ((m = re.exec(text)) !== null && spans.length < 2000) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function spliceText(text, start, end, insert) {
  return text.slice(0, start) + insert + text.slice(end);
}

/** One mutation of a cast held as text; returns text or bytes (for byte-level damage). */
const TEXT_MUTATORS = [
  function hugeNumber(r, text) {
    const spans = numberSpans(text);
    if (spans.length === 0) return text;
    const [s, e] = r.pick(spans);
    return spliceText(text, s, e, r.pick(NASTY_NUMBERS));
  },
  function wrongType(r, text) {
    const spans = numberSpans(text);
    if (spans.length === 0) return text;
    const [s, e] = r.pick(spans);
    return spliceText(text, s, e, r.pick(WRONG_TYPES));
  },
  function stringToWrongType(r, text) {
    const re = /"(?:[^"\\]|\\.)*"/g;
    const spans = [];
    let m;
    while ((m = re.exec(text)) !== null && spans.length < 2000) spans.push([m.index, m.index + m[0].length]);
    if (spans.length === 0) return text;
    const [s, e] = r.pick(spans);
    return spliceText(text, s, e, r.pick([...WRONG_TYPES, ...NASTY_NUMBERS, ...CODES, ...RESIZES]));
  },
  function headerField(r, text) {
    const nl = text.indexOf('\n');
    const head = nl === -1 ? text : text.slice(0, nl);
    const field = r.pick(HEADER_FIELDS);
    const value = r.pick([...NASTY_NUMBERS, ...WRONG_TYPES, '{"cols":1e9,"rows":1e9}', '{"cols":-1}', '{"fg":1,"palette":"#zz"}']);
    const at = head.lastIndexOf('}');
    if (at === -1) return text;
    const patched = `${head.slice(0, at)},${field}:${value}${head.slice(at)}`;
    return nl === -1 ? patched : patched + text.slice(nl);
  },
  function eventLine(r, text) {
    const time = r.pick(NASTY_NUMBERS);
    const code = r.pick(CODES);
    const data = r.pick([...WRONG_TYPES, ...RESIZES, '"\\u001b[999999999;999999999H"', '"\\u001b[8;99999;99999t"', '"hello"']);
    const line = r.pick([`[${time}, ${code}, ${data}]`, `[${time}]`, `[${time}, ${code}]`, '[]', '{}', `[${time}, ${code}, ${data}, 1, 2]`]);
    const lines = text.split('\n');
    lines.splice(r.range(1, Math.max(1, lines.length)), 0, line);
    return lines.join('\n');
  },
  function enormous(r, text) {
    const size = r.pick([1 << 12, 1 << 16, 1 << 20]);
    const lines = text.split('\n');
    lines.splice(r.range(1, Math.max(1, lines.length)), 0, `[${r.range(0, 50) / 10}, "o", ${enormousString(r, size)}]`);
    return lines.join('\n');
  },
  function deep(r, text) {
    const lines = text.split('\n');
    const at = r.int(lines.length);
    lines[at] = r.chance(0.5) ? deepJson(r) : `[0.1, "o", ${deepJson(r)}]`;
    return lines.join('\n');
  },
  function truncate(r, text) {
    return text.slice(0, r.int(text.length + 1));
  },
  function dropLines(r, text) {
    const lines = text.split('\n');
    const n = r.range(1, Math.max(1, Math.floor(lines.length / 4)));
    lines.splice(r.int(lines.length), n);
    return lines.join('\n');
  },
  function duplicateLines(r, text) {
    const lines = text.split('\n');
    const i = r.int(lines.length);
    const copies = lines[i].length > 4096 ? 2 : r.pick([2, 10, 1000]);
    lines.splice(i, 0, ...Array(copies).fill(lines[i]));
    return lines.join('\n');
  },
  function shuffleLines(r, text) {
    const lines = text.split('\n');
    for (let k = 0; k < 4; k++) {
      const i = r.int(lines.length);
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return lines.join('\n');
  },
  function nonFiniteTime(r, text) {
    // JSON has no NaN or Infinity; recorders written in other languages still emit them.
    return text.replace(/\[\s*-?\d+(\.\d+)?/, `[${r.pick(['NaN', 'Infinity', '-Infinity', 'nan', 'inf', '1e999'])}`);
  },
  function versionSwap(r, text) {
    return text.replace(/"version"\s*:\s*\d+/, `"version": ${r.pick(['0', '1', '2', '3', '4', '"2"', '2.0', 'null', '1e400'])}`);
  },
  function junkPrefix(r, text) {
    return r.pick(['\uFEFF', '\uFEFF\uFEFF', '\n\n\n', '   ', '\r\n', '\u0000', '// x\n', ']', '[', '{', 'null\n', '[]\n']) + text;
  },
  function crlf(_r, text) {
    return text.replace(/\n/g, '\r\n');
  },
];

/** `bytes` with `insert` spliced in before index `at`. */
function insertAt(bytes, at, insert) {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}
const BYTE_MUTATORS = [
  function bitFlip(r, bytes) {
    const out = bytes.slice();
    const flips = r.range(1, 8);
    for (let i = 0; i < flips && out.length > 0; i++) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  function randomBytes(r, bytes) {
    const at = r.int(bytes.length + 1);
    const junk = new Uint8Array(r.range(1, 64));
    for (let i = 0; i < junk.length; i++) junk[i] = r.int(256);
    return insertAt(bytes, at, junk);
  },
  function invalidUtf8(r, bytes) {
    const seqs = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];
    const seq = r.pick(seqs);
    const at = r.int(bytes.length + 1);
    return insertAt(bytes, at, seq);
  },
  function truncateBytes(r, bytes) {
    return bytes.subarray(0, r.int(bytes.length + 1));
  },
  function gzipMagic(_r, bytes) {
    // Looks compressed but is not: the gzip branch of the reader must fail cleanly.
    return insertAt(bytes, 0, [0x1f, 0x8b]);
  },
];

/** Mutants stop growing past this, so a run's memory stays flat. */
const MAX_MUTANT_BYTES = 4 << 20;

/** Damages a real cast with 1-3 mutations; returns bytes and the mutations' names (for reports). */
export function mutateCast(r, original) {
  let bytes = typeof original === 'string' ? enc.encode(original) : original;
  const applied = [];
  const count = r.range(1, 3);
  for (let i = 0; i < count && bytes.length < MAX_MUTANT_BYTES; i++) {
    if (r.chance(0.7)) {
      const m = r.pick(TEXT_MUTATORS);
      applied.push(m.name);
      bytes = enc.encode(m(r, dec.decode(bytes)));
    } else {
      const m = r.pick(BYTE_MUTATORS);
      applied.push(m.name);
      bytes = m(r, bytes);
    }
  }
  return { bytes, applied };
}

// ------------------------------------------------------------------ terminal input

const ESC = '\x1b';
const CSI_FINALS = '@ABCDEFGHIJKLMPSTXZ`abcdefghijklmnpqrstuvwxyz{|}~';
const PARAM_VALUES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 24, 25, 38, 48, 58, 47, 1047, 1048, 1049, 6, 69, 3, 5, 2004, 255, 256, 65535, 65536, 999999999, 2147483647, 4294967296];

function params(r) {
  const n = r.pick([0, 1, 1, 2, 3, 5, 16, 40]);
  const out = [];
  for (let i = 0; i < n; i++) {
    let p = r.chance(0.15) ? '' : String(r.chance(0.5) ? r.pick(PARAM_VALUES) : r.int(300));
    if (r.chance(0.1)) p += `:${r.int(6)}:${r.int(256)}:${r.int(256)}`;
    out.push(p);
  }
  return out.join(';');
}

function sgr(r) {
  const forms = [
    () => `38;5;${r.int(300)}`, () => `48;2;${r.int(300)};${r.int(256)};${r.int(256)}`, () => `58:2::${r.int(256)}:${r.int(256)}:${r.int(256)}`,
    () => `4:${r.int(7)}`, () => String(r.int(110)), () => '38;2', () => '38;5', () => `38:2:${r.int(9999999)}`,
  ];
  const n = r.range(1, 6);
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(forms)());
  return `${ESC}[${out.join(';')}m`;
}

function osc(r) {
  const st = r.pick(['\x07', `${ESC}\\`, '\x9c', '']);
  // Now and then longer than the parser keeps (64 KB): most inputs stay short so a run covers more of them.
  const text = () => r.pick(['title', '<script>alert(1)</script>', '\u202e evil', '\ud800', 'x'.repeat(r.chance(0.05) ? 70000 : r.pick([1, 100]))]);
  const body = r.pick([
    () => `0;${text()}`, () => `2;${text()}`, () => `1;${text()}`,
    () => `4;${r.int(300)};${r.pick(['rgb:ff/00/00', '#123', '#123456789abc', 'rgb:fffff/0/0', 'junk', '?'])}`,
    () => `${r.pick([10, 11, 12])};${r.pick(['#fff', 'rgb:1/2/3', '?', ''])}`,
    () => `104;${r.int(300)}`, () => '104', () => `8;id=${r.int(9)};${r.pick(['javascript:alert(1)', 'https://example.com/', 'file:///etc/passwd'])}`,
    () => '8;;', () => `52;c;${r.pick(['aGVsbG8=', '?'])}`, () => `${r.int(1000)};${text()}`,
  ])();
  return `${ESC}]${body}${st}`;
}

function csi(r) {
  const prefix = r.pick(['', '', '', '?', '>', '<', '=']);
  const inter = r.pick(['', '', '', ' ', '!', '"', '$', "'", '*']);
  return `${ESC}[${prefix}${params(r)}${inter}${r.pick(CSI_FINALS.split(''))}`;
}

function mode(r) {
  const modes = [1, 3, 4, 5, 6, 7, 20, 25, 45, 47, 69, 1047, 1048, 1049, 2004, 2026, 12, 9, 1000, 1006];
  return `${ESC}[${r.chance(0.8) ? '?' : ''}${r.pick(modes)}${r.pick(['h', 'l'])}`;
}

function text(r) {
  return r.pick([
    () => 'hello world ', () => 'x'.repeat(r.range(1, 300)), () => '\u4e00\u4e8c\u4e09', () => 'e\u0301\u0302\u0303',
    () => '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67', () => '\ud83d\udc4d\ud83c\udffd', () => '\ud800', () => '\udfff',
    () => '\u202e\u2066bidi\u2069', () => '\ufeff\u200b\u00ad', () => String.fromCharCode(0x80 + r.int(32)),
    () => '\u2500\u2502\u250c', () => '\ufffd', () => '\u0000', () => 'a\u0308\u0308\u0308\u0308\u0308\u0308\u0308\u0308',
  ])();
}

function control(r) {
  return r.pick(['\r', '\n', '\t', '\b', '\x07', '\x0b', '\x0c', '\x0e', '\x0f', '\x18', '\x1a', '\x7f', '\x84', '\x85', '\x88', '\x8d', '\x90', '\x9b', '\x9d']);
}

function escape(r) {
  return r.pick([
    `${ESC}7`, `${ESC}8`, `${ESC}c`, `${ESC}D`, `${ESC}E`, `${ESC}H`, `${ESC}M`, `${ESC}#8`, `${ESC}(0`, `${ESC})0`, `${ESC}*B`, `${ESC}+A`,
    `${ESC}N`, `${ESC}O`, `${ESC}n`, `${ESC}o`, `${ESC}=`, `${ESC}>`, `${ESC}%G`, `${ESC} F`, `${ESC}6`, `${ESC}9`, `${ESC}V`, `${ESC}W`,
  ]);
}

function stringSeq(r) {
  const kind = r.pick(['P', 'X', '^', '_']);
  return `${ESC}${kind}${r.pick(['1$r', '+q544e', '$qm', 'q#0;2;0;0;0', ''])}${'z'.repeat(r.chance(0.1) ? 70000 : r.pick([0, 10, 300]))}${r.pick([`${ESC}\\`, '\x07', ''])}`;
}

function heavy(r) {
  // Sequences whose count could make a naive terminal loop or allocate per unit.
  const n = r.pick([65535, 999999999, 2147483647]);
  return r.pick([
    () => `X${ESC}[${n}b`, () => `${ESC}[${n}@`, () => `${ESC}[${n}P`, () => `${ESC}[${n}L`, () => `${ESC}[${n}M`,
    () => `${ESC}[${n}S`, () => `${ESC}[${n}T`, () => `${ESC}[${n}X`, () => `${ESC}[${n}I`, () => `${ESC}[${n}Z`,
    () => `${ESC}[8;${n};${n}t`, () => `${ESC}[${n};${n}r`, () => `${ESC}[?69h${ESC}[${n};${n}s`, () => `${ESC}[${n};${n}H`,
    () => `${ESC}[?3h`, () => `${ESC}[22;0t`.repeat(50), () => `${ESC}[${n}"q`, () => `${ESC}[${n}*x`, () => `${ESC}[1;1;${n};${n}$x`,
  ])();
}

const PIECES = [
  [text, 30], [control, 12], [csi, 20], [sgr, 10], [osc, 5], [mode, 6], [escape, 8], [stringSeq, 2], [heavy, 3],
];
const TOTAL_WEIGHT = PIECES.reduce((s, [, w]) => s + w, 0);

function piece(r) {
  let x = r.int(TOTAL_WEIGHT);
  for (const [gen, w] of PIECES) {
    if (x < w) return gen(r);
    x -= w;
  }
  return '';
}

/** Random bytes, read as a terminal reads them: each byte one code unit (latin1) or UTF-8 decoded. */
function randomBytes(r, length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = r.chance(0.3) ? r.pick([0x1b, 0x5b, 0x3b, 0x9b, 0x07, 0x5c, 0x5d, 0x0a]) : r.int(256);
  return r.chance(0.5) ? dec.decode(bytes) : String.fromCharCode(...bytes);
}

/**
 * One terminal input: random bytes or a grammar-built mix of text, controls and escape sequences,
 * split into the chunks it is fed in (sequences cut across feed() calls are a classic bug).
 */
export function terminalInput(r, maxPieces = 60) {
  const data = r.chance(0.25) ? randomBytes(r, r.range(1, 2000)) : Array.from({ length: r.range(1, maxPieces) }, () => piece(r)).join('');
  const chunks = [];
  let at = 0;
  while (at < data.length) {
    const size = r.chance(0.3) ? r.range(1, 8) : r.range(1, data.length);
    chunks.push(data.slice(at, at + size));
    at += size;
  }
  return { cols: r.pick([1, 2, 3, 10, 80, 80, 132, 500]), rows: r.pick([1, 2, 5, 24, 24, 50, 200]), chunks, resizes: r.chance(0.2) };
}

// ------------------------------------------------------------------ command lines

const THEMES = ['asciinema', 'dracula', 'monokai', 'solarized-dark', 'nope', '000000,ffffff', 'x,y,z', '/nonexistent.json', ''];
const TIMES = ['0', '0.5', '1', '3.3', '-1', 'abc', '1e9', 'marker:1', 'marker:', 'marker:nope', 'NaN', 'Infinity', ''];
const NUMBERS = ['0', '1', '2', '-1', '0.5', '1e9', 'NaN', 'Infinity', 'abc', '', '3', '300', '1e-9'];

const FLAGS = [
  () => ['--cols', pickN()], () => ['--rows', pickN()], () => ['--speed', pickN()], () => ['--idle-time-limit', pickN()],
  () => ['--fps-cap', pickN()], () => ['--last-frame-duration', pickN()], () => ['--from', pickT()], () => ['--to', pickT()],
  () => ['--at', pickT()], () => ['--loop', pickN()], () => ['--no-loop'], () => ['--theme', pickTheme()], () => ['--font-size', pickN()],
  () => ['--line-height', pickN()], () => ['--letter-spacing', pickN()], () => ['--scale', pickN()], () => ['--padding', pickPad()],
  () => ['--margin', pickN()], () => ['--margin-color', pickColor()], () => ['--window', pickWindow()], () => ['--title', pickTitle()],
  () => ['--border-radius', pickN()], () => ['--shadow'], () => ['--no-bold-is-bright'], () => ['--no-cursor'],
  () => ['--transparent-background'], () => ['--embed-font'], () => ['--format', pickFormat()], () => ['-q'], () => ['-v'],
  () => ['--bogus-flag'], () => ['--font-family', 'Nonexistent Font'],
];
let current;
const pickN = () => current.pick(NUMBERS);
const pickT = () => current.pick(TIMES);
const pickTheme = () => current.pick(THEMES);
const pickPad = () => current.pick(['0', '1,2', '5,', ',5', 'a,b', '-1,2', '1e9', '4,4,4']);
const pickColor = () => current.pick(['#fff', '#123456', 'red', 'nope', '#12345g', '']);
const pickWindow = () => current.pick(['colorful', 'plain', 'none', 'bogus']);
const pickTitle = () => current.pick(['t', '<script>alert(1)</script>', '\u202e\u2066', 'x'.repeat(500), '']);
const pickFormat = () => current.pick(['gif', 'svg', 'png', 'txt', 'jpeg']);

/**
 * Random flags for one CLI run; the caller adds input and output. Numbers stay mostly small so a
 * run is quick: the point is the combinations, not the sizes (limits have their own tests).
 */
export function cliFlags(r, maxFlags = 5) {
  current = r;
  const out = [];
  const n = r.range(0, maxFlags);
  for (let i = 0; i < n; i++) out.push(...r.pick(FLAGS)());
  current = undefined;
  return out;
}

// ------------------------------------------------------------------ other recording formats

/** Output events of an NDJSON cast (v2 or v3 clocks alike are read as absolute: only shapes matter here). */
function outputEvents(text) {
  const events = [];
  for (const line of text.split('\n').slice(1)) {
    try {
      const e = JSON.parse(line);
      if (Array.isArray(e) && typeof e[0] === 'number' && e[1] === 'o' && typeof e[2] === 'string') events.push([e[0], e[2]]);
    } catch {
      // not an event line
    }
  }
  return events.length > 0 ? events : [[0.1, 'hello'], [0.5, '\r\nworld']];
}

function ttyrecBytes(events) {
  const parts = [];
  for (const [time, data] of events) {
    const payload = enc.encode(data);
    const header = new DataView(new ArrayBuffer(12));
    header.setUint32(0, 1_600_000_000 + Math.floor(time), true);
    header.setUint32(4, Math.floor((time % 1) * 1e6), true);
    header.setUint32(8, payload.length, true);
    parts.push(new Uint8Array(header.buffer), payload);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function terminalizerText(events) {
  const lines = ['config:', '  cols: 40', '  rows: 8', 'records:'];
  let last = 0;
  for (const [time, data] of events) {
    lines.push(`  - delay: ${Math.round((time - last) * 1000)}`, `    content: ${JSON.stringify(data)}`);
    last = time;
  }
  return `${lines.join('\n')}\n`;
}

const YAML_MUTATORS = [
  (r, text) => text.replace(/delay: \d+/, `delay: ${r.pick(['-5', '1e400', '.inf', '.nan', 'null', '"x"', '[1]', '!!binary aGk=', '*nope'])}`),
  (r, text) => text.replace(/cols: \d+/, `cols: ${r.pick(['0', '-1', '100000', '1e9', '"80"', '&a 5', '[]'])}`),
  (r, text) => `${text}${r.pick(['extra: &x [1, *x]', 'records: []', '? [a]\n: b', '%YAML 1.1\n---', 'a: !!js/regexp /x/', '\t- tab'])}\n`,
  (r, text) => {
    const depth = r.pick([100, 5000, 50000]);
    return text.replace(/content: .*/, `content: ${'['.repeat(depth)}${']'.repeat(depth)}`);
  },
];

/**
 * A real cast's output turned into a ttyrec or Terminalizer recording, then damaged: so the
 * readers reached through format detection get inputs shaped like their own format.
 */
export function mutateRecording(r, castText, kind = r.pick(['ttyrec', 'terminalizer'])) {
  const events = outputEvents(typeof castText === 'string' ? castText : dec.decode(castText)).slice(0, 200);
  let bytes;
  const applied = [kind];
  if (kind === 'ttyrec') {
    bytes = ttyrecBytes(events);
  } else {
    const mutate = r.pick(YAML_MUTATORS);
    applied.push('yaml');
    bytes = enc.encode(mutate(r, terminalizerText(events)));
  }
  const count = r.range(0, 2);
  for (let i = 0; i < count; i++) {
    const m = r.pick(BYTE_MUTATORS);
    applied.push(m.name);
    bytes = m(r, bytes);
  }
  return { bytes, applied };
}
