import { describe, expect, it } from 'vitest';
import { SlotTimeline } from '../../src/svg/animation.js';

const idOf = (slot: number) => `s${slot}`;

describe('SlotTimeline.player', () => {
  it('steps the player through every frame but the last, which the resting layer shows to the end', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 2);
    t.push(2, 1);
    // 4 s in all: frames start at 0, 1/4 and 3/4. In the last quarter the player points at the
    // grid's clip path (drawing nothing) and the resting layer is visible.
    expect(t.player(0, idOf)).toEqual({
      player:
        '<use id="_p"><animate attributeName="href" values="#s0;#s1;#_c" keyTimes="0;.25;.75" dur="4s" calcMode="discrete" repeatCount="indefinite"/></use>',
      rest: '<animate attributeName="visibility" values="hidden;visible" keyTimes="0;.75" dur="4s" calcMode="discrete" repeatCount="indefinite"/>',
    });
  });

  it('plays a finite number of times', () => {
    const t = new SlotTimeline();
    t.push(0, 0.5);
    t.push(1, 0.25);
    expect(t.player(1, idOf)!.player).toContain('dur="0.75s" calcMode="discrete" repeatCount="1"');
    expect(t.player(3, idOf)!.rest).toContain('repeatCount="3"');
  });

  it('lengthens a frame when the same slot follows, and writes no animation for one frame', () => {
    const t = new SlotTimeline();
    t.push(4, 1);
    t.push(4, 2);
    expect(t.length).toBe(1);
    expect(t.player(0, idOf)).toBeUndefined();
  });

  it('uses enough decimals that no frame moves by half a millisecond', () => {
    const t = new SlotTimeline();
    t.push(0, 1000);
    t.push(1, 0.001);
    t.push(2, 2599.999);
    // 3600 s: 1000 s is 0.2777…, written to 7 decimals (an error of at most 0.18 ms).
    const { player } = t.player(1, idOf)!;
    expect(player).toContain('keyTimes="0;.2777778;.2777781"');
    expect(player).toContain('dur="3600s"');
  });

  it('drops a frame too short to have a key time of its own', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 0);
    t.push(2, 1);
    expect(t.player(1, idOf)!.player).toContain('values="#s0;#_c" keyTimes="0;.5"');
  });

  it('shows a screen that comes back in each of its times', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 1);
    t.push(0, 1);
    t.push(2, 1);
    expect(t.player(0, idOf)!.player).toContain('values="#s0;#s1;#s0;#_c" keyTimes="0;.25;.5;.75"');
    expect(t.shownBeforeEnd(0)).toBe(true);
    expect(t.shownBeforeEnd(2)).toBe(false);
  });

  it('writes any finite length: decimals stop where a double has no more, lengths past 10^21 s in exponent form', () => {
    const t = new SlotTimeline();
    t.push(0, 1e300);
    t.push(1, 1);
    expect(t.player(0, idOf)!.player).toContain('dur="1e+300s"');
    // The first second is 10^-300 of the whole: too short to be seen, so only the long last frame shows (the resting layer).
    const short = new SlotTimeline();
    short.push(0, 1);
    short.push(1, 1e300);
    expect(short.player(0, idOf)).toBeUndefined();
  });
});
