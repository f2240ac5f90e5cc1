import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const cast = '{"version": 2, "width": 20, "height": 2}\n[0.5, "o", "hello"]\n';

/** A folder holding a.cast, and the result of rendering it to out.png with these flags. */
function renderWith(flags: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.cast'), cast);
  mkdirSync(join(dir, 'empty'));
  const result = runBin('cast2gif', ['a.cast', flags[0] === '--snapshots' ? 'out.gif' : 'out.png', ...flags], { cwd: dir });
  return { ...result, files: filesIn(dir) };
}

describe('a bad option value is a usage error: exit 2, one line naming the flag or file, nothing written', () => {
  const cases: Array<[string[], string | RegExp]> = [
    [['--margin-color', 'red'], "cast2gif: option '--margin-color <color>' argument 'red' is invalid. expected a colour as #rrggbb\n"],
    [['--cols', '2001'], "cast2gif: option '--cols <n>' argument '2001' is invalid. expected a whole number from 1 to 2000\n"],
    [['--rows', '1001'], "cast2gif: option '--rows <n>' argument '1001' is invalid. expected a whole number from 1 to 1000\n"],
    [['--cast-version', '4'], "cast2gif: option '--cast-version <n>' argument '4' is invalid. expected 2 or 3\n"],
    [['--limit', 'cols=2001'], "cast2gif: option '--limit <name=n>' argument 'cols=2001' is invalid. limit cols cannot pass the terminal's maximum of 2000\n"],
    [['--theme', '282a36,zz'], 'cast2gif: Invalid theme "282a36,zz": "zz" is not a six-digit hex colour\n'],
    [['--theme', 'nonexistent'], 'cast2gif: Unknown theme "nonexistent": not a built-in theme nor a file; --list-themes shows all 51 built-in themes\n'],
    [['--theme', 'draculla'], 'cast2gif: Unknown theme "draculla": not a built-in theme nor a file; did you mean dracula? (--list-themes shows all 51)\n'],
    [['--theme', './missing.json'], /^cast2gif: \/.*\/missing\.json: no such theme file\n$/],
    [['--font-file', '/nonexistent.ttf'], 'cast2gif: --font-file /nonexistent.ttf: no such file\n'],
    [['--font-file', 'a.cast'], 'cast2gif: --font-file a.cast: not a TrueType/OpenType font (its tables point past the end of the file)\n'],
    [['--font-file', 'empty'], 'cast2gif: --font-file empty: is a folder\n'],
    [['--font-dir', '/nonexistent'], 'cast2gif: --font-dir /nonexistent: no such file\n'],
    [['--font-dir', 'empty'], 'cast2gif: --font-dir empty: holds no .ttf, .otf or .ttc file\n'],
    [['--font-family', 'No Such Family 12345'], 'cast2gif: --font-family: no installed font family among: No Such Family 12345\n'],
    [['--timing', 'missing.tm'], 'cast2gif: --timing missing.tm: no such file\n'],
    [['--snapshots', 'a.cast'], 'cast2gif: --snapshots a.cast: not a folder\n'],
  ];
  for (const [flags, message] of cases) {
    it(flags.join(' '), () => {
      const result = renderWith(flags);
      if (typeof message === 'string') expect(result.stderr).toBe(message);
      else expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').length).toBe(2);
      expect(result.status).toBe(2);
      expect(result.files).toEqual(['a.cast', 'empty']);
    });
  }

  it('the same checks hold for flags given to a batch', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cast'), cast);
    writeFileSync(join(dir, 'b.cast'), cast);
    for (const flags of [['--margin-color', 'red'], ['--font-file', '/nonexistent.ttf'], ['--theme', 'nonexistent']]) {
      const result = runBin('cast2gif', ['a.cast', 'b.cast', ...flags], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n').length).toBe(2);
      expect(existsSync(join(dir, 'a.gif'))).toBe(false);
    }
  });
});
