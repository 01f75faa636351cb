/** Reading a reply from disk or stdin: bytes to text, with the problems a user should hear about. */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export interface ReadResult {
  text?: string;
  /** The bytes as read, to check before writing a fix that nothing changed meanwhile. */
  bytes?: Uint8Array;
  /** Decoding lost or changed bytes (invalid UTF-8, UTF-16): never write such a file back. */
  lossy?: boolean;
  /** The file cannot be linted (exit 2). */
  error?: string;
  /** The file was linted, but something is off. */
  warning?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes), bytes, lossy: true, warning: `decoded as UTF-16 ${le ? 'LE' : 'BE'}` };
  }
  if (bytes.includes(0)) return { error: 'binary file (it contains NUL bytes), skipped' };
  try {
    return { text: strict.decode(bytes), bytes };
  } catch {
    return { text: decoder.decode(bytes), bytes, lossy: true, warning: 'invalid UTF-8: the bad bytes were read as U+FFFD' };
  }
}

/** Files above this size are refused (unless --max-file-size says otherwise). */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** A size as --max-file-size takes it (500k, 20mb, 1048576): bytes, or undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1);
}

export function describe(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ELOOP') return 'too many levels of symbolic links';
  if (err.code === 'ENXIO') return 'not a regular file (a socket), skipped';
  return err.message;
}

/**
 * The first `size` bytes of an open file, or fewer if it ends sooner: never
 * more, even if it grows meanwhile. The buffer is filled before it is
 * returned.
 */
export function readOpen(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

/** Read a file (synchronously: many small files read faster so, and workers block anyway). */
export function readTargetSync(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO does not wait for a writer; it is then refused as not a regular file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const { size, isFile } = (() => {
      const st = fstatSync(fd);
      return { size: st.size, isFile: st.isFile() };
    })();
    if (!isFile) return { error: 'not a regular file (a FIFO or a device), skipped' };
    if (size > maxFileSize) return { error: tooLarge(size, maxFileSize) };
    return decode(readOpen(fd, size));
  } catch (e) {
    return { error: describe(e as NodeJS.ErrnoException) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const tooLarge = (size: number, max: number, more = '') => `too large (${(size / 1048576).toFixed(1)} MB${more}, --max-file-size is ${(max / 1048576).toFixed(1)} MB), skipped`;

/** Read stdin, at most `maxFileSize` bytes: past that it stops reading and refuses the text. */
export async function readStdin(maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxFileSize) {
      process.stdin.destroy();
      return { error: tooLarge(size, maxFileSize, ' or more') };
    }
    chunks.push(chunk as Buffer);
  }
  return decode(Buffer.concat(chunks));
}
