import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { castText } from '../helpers/casts.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The program every recorder runs: colours (16, 256, truecolor), absolute cursor moves, and
 * UTF-8 whose 3-byte character 日 is split across two writes with a pause between, so the
 * recorders store it in two records / timing entries.
 */
export const PROGRAM = String.raw`
printf '\033[31mred\033[0m \033[1;32mgreen bold\033[0m\n'
printf 'h\303\251llo w\303\266rld \342\234\223 \346\227'
sleep 0.15
printf '\245\346\234\254\n'
printf 'abc\033[2;5Hxy\033[10;1H\033[44mblue bg\033[0m\033[5;20H\033[38;5;208m256\033[38;2;10;200;30mtrue\033[0m'
sleep 0.25
printf '\r\nend\n'
`;

/** What the program's output becomes on the pty: the line discipline turns LF into CR LF. */
export const EXPECTED_OUTPUT =
  '\x1b[31mred\x1b[0m \x1b[1;32mgreen bold\x1b[0m\r\n' +
  'héllo wörld ✓ 日本\r\n' +
  'abc\x1b[2;5Hxy\x1b[10;1H\x1b[44mblue bg\x1b[0m\x1b[5;20H\x1b[38;5;208m256\x1b[38;2;10;200;30mtrue\x1b[0m' +
  '\r\r\nend\r\n';

export const COLS = 90;
export const ROWS = 20;

export interface Recordings {
  readonly dir: string;
  readonly ttyrec: string;
  readonly classic: { typescript: string; timing: string };
  readonly classicLogOut: { typescript: string; timing: string };
  readonly advanced: { typescript: string; timing: string };
  readonly logIo: { typescript: string; timing: string };
  readonly resize: { typescript: string; timing: string };
}

/**
 * Runs `command` in a pseudo-terminal of COLS x ROWS: util-linux script gives the pty (the
 * recorders refuse or misbehave without one), stty sets its size. `$OUTER` names that pty.
 * script's stdin stays open and silent: at end of input script sends an EOF character into the
 * pty, which would reach the recorder inside as typed input and be echoed into the recording.
 */
function inPty(dir: string, command: string): Promise<void> {
  const inner = `stty cols ${COLS} rows ${ROWS}; OUTER=$(tty); export OUTER; ${command}`;
  const child = spawn('script', ['-q', '-c', inner, '/dev/null'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, SHELL: '/bin/bash', TERM: 'xterm-256color' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill(), 20_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      if (status === 0) resolve();
      else reject(new Error(`recording failed (${status}): ${command}\n${stderr}`));
    });
  });
}

/** The program recorded by asciinema (a separate Debian package from the other recorders). Its folder goes when the test file is done. */
export async function recordWithAsciinema(): Promise<{ dir: string; cast: string }> {
  const dir = tempDir('asciinema');
  writeFileSync(join(dir, 'program.sh'), PROGRAM);
  await inPty(dir, `asciinema rec -q -c 'bash program.sh' session.cast`);
  return { dir, cast: join(dir, 'session.cast') };
}

/** The same output as an asciicast, written by hand: what the other formats are compared with. */
export const REFERENCE_CAST = castText({ width: COLS, height: ROWS }, [[0.5, 'o', EXPECTED_OUTPUT]]);

/** The recordings, in a folder removed when the test file is done. */
export async function makeRecordings(): Promise<Recordings> {
  const dir = tempDir('formats');
  writeFileSync(join(dir, 'program.sh'), PROGRAM);
  // A resize of the outer pty reaches the recording script(1) as SIGWINCH, logged as an S entry.
  writeFileSync(join(dir, 'resize.sh'), `printf 'before\\n'\nsleep 0.1\nstty cols 100 rows 30 < "$OUTER"\nsleep 0.1\nprintf 'after\\n'\n`);
  const run = 'bash program.sh';
  // Independent recordings, made side by side to keep the test short.
  await Promise.all([
    // ttyrec can stop reading the pty as soon as its command exits; a pause lets it drain the last output.
    inPty(dir, `ttyrec -e '${run}; sleep 0.3' session.ttyrec`),
    inPty(dir, `script -q --timing=classic.tm -c '${run}' classic.log`),
    inPty(dir, `script -q --log-out logout.log --log-timing logout.tm -c '${run}'`),
    inPty(dir, `script -q -m advanced --log-out advanced.log --log-timing advanced.tm -c '${run}'`),
    inPty(dir, `script -q --log-io io.log --log-timing io.tm -c '${run}'`),
    inPty(dir, `script -q -m advanced --log-out resize.log --log-timing resize.tm -c 'bash resize.sh'`),
  ]);
  const pair = (name: string, timing = name) => ({ typescript: join(dir, `${name}.log`), timing: join(dir, `${timing}.tm`) });
  return {
    dir,
    ttyrec: join(dir, 'session.ttyrec'),
    classic: pair('classic'),
    classicLogOut: pair('logout'),
    advanced: pair('advanced'),
    logIo: pair('io'),
    resize: pair('resize'),
  };
}
