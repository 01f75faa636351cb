/**
 * Ctrl-C (SIGINT) and SIGTERM, at any moment, even in the middle of a file.
 *
 * Files are linted synchronously on the main thread, where a JavaScript signal
 * handler runs only between tasks: with a handler installed, one file that
 * takes long to lint would keep `timeout` or a CI cancellation waiting. So the
 * two signals keep their default action, and the process ends at once, by the
 * signal (a shell shows 130 or 143) — except while a write is under way (a fix,
 * or the cache): then a handler is armed, the signal waits until the write is
 * done (milliseconds, synchronous), and the handler removes any temporary file
 * and ends the process by the same signal. No temporary file is ever left.
 */
import { unlinkSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const pending = new Set<string>();
let armed = false;

/** Remove temporary files of writes in progress. */
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

function onSignal(signal: NodeJS.Signals): void {
  cleanupTemporaryFiles();
  for (const s of SIGNALS) process.removeAllListeners(s);
  // Back to the default action: the process ends by this signal, as if no handler had been there.
  process.kill(process.pid, signal);
}

/** Before a write: signals wait for it (see `settle`). */
export function arm(): void {
  if (armed) return;
  armed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** A temporary file that a signal must not leave behind; arms the handler. */
export function holdTemporary(path: string): void {
  arm();
  pending.add(path);
}

export function releaseTemporary(path: string): void {
  pending.delete(path);
}

/**
 * After writes: let a signal that came during them reach the handler (it is
 * read from the event loop, so give the loop two turns), then return the
 * signals to their default action.
 */
export async function settle(): Promise<void> {
  if (!armed) return;
  for (let i = 0; i < 2; i++) await new Promise<void>((r) => setImmediate(r));
  if (pending.size) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  armed = false;
}

/**
 * Start with the default action: drop handlers installed before main() ran
 * (older bin/replylint.js installs ones that only run between files).
 */
export function defaultSignals(): void {
  for (const s of SIGNALS) process.removeAllListeners(s);
  armed = false;
}
