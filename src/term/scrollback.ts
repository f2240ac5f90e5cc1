import type { Line } from './line.js';

/** Lines scrolled off the top of the normal screen, oldest first, in a fixed-size ring. */
export class Scrollback {
  private readonly ring: (Line | undefined)[];
  private start = 0;
  length = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array<Line | undefined>(capacity);
  }

  /** Add the newest line; returns the oldest one when it had to make room, for reuse. */
  push(line: Line): Line | undefined {
    if (this.capacity === 0) return line;
    if (this.length < this.capacity) {
      this.ring[(this.start + this.length++) % this.capacity] = line;
      return undefined;
    }
    const evicted = this.ring[this.start];
    this.ring[this.start] = line;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }

  /** Take back the newest line. */
  pop(): Line | undefined {
    if (this.length === 0) return undefined;
    const i = (this.start + --this.length) % this.capacity;
    const line = this.ring[i];
    this.ring[i] = undefined;
    return line;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.length = 0;
  }
}
