/**
 * What linting one file gives the run: a plain object (it crosses from worker
 * threads and is stored in the --cache file). Its own module, so that the
 * cache, the file list and the file linter need not import one another.
 */
import type { FileReport } from '../formatters/types.js';

export interface FileOutcome {
  report?: FileReport;
  /** Lines for stderr, in order. */
  stderr: string[];
  /** An I/O or config problem: the run exits 2. */
  fatal: boolean;
  fixed: number;
  diff?: string;
  /** With stdin and --fix: the fixed text. */
  stdinOutput?: string;
  /** With --cache: what to store for this file. */
  cacheEntry?: { hash: string; key: string };
  /** With --cache: the results were replayed, not computed. */
  cached?: boolean;
  /** With fix but not written (the Node API): the file's bytes as read, which outputFixes checks are still there. */
  original?: Uint8Array;
  /** Warnings --quiet left out of the report (--max-warnings still counts them). */
  quietWarnings?: number;
}
