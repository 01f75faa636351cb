/** Shared by the commands: output streams, usage errors, exit codes, version. */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXIT = { ok: 0, lint: 1, fatal: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * stdout's state. A reader that went away (`replylint dir | head -1`, EPIPE)
 * is not an error: nothing more is written, and the run goes on to the exit
 * code its results call for. Any other write error (`> /dev/full`) is: exit 2.
 */
const stdoutState: { closed: boolean; error?: string } = { closed: false };
/** stderr read by a reader that went away (`replylint dir 2>&1 | head -1`): nothing more is written to it. */
let stderrClosed = false;

export const processIo: Io = {
  stdout: (s) => {
    if (!stdoutState.closed) process.stdout.write(s);
  },
  stderr: (s) => {
    if (!stderrClosed) process.stderr.write(s);
  },
};

/** Watch stdout and stderr for write errors (replacing handlers installed before main() ran). */
export function watchStdout(): void {
  process.stdout.removeAllListeners('error');
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (stdoutState.closed) return;
    stdoutState.closed = true;
    if (err.code !== 'EPIPE') stdoutState.error = err.message;
  });
  process.stderr.on('error', () => {
    stderrClosed = true;
  });
}

/** After the last write: the write error on stdout, if there was one (errors arrive a turn later). */
export async function stdoutError(): Promise<string | undefined> {
  await new Promise<void>((r) => setImmediate(r));
  return stdoutState.error;
}

/** A mistake in how replylint was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

const here = dirname(fileURLToPath(import.meta.url));

export function version(): string {
  return (JSON.parse(readFileSync(`${here}/../../package.json`, 'utf8')) as { version: string }).version;
}
