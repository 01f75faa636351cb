#!/usr/bin/env node
/**
 * `npm run build`: dist/ from scratch. Type-check everything (tsconfig.json,
 * no output), emit the public entries' declarations (tsconfig.types.json:
 * dist/types/), then bundle: the internals the build needs (build-tools.mjs),
 * the bundled rules (build-rules.mjs), every file the package loads (bundle.mjs).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTools } from './build-tools.mjs';
import { buildRules } from './build-rules.mjs';
import { bundle } from './bundle.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit', cwd: ROOT });
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.types.json')], { stdio: 'inherit', cwd: ROOT });
await buildTools();
await buildRules();
await bundle();
