/**
 * What bin/replylint.js runs: the command line, bundled into one file
 * (dist/cli/replylint.js, scripts/bundle.mjs) so that a run on one file does
 * not resolve and read a hundred modules first. The flags module comes first.
 */
import './v8-flags.js';

export { main } from './main.js';
export { cleanupTemporaryFiles } from './write.js';
