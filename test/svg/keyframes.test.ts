import { describe, expect, it } from 'vitest';
import { SlotTimeline } from '../../src/svg/animation.js';

describe('SlotTimeline.css', () => {
  it('puts a keyframe at the start of every frame and holds the last one to 100%', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 2);
    t.push(2, 1);
    // 4 s in all: frames start at 0 %, 25 %, 75 %; the last is also the 100 % keyframe. The resting
    // transform (last frame) is off while the animation runs; `translate` moves the strip.
    expect(t.css(100, 0)).toBe(
      '#_s{transform:translateY(-200px)}' +
        '@keyframes k{0%{transform:none;translate:0}25%{translate:0 -100px}75%{translate:0 -200px}100%{transform:none;translate:0 -200px}}' +
        '#_s{animation:k 4s step-end infinite}' +
        '@media (prefers-reduced-motion:reduce){#_s{animation:none}}',
    );
  });

  it('plays a finite number of times', () => {
    const t = new SlotTimeline();
    t.push(0, 0.5);
    t.push(1, 0.25);
    expect(t.css(10, 1)).toContain('#_s{animation:k 0.75s step-end 1}');
    expect(t.css(10, 3)).toContain('step-end 3}');
  });

  it('lengthens a frame when the same slot follows, and writes no animation for one frame', () => {
    const t = new SlotTimeline();
    t.push(4, 1);
    t.push(4, 2);
    expect(t.length).toBe(1);
    expect(t.css(10, 0)).toBe('#_s{transform:translateY(-40px)}');
  });

  it('uses enough decimals that no frame moves by half a millisecond', () => {
    const t = new SlotTimeline();
    t.push(0, 1000);
    t.push(1, 0.001);
    t.push(2, 2599.999);
    // 3600 s: 1000 s is 27.7777…%, written to 5 decimals (an error of at most 0.18 ms).
    expect(t.css(1, 0)).toContain('27.77778%{translate:0 -1px}');
    expect(t.css(1, 0)).toContain('animation:k 3600s');
  });

  it('drops a frame too short to have a keyframe position of its own', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 0);
    t.push(2, 1);
    const css = t.css(1, 0);
    expect(css).not.toContain('translate:0 -1px}');
    expect(css).toContain('50%{translate:0 -2px}');
  });

  it('writes any finite length: decimals stop where a double has no more, lengths past 10^21 s in CSS exponent form', () => {
    const t = new SlotTimeline();
    t.push(0, 1);
    t.push(1, 1e300);
    const css = t.css(1, 0);
    expect(css).toContain('animation:k 1e+300s step-end infinite');
    // The first second is 10^-300 of the whole: too short for a keyframe of its own, so the long frame starts at 0%.
    expect(css).toContain('@keyframes k{0%{transform:none;translate:0 -1px}100%{transform:none;translate:0 -1px}}');
  });
});
