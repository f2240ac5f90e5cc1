#!/usr/bin/env node
import { run } from '../dist/cli/main.js';

await run({ name: 'cast2gif', defaultFormat: 'gif' });
