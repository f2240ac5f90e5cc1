import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCast } from '../../src/cast/index.js';
import type { CastEvent } from '../../src/cast/events.js';
import { protect } from '../../src/edit/protect.js';
import { KEY_MASK } from '../../src/keys/mask.js';
import { render } from '../../src/render/render.js';

/** Real sessions recorded by scripts/record-privacy.js (asciinema rec --stdin, typed through tmux). */
const RECORDINGS = join(__dirname, 'recordings');
const recording = (name: string) => readFileSync(join(RECORDINGS, `${name}.cast`));

async function events(bytes: Uint8Array, options: Parameters<typeof protect>[1] = { judgeKeys: true }): Promise<CastEvent[]> {
  const cast = await protect(await readCast([bytes]), options);
  const out: CastEvent[] = [];
  for await (const event of cast.events) out.push(event);
  return out;
}

/** Everything typed, as the protected recording keeps it; ⏎ for Enter. */
async function typed(name: string): Promise<string> {
  const list = await events(recording(name));
  return list
    .filter((e) => e.kind === 'input')
    .map((e) => (e as { data: string }).data)
    .join('')
    .replace(/\r/g, '⏎');
}

const original = (name: string): CastEvent[] =>
  readFileSync(join(RECORDINGS, `${name}.cast`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as [number, string, string])
    .map(([time, kind, data]) => (kind === 'i' ? { time, kind: 'input', data } : { time, kind: 'output', data }) as CastEvent);

/** The keys typed at the password prompt: after the prompt is printed, up to Enter. */
function passwordKeys(events: CastEvent[]): CastEvent[] {
  const prompt = events.findIndex((e) => e.kind === 'output' && e.data.includes('password: '));
  const enter = events.findIndex((e, i) => i > prompt && e.kind === 'input' && e.data === '\r');
  return events.slice(prompt + 1, enter).filter((e) => e.kind === 'input');
}

describe('keys the terminal did not show are masked (real recordings)', () => {
  it('read -s: the password is one mask, the command after it is shown', async () => {
    const text = await typed('read-s');
    expect(text).toContain('read -s -p "[sudo] password: " pw; echo; echo done⏎');
    expect(text).toMatch(/echo done⏎(••••)+⏎echo visible typing⏎/);
    expect(text).not.toMatch(/hunt|ecret|2s/);
  });

  it('a password typed key by key leaves a mask event a second, not one per key', async () => {
    const masks = (await events(recording('read-s'))).filter((e) => e.kind === 'input' && e.data === KEY_MASK);
    const presses = passwordKeys(original('read-s'));
    // 13 keys typed over about 1.7 s: the first, one a second after it, and the last.
    expect(presses.length).toBe(13);
    expect(masks.length).toBeLessThanOrEqual(Math.ceil(masks[masks.length - 1]!.time - masks[0]!.time) + 1);
    expect(masks.length).toBeLessThan(presses.length);
  });

  it('getpass (Python): the token is masked; typing at the shell afterwards is shown', async () => {
    const text = await typed('getpass-then-typing');
    expect(text).toMatch(/getpass\('Token: '\)"⏎(••••)+⏎ls \/usr\/share\/doc\/bash⏎exit⏎/);
    expect(text).not.toMatch(/s3cr|Pa55/);
  });

  it('readline: typing, editing in the middle of a line, history and completion are shown', async () => {
    const text = await typed('readline');
    expect(text).toContain('echo helo world');
    expect(text).toContain('\x1b[Dl\x1b[4~⏎');
    expect(text).toContain('there⏎ls /usr/share/doc/ba\t\t');
    expect(text).not.toContain(KEY_MASK);
  });

  it('vim: insert-mode text, normal-mode commands and the command line are shown', async () => {
    const text = await typed('vim');
    expect(text).toContain('ifirst line typed in vim⏎second line\x1bggdd:wq⏎');
    expect(text).not.toContain(KEY_MASK);
  });

  it('nano: typed text and the answer to its save prompt are shown', async () => {
    const text = await typed('nano');
    expect(text).toContain('typed in nano⏎\x18n');
    expect(text).not.toContain(KEY_MASK);
  });

  it('a bracketed paste: shown at a readline prompt, masked whole at read -s', async () => {
    const text = await typed('paste');
    expect(text).toContain('echo \x1b[200~pasted words here\x1b[201~⏎');
    expect(text).toMatch(/pp; echo⏎(\x1b\[200~)?••••(\x1b\[201~)?⏎/);
    expect(text).not.toMatch(/horse|battery|staple|correct/);
  });

  it('the SVG has the mask in the keys bar and not the password; what was echoed is there', async () => {
    const svg = Buffer.from(await render(recording('read-s'), { format: 'svg', keys: true })).toString();
    expect(svg).not.toMatch(/hunt|ecret/);
    expect(svg).toContain('•');
    expect(svg).toContain('visible');
  });

  it('the SVG of vim and of the pastes shows what the screen showed, and masks the paste it did not', async () => {
    const vim = Buffer.from(await render(recording('vim'), { format: 'svg', keys: true })).toString();
    for (const word of ['first', 'typed', 'second', 'ggdd', ':wq']) expect(vim).toContain(word);
    expect(vim).not.toContain('•');
    const paste = Buffer.from(await render(recording('paste'), { format: 'svg', keys: true })).toString();
    expect(paste).toContain('pasted words');
    expect(paste).toContain('••••');
    expect(paste).not.toMatch(/horse|battery|staple/);
  });

  it('the PNG still draws the mask where the password was typed, exactly as a recording with the mask typed in', async () => {
    const events = original('read-s');
    const password = passwordKeys(events);
    const last = password[password.length - 1]!.time;
    const at = last + 0.2;
    const real = await render(recording('read-s'), { format: 'png', keys: true, at: { seconds: at } });
    // The same session with the password's keys replaced by one mask at the last of them.
    const header = readFileSync(join(RECORDINGS, 'read-s.cast'), 'utf8').split('\n')[0]!;
    const lines = events
      .filter((e) => !password.includes(e))
      .map((e) => JSON.stringify([e.time, e.kind === 'input' ? 'i' : 'o', (e as { data: string }).data]));
    lines.push(JSON.stringify([last, 'i', KEY_MASK]));
    lines.sort((a, b) => (JSON.parse(a) as number[])[0]! - (JSON.parse(b) as number[])[0]!);
    const masked = await render([header, ...lines].join('\n'), { format: 'png', keys: true, at: { seconds: at } });
    expect(Buffer.from(real).equals(Buffer.from(masked))).toBe(true);
    // Had the terminal echoed the password, the bar would show it: the still is not blind to the bar.
    const echoed = events.flatMap((e) => (password.includes(e) ? [e, { ...e, kind: 'output' as const }] : [e]));
    const lines2 = echoed.map((e) => JSON.stringify([e.time, e.kind === 'input' ? 'i' : 'o', (e as { data: string }).data]));
    const shown = await render([header, ...lines2].join('\n'), { format: 'png', keys: true, at: { seconds: at } });
    expect(Buffer.from(shown).equals(Buffer.from(real))).toBe(false);
  });
});
