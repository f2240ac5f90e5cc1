// Real recordings of real keyboard input: Debian's asciinema 2 (`rec --stdin`) runs a program in a
// detached tmux session, and `tmux send-keys` types into it, as a person at the keyboard would.
// Shared by scripts/record-keys.js and scripts/record-privacy.js.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Records `command` into `cast` at cols x rows, with HOME and asciinema's config in `dir` (never the
 * user's), `env` added; `drive(tmux)` types once the program runs (`tmux('send-keys', '-t', 'rec', …)`).
 * Returns once the program has ended, which ends the recording.
 */
export function recordInTmux({ cast, dir, cols, rows, command, env = '', settle = 500, drive }) {
  const socket = `cast2gif-rec-${process.pid}-${Date.now()}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const environment = `HOME=${dir} ASCIINEMA_CONFIG_HOME=${dir} TERM=xterm-256color ${env}`.trim();
  try {
    tmux('new-session', '-d', '-s', 'rec', '-x', String(cols), '-y', String(rows + 2), '-c', dir, `env ${environment} asciinema rec --stdin -q --overwrite --cols ${cols} --rows ${rows} -c '${command}' ${cast}`);
    // The program is running once asciinema has written the header.
    for (let i = 0; i < 100 && !(existsSync(cast) && readFileSync(cast, 'utf8').includes('\n')); i++) sleep(100);
    sleep(settle);
    drive(tmux);
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
}
