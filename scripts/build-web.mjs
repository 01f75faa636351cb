#!/usr/bin/env node
/**
 * Build step (after the bundles): the `replylint web` page in dist/web/ —
 * index.html, app.css and app.js (src/web/app.ts with CodeMirror and the
 * kernel's browser entry, src/browser.ts, in one minified bundle built with
 * the browser entry's own options). dist/web/ is a static site: `replylint
 * web` serves it, and any static host can.
 *
 * The bundle must not import a `node:` module (the page has no Node): the
 * build fails if its metafile shows one. The JSON Schema validators are ajv's
 * standalone code, compiled here: ajv compiling at run time would need
 * `new Function`, which the page's CSP (script-src 'self') rightly refuses.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BROWSER } from './bundle.mjs';
import { standaloneValidators, validatorsSource } from './esbuild-plugins.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/web');

export async function buildWeb() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const tools = await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href);
  const result = await build({
    ...BROWSER,
    entryPoints: { app: join(ROOT, 'src/web/app.ts') },
    outdir: OUT,
    bundle: true,
    format: 'esm',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // The browser entry's own build: validators compiled ahead of time (the page's CSP refuses `new Function`).
    plugins: [standaloneValidators(ROOT, validatorsSource(tools))],
    define: { 'process.env.NODE_ENV': '"production"' },
  });

  const nodeImports = [];
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) if (imp.path.startsWith('node:') || imp.external) nodeImports.push(`${file} imports ${imp.path}`);
  }
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    for (const imp of output.imports) nodeImports.push(`${file} imports ${imp.path}`);
  }
  if (nodeImports.length) {
    throw new Error(`build-web: the page bundle must not import Node or external modules:\n  ${nodeImports.join('\n  ')}`);
  }

  // What is in the bundle, for esbuild's analyzer (in .build/: neither served nor shipped).
  mkdirSync(join(ROOT, '.build'), { recursive: true });
  writeFileSync(join(ROOT, '.build/web.meta.json'), JSON.stringify(result.metafile));

  copyFileSync(join(ROOT, 'src/web/index.html'), join(OUT, 'index.html'));
  copyFileSync(join(ROOT, 'src/web/app.css'), join(OUT, 'app.css'));

  const js = readFileSync(join(OUT, 'app.js'));
  console.log(`dist/web/: app.js ${(statSync(join(OUT, 'app.js')).size / 1024).toFixed(0)} KB (${(gzipSync(js).length / 1024).toFixed(0)} KB gzip), index.html, app.css`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
