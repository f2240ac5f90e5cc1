// The secret and the recordings the redaction tests share, in-process and with programs alike.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { OutputFormat } from '../../src/formats/registry.js';
import type { RenderOptions } from '../../src/render/options.js';
import { render } from '../../src/render/render.js';
import { castText } from '../helpers/casts.js';

export const TOKEN = 'ghp_Q3v8LmT2xK9pR4sW7yZ1aB6cD0eF5gH2jN8k';
export const RECORDINGS = join(import.meta.dirname, 'recordings');

/**
 * A token as a deploy log prints it: split over three output events, recoloured in the middle, and
 * wrapped at the right edge of a 30-column terminal; in the header's title and env as well.
 */
export const SPLIT = castText({ width: 30, height: 6, title: `deploy with ${TOKEN}`, env: { GH_TOKEN: TOKEN, TERM: 'xterm-256color' } }, [
  [0.1, 'o', '$ gh auth token\r\n'],
  [0.5, 'o', TOKEN.slice(0, 14)],
  [0.6, 'o', `${TOKEN.slice(14, 19)}\x1b[1;31m${TOKEN.slice(19, 25)}\x1b[0m`],
  [0.7, 'o', `${TOKEN.slice(25)}\r\n$ `],
  [1.0, 'o', 'echo done\r\ndone\r\n$ '],
]);

/** Pieces of the token long enough to mean something, none of which may be published. */
export const pieces = (token: string): RegExp => new RegExp(Array.from({ length: token.length - 5 }, (_, i) => token.slice(i, i + 6).replace(/[^\w]/g, '\\$&')).join('|'));

export const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
export const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** With --redact-secrets, `format` has the bytes of the redacted .cast rendered without it, and not those of SPLIT. */
export async function expectRedactedPixels(format: OutputFormat, extra: Partial<RenderOptions>): Promise<void> {
  const redactedCast = text(await render(SPLIT, { format: 'cast', redactSecrets: true }));
  const direct = await render(SPLIT, { format, redactSecrets: true, ...extra });
  const replayed = await render(redactedCast, { format, ...extra });
  expect(same(direct, replayed)).toBe(true);
  expect(same(direct, await render(SPLIT, { format, ...extra }))).toBe(false);
}
