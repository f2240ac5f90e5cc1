import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { castText, outputs } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { seeds } from './corpus.js';
import { rng, terminalInput } from './generators.js';
import { runMain } from './run-main.js';
import { parseXml, unsafeFindings, XmlError } from './xml-check.js';

const dir = tempDir();

const ESC = '\x1b';
/** Everything a hostile recording can put in front of an SVG writer, one event each. */
const HOSTILE_OUTPUT = [
  '</text><script>alert(1)</script><text>',
  '<svg onload="alert(2)"><a href="javascript:alert(3)">x</a>',
  ']]><![CDATA[<script>alert(4)</script>]]>',
  '&amp; &lt; &#0; &#xD800; &nbsp; &unknown; <!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml-stylesheet href="https://evil.example/x.css"?><!-- --><style>@import url(https://evil.example/a.css)</style>',
  `${ESC}]8;;javascript:alert(5)${ESC}\\click me${ESC}]8;;${ESC}\\`,
  `${ESC}]8;id=1;data:text/html,<script>alert(6)</script>\x07data link${ESC}]8;;\x07`,
  `${ESC}]8;;file:///etc/passwd\x07file link${ESC}]8;;\x07 ${ESC}]8;;https://example.com/"onmouseover="alert(7)\x07quote${ESC}]8;;\x07`,
  `${ESC}]0;</title><script>alert(8)</script>\x07`,
  `${ESC}]2;\ud800 title \udfff\x07`,
  'controls: \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f|',
  'C1: \u0080\u0081\u0085\u008d\u0090\u009b\u009c\u009f| nonchars: \ufffe\uffff\ufdd0|',
  'surrogates: \ud800 \udbff\udfff \udc00 \ud83d|',
  'bidi: \u202e\u2066txet\u2069\u202c \u200f\u061c\u200e|',
  'wide and joined: \u4e00\u4e8c \ud83d\udc68\u200d\ud83d\udc69 e\u0301|',
  `${ESC}]4;1;rgb:ff/00/00"><script>alert(9)</script>\x07${ESC}[31mred${ESC}]10;#fff" onload="x\x07`,
  `${ESC}[38;2;255;0;0;48;2;0;0;255mtruecolour${ESC}[58:2::1:2:3m${ESC}[4:3mcurly`,
];

const TITLES = ['</title><script>alert(10)</script>', '"\' onload="alert(11)', '\ud800\u202e\u0000\u0007title', ']]>&amp;<![CDATA['];

const hostileCast = (title: string, output: readonly string[]): string =>
  castText({ width: 40, height: 6, title }, [...outputs(output.map((data) => `\r\n${data}`), 0.1), [5, 'm', '<script>alert(12)</script>']]);

/** Renders through the CLI (the path users take) and checks parse and safety. */
async function checkSvg(cast: string, flags: string[], at: string): Promise<string> {
  const file = join(dir, 'h.cast');
  writeFileSync(file, cast);
  const run = await runMain([file, '-', '--format', 'svg', ...flags], 'cast2svg');
  expect(run.status, `${at}: ${run.stderr}`).toBe(0);
  let elements;
  try {
    elements = parseXml(run.stdout);
  } catch (error) {
    throw new Error(`${at}: the SVG does not parse: ${(error as Error).message}`);
  }
  expect(elements[0]!.name, at).toBe('svg');
  expect(unsafeFindings(elements), at).toEqual([]);
  return run.stdout.toString('utf8');
}

describe('SVGs of hostile casts', () => {
  it.each([
    ['animated', []],
    ['animated, embedded font, no window', ['--embed-font', '--window', 'none']],
    ['a still at the end', ['--at', '100']],
    ['a still at a marker', ['--at', 'marker:1', '--window', 'plain']],
  ])('%s: parse as strict XML with no script, handler, external reference or link', async (_name, flags) => {
    for (const title of TITLES) {
      const svg = await checkSvg(hostileCast(title, HOSTILE_OUTPUT), [...flags], `title ${JSON.stringify(title)}`);
      // The markup is there as text for people to read, not as markup.
      if (!flags.includes('--at')) expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)');
      // OSC 8 link targets are never written, only the linked cells.
      expect(svg).not.toMatch(/alert\([5-7]\)|data:text|etc\/passwd|onmouseover/);
    }
  });

  it('stay safe with a hostile --title', async () => {
    for (const title of TITLES) await checkSvg(hostileCast('t', HOSTILE_OUTPUT.slice(0, 3)), ['--title', title], `--title ${JSON.stringify(title)}`);
  });

  it('stay safe for random grammar-built terminal input (fuzz)', async () => {
    for (const seed of seeds(60)) {
      const r = rng(seed + 7_000_000);
      const input = terminalInput(r, 30);
      const events = input.chunks.slice(0, 40);
      await checkSvg(hostileCast(r.pick(TITLES), events), r.chance(0.5) ? ['--at', '100'] : [], `seed ${seed}`);
    }
  });
});

describe('the strict XML check itself', () => {
  it.each([
    ['<svg><text>a & b</text></svg>', /bare &/],
    ['<svg><text>\u0001</text></svg>', /U\+0001/],
    ['<svg><text>\ud800</text></svg>', /U\+d800/],
    ['<svg><text>x</svg>', /closes <text>/],
    ['<svg a="1" a="2"/>', /twice/],
    ['<svg a=1/>', /not quoted/],
    ['<svg a="<"/>', /"<" in attribute/],
    ['<!DOCTYPE svg><svg/>', /DTD/],
    ['<svg/><svg/>', /more than one root/],
    ['<svg><text>]]></text></svg>', /"]]>" in text/],
    ['<svg>&#0;</svg>', /not an XML character/],
    ['<svg><!-- a -- b --></svg>', /"--" inside a comment/],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('finds every kind of unsafe part', () => {
    const elements = parseXml(
      '<svg onload="x"><script/><a href="#x"/><use href="https://e.example/s.svg#a"/><use href="#ok"/>' +
        '<rect fill="url(https://e.example/p)"/><style>@import "x.css"; .a{background:url(http://e.example/i.png)}</style>' +
        '<set attributeName="href" to="javascript:x"/><image href="data:font/woff2;base64,AAAA"/>' +
        // Stepping a <use> between fragments, as the player does, is as safe as a fragment href.
        '<animate attributeName="href" values="#a;#b.c"/><animate attributeName="href" values="#a;http://e.example/x"/></svg>',
    );
    expect(unsafeFindings(elements)).toEqual([
      'event handler onload on <svg>',
      'element <script>',
      'element <a>',
      'href="https://e.example/s.svg#a" on <use>',
      'url(https://e.example/p) in fill',
      '@import in <style>',
      'url(http://e.example/i.png) in <style>',
      '<set> animating href',
      'script-like value in to on <set>',
      '<animate> animating href',
    ]);
  });
});
