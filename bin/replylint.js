#!/usr/bin/env node
// The command. Signals, a closed stdout and write errors are handled inside main() (src/cli/signals.ts, src/cli/io.ts).
import { main } from '../dist/cli/replylint.js';

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
