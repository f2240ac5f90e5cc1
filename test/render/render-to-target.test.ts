import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { castText, outputs } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { readCast } from '../../src/cast/index.js';
import { planTargets, renderToTarget, tempFilesOf } from '../../src/render/render-to-target.js';
import type { RenderOptions } from '../../src/render/options.js';

const CAST = castText({ width: 8, height: 2, title: 't' }, outputs(Array.from({ length: 12 }, (_, i) => `${i}`), 0.5, 0));
const cast = () => readCast(CAST);

describe('renderToTarget: one render, for the command line and the batch alike', () => {
  it('writes the dark twin and the output through hidden files, and counts the output’s frames', async () => {
    const dir = tempDir('target');
    const options: RenderOptions = { format: 'gif', theme: 'auto' };
    const targets = planTargets(join(dir, 'out.gif'), 'out.gif', options);
    expect(targets.twin?.shown).toBe('out-dark.gif');
    expect(tempFilesOf(targets)).toHaveLength(2);
    const rendered = await renderToTarget(await cast(), options, targets);
    expect(readdirSync(dir).sort()).toEqual(['out-dark.gif', 'out.gif']);
    expect(rendered).toMatchObject({ bytes: readFileSync(join(dir, 'out.gif')).byteLength, frames: 12, alt: 't' });
  });

  it('counts only the frames of the try --max-size kept', async () => {
    const dir = tempDir('target');
    const whole = await renderToTarget(await cast(), { format: 'gif' }, planTargets(join(dir, 'whole.gif'), 'whole.gif', { format: 'gif' }));
    const seen: number[] = [];
    const options: RenderOptions = { format: 'gif', maxSize: whole.bytes - 1, onMaxSize: (_, kept) => seen.push(kept.frames) };
    const rendered = await renderToTarget(await cast(), options, planTargets(join(dir, 'small.gif'), 'small.gif', options));
    expect(seen).toHaveLength(1);
    expect(rendered.frames).toBe(seen[0]);
    expect(rendered.frames).toBeLessThan(12);
  });

  it('leaves nothing behind when the output fails after its twin was written', async () => {
    const dir = tempDir('target');
    const options: RenderOptions = { format: 'png', theme: 'auto' };
    // The twin renders; the output's folder does not exist (a link into a missing folder).
    symlinkSync(join(dir, 'missing', 'out.png'), join(dir, 'out.png'));
    const targets = planTargets(join(dir, 'out.png'), 'out.png', options);
    await expect(renderToTarget(await cast(), options, targets)).rejects.toThrow('out.png: cannot be written (its folder does not exist)');
    expect(readdirSync(dir)).toEqual(['out.png']);
  });
});
