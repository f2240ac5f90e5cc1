export type { AnimationInfo, Frame } from './frame.js';
export { animationInfo, castFrames, keysRoom, stillAt, stillFrame, terminalAt, type FramesOptions, type PlaybackOptions } from './frames.js';
export { diffScreens, sameRow, type ScreenChange } from './screen-diff.js';
export { dropShortFrames } from './drop-frames.js';
