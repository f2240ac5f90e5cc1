#!/usr/bin/env node
import { run } from '../dist/bundle/cli.js';

await run({ name: 'cast2gif', defaultFormat: 'gif' });
