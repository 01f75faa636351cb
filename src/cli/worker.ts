/** A worker thread: lints the files the main thread sends, one message each, in the order asked. */
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type FileLintSettings } from './lint-file.js';
import type { Target } from './files.js';

const linter = new FileLinter(workerData as FileLintSettings);
parentPort!.on('message', ({ index, target }: { index: number; target: Target }) => {
  try {
    parentPort!.postMessage({ index, outcome: linter.lint(target) });
  } catch (e) {
    parentPort!.postMessage({ index, error: (e as Error).stack ?? String(e), message: (e as Error).message, name: (e as Error).name });
  }
});
