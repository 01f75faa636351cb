/**
 * --cache: a file's results are replayed when its content, its effective
 * rules and config, the command-line settings and replylint's version are the
 * same as last time. A corrupt or foreign cache file is ignored and rewritten;
 * so is any entry that is not exactly what replylint writes (a cache can make
 * a run faster, it cannot make a file vanish or crash the run). A cache file
 * that is not a regular file, or is larger than MAX_CACHE_SIZE, is not read.
 */
import { createRequire } from 'node:module';
import { closeSync, constants, fstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { LANGUAGES } from '../lang/index.js';
import type { FileOutcome } from './outcome.js';
import { readOpen } from './read.js';
import { holdTemporary, releaseTemporary } from './signals.js';

export interface CacheEntry {
  /** sha1 of the file's bytes. */
  hash: string;
  /** sha1 of everything else the result depends on. */
  key: string;
  outcome: FileOutcome;
}

interface CacheFile {
  tool: 'replylint';
  format: 1;
  version: string;
  entries: Record<string, CacheEntry>;
}

/** The largest cache file read (about 40,000 replies' results fit in a tenth of it). */
export const MAX_CACHE_SIZE = 256 * 1024 * 1024;

// node:crypto is loaded on first use (with --cache or --fix only): it is a few milliseconds of every start otherwise.
let crypto: typeof import('node:crypto') | undefined;
const loadCrypto = () => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

export function sha1(data: string | Uint8Array): string {
  return loadCrypto().createHash('sha1').update(data).digest('hex');
}

/** For temporary file names nobody can guess ahead. */
export function randomHex(): string {
  return loadCrypto().randomBytes(8).toString('hex');
}

const isInt = (n: unknown, min: number) => Number.isSafeInteger(n) && (n as number) >= min;
const isStr = (s: unknown) => typeof s === 'string';

/** A message as the engine makes it: right types, a range that runs forwards. */
function validMessage(m: unknown): boolean {
  if (!m || typeof m !== 'object') return false;
  const d = m as Record<string, unknown>;
  if (!isStr(d.ruleId) || !isStr(d.message) || !['error', 'warning', 'info'].includes(d.severity as string)) return false;
  if (!isInt(d.line, 1) || !isInt(d.column, 1) || !isInt(d.endLine, 1) || !isInt(d.endColumn, 1) || !isInt(d.offset, 0) || !isInt(d.endOffset, 0)) return false;
  if ((d.endOffset as number) < (d.offset as number) || (d.suggestion !== undefined && !isStr(d.suggestion))) return false;
  if (d.fix === undefined) return true;
  const f = d.fix as { range?: unknown; text?: unknown } | null;
  return !!f && Array.isArray(f.range) && f.range.length === 2 && isInt(f.range[0], 0) && isInt(f.range[1], 0) && f.range[0] <= f.range[1] && isStr(f.text);
}

/** An outcome that replylint could have stored for `file`, or undefined. Counts are recomputed, never trusted. */
function validOutcome(file: string, o: unknown): FileOutcome | undefined {
  if (!o || typeof o !== 'object') return undefined;
  const { report, stderr, fatal, fixed, quietWarnings } = o as Partial<FileOutcome>;
  if (fatal !== false || fixed !== 0 || !Array.isArray(stderr) || !stderr.every(isStr) || !isInt(quietWarnings ?? 0, 0)) return undefined;
  if (!report || typeof report !== 'object' || report.filePath !== file || !LANGUAGES.has(report.language)) return undefined;
  if (!Array.isArray(report.messages) || !report.messages.every(validMessage)) return undefined;
  if (report.source !== undefined && !isStr(report.source)) return undefined;
  const count = (s: string) => report.messages.filter((m) => m.severity === s).length;
  return {
    stderr,
    fatal: false,
    fixed: 0,
    quietWarnings: quietWarnings ?? 0,
    report: { ...report, output: undefined, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') },
  };
}

/** The cache file's text: only a regular file (no FIFO, no device), at most MAX_CACHE_SIZE bytes. */
function readCacheFile(path: string): { text?: string; warning?: string } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO in its place does not block the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { warning: 'not a regular file; ignored' };
    if (stat.size > MAX_CACHE_SIZE) return { warning: `too large (${(stat.size / 1048576).toFixed(1)} MB, at most ${MAX_CACHE_SIZE / 1048576} MB); ignored` };
    // Never more than the limit, even if the file grows meanwhile.
    return { text: readOpen(fd, stat.size).toString('utf8') };
  } catch {
    return {}; // missing or unreadable: start afresh
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class ResultCache {
  private entries: Record<string, unknown> = {};
  private readonly fresh: Record<string, CacheEntry> = {};
  /** Why the cache file was not read, for stderr. */
  readonly warning?: string;

  constructor(
    readonly path: string,
    private readonly version: string,
  ) {
    const { text, warning } = readCacheFile(path);
    this.warning = warning;
    if (text === undefined) return;
    try {
      const data = JSON.parse(text) as Partial<CacheFile>;
      if (data && data.tool === 'replylint' && data.format === 1 && data.version === version && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
        this.entries = data.entries;
      }
    } catch {
      // corrupt or foreign: start afresh
    }
  }

  get(file: string): CacheEntry | undefined {
    if (!Object.hasOwn(this.entries, file)) return undefined;
    const e = this.entries[file] as Partial<CacheEntry> | null;
    if (!e || typeof e !== 'object' || !isStr(e.hash) || !isStr(e.key)) return undefined;
    const outcome = validOutcome(file, e.outcome);
    return outcome && { hash: e.hash!, key: e.key!, outcome };
  }

  set(file: string, entry: CacheEntry): void {
    this.fresh[file] = entry;
  }

  /**
   * Write the entries of this run (files not linted this time are dropped),
   * atomically: to a new temporary file with a name nobody can guess, opened
   * with O_EXCL (a planted file or symlink of that name is never written
   * through), renamed over the cache. When that fails, the temporary file is removed.
   */
  save(): void {
    const data: CacheFile = { tool: 'replylint', format: 1, version: this.version, entries: this.fresh };
    const tmp = join(dirname(this.path), `.${basename(this.path)}.${randomHex()}.tmp`);
    holdTemporary(tmp);
    let fd: number | undefined;
    let created = false;
    try {
      fd = openSync(tmp, 'wx', 0o644);
      created = true;
      const bytes = Buffer.from(JSON.stringify(data));
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, this.path);
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      try {
        if (created) unlinkSync(tmp);
      } catch {
        // already gone
      }
      throw e;
    } finally {
      releaseTemporary(tmp);
    }
  }
}
