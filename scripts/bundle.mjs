#!/usr/bin/env node
/**
 * Build step: bundle the command line (src/cli/entry.ts and all it imports,
 * dependencies included) into dist/cli/replylint.js, and the worker thread
 * (src/cli/worker.ts) into dist/cli/worker-bundle.js, with esbuild.
 *
 * Why: started from ~100 separate ES modules, Node spends most of a one-file run
 * resolving, reading and compiling them; one file starts much sooner (bench/).
 * The bundle sits in dist/cli/ beside the modules tsc writes, so the paths it
 * finds from import.meta.url (formatters, worker, rules, package.json) are the
 * same. The formatters still load from dist/formatters/ as modules.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  // The worker thread is bundled too: each one starts with the same module graph.
  entryPoints: { replylint: join(ROOT, 'src/cli/entry.ts'), 'worker-bundle': join(ROOT, 'src/cli/worker.ts') },
  outdir: join(ROOT, 'dist/cli'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (commander) call require(): give the bundle one.
  banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
});
