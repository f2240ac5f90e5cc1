import { execFileSync } from 'node:child_process';

/** The PNG rsvg-convert (librsvg) draws of an SVG given on its stdin; throws with its message if it cannot. */
export const rsvgPng = (svg: string): Buffer => execFileSync('rsvg-convert', [], { input: svg, maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'] });
