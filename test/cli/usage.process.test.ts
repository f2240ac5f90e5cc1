import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const cast = '{"version": 2, "width": 20, "height": 3, "title": "t"}\n[0.5, "o", "hello\\r\\n"]\n[1.0, "m", "mid"]\n[1.5, "o", "world"]\n';

describe('help and version', () => {
  it('--help lists every option group with defaults', () => {
    const result = runBin('cast2gif', ['--help']);
    expect(result.status).toBe(0);
    const help = result.stdout.toString();
    for (const heading of ['Input:', 'Timing', 'Look:', 'Output:']) expect(help).toContain(heading);
    for (const option of ['--speed <x>', '--idle-time-limit', '--fps-cap', '--last-frame-duration', '--from', '--to', '--at', '--loop', '--theme', '--font-size', '--padding', '--window', '--format', '--verbose']) {
      expect(help).toContain(option);
    }
    expect(help).toMatch(/--fps-cap <n>\s+output events [^-]*\(default: 30\)/);
    expect(help).toMatch(/--last-frame-duration <s>\s+how long [^-]*\(default: 3\)/);
    expect(help).toMatch(/--padding <v\[,h\]>[^(]*\(default: 12,16\)/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const result = runBin('cast2svg', ['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.toString().trim()).toBe(version);
  });

  it('--list-themes prints built-in themes', () => {
    const result = runBin('cast2gif', ['--list-themes']);
    expect(result.status).toBe(0);
    const names = result.stdout.toString().trim().split('\n');
    expect(names).toContain('dracula');
    expect(names).toContain('asciinema');
  });
});

describe('text output', () => {
  it('writes the final screen by default and the screen at --at', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), cast);
    expect(runBin('cast2gif', ['demo.cast', 'end.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'end.txt'), 'utf8')).toBe('hello\nworld\n');
    const early = runBin('cast2gif', ['demo.cast', '-', '--format', 'txt', '--at', '1'], { cwd: dir });
    expect(early.status).toBe(0);
    expect(early.stdout.toString()).toBe('hello\n');
    const atMarker = runBin('cast2gif', ['demo.cast', '-', '--format', 'txt', '--at', 'marker:mid'], { cwd: dir });
    expect(atMarker.stdout.toString()).toBe('hello\n');
  });

  it('reads stdin with -', () => {
    const result = runBin('cast2gif', ['-', '-', '--format', 'txt'], { input: cast });
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe('hello\nworld\n');
  });

  it('names the output after the input when none is given', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), cast);
    expect(runBin('cast2gif', ['demo.cast', '--format', 'txt'], { cwd: dir }).status).toBe(0);
    expect(filesIn(dir)).toEqual(['demo.cast', 'demo.txt']);
  });

  it('warns about repaired input on stderr and still renders; --quiet silences it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.cast'), cast + '[2.0, "o", "unfini');
    const loud = runBin('cast2gif', ['cut.cast', 'out.txt'], { cwd: dir });
    expect(loud.status).toBe(0);
    expect(loud.stderr).toBe('cast2gif: warning: cut.cast:5: the last line is cut off; using the events before it\n');
    expect(existsSync(join(dir, 'out.txt'))).toBe(true);
    const quiet = runBin('cast2gif', ['cut.cast', 'out2.txt', '--quiet'], { cwd: dir });
    expect(quiet.stderr).toBe('');
  });
});

