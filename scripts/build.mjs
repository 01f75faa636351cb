#!/usr/bin/env node
/**
 * `npm run build`: dist/ from scratch. Type-check everything (tsconfig.json,
 * no output), emit the public entries' declarations (tsconfig.types.json:
 * dist/types/), then bundle: the internals the build needs (build-tools.mjs),
 * the bundled rules (build-rules.mjs), every file the package loads (bundle.mjs),
 * and the web page (build-web.mjs: dist/web/).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTools } from './build-tools.mjs';
import { buildRules } from './build-rules.mjs';
import { bundle } from './bundle.mjs';
import { buildWeb } from './build-web.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * tsc writes a declaration for every file the entries import, types or not;
 * keep only those the entries' declarations reach (internals marked @internal
 * are stripped from them, so the command's own modules are not among them).
 */
function pruneDeclarations(dir, entries) {
  const keep = new Set();
  const visit = (file) => {
    if (keep.has(file)) return;
    keep.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) visit(resolve(dirname(file), m[1].replace(/\.js$/, '.d.ts')));
  };
  for (const e of entries) visit(join(dir, e));
  const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  for (const f of walk(dir)) if (!keep.has(f)) rmSync(f);
  const prune = (d) => {
    for (const f of readdirSync(d)) if (statSync(join(d, f)).isDirectory()) prune(join(d, f));
    if (d !== dir && !readdirSync(d).length) rmSync(d, { recursive: true });
  };
  prune(dir);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit', cwd: ROOT });
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.types.json')], { stdio: 'inherit', cwd: ROOT });
pruneDeclarations(join(ROOT, 'dist/types'), ['index.d.ts', 'browser.d.ts', 'remark.d.ts']);
await buildTools();
await buildRules();
await bundle();
await buildWeb();
