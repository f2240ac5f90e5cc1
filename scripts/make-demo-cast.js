// Writes examples/demo.cast: a short session showing colours, Unicode and a full-screen redraw.
// The cast is committed; this script documents how it was made and can regenerate it.
import { writeFileSync } from 'node:fs';

const ESC = '\u001b';
const events = [];
let t = 0;
const out = (dt, data) => {
  t += dt;
  events.push([Number(t.toFixed(3)), 'o', data]);
};
const prompt = `${ESC}[1;32mdemo${ESC}[0m:${ESC}[1;34m~/cast2gif${ESC}[0m$ `;
const type = (text) => {
  for (const ch of text) out(0.06 + ((ch.charCodeAt(0) * 7) % 5) / 100, ch);
  out(0.3, '\r\n');
};

out(0.2, prompt);
type('ls --color');
out(0.05, `${ESC}[1;34mbin${ESC}[0m  ${ESC}[1;34mfonts${ESC}[0m  ${ESC}[1;34msrc${ESC}[0m  ${ESC}[1;32mbuild.sh${ESC}[0m  ${ESC}[0;31marchive.tar.gz${ESC}[0m  README.md  ${ESC}[1;36mlink${ESC}[0m\r\n`);
out(0.4, prompt);
type('./colors');
let line = '';
for (let i = 0; i < 16; i++) line += `${ESC}[48;5;${i}m  `;
out(0.05, `${line}${ESC}[0m\r\n`);
line = '';
for (let i = 0; i < 48; i++) {
  const r = Math.round(255 * (1 - i / 47));
  const b = Math.round(255 * (i / 47));
  line += `${ESC}[48;2;${r};80;${b}m `;
}
out(0.05, `${line}${ESC}[0m\r\n`);
out(0.05, `${ESC}[1mbold${ESC}[0m ${ESC}[2mfaint${ESC}[0m ${ESC}[3mitalic${ESC}[0m ${ESC}[4munderline${ESC}[0m ${ESC}[4:3;58;5;196mcurly${ESC}[0m ${ESC}[9mstrike${ESC}[0m ${ESC}[7minverse${ESC}[0m ${ESC}[53moverline${ESC}[0m\r\n`);
out(0.4, prompt);
type('echo "héllo wörld — 你好，世界 🎉 ✔"');
out(0.05, 'héllo wörld — 你好，世界 🎉 ✔\r\n');
out(0.5, prompt);
type('./progress');
// A full-screen program: alternate screen, a box drawn with box-drawing characters, a progress bar redrawn in place.
out(0.1, `${ESC}[?1049h${ESC}[?25l${ESC}[H${ESC}[2J`);
const width = 50;
const box = (row, text) => `${ESC}[${row};3H${text}`;
out(0.05,
  box(2, `╭${'─'.repeat(width)}╮`) +
    box(3, `│ ${ESC}[1mBuilding cast2gif${ESC}[0m${' '.repeat(width - 18)}│`) +
    box(4, `├${'─'.repeat(width)}┤`) +
    box(5, `│${' '.repeat(width)}│`) +
    box(6, `│${' '.repeat(width)}│`) +
    box(7, `╰${'─'.repeat(width)}╯`),
);
const steps = ['reading casts', 'terminal', 'timeline', 'rasterizing', 'encoding', 'done'];
for (let i = 0; i <= 40; i++) {
  const filled = Math.round((i / 40) * 40);
  const bar = `${ESC}[32m${'█'.repeat(filled)}${ESC}[90m${'░'.repeat(40 - filled)}${ESC}[0m`;
  const step = steps[Math.min(steps.length - 1, Math.floor((i / 40) * (steps.length - 1)))];
  out(0.08, box(5, `│ ${bar} ${String(Math.round((i / 40) * 100)).padStart(3)}%${" ".repeat(width - 46)}│`) + box(6, `│ ${ESC}[36m⠋${ESC}[0m ${step.padEnd(width - 4)} │`));
}
out(0.8, `${ESC}[?25h${ESC}[?1049l`);
out(0.1, `${ESC}[32m✔${ESC}[0m built in 3.2s\r\n`);
out(0.3, prompt);

const header = { version: 2, width: 60, height: 14, title: 'cast2gif demo', env: { TERM: 'xterm-256color', SHELL: '/bin/bash' } };
writeFileSync(new URL('../examples/demo.cast', import.meta.url), [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n');
