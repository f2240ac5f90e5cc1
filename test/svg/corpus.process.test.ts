import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { renderSvg } from '../../src/svg/index.js';
import { corpusCasts, loadFrames, replay } from './corpus-frames.js';
import { unsafeParts } from './hostile.js';
import { rsvgPng } from './rsvg.js';

describe('corpus casts', () => {
  it.each(corpusCasts())('%s renders to a safe SVG that rsvg-convert draws', async (file) => {
    const { frames, info } = await loadFrames(file);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await renderSvg(replay(frames), info, {}, out);
    const svg = Buffer.concat(chunks).toString('utf8');
    expect(unsafeParts(svg)).toEqual([]);
    // Every reference names an element the document defines (the cursor's shape included).
    const ids = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...svg.matchAll(/href="#([^"]+)"|url\(#([^)]+)\)|values="([^"]*#[^"]*)"/g)].flatMap((m) => (m[3] ? m[3].split(';').map((v) => v.slice(1)) : [m[1] ?? m[2]]));
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    // Every class rule is for a class the markup uses, and every class used has a rule.
    const style = /<style>(.*)<\/style>/s.exec(svg)![1]!.replace(/@font-face\{[^}]*\}/g, '');
    const ruled = new Set([...style.matchAll(/\.([\w-]+)\{/g)].map((m) => m[1]));
    const used = new Set([...svg.matchAll(/ class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    expect([...ruled].filter((c) => !used.has(c))).toEqual([]);
    expect([...used].filter((c) => !ruled.has(c))).toEqual([]);
    expect(rsvgPng(svg).subarray(1, 4).toString()).toBe('PNG');
  });
});
