/**
 * Linting many files: on the main thread, and on worker threads too when there
 * are enough of them, with each outcome handed on in the files' order.
 */
import { availableParallelism } from 'node:os';
import type { Target } from './files.js';
import type { FileLinter, FileLintSettings } from './lint-file.js';
import type { FileOutcome } from './outcome.js';
import type { ReadResult } from './read.js';
import { settle } from './signals.js';

/**
 * Enough files to pay for a worker thread. A worker starts in about 30 ms but
 * needs about 0.5 s and its first ten files to compile the regular
 * expressions and code the main thread already has, and it costs about 40 MB.
 * Measured on 2 cores (../shared/bench/make_corpus.py replies, medians of 5,
 * alternating runs, 2026-11-29): one worker beside the main thread took 500
 * files from 1.38 to 1.51 s (slower), 1,000 from 1.97 to 1.88 s, 2,000 from
 * 3.25 to 2.86 s, for about 1 s more CPU time in all. Two busy threads on that
 * machine run at about 70% of one alone (two parsers side by side: 1.45× one's
 * time), so the gain grows with the files and with real cores.
 */
const WORKER_THRESHOLD = 1000;

/**
 * How many worker threads to start besides the main thread, which lints too:
 * one fewer than the cores (at most 3), so that a 2-core machine runs two
 * isolates, not three (each keeps its own compiled rulebook and heap).
 */
function workerCount(files: number): number {
  const env = process.env.REPLYLINT_WORKERS;
  if (env !== undefined && env !== '') return Math.max(0, Number(env) || 0);
  if (files < WORKER_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 4) - 1;
}

/** Files linted but not yet reported, at most: the main thread waits for the workers beyond this. */
const AHEAD = 64;
/** Files in flight per worker: keeps it busy while the main thread is linting a file of its own and cannot answer. */
const IN_FLIGHT = 8;
/** A worker's young generation, in MB: V8's default (up to 48) is most of an idle isolate's memory. */
const WORKER_YOUNG_MB = 8;

/**
 * Lint the targets, on the main thread and on worker threads when there are
 * many, and hand each outcome to `emit` in the targets' order, as soon as it
 * and all before it are done.
 */
export async function lintAll(
  targets: Target[],
  settings: FileLintSettings,
  linter: FileLinter,
  stdin: ReadResult | undefined,
  emit: (o: FileOutcome) => void,
  started?: (workers: number) => void,
): Promise<void> {
  // --fix writes on the main thread: its Ctrl-C handler must know every temporary file (a worker's would be left behind).
  const workers = settings.fix && settings.write && !settings.fixDryRun ? 0 : workerCount(targets.filter((t) => !t.stdin).length);
  started?.(workers);
  if (!workers) {
    for (const target of targets) {
      emit(linter.lint(target, target.stdin ? stdin : undefined));
      // After a fix was written: a signal that came meanwhile is handled now, then signals end the process at once again (signals.ts).
      await settle();
    }
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const url = new URL('./worker-bundle.js', import.meta.url);
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const done = new Map<number, FileOutcome>();
  let next = 0; // next index to emit
  let sent = 0; // next index to hand out, to a worker or to the main thread
  let failed: Error | undefined;
  const flush = () => {
    while (done.has(next)) {
      emit(done.get(next)!);
      done.delete(next++);
    }
  };
  // Wakes the main thread's loop when a worker reports.
  let wake: (() => void) | undefined;
  const feed = (w: InstanceType<typeof Worker>) => {
    // stdin is read by the main thread and linted there, in its place in the order.
    while (sent < targets.length && targets[sent].stdin) {
      done.set(sent, linter.lint(targets[sent], stdin));
      sent++;
    }
    if (sent < targets.length) w.postMessage({ index: sent, target: targets[sent++] });
  };
  const fail = (e: Error) => {
    failed ??= e;
    wake?.();
  };
  for (const w of pool) {
    w.on('message', (m: { index: number; outcome?: FileOutcome; error?: string; message?: string; name?: string }) => {
      if (m.error) {
        const err = new Error(m.message);
        err.name = m.name ?? 'Error';
        err.stack = m.error;
        fail(err);
        return;
      }
      done.set(m.index, m.outcome!);
      feed(w);
      wake?.();
    });
    w.on('error', fail);
    for (let i = 0; i < IN_FLIGHT; i++) feed(w);
  }
  try {
    while (!failed && next < targets.length) {
      flush();
      if (sent < targets.length && sent - next < AHEAD) {
        // Lint one file here, then let the workers' messages in.
        const i = sent++;
        done.set(i, linter.lint(targets[i], targets[i].stdin ? stdin : undefined));
        await new Promise<void>((r) => setImmediate(r));
      } else if (next < targets.length) {
        // Everything is handed out (or far enough ahead): wait for a worker.
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
    }
    if (failed) throw failed;
    flush();
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
