/** Shared by the commands: output streams, usage errors, exit codes, version. */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXIT = { ok: 0, lint: 1, fatal: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** A mistake in how replylint was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

const here = dirname(fileURLToPath(import.meta.url));

export function version(): string {
  return (JSON.parse(readFileSync(`${here}/../../package.json`, 'utf8')) as { version: string }).version;
}
