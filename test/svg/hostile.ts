// Casts and checks for the "safe to embed" requirement, shared by the node and browser tests.
import { PassThrough } from 'node:stream';
import { readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames, terminalAt } from '../../src/frames/index.js';
import { renderSvg, renderSvgStill } from '../../src/svg/index.js';
import { castText, outputs } from '../helpers/casts.js';

const ESC = '\u001b';
const OSC8 = (url: string, text: string) => `${ESC}]8;;${url}${ESC}\\${text}${ESC}]8;;${ESC}\\`;

export const HOSTILE_TITLE = '</text><script>alert(1)</script>]]><a href="javascript:alert(2)">x</a>';

/** An asciicast v2 whose title and output try to break out of the SVG's text. */
export function hostileCast(): string {
  const output = [
    `${ESC}]0;</title><script>alert(3)</script>${ESC}\\`,
    '</text><script>alert(4)</script>\r\n',
    ']]><![CDATA[ & &amp; <svg onload="alert(5)">\r\n',
    OSC8('javascript:alert(6)', 'click me') + ' ' + OSC8('https://example.com/"onmouseover="alert(7)', 'site') + ' ' + OSC8('data:text/html,<script>alert(8)</script>', 'data') + '\r\n',
    'nul\u0000bell\u0007back\bspace\u000bvt\u007fdel\u0085nel\r\n',
    'bidi \u202eevil\u202c \u2066iso\u2069 \u200fend\r\n',
    'lone \ud800 surrogate \udfff and \ufffe\uffff end\r\n',
  ];
  return castText({ width: 60, height: 8, title: HOSTILE_TITLE }, outputs(output, 0.5));
}

/** A --font-family that tries to break out of the SVG's style. */
export const HOSTILE_FONT_FAMILY = `"><script>alert(1)</script>`;

/** The animated SVG of hostileCast(). */
export async function renderHostile(): Promise<string> {
  const cast = await readCast([hostileCast()], { name: 'hostile.cast' });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderSvg(castFrames(cast), animationInfo(cast), { title: HOSTILE_TITLE }, out);
  return Buffer.concat(chunks).toString('utf8');
}

/** The still SVG of hostileCast()'s last screen. */
export async function hostileStill(): Promise<string> {
  const cast = await readCast([hostileCast()], { name: 'hostile.cast' });
  return renderSvgStill((await terminalAt(cast, undefined)).snapshot(), animationInfo(cast), {});
}

/** Everything an SVG must not contain to be safe to embed; [] when it is clean. */
export function unsafeParts(svg: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(svg)) problems.push('script element');
  if (/<a[\s>]/i.test(svg)) problems.push('link element');
  if (/<(foreignObject|iframe|image|object|embed|use[^>]*xlink)/i.test(svg)) problems.push('embedding element');
  // Text from the cast is escaped, so every raw '<' starts real markup: check the tags themselves.
  const tags = svg.match(/<[^>]*>/g) ?? [];
  if (tags.some((t) => /\son\w+\s*=/i.test(t))) problems.push('event handler attribute');
  if (tags.some((t) => /javascript:/i.test(t))) problems.push('javascript: URL in markup');
  const css = [...svg.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]).join('');
  if (/javascript:|expression\(/i.test(css)) problems.push('script in CSS');
  // References live in tags and CSS; text that reads like one (quotes need no escape in text) is only text.
  const markup = tags.join('') + css;
  for (const m of markup.matchAll(/href="([^"]*)"/g)) if (!m[1]!.startsWith('#')) problems.push(`external href ${m[1]}`);
  for (const m of markup.matchAll(/url\(([^)]*)\)/g)) if (!/^(#|data:font\/otf;base64,)/.test(m[1]!)) problems.push(`external url ${m[1]}`);
  if (/@import/i.test(svg)) problems.push('@import');
  // Characters XML 1.0 forbids, and bidi controls.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\u202a-\u202e\u2066-\u2069]/.test(svg)) problems.push('forbidden character');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(svg)) problems.push('lone surrogate');
  return problems;
}
