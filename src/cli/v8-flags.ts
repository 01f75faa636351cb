/**
 * Imported first by src/cli/entry.ts (the bundle bin/replylint.js runs), before
 * any regular expression exists.
 *
 * By default V8 compiles a regular expression twice: to bytecode when it first
 * runs, and again to machine code once it runs more. replylint's phrase
 * expressions are large, and compiling them twice was a third of a one-file run
 * (bench/: about 250 ms against 65 ms compiled once, straight to machine code).
 * The flag is process-wide, so worker threads get it too.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');

/*
 * V8 lets a heap grow well past what it keeps alive before collecting it: one
 * thread linting 10,000 files kept about 35 MB alive in a heap of up to 190 MB.
 * Growing it by 20% at a time keeps it under about 100 MB; the extra full
 * collections took about 0.2 s of a 22 s run (bench/, --trace-gc).
 */
setFlagsFromString('--heap-growing-percent=20');
