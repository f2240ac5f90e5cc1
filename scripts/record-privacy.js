// Records the real sessions behind test/privacy: a clean bash typed into a key at a time
// (scripts/tmux-recorder.js). Run by hand (`node scripts/record-privacy.js
// test/privacy/recordings [NAME…]`); the casts are committed, so the tests never depend on the
// machine's bash, vim or nano.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordInTmux, sleep } from './tmux-recorder.js';

/** A step: text typed key by key, a named tmux key, a bracketed paste, or a pause (ms). */
const type = (text, gap = 90) => ({ type: text, gap });
const key = (...names) => ({ keys: names });
const paste = (text) => ({ paste: text });
const pause = (ms) => ({ pause: ms });

const SHELL_SETUP = [type("PS1='$ '; clear", 20), key('Enter'), pause(400)];

/** Each session: what runs in the recorded terminal, and what is typed into it. */
const SESSIONS = {
  // bash's read -s: the tty does not echo; the next command is typed normally.
  'read-s': [
    ...SHELL_SETUP,
    type('read -s -p "[sudo] password: " pw; echo; echo done'),
    key('Enter'),
    pause(600),
    type('hunter2secret', 140),
    pause(300),
    key('Enter'),
    pause(700),
    type('echo visible typing'),
    key('Enter'),
    pause(800),
  ],
  // A password prompt in Python (getpass, as pip, twine and many CLIs ask), then more typing at the shell.
  'getpass-then-typing': [
    ...SHELL_SETUP,
    type('python3 -c "import getpass; getpass.getpass(\'Token: \')"'),
    key('Enter'),
    pause(900),
    type('s3cr3t-Pa55', 110),
    key('Enter'),
    pause(700),
    type('ls /usr/share/doc/bash'),
    key('Enter'),
    pause(900),
    type('exit'),
    key('Enter'),
    pause(300),
  ],
  // Readline editing: typed text, a cursor move left and an insertion in the middle, history, a completion.
  readline: [
    ...SHELL_SETUP,
    type('echo helo world'),
    key('Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'Left'),
    pause(200),
    type('l'),
    key('End'),
    pause(200),
    key('Enter'),
    pause(600),
    key('Up'),
    pause(300),
    key('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace'),
    type('there'),
    key('Enter'),
    pause(600),
    type('ls /usr/share/doc/ba'),
    key('Tab'),
    pause(300),
    key('Tab'),
    pause(600),
    key('C-c'),
    pause(600),
  ],
  // vim: insert-mode typing, Escape, normal-mode commands, and the command line.
  vim: [
    ...SHELL_SETUP,
    type('vim -u NONE -N -i NONE notes.txt'),
    key('Enter'),
    pause(1200),
    type('i'),
    pause(300),
    type('first line typed in vim'),
    key('Enter'),
    type('second line'),
    pause(300),
    key('Escape'),
    pause(400),
    type('gg', 200),
    pause(300),
    type('dd', 200),
    pause(400),
    type(':wq', 150),
    key('Enter'),
    pause(1000),
  ],
  nano: [
    ...SHELL_SETUP,
    type('nano --ignorercfiles notes.txt'),
    key('Enter'),
    pause(1200),
    type('typed in nano'),
    key('Enter'),
    pause(300),
    key('C-x'),
    pause(500),
    type('n'),
    pause(800),
  ],
  // A bracketed paste at a readline prompt (shown), then the same paste at read -s (not shown).
  paste: [
    ...SHELL_SETUP,
    type('echo '),
    paste('pasted words here'),
    pause(300),
    key('Enter'),
    pause(600),
    type('read -s -p "passphrase: " pp; echo'),
    key('Enter'),
    pause(600),
    paste('correct horse battery staple'),
    pause(300),
    key('Enter'),
    pause(800),
  ],
  // Secrets on screen: typed (echoed) into a file, printed by cat, and a private key from openssl.
  secrets: [
    ...SHELL_SETUP,
    type("printf 'GITHUB_TOKEN=ghp_Q3v8LmT2xK9pR4sW7yZ1aB6cD0eF5gH2jN8k\\nAWS_ACCESS_KEY_ID=AKIAQ7XKZ3M5N2P8R4TB\\n' > .env", 30),
    key('Enter'),
    pause(500),
    type('cat .env'),
    key('Enter'),
    pause(800),
    type('openssl genpkey -algorithm ed25519 | tee key.pem', 30),
    key('Enter'),
    pause(1200),
    type('echo done'),
    key('Enter'),
    pause(800),
  ],
};

function record(name, steps, outDir) {
  const dir = mkdtempSync(join(tmpdir(), 'cast2gif-privacy-'));
  const cast = join(dir, `${name}.cast`);
  recordInTmux({
    cast,
    dir,
    cols: 60,
    rows: 12,
    // A clean shell: no rc files, no history, nothing of the recording machine's user.
    command: 'bash --norc --noprofile -i',
    env: 'HISTFILE=/dev/null LANG=C.UTF-8',
    settle: 800,
    drive: (tmux) => {
      for (const step of steps) {
        if (step.type !== undefined) {
          for (const ch of step.type) {
            // A lone ';' ends a tmux command: escaped, it is typed.
            tmux('send-keys', '-t', 'rec', '-l', ch === ';' ? '\\;' : ch);
            sleep(step.gap);
          }
        } else if (step.keys) {
          for (const k of step.keys) {
            tmux('send-keys', '-t', 'rec', k);
            sleep(120);
          }
        } else if (step.paste !== undefined) {
          tmux('set-buffer', '-b', 'p', step.paste);
          // -p: bracketed, when the program asked for it (readline does; read -s does not).
          tmux('paste-buffer', '-p', '-b', 'p', '-t', 'rec');
        } else sleep(step.pause);
      }
      try {
        tmux('send-keys', '-t', 'rec', 'C-d');
      } catch {
        // The session may already be over (exit typed).
      }
    },
  });
  const text = readFileSync(cast, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  // The header's timestamp and env say when and where it was made: neither is needed, so neither is kept.
  const [header, ...events] = text.split('\n');
  const h = JSON.parse(header);
  delete h.timestamp;
  h.env = { TERM: 'xterm-256color', SHELL: '/bin/bash' };
  writeFileSync(join(outDir, `${name}.cast`), [JSON.stringify(h), ...events].join('\n'));
}

const outDir = resolve(process.argv[2] ?? 'test/privacy/recordings');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(3);
for (const [name, steps] of Object.entries(SESSIONS)) {
  if (only.length > 0 && !only.includes(name)) continue;
  record(name, steps, outDir);
  console.log(`recorded ${name}`);
}
