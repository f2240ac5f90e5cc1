export { frameGroups, isBefore, MarkerMatcher, type FrameGroup } from './timeline.js';
export { parseTimePoint, TIMELINE_DEFAULTS, type TimelineOptions, type TimePoint } from './options.js';
