// Records real keyboard input typed into `cat` (scripts/tmux-recorder.js). Shared by
// test/keys/recorded.browser.test.ts and scripts/update-golden-keys.js, so the golden comes from
// the same keystrokes the test sends.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordInTmux, sleep } from './tmux-recorder.js';

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

/** Records into a new temporary folder; returns the cast's path and a cleanup. */
export function recordKeys() {
  const dir = mkdtempSync(join(tmpdir(), 'cast2gif-keys-'));
  const cast = join(dir, 'typed.cast');
  recordInTmux({
    cast,
    dir,
    cols: 40,
    rows: 6,
    command: 'cat',
    drive: (tmux) => {
      for (const group of KEY_GROUPS) {
        for (const key of group.keys) {
          tmux('send-keys', '-t', 'rec', ...key);
          sleep(300);
        }
        sleep(3000);
      }
      // C-c ends cat, and with it the recording.
    },
  });
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
