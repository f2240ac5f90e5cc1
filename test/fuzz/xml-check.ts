/**
 * A strict XML 1.0 well-formedness check for our SVGs, with the parts a safety scan needs: every
 * element with its attributes, and the character data. Own code rather than a dependency: the
 * SVGs use a small part of XML, and the check must be stricter than browsers are (they recover
 * from errors silently), e.g. on characters XML forbids and on any DTD, which we never write.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** Character data directly inside this element (text and CDATA), entities resolved. */
  text: string;
}

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;

/** XML 1.0 Char: no C0 controls but tab, LF, CR; no lone surrogates; no U+FFFE/U+FFFF. */
function badCharAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

function validCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function resolveEntities(text: string, at: number): string {
  return text.replace(/&([^;]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new XmlError(`a bare & near offset ${at}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!m) throw new XmlError(`unknown entity ${whole} near offset ${at}`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!validCodePoint(cp)) throw new XmlError(`character reference ${whole} is not an XML character`);
    return String.fromCodePoint(cp);
  });
}

/** Parses `bytes` (UTF-8) strictly; throws XmlError at the first fault. */
export function parseXml(bytes: Uint8Array | string): XmlElement[] {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new XmlError('not valid UTF-8');
  }
  const bad = badCharAt(text);
  if (bad !== -1) throw new XmlError(`character U+${text.charCodeAt(bad).toString(16).padStart(4, '0')} at offset ${bad} is not allowed in XML`);
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end === -1) throw new XmlError('unterminated XML declaration');
    i = end + 2;
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    if (chunk !== '') {
      if (open.length === 0) {
        if (chunk.trim() !== '') throw new XmlError(`text outside the root element at offset ${i}`);
      } else {
        if (chunk.includes(']]>')) throw new XmlError(`"]]>" in text at offset ${i}`);
        open[open.length - 1]!.text += resolveEntities(chunk, i);
      }
    }
    if (lt === -1) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) throw new XmlError('unterminated comment');
      if (text.slice(i + 4, end).includes('--')) throw new XmlError('"--" inside a comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (open.length === 0) throw new XmlError('CDATA outside the root element');
      const end = text.indexOf(']]>', i);
      if (end === -1) throw new XmlError('unterminated CDATA section');
      open[open.length - 1]!.text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      throw new XmlError(`a DTD or declaration at offset ${i}: never written by us, and a door to entity expansion`);
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end === -1) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (text.startsWith('</', i)) {
      const name = NAME.exec(text.slice(i + 2, i + 202))?.[0];
      const close = text.indexOf('>', i);
      if (!name || close === -1 || text.slice(i + 2 + name.length, close).trim() !== '') throw new XmlError(`bad end tag at offset ${i}`);
      const top = open.pop();
      if (!top || top.name !== name) throw new XmlError(`</${name}> at offset ${i} closes <${top?.name ?? 'nothing'}>`);
      i = close + 1;
    } else {
      i = startTag(text, i, elements, open, () => {
        if (open.length === 0 && ++roots > 1) throw new XmlError('more than one root element');
      });
    }
  }
  if (open.length > 0) throw new XmlError(`<${open[open.length - 1]!.name}> is never closed`);
  if (roots !== 1) throw new XmlError('no root element');
  return elements;
}

function startTag(text: string, at: number, elements: XmlElement[], open: XmlElement[], onRoot: () => void): number {
  const name = NAME.exec(text.slice(at + 1, at + 201))?.[0];
  if (!name) throw new XmlError(`bad start tag at offset ${at}`);
  onRoot();
  const attributes = new Map<string, string>();
  let i = at + 1 + name.length;
  for (;;) {
    const spaceStart = i;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('/>', i) || text[i] === '>') break;
    if (i === spaceStart) throw new XmlError(`attributes of <${name}> at offset ${i} are not separated by space`);
    const attr = NAME.exec(text.slice(i, i + 200))?.[0];
    if (!attr) throw new XmlError(`bad attribute in <${name}> at offset ${i}`);
    i += attr.length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') throw new XmlError(`attribute ${attr} of <${name}> has no value`);
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") throw new XmlError(`attribute ${attr} of <${name}> is not quoted`);
    const end = text.indexOf(quote, i + 1);
    if (end === -1) throw new XmlError(`attribute ${attr} of <${name}> never ends`);
    const raw = text.slice(i + 1, end);
    if (raw.includes('<')) throw new XmlError(`"<" in attribute ${attr} of <${name}>`);
    if (attributes.has(attr)) throw new XmlError(`attribute ${attr} twice in <${name}>`);
    attributes.set(attr, resolveEntities(raw, i));
    i = end + 1;
  }
  const element: XmlElement = { name, attributes, text: '' };
  elements.push(element);
  if (text.startsWith('/>', i)) return i + 2;
  open.push(element);
  return i + 1;
}

/** Elements that run code, embed other documents or navigate. */
const ACTIVE = /^(?:[\w-]+:)?(script|foreignobject|iframe|embed|object|a|handler|listener|animation|audio|video|discard)$/i;
/** Anything that makes a viewer fetch or run something: link attributes, url() pointing outside, imports. */
const LINK_ATTRIBUTE = /^(?:[\w-]+:)?(href|src)$/i;
/** Only these URLs may appear: fragment references and the embedded font as a data: URL. */
const SAFE_URL = /^(#[\w.-]+|data:(font|application\/(x-)?font)[\w/+.-]*;base64,[A-Za-z0-9+/=]*)$/;

function urlsIn(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((m) => m[2]!);
}

/** Why an SVG is not safe to embed in a page, as a list of findings; empty when it is. */
export function unsafeFindings(elements: readonly XmlElement[]): string[] {
  const found: string[] = [];
  for (const el of elements) {
    if (ACTIVE.test(el.name)) found.push(`element <${el.name}>`);
    // Animating a link may only step between fragment references, as a link attribute may point only at one.
    const animated = el.attributes.get('attributeName') ?? '';
    if (/^(?:[\w-]+:)?(set|animate)$/i.test(el.name) && /href|src|on/i.test(animated)) {
      const targets = ['values', 'from', 'to', 'by'].flatMap((a) => (el.attributes.get(a) ?? '').split(';')).filter((v) => v.trim() !== '');
      if (!/^(?:[\w-]+:)?href$/i.test(animated) || targets.length === 0 || targets.some((v) => !/^#[\w.-]+$/.test(v.trim()))) {
        found.push(`<${el.name}> animating ${animated}`);
      }
    }
    for (const [name, value] of el.attributes) {
      if (/^on/i.test(name)) found.push(`event handler ${name} on <${el.name}>`);
      if (LINK_ATTRIBUTE.test(name) && !SAFE_URL.test(value.trim())) found.push(`${name}="${value.slice(0, 60)}" on <${el.name}>`);
      for (const url of urlsIn(value)) if (!SAFE_URL.test(url.trim())) found.push(`url(${url.slice(0, 60)}) in ${name}`);
      if (/javascript:|vbscript:|expression\s*\(/i.test(value)) found.push(`script-like value in ${name} on <${el.name}>`);
    }
    if (/^(?:[\w-]+:)?style$/i.test(el.name)) {
      if (/@import/i.test(el.text)) found.push('@import in <style>');
      for (const url of urlsIn(el.text)) if (!SAFE_URL.test(url.trim())) found.push(`url(${url.slice(0, 60)}) in <style>`);
      if (/javascript:|expression\s*\(|behavior\s*:|-moz-binding/i.test(el.text)) found.push('script-like CSS in <style>');
    }
  }
  return found;
}
