/**
 * Writing fixed files without ever losing data. A named symlink is written
 * through: its target gets the fix, the link stays a link. The new text goes to
 * a temporary file beside the real file, gets the original's owner, group and
 * mode, is flushed, then renamed over it (atomic: an interrupted run leaves the
 * old file or the new one, never half of one). A file with more than one hard
 * link, whose owner this user cannot give to a new file, or in a folder where
 * this user cannot create one, is written in place instead, so that every name and the owner keep it. A file that changed on
 * disk since it was read, is read-only, vanished or is no longer a regular file
 * is not written.
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readOpen } from './read.js';
import { randomHex } from './cache.js';
import { arm, holdTemporary, releaseTemporary } from './signals.js';

export { cleanupTemporaryFiles } from './signals.js';

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
}

/** The file's bytes and status, through one descriptor (O_NONBLOCK: a FIFO put in its place does not block). */
function readBack(path: string): { stat: Stats; bytes: Buffer } | string {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'is no longer a regular file; not written';
    return { stat, bytes: readOpen(fd, stat.size) };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'vanished since it was read; not written' : `cannot be read again (${errorCode(e)}); not written`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `text` over `path`, which must still hold `original`. Returns a problem, or undefined when written. */
export function writeFixed(path: string, original: Uint8Array, text: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'vanished since it was read; not written';
  }
  const now = readBack(real);
  if (typeof now === 'string') return now;
  const { stat } = now;
  if ((stat.mode & 0o222) === 0) return 'is read-only; not written';
  if (!now.bytes.equals(original)) return 'changed on disk since it was read; not written';
  const bytes = Buffer.from(text, 'utf8');
  // Signals wait until this write is done (see signals.ts).
  arm();
  if (stat.nlink > 1) return writeInPlace(real, bytes, now.bytes);

  const tmp = join(dirname(real), `.${basename(real)}.replylint-${randomHex()}.tmp`);
  holdTemporary(tmp);
  let fd: number | undefined;
  try {
    // O_EXCL: never opens a file or a symlink that is already there.
    try {
      fd = openSync(tmp, 'wx', 0o600);
    } catch (e) {
      // A folder this user may not create files in, around a file it may write: write in place.
      if ((e as NodeJS.ErrnoException).code === 'EACCES') return writeInPlace(real, bytes, now.bytes);
      throw e;
    }
    try {
      fchownSync(fd, stat.uid, stat.gid);
    } catch {
      // Not allowed to give the new file the original's owner or group: write in place.
      closeSync(fd);
      fd = undefined;
      unlinkSync(tmp);
      return writeInPlace(real, bytes, now.bytes);
    }
    // After the owner: chown clears set-user-ID and set-group-ID bits.
    fchmodSync(fd, stat.mode & 0o7777);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, real);
    return undefined;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // not created, or already gone
    }
    return `could not be written (${errorCode(e)}); left as it was`;
  } finally {
    releaseTemporary(tmp);
  }
}

/** Overwrite the file itself (hard links, owner kept): not atomic against a crash or SIGKILL, but signals wait for it. */
function writeInPlace(path: string, bytes: Buffer, original: Buffer): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
    return undefined;
  } catch (e) {
    // Put the original back if the write got that far (a full disk).
    if (fd !== undefined) {
      try {
        writeAll(fd, original);
        ftruncateSync(fd, original.length);
      } catch {
        return `could not be written (${errorCode(e)}), nor restored: check it`;
      }
    }
    return `could not be written (${errorCode(e)}); left as it was`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
