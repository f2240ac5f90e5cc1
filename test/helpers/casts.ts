import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An event line of an asciicast v2: [seconds, code ('o' output, 'm' marker, 'r' resize, 'i' input), data]. */
export type EventLine = readonly [number, string, string];

/**
 * An asciicast v2 recording: its header line ({"version": 2}, 80x24 unless `header` says otherwise,
 * then the other fields of `header`) and one JSON line per event. Events are written as given, so a
 * test can pass malformed ones too.
 */
export function castText(header: Record<string, unknown> = {}, events: readonly unknown[] = []): string {
  return [{ version: 2, width: 80, height: 24, ...header }, ...events].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** Output events `step` seconds apart, the first at `start` (by default one step in). */
export const outputs = (texts: readonly string[], step: number, start = step): EventLine[] => texts.map((text, i) => [start + i * step, 'o', text]);

/** Writes a recording into dir; returns its path. */
export function writeCast(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * `frames` screens of random characters in random colours, `step` seconds apart, each redrawing the
 * whole screen: noise no encoder can squeeze, and every frame to draw. Seeded, so a failure replays.
 */
export function noiseCast({ width, height, frames, step, seed = 7 }: { width: number; height: number; frames: number; step: number; seed?: number }): string {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const events: EventLine[] = [];
  for (let i = 0; i < frames; i++) {
    let screen = '\u001b[H';
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) screen += `\u001b[3${1 + Math.floor(random() * 7)}m${String.fromCharCode(33 + Math.floor(random() * 90))}`;
      if (y < height - 1) screen += '\r\n';
    }
    events.push([i * step, 'o', screen]);
  }
  return castText({ width, height }, events);
}
