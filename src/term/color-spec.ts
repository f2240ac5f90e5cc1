/**
 * Colour specifications in OSC 4/10/11/12, as XParseColor reads them: `rgb:R/G/B` with 1..4 hex
 * digits per channel, or `#RGB` with 1..4 digits per channel. Returns 0xRRGGBB, or -1 when the
 * text is not a colour (a `?` query, an X11 colour name we do not know).
 */
export function parseColorSpec(spec: string): number {
  const s = spec.trim().toLowerCase();
  if (s.startsWith('rgb:')) {
    const parts = s.slice(4).split('/');
    if (parts.length !== 3) return -1;
    let rgb = 0;
    for (const p of parts) {
      const v = scaleHex(p);
      if (v < 0) return -1;
      rgb = (rgb << 8) | v;
    }
    return rgb;
  }
  if (s.startsWith('#')) {
    const hex = s.slice(1);
    if (hex.length === 0 || hex.length % 3 !== 0 || hex.length > 12) return -1;
    const n = hex.length / 3;
    let rgb = 0;
    for (let i = 0; i < 3; i++) {
      // '#' forms keep the most significant digits (#RGB means R0G0B0), unlike rgb: which scales.
      const part = hex.slice(i * n, i * n + n);
      if (!/^[0-9a-f]+$/.test(part)) return -1;
      const padded = (part + '00').slice(0, 2);
      rgb = (rgb << 8) | parseInt(padded, 16);
    }
    return rgb;
  }
  return -1;
}

function scaleHex(part: string): number {
  if (part.length < 1 || part.length > 4 || !/^[0-9a-f]+$/.test(part)) return -1;
  const max = (1 << (4 * part.length)) - 1;
  return Math.round((parseInt(part, 16) * 255) / max);
}
