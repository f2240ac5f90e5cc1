// Batch mode: many casts to many formats in worker threads, incremental, shardable, configurable.
export { runBatch, type BatchRequest } from './run-batch.js';
export { BatchSetupError } from './errors.js';
export { expandInputs, type BatchInput } from './inputs.js';
export { globBase, isGlob } from './glob.js';
export { planOutputs, type PlannedInput, type PlannedOutput } from './plan.js';
export { parseShard, shardSlice, type Shard } from './shard.js';
export { loadConfig, parseConfig, optionsFor, CONFIG_FILE, type BatchConfig, type Override } from './config.js';
export { MANIFEST_FILE } from './manifest.js';
export { createReporter, type LogOptions } from './reporter.js';
export type { BatchSummary, InputResult, OutputResult, OutputStatus } from './summary.js';
