import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface MainRun {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function sink(into: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(Buffer.from(chunk));
      done();
    },
  });
}

/** The CLI in this process, with stdout and stderr captured (much faster than spawning the bin). */
export async function runMain(argv: string[], name: 'cast2gif' | 'cast2svg' = 'cast2gif'): Promise<MainRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const status = await main(argv, { name, defaultFormat: name === 'cast2gif' ? 'gif' : 'svg', stdout: sink(out), stderr: sink(err) });
  return { status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}
