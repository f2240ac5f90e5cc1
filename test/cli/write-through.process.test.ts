import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runBin, runBinAsync } from '../helpers/bin.js';
import { filesIn, tempDir } from '../helpers/temp-dir.js';

const CAST = '{"version": 2, "width": 20, "height": 3}\n[0.1, "o", "hello"]\n[0.5, "m", "half"]\n[0.6, "o", " world"]\n';

/** A folder holding in.cast, and the bytes a plain render of it into a new file gives. */
function setup(format: string): { dir: string; expected: Buffer } {
  const dir = tempDir();
  writeFileSync(join(dir, 'in.cast'), CAST);
  const plain = runBin('cast2gif', ['in.cast', `plain.${format}.out`, '-f', format], { cwd: dir });
  expect(plain.status, plain.stderr).toBe(0);
  const expected = readFileSync(join(dir, `plain.${format}.out`));
  execFileSync('rm', [join(dir, `plain.${format}.out`)]);
  return { dir, expected };
}

/** Runs the bin while this process reads `fifo`: the exit status and what came through. */
async function renderIntoFifo(args: string[], cwd: string, fifo: string): Promise<{ status: number | null; stderr: string; bytes: Buffer }> {
  const chunks: Buffer[] = [];
  const read = new Promise<void>((resolve, reject) => {
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => chunks.push(chunk as Buffer));
    reader.on('error', reject);
    reader.on('end', resolve);
  });
  const result = await runBinAsync('cast2gif', args, { cwd });
  await read;
  return { status: result.status, stderr: result.stderr, bytes: Buffer.concat(chunks) };
}

describe('an output that is a symbolic link', () => {
  // Named .out and given -f: which names a single render takes is not what this tests.
  for (const format of ['gif', 'svg', 'png', 'txt', 'cast']) {
    it(`${format}: the link's target gets the new output, the link stays a link, no temporary file is left`, () => {
      const { dir, expected } = setup(format);
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'assets', 'real.out'), 'old');
      symlinkSync('assets/real.out', join(dir, 'link.out'));
      const result = runBin('cast2gif', ['in.cast', 'link.out', '-f', format], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(lstatSync(join(dir, 'link.out')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, 'link.out'))).toBe('assets/real.out');
      expect(readFileSync(join(dir, 'assets', 'real.out'))).toEqual(expected);
      expect(filesIn(dir)).toEqual(['assets', 'in.cast', 'link.out']);
      expect(filesIn(join(dir, 'assets'))).toEqual(['real.out']);
    });
  }

  it('a chain of links ending at a file not there yet: the file is made where the chain ends', () => {
    const { dir, expected } = setup('gif');
    mkdirSync(join(dir, 'a'));
    symlinkSync('a/second.gif', join(dir, 'first.gif'));
    symlinkSync('../b/new.gif', join(dir, 'a', 'second.gif'));
    mkdirSync(join(dir, 'b'));
    const result = runBin('cast2gif', ['in.cast', 'first.gif'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(lstatSync(join(dir, 'first.gif')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'a', 'second.gif')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'b', 'new.gif'))).toEqual(expected);
    expect(filesIn(join(dir, 'b'))).toEqual(['new.gif']);
  });

  it('a link to the input (symbolic or hard) is refused: writing through it would destroy the input', () => {
    const { dir } = setup('gif');
    symlinkSync('in.cast', join(dir, 'soft.gif'));
    execFileSync('ln', [join(dir, 'in.cast'), join(dir, 'hard.gif')]);
    for (const output of ['soft.gif', 'hard.gif']) {
      const result = runBin('cast2gif', ['in.cast', output], { cwd: dir });
      expect(result.stderr).toBe(`cast2gif: the output "${output}" would overwrite the input\n`);
      expect(result.status).toBe(2);
    }
    expect(readFileSync(join(dir, 'in.cast'), 'utf8')).toBe(CAST);
    // In a batch, an output planned beside its input that links back to an input stops the batch the same way.
    writeFileSync(join(dir, 'two.cast'), CAST);
    symlinkSync('in.cast', join(dir, 'two.gif'));
    const batch = runBin('cast2gif', ['in.cast', 'two.cast', '-q'], { cwd: dir });
    expect(batch.status).toBe(2);
    expect(batch.stderr).toMatch(/"two\.cast" would be written over the input "in\.cast"/);
    expect(readFileSync(join(dir, 'in.cast'), 'utf8')).toBe(CAST);
  });

  it('a loop of links: exit 1, one line, nothing written', () => {
    const { dir } = setup('gif');
    symlinkSync('y.gif', join(dir, 'x.gif'));
    symlinkSync('x.gif', join(dir, 'y.gif'));
    const result = runBin('cast2gif', ['in.cast', 'x.gif'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: x.gif: cannot be written (its symbolic links form a loop)\n');
    expect(filesIn(dir)).toEqual(['in.cast', 'x.gif', 'y.gif']);
  });
});

