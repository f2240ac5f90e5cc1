import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';

/** cast2gif's command line parsed as commander would, throwing instead of exiting and printing. */
export const parsed = (args: string[]): Command => {
  const program = buildProgram({ name: 'cast2gif', version: '0', defaultFormat: 'gif' }).exitOverride().configureOutput({ writeErr: () => {} });
  return program.parse(args, { from: 'user' });
};
