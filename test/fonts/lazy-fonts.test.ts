import { basename } from 'node:path';
import { expect, test } from 'vitest';
import { fontFilesRead } from '../../src/fonts/font-files.js';
import { render } from '../../src/render/render.js';
import { castText } from '../helpers/casts.js';

// Alone in its file: the test process starts with no font read.
const cast = (text: string): string => castText({ width: 20, height: 2 }, [[0.1, 'o', text]]);

test('fallback fonts are read only when a character needs them', async () => {
  await render(cast('plain ASCII $ ls -la'), { format: 'svg' });
  expect(fontFilesRead()).toEqual([]);
  await render(cast('plain ASCII $ ls -la'), { format: 'gif' });
  expect(fontFilesRead().map((f) => basename(f))).toEqual(['JetBrainsMono-Regular.ttf']);
  // A Nerd Font icon reads the faces before it in the chain and the icon font, no further.
  await render(cast('\uf015 home'), { format: 'gif' });
  expect(fontFilesRead().map((f) => basename(f))).toEqual(['JetBrainsMono-Regular.ttf', 'DejaVuSansMono.ttf', 'SymbolsNerdFontMono-Regular.ttf']);
  // An emoji looks only at colour faces: the emoji font, no outline font after the text face.
  await render(cast('🚀'), { format: 'gif' });
  expect(fontFilesRead().map((f) => basename(f)).slice(3)).toEqual(['NotoColorEmoji-Small.ttf']);
});