describe('an output that is not a file', () => {
  it('a FIFO is written directly: the reader gets the whole output, the FIFO stays a FIFO', async () => {
    const { dir, expected } = setup('gif');
    execFileSync('mkfifo', [join(dir, 'pipe.gif')]);
    const result = await renderIntoFifo(['in.cast', 'pipe.gif'], dir, join(dir, 'pipe.gif'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.bytes).toEqual(expected);
    expect(lstatSync(join(dir, 'pipe.gif')).isFIFO()).toBe(true);
    expect(filesIn(dir)).toEqual(['in.cast', 'pipe.gif']);
  });

  it('a symlink to a FIFO is written through to the FIFO', async () => {
    const { dir, expected } = setup('svg');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('pipe', join(dir, 'out.svg'));
    const result = await renderIntoFifo(['in.cast', 'out.svg'], dir, join(dir, 'pipe'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.bytes).toEqual(expected);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'out.svg')).isSymbolicLink()).toBe(true);
  });

  for (const path of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) {
    it(`${path} is this process's stdout: the bytes come out of the pipe, and ${path} is left as it was`, () => {
      const { dir, expected } = setup('gif');
      const before = lstatSync(path);
      const result = runBin('cast2gif', ['in.cast', path, '-f', 'gif'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toEqual(expected);
      const after = lstatSync(path);
      expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
      expect(filesIn(dir)).toEqual(['in.cast']);
    });
  }

  it('/dev/fd/N for another descriptor writes to that descriptor', () => {
    const { dir, expected } = setup('svg');
    const bin = binPath('cast2gif');
    // The shell opens descriptor 3 on a file; the output must land in that very file.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" in.cast /dev/fd/3 -f svg 3>held.svg`], { cwd: dir });
    expect(result.status, result.stderr.toString()).toBe(0);
    expect(readFileSync(join(dir, 'held.svg'))).toEqual(expected);
    expect(filesIn(dir)).toEqual(['held.svg', 'in.cast']);
  });

  it('a character device is written, not replaced', () => {
    const { dir } = setup('gif');
    const device = join(dir, 'null.gif');
    // A device node of our own when allowed (root), so the test never risks the system's /dev/null.
    const own = spawnSync('mknod', [device, 'c', '1', '3']).status === 0;
    const path = own ? device : '/dev/null';
    const result = runBin('cast2gif', ['in.cast', path, '-f', 'gif'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(path).isCharacterDevice()).toBe(true);
    expect(filesIn(dir)).toEqual(own ? ['in.cast', 'null.gif'] : ['in.cast']);
  });

  it('a folder is refused with one line; it is left empty', () => {
    const { dir } = setup('gif');
    mkdirSync(join(dir, 'out.gif'));
    const result = runBin('cast2gif', ['in.cast', 'out.gif'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cast2gif: out.gif: cannot be written (it is a folder)\n');
    expect(filesIn(join(dir, 'out.gif'))).toEqual([]);
  });
});

describe('other outputs are written through too', () => {
  it('--snapshots: a snapshot name that is a symlink updates its target', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.cast'), CAST);
    expect(runBin('cast2gif', ['in.cast', 'a.gif', '--snapshots', 'plain'], { cwd: dir }).status).toBe(0);
    const expected = readFileSync(join(dir, 'plain', '001-half.png'));
    mkdirSync(join(dir, 'shots'));
    writeFileSync(join(dir, 'kept.png'), 'old');
    symlinkSync('../kept.png', join(dir, 'shots', '001-half.png'));
    const result = runBin('cast2gif', ['in.cast', 'b.gif', '--snapshots', 'shots'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(lstatSync(join(dir, 'shots', '001-half.png')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'kept.png'))).toEqual(expected);
    expect(filesIn(join(dir, 'shots'))).toEqual(['001-half.png']);
  });

  it('a batch: an output that is a symlink updates its target; a FIFO output is written directly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.cast'), CAST);
    writeFileSync(join(dir, 'two.cast'), CAST.replace('hello', 'howdy'));
    const plain = runBin('cast2gif', ['one.cast', 'two.cast', '--out-dir', 'plain', '-q'], { cwd: dir });
    expect(plain.status, plain.stderr).toBe(0);
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync('../elsewhere/one.gif', join(dir, 'out', 'one.gif'));
    execFileSync('mkfifo', [join(dir, 'out', 'two.gif')]);
    const result = await renderIntoFifo(['one.cast', 'two.cast', '--out-dir', 'out', '-q'], dir, join(dir, 'out', 'two.gif'));
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere', 'one.gif'))).toEqual(readFileSync(join(dir, 'plain', 'one.gif')));
    expect(result.bytes).toEqual(readFileSync(join(dir, 'plain', 'two.gif')));
    expect(lstatSync(join(dir, 'out', 'one.gif')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'out', 'two.gif')).isFIFO()).toBe(true);
    expect(filesIn(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(filesIn(join(dir, 'elsewhere'))).toEqual(['one.gif']);
  });

  it('a batch output that is a folder fails that output with one line; the others are written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.cast'), CAST);
    writeFileSync(join(dir, 'two.cast'), CAST);
    mkdirSync(join(dir, 'out', 'one.gif'), { recursive: true });
    const result = runBin('cast2gif', ['one.cast', 'two.cast', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/out\/one\.gif: cannot be written \(it is a folder\)/);
    expect(filesIn(join(dir, 'out', 'one.gif'))).toEqual([]);
    expect(statSync(join(dir, 'out', 'two.gif')).size).toBeGreaterThan(0);
  });
});
