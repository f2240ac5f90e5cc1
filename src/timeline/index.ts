export { checkRange, frameGroups, isBefore, MarkerMatcher, TimePointError, type FrameGroup } from './timeline.js';
export { parseTimePoint, TIMELINE_DEFAULTS, type TimelineOptions, type TimePoint } from './options.js';
