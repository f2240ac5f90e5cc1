// Writes examples/glyphs.cast: what prompts and tools print beyond ASCII (a starship-style prompt
// with Nerd Font icons, `eza --icons`, npm's and a test runner's emoji, Hangul and other scripts,
// flags). The cast is committed; this script documents how it was made and can regenerate it.
import { writeFileSync } from 'node:fs';

const ESC = '\u001b';
const c = (code, text) => `${ESC}[${code}m${text}${ESC}[0m`;
const events = [];
let t = 0;
const out = (dt, data) => {
  t += dt;
  events.push([Number(t.toFixed(3)), 'o', data]);
};
const prompt = () =>
  out(0.3, `${c('1;34', '\uf07c ~/src/app')} on ${c('1;35', '\ue725 main')} ${c('31', '\uf044 !2')} via ${c('1;32', '\ue718 v20.20')} ${c('33', '\uf017 12:04')}\r\n${c('1;32', '\u276f')} `);
const type = (text) => {
  for (const ch of text) out(0.05 + ((ch.charCodeAt(0) * 7) % 5) / 100, ch);
  out(0.3, '\r\n');
};

prompt();
type('eza --icons');
out(0.05, `${c('1;34', '\uf07b docs')}  ${c('1;34', '\ue5fa node_modules')}  ${c('1;34', '\uf07b src')}  ${c('33', '\ue60b package.json')}  \uf48a README.md  ${c('32', '\ue628 index.ts')}\r\n`);
prompt();
type('npm test');
out(0.4, `${c('32', '\u2705')} fonts ${c('2', '(12 ms)')}   ${c('32', '\u2705')} emoji ${c('2', '(3 ms)')}   ${c('31', '\u274c')} flags ${c('2', '(1 ms)')}\r\n`);
out(0.3, `\u2728 Done in 0.4s \u{1F680}  \u{1F44D}\u{1F3FD} \u{1F469}\u200d\u{1F4BB} \u{1F1E9}\u{1F1EA} \u{1F1EF}\u{1F1F5} \u{1F1F0}\u{1F1F7} \u{1F1FA}\u{1F1F8}\r\n`);
prompt();
type('ls ~/\ubb38\uc11c');
out(0.05, `\ubcf4\uace0\uc11c.txt  \u65e5\u672c\u8a9e.md  \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35.txt  \u0928\u092e\u0938\u094d\u0924\u0947.txt  \u10d2\u10d0\u10db\u10d0\u10e0\u10ef\u10dd\u10d1\u10d0.txt\r\n`);
prompt();
out(1.5, '');

const header = { version: 2, width: 80, height: 14, title: 'cast2gif glyphs', env: { TERM: 'xterm-256color', SHELL: '/bin/zsh' } };
writeFileSync(new URL('../examples/glyphs.cast', import.meta.url), [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n');
