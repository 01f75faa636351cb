/**
 * Writing fixed files without ever losing data: a temporary file in the same
 * folder, flushed, given the original's mode, then renamed over the original
 * (atomic: a killed run leaves the old file or the new one, never half of one).
 * A file that changed on disk since it was read, is read-only or vanished is
 * not written.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();

/** Remove temporary files of writes in progress (on SIGINT/SIGTERM). */
export function cleanupTemporaryFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Write `text` over `path`, which must still hold `original`. Returns a problem, or undefined when written. */
export function writeFixed(path: string, original: Uint8Array, text: string): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 'vanished since it was read; not written';
  }
  if ((stat.mode & 0o222) === 0) return 'is read-only; not written';
  let now: Buffer;
  try {
    now = readFileSync(path);
  } catch (e) {
    return `cannot be read again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not written`;
  }
  if (!now.equals(original)) return 'changed on disk since it was read; not written';

  const tmp = join(dirname(path), `.${basename(path)}.replylint-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', stat.mode & 0o7777);
    try {
      writeSync(fd, Buffer.from(text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, stat.mode & 0o7777);
    renameSync(tmp, path);
    pending.delete(tmp);
    return undefined;
  } catch (e) {
    cleanupTemporaryFiles();
    return `could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); left as it was`;
  }
}