describe('marker snapshots', () => {
  it('--snapshots writes one PNG per marker, each the screen a still at that marker shows', () => {
    const dir = tempDir();
    const text = '{"version": 2, "width": 12, "height": 2}\n[0.5, "o", "one"]\n[1, "m", "first step"]\n[1.5, "o", " two"]\n[2, "m", ""]\n[2.5, "o", "!"]\n';
    writeFileSync(join(dir, 'm.cast'), text);
    const result = runBin('cast2gif', ['m.cast', 'm.gif', '--snapshots', 'shots'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(filesIn(join(dir, 'shots'))).toEqual(['001-first-step.png', '002.png']);
    for (const [file, at] of [['001-first-step.png', 'marker:1'], ['002.png', 'marker:2']]) {
      const still = runBin('cast2gif', ['m.cast', '-', '--format', 'png', '--at', at!], { cwd: dir });
      expect(still.status).toBe(0);
      expect(readFileSync(join(dir, 'shots', file!)).equals(still.stdout)).toBe(true);
    }
    const first = runBin('cast2gif', ['m.cast', '-', '--format', 'png', '--at', 'marker:1'], { cwd: dir }).stdout;
    const second = runBin('cast2gif', ['m.cast', '-', '--format', 'png', '--at', 'marker:2'], { cwd: dir }).stdout;
    expect(first.equals(second)).toBe(false);
  });

  it('snapshots drawn one after another on one painter equal stills drawn alone: colours, cursor, background, unchanged screens', () => {
    const dir = tempDir();
    const events = [
      '[0.5, "o", "\\u001b[31mred\\u001b[0m"]',
      '[1, "m", "a"]',
      '[1.5, "o", "\\r\\n\\u001b[44m  \\u001b[0m"]',
      '[2, "m", "b"]',
      '[2.2, "m", "same"]',
      '[2.5, "o", "\\u001b]11;#336699\\u0007\\u001b[2J\\u001b[H\\u001b[?25l"]',
      '[3, "m", "c"]',
      '[3.5, "o", "\\u001b]111\\u0007x\\u001b[?25h"]',
      '[4, "m", "d"]',
    ];
    writeFileSync(join(dir, 'm.cast'), `{"version": 2, "width": 12, "height": 3}\n${events.join('\n')}\n`);
    const result = runBin('cast2gif', ['m.cast', 'm.gif', '--snapshots', 'shots'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    const files = filesIn(join(dir, 'shots'));
    expect(files).toEqual(['001-a.png', '002-b.png', '003-same.png', '004-c.png', '005-d.png']);
    for (const [i, file] of files.entries()) {
      const still = runBin('cast2gif', ['m.cast', '-', '--format', 'png', '--at', `marker:${i + 1}`], { cwd: dir });
      expect(readFileSync(join(dir, 'shots', file)).equals(still.stdout), file).toBe(true);
    }
  });
});

describe('other recording formats and cast output', () => {
  it('renders a script(1) typescript with its timing file, and converts it to asciicast v2 and v3', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'session.log'), 'Script started on 2026-01-01 10:00:00+00:00 [COMMAND="sh" TERM="xterm" COLUMNS="20" LINES="3"]\nhi\r\nthere');
    writeFileSync(join(dir, 'session.tm'), '0.5 4\n0.25 5\n');
    const text = runBin('cast2gif', ['session.log', '--timing', 'session.tm', '-', '--format', 'txt'], { cwd: dir });
    expect(text.stderr).toBe('');
    expect(text.stdout.toString()).toBe('hi\nthere\n');
    const v2 = runBin('cast2gif', [join(dir, 'session.log'), '--timing', join(dir, 'session.tm'), '-', '--format', 'cast']);
    const lines = v2.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ version: 2, width: 20, height: 3 });
    expect(lines.slice(1)).toEqual([
      [0.5, 'o', 'hi\r\n'],
      [0.75, 'o', 'there'],
    ]);
    const v3 = runBin('cast2gif', [join(dir, 'session.log'), '--timing', join(dir, 'session.tm'), '-', '--format', 'cast', '--cast-version', '3']);
    const lines3 = v3.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines3[0]).toMatchObject({ version: 3, term: { cols: 20, rows: 3 } });
    expect(lines3.slice(1)).toEqual([
      [0.5, 'o', 'hi\r\n'],
      [0.25, 'o', 'there'],
    ]);
  });

  it('refuses to overwrite the input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.cast'), cast);
    const result = runBin('cast2gif', ['demo.cast', '--format', 'cast'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cast2gif: the output "demo.cast" would overwrite the input\n');
    expect(readFileSync(join(dir, 'demo.cast'), 'utf8')).toBe(cast);
  });
});

describe('configuration file in a single render', () => {
  it('applies cast2gif.config.json, with flags winning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.cast'), '{"version": 2, "width": 20, "height": 2}\n[0.5, "o", "hello world"]\n');
    writeFileSync(join(dir, 'cast2gif.config.json'), JSON.stringify({ cols: 5 }));
    const configured = runBin('cast2gif', ['w.cast', '-', '--format', 'txt'], { cwd: dir });
    expect(configured.status).toBe(0);
    expect(configured.stdout.toString()).toBe(' worl\nd\n');
    const flagged = runBin('cast2gif', ['w.cast', '-', '--format', 'txt', '--cols', '20'], { cwd: dir });
    expect(flagged.stdout.toString()).toBe('hello world\n');
  });
});

describe('window options reach every renderer', () => {
  it('--no-border changes the PNG and the SVG', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.cast'), cast);
    for (const format of ['png', 'svg']) {
      const framed = runBin('cast2gif', ['b.cast', '-', '--format', format, '--at', '1'], { cwd: dir });
      const bare = runBin('cast2gif', ['b.cast', '-', '--format', format, '--at', '1', '--no-border'], { cwd: dir });
      expect(framed.status).toBe(0);
      expect(bare.status).toBe(0);
      expect(bare.stdout.equals(framed.stdout)).toBe(false);
    }
  });
});

describe('default output names', () => {
  it('drops the recording ending of any format: rec.ttyrec -> rec.txt', () => {
    const dir = tempDir();
    const payload = Buffer.from('hi');
    const header = Buffer.alloc(12);
    header.writeUInt32LE(1, 0);
    header.writeUInt32LE(0, 4);
    header.writeUInt32LE(payload.length, 8);
    writeFileSync(join(dir, 'rec.ttyrec'), Buffer.concat([header, payload]));
    const result = runBin('cast2gif', ['rec.ttyrec', '--format', 'txt', '--cols', '10', '--rows', '2'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(filesIn(dir)).toEqual(['rec.ttyrec', 'rec.txt']);
    expect(readFileSync(join(dir, 'rec.txt'), 'utf8')).toBe('hi\n');
  });
});
