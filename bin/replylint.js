#!/usr/bin/env node
import { main, cleanupTemporaryFiles } from '../dist/cli/replylint.js';

// Ctrl-C (or a kill) mid-run: no temporary files left behind; every file is old or new, never half.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    cleanupTemporaryFiles();
    process.exit(code);
  });
}

// A reader that goes away (`replylint macros | head -1`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`replylint: internal error: ${err?.message ?? err}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${err?.stack}\n`);
    process.exitCode = 2;
  },
);
