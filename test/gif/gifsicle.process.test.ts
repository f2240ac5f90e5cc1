import { expect, test } from 'vitest';
import { render } from '../../src/render/render.js';
import { castText } from '../helpers/casts.js';
import { gifsicleInfo } from './gifsicle.js';

test('gifsicle reads a GIF drawn at scale 2 without complaint', async () => {
  const typing = castText({ width: 20, height: 4 }, [[0, 'o', '$ '], [0.4, 'o', 'l'], [0.9, 'o', 's']]);
  const result = gifsicleInfo(await render(typing, { format: 'gif', scale: 2 }));
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/ 3 images\n/);
});
