import { num } from './numbers.js';

/**
 * The timeline of the strip: which slot shows for how long. Kept as two growing number arrays
 * (a few bytes a frame) because percentages need the total length, known only at the end.
 */
export class SlotTimeline {
  private readonly slots: number[] = [];
  private readonly durations: number[] = [];

  get length(): number {
    return this.slots.length;
  }

  get lastSlot(): number {
    return this.slots[this.slots.length - 1] ?? 0;
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

  /**
   * CSS that plays the strip: one keyframe per shown frame at its start, held with step-end timing
   * until the next one. The last frame gets its own keyframe at its start *and* the 100% keyframe,
   * so it is held for its whole duration (a keyframe only at 100% would show it for no time) and
   * stays when a finite animation ends. Without animation (reduced motion, or a viewer that runs
   * no CSS animation) the strip rests on the last frame.
   */
  css(pitch: number, loop: number): string {
    const shift = (slot: number): string => `transform:translateY(${slot === 0 ? '0' : `${num(-slot * pitch)}px`})`;
    const rest = `#_s{${shift(this.lastSlot)}}`;
    const total = this.durations.reduce((a, b) => a + b, 0);
    if (this.slots.length < 2 || !(total > 0)) return rest;
    // Enough decimals that no keyframe moves by more than half a millisecond; past 17 a double has no more to give.
    const decimals = Math.min(17, Math.max(0, Math.ceil(Math.log10(total * 10))));
    const entries: { at: string; slot: number }[] = [];
    let time = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const at = `${trimZeros(((time / total) * 100).toFixed(decimals))}%`;
      time += this.durations[i]!;
      // A frame too short to move the keyframe position is never seen: the next one replaces it.
      if (entries.length > 0 && entries[entries.length - 1]!.at === at) entries.pop();
      entries.push({ at, slot: this.slots[i]! });
    }
    entries.push({ at: '100%', slot: this.lastSlot });
    // Keyframes move the strip with the shorter `translate` property; `transform` (the resting
    // position, which viewers without CSS animation show) is switched off for the animation's length
    // by naming it in the first and last keyframe only.
    const move = (slot: number): string => `translate:0${slot === 0 ? '' : ` ${num(-slot * pitch)}px`}`;
    const keyframes = entries
      .map((e, i) => `${e.at}{${i === 0 || i === entries.length - 1 ? 'transform:none;' : ''}${move(e.slot)}}`)
      .join('');
    const seconds = trimZeros(total.toFixed(3));
    const count = loop <= 0 ? 'infinite' : String(Math.floor(loop));
    return (
      `${rest}@keyframes k{${keyframes}}` +
      `#_s{animation:k ${seconds}s step-end ${count}}` +
      `@media (prefers-reduced-motion:reduce){#_s{animation:none}}`
    );
  }
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
