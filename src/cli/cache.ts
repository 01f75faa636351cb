/**
 * --cache: a file's results are replayed when its content, its effective
 * rules and config, the command-line settings and replylint's version are the
 * same as last time. A corrupt or foreign cache file is ignored and rewritten.
 */
import { createRequire } from 'node:module';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { FileOutcome } from './lint-file.js';

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

// node:crypto is loaded on first use (with --cache only): it is a few milliseconds of every start otherwise.
let crypto: typeof import('node:crypto') | undefined;

export function sha1(data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(data).digest('hex');
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly fresh: Record<string, CacheEntry> = {};

  constructor(
    readonly path: string,
    private readonly version: string,
  ) {
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (data && data.tool === 'replylint' && data.format === 1 && data.version === version && data.entries && typeof data.entries === 'object') {
        this.entries = data.entries;
      }
    } catch {
      // missing, corrupt or foreign: start afresh
    }
  }

  get(file: string): CacheEntry | undefined {
    const e = this.entries[file];
    return e && typeof e.hash === 'string' && typeof e.key === 'string' && e.outcome ? e : undefined;
  }

  set(file: string, entry: CacheEntry): void {
    this.fresh[file] = entry;
  }

  /** Write the entries of this run (files not linted this time are dropped), atomically. */
  save(): void {
    const data: CacheFile = { tool: 'replylint', format: 1, version: this.version, entries: this.fresh };
    const tmp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.path);
  }
}
