/** Reading a reply from disk or stdin: bytes to text, with the problems a user should hear about. */
import { readFile } from 'node:fs/promises';

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

export async function readTarget(path: string): Promise<ReadResult> {
  try {
    return decode(await readFile(path));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { error: 'no such file or directory' };
    if (err.code === 'EACCES' || err.code === 'EPERM') return { error: 'permission denied' };
    if (err.code === 'EISDIR') return { error: 'is a directory' };
    return { error: err.message };
  }
}

export async function readStdin(): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decode(Buffer.concat(chunks));
}
