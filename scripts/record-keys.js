// Records real keyboard input: Debian's asciinema 2 (`rec --stdin`) runs `cat` inside a detached
// tmux session, and `tmux send-keys` types into it, as a person at the keyboard would. Shared by
// test/keys/recorded.test.ts and scripts/update-golden-keys.js, so the golden comes from the same
// keystrokes the test sends.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What is typed, group by group, with the overlay's text expected a little after each group
 * (PROBE_AFTER seconds after the group's last key). Groups lie 3 s apart, longer than a key's
 * 2 s hold, so each probe sees only its own group; keys within a group are 0.3 s apart.
 */
export const KEY_GROUPS = [
  { keys: [['-l', 'hello world'], ['Enter']], overlay: 'hello world ⏎' },
  { keys: [['Up'], ['C-Left'], ['F5']], overlay: '↑ ⌃← F5' },
  { keys: [['-l', 'x'], ['BSpace'], ['Tab']], overlay: 'x ⌫ ⇥' },
  { keys: [['C-c']], overlay: '⌃C' },
];
export const PROBE_AFTER = 0.5;
/** The group whose still is the PNG golden. */
export const GOLDEN_GROUP = 1;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Records into a new temporary folder; returns the cast's path and a cleanup. */
export function recordKeys() {
  const dir = mkdtempSync(join(tmpdir(), 'cast2gif-keys-'));
  const cast = join(dir, 'typed.cast');
  const socket = `cast2gif-keys-${process.pid}-${Date.now()}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  // asciinema keeps its config and install id under HOME: a folder of its own, never the user's.
  const env = `HOME=${dir} ASCIINEMA_CONFIG_HOME=${dir} TERM=xterm-256color`;
  try {
    tmux('new-session', '-d', '-s', 'cast2gif', '-x', '40', '-y', '8', `env ${env} asciinema rec --stdin -q --overwrite --cols 40 --rows 6 -c cat ${cast}`);
    // cat is running once asciinema has written the header.
    for (let i = 0; i < 100 && !(existsSync(cast) && readFileSync(cast, 'utf8').includes('\n')); i++) sleep(100);
    sleep(500);
    for (const group of KEY_GROUPS) {
      for (const key of group.keys) {
        tmux('send-keys', '-t', 'cast2gif', ...key);
        sleep(300);
      }
      sleep(3000);
    }
    // C-c ended cat, and with it the recording; wait until asciinema has closed the file.
    for (let i = 0; i < 50; i++) {
      try {
        tmux('has-session');
      } catch {
        break;
      }
      sleep(100);
    }
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // Already gone with its only session.
    }
  }
  return { cast, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Probe times (recording clock) from the recorded input events: PROBE_AFTER after each group's
 * last key. The input events are read straight from the file, one JSON array a line.
 */
export function probeTimes(castPath) {
  const inputs = readFileSync(castPath, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .filter((event) => event[1] === 'i')
    .map((event) => event[0]);
  // A group's keys come within a second; the next group 2.5 s later.
  const lastOfGroup = inputs.filter((t, i) => i === inputs.length - 1 || inputs[i + 1] - t > 1.5);
  return lastOfGroup.map((t) => t + PROBE_AFTER);
}
