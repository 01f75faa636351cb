/** The progress line of long runs on a terminal. */

/** Runs of fewer files show none. */
export const PROGRESS_MIN_FILES = 100;

/** "replylint: 120/2000 files, 3.2 s" on stderr, redrawn at most ten times a second, erased when done. */
export class Progress {
  private readonly started = Date.now();
  private done_ = 0;
  private last = 0;
  private shown = false;

  constructor(private readonly total: number) {}

  tick(): void {
    this.done_++;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\u001b[Kreplylint: ${this.done_}/${this.total} files, ${((now - this.started) / 1000).toFixed(1)} s`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}
