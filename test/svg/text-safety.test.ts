import { describe, expect, it } from 'vitest';
import { cleanText, escapeText, escapeXml } from '../../src/svg/xml.js';
import { hexColor, num, shortName } from '../../src/svg/numbers.js';

describe('cleanText / escapeXml', () => {
  it('escapes markup and CDATA ends so text cannot leave its element or attribute', () => {
    expect(escapeXml('</text><script>alert(1)</script>')).toBe('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml(']]> & "q"')).toBe(']]&gt; &amp; &quot;q&quot;');
    // Element content keeps its quotes, which only an attribute value would end at.
    expect(escapeText('</text> ]]> & "q" \u0007')).toBe('&lt;/text&gt; ]]&gt; &amp; "q" ');
  });

  it('drops C0/C1 controls, NUL, lone surrogates, U+FFFE/FFFF and bidi controls, keeping pairs', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009bg')).toBe('abcdefg');
    expect(cleanText('x\ud800y\udc00z')).toBe('xyz');
    expect(cleanText('😀')).toBe('😀');
    expect(cleanText('\u202eevil\u202c \u2066iso\u2069 \u200fr')).toBe('evil iso r');
    expect(cleanText('\ufffe\uffff.')).toBe('.');
  });
});

describe('short numbers and names', () => {
  it('writes at most two decimals without padding zeros', () => {
    expect(num(0)).toBe('0');
    expect(num(-0.001)).toBe('0');
    expect(num(8.4)).toBe('8.4');
    expect(num(25.200000000000003)).toBe('25.2');
    expect(num(0.5)).toBe('.5');
    expect(num(-0.25)).toBe('-.25');
    expect(num(-15.04)).toBe('-15.04');
    expect(num(1234567)).toBe('1234567');
  });

  it('shortens colours where CSS allows', () => {
    expect(hexColor(0xcccccc)).toBe('#ccc');
    expect(hexColor(0x112233)).toBe('#123');
    expect(hexColor(0x121314)).toBe('#121314');
    expect(hexColor(0x000000)).toBe('#000');
  });

  it('gives distinct names that are valid CSS identifiers', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const name = shortName(i);
      expect(name).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
      seen.add(name);
    }
    expect(seen.size).toBe(20_000);
    expect(shortName(0)).toBe('a');
    expect(shortName(51)).toBe('Z');
    expect(shortName(52).length).toBe(2);
  });
});
