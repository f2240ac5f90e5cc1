
/** The player and resting layer's ids (see SlotTimeline.player). */
export const PLAYER_ID = '_p';
export const REST_ID = '_r';
/** The grid's clip path (see SvgDocument.head): no <use> draws it. */
const EMPTY_ID = '_c';

/**
 * The timeline of the frames: which slot shows for how long. Kept as two growing number arrays
 * (a few bytes a frame) because key times need the total length, known only at the end.
 */
export class SlotTimeline {
  private readonly slots: number[] = [];
  private readonly durations: number[] = [];

  get length(): number {
    return this.slots.length;
  }

  /** Shows `slot` for `duration` seconds; the same slot again only lengthens the previous entry. */
  push(slot: number, duration: number): void {
    const last = this.slots.length - 1;
    if (last >= 0 && this.slots[last] === slot) this.durations[last]! += duration;
    else {
      this.slots.push(slot);
      this.durations.push(duration);
    }
  }

  /** Whether `slot` shows anywhere but in the last entry. */
  shownBeforeEnd(slot: number): boolean {
    return this.slots.indexOf(slot) < this.slots.length - 1;
  }

  /**
   * The animation as SMIL, which a browser plays in an <img> as well: one <use> (the player)
   * whose href steps through the frames, all kept in <defs>, so that a viewer lays out and paints
   * one frame at a time, however many there are. The last frame is the resting layer's (real,
   * selectable text): hidden until its time comes, it is what stays once a finite animation
   * ends, and all that shows without animation (reduced motion, viewers that run no SMIL). `idOf`
   * names the element that draws a slot. Undefined when nothing moves.
   */
  player(loop: number, idOf: (slot: number) => string): { player: string; rest: string } | undefined {
    const total = this.durations.reduce((a, b) => a + b, 0);
    if (this.slots.length < 2 || !(total > 0)) return undefined;
    // Enough decimals that no key time moves by more than half a millisecond; past 17 a double has no more to give.
    const decimals = Math.min(17, Math.max(0, Math.ceil(Math.log10(total * 1000))));
    const entries: { at: string; slot: number }[] = [];
    let time = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const at = fraction(time / total, decimals);
      time += this.durations[i]!;
      // A frame too short to move the key time is never seen: the next one replaces it.
      if (entries.length > 0 && entries[entries.length - 1]!.at === at) entries.pop();
      const slot = this.slots[i]!;
      if (entries.length > 0 && entries[entries.length - 1]!.slot === slot) continue;
      entries.push({ at, slot });
    }
    const restAt = entries[entries.length - 1]!.at;
    const shown = entries.slice(0, -1);
    if (shown.length === 0) return undefined;
    const seconds = trimZeros(total.toFixed(3));
    const count = loop <= 0 ? 'indefinite' : String(Math.floor(loop));
    const timing = `dur="${seconds}s" calcMode="discrete" repeatCount="${count}"`;
    // In the last frame's time, every loop, and once the last loop is over, the player points at
    // the grid's clip path, which a <use> does not draw: the resting layer draws that frame.
    const hrefs = [...shown.map((e) => `#${idOf(e.slot)}`), `#${EMPTY_ID}`].join(';');
    const times = [...shown.map((e) => e.at), restAt].join(';');
    const player =
      `<use id="${PLAYER_ID}">` +
      `<animate attributeName="href" values="${hrefs}" keyTimes="${times}" ${timing}/></use>`;
    const rest = `<animate attributeName="visibility" values="hidden;visible" keyTimes="0;${restAt}" ${timing}/>`;
    return { player, rest };
  }
}

/** 0 <= value < 1 with `decimals` digits, as short as it can be written. */
function fraction(value: number, decimals: number): string {
  const text = trimZeros(value.toFixed(decimals));
  return text === '0' ? '0' : text.replace(/^0\./, '.');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

