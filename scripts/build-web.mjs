#!/usr/bin/env node
/**
 * Build step (after tsc and build-rules): the `replylint web` page in dist/web/
 * — index.html, app.css and app.js (src/web/app.ts with CodeMirror and
 * replylint's core, one minified browser bundle). dist/web/ is a static site:
 * `replylint web` serves it, and any static host can.
 *
 * The bundle must not import a `node:` module (the page has no Node): the
 * build fails if its metafile shows one.
 *
 * Two modules exist only here:
 * - `replylint-web:rules`: dist/rules.json (its `rules`; esbuild inlines JSON
 *   and drops the keys not imported).
 * - `node:module`, imported by src/rulebook/validate.ts to load ajv lazily:
 *   a shim whose `createRequire` gives an "Ajv" that hands out the config and
 *   rule validators, compiled here ahead of time (ajv standalone code). ajv
 *   compiling at run time would need `new Function`, which the page's CSP
 *   (script-src 'self') rightly refuses.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/web');
const require = createRequire(import.meta.url);

/** The config and rule validators as ES module source (ajv standalone), for the page. */
async function validatorSource() {
  const { configSchema, ruleSchema } = await import('../dist/rulebook/schemas.js');
  const Ajv = require('ajv').default;
  const standalone = require('ajv/dist/standalone').default;
  // The options validate.ts uses, so that errors come out the same.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
  ajv.addSchema(ruleSchema, 'rule.schema.json');
  ajv.addSchema(configSchema, 'config.schema.json');
  return standalone(ajv, { rule: 'rule.schema.json', config: 'config.schema.json' });
}

const NODE_MODULE_SHIM = `
import { rule, config } from 'replylint-web:validators';
class Ajv {
  addSchema() {}
  getSchema(id) { if (id === 'rule.schema.json') return rule; throw new Error('replylint web: no precompiled schema ' + id); }
  compile() { return config; }
}
export function createRequire() {
  return (id) => {
    if (id === 'ajv') return Ajv;
    throw new Error('replylint web: require("' + id + '") is not available in the page');
  };
}`;

const pagePlugin = {
  name: 'replylint-web',
  setup(b) {
    b.onResolve({ filter: /^replylint-web:rules$/ }, () => ({ path: join(ROOT, 'dist/rules.json') }));
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: 'node-module-shim', namespace: 'replylint-web' }));
    b.onResolve({ filter: /^replylint-web:validators$/ }, () => ({ path: 'validators', namespace: 'replylint-web' }));
    b.onLoad({ filter: /^node-module-shim$/, namespace: 'replylint-web' }, () => ({ contents: NODE_MODULE_SHIM, loader: 'js', resolveDir: ROOT }));
    b.onLoad({ filter: /^validators$/, namespace: 'replylint-web' }, async () => ({ contents: await validatorSource(), loader: 'js', resolveDir: ROOT }));
  },
};

// tsc also compiles src/web/ into dist/web/: start clean, so that dist/web/ holds only the page.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const result = await build({
  entryPoints: { app: join(ROOT, 'src/web/app.ts') },
  outdir: OUT,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [pagePlugin],
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
  console.error(`build-web: the page bundle must not import Node or external modules:\n  ${nodeImports.join('\n  ')}`);
  process.exit(1);
}

// What is in the bundle, for esbuild's analyzer (outside dist/web/: not served).
writeFileSync(join(ROOT, 'dist/web.meta.json'), JSON.stringify(result.metafile));

copyFileSync(join(ROOT, 'src/web/index.html'), join(OUT, 'index.html'));
copyFileSync(join(ROOT, 'src/web/app.css'), join(OUT, 'app.css'));

const js = readFileSync(join(OUT, 'app.js'));
console.log(`dist/web/: app.js ${(statSync(join(OUT, 'app.js')).size / 1024).toFixed(0)} KB (${(gzipSync(js).length / 1024).toFixed(0)} KB gzip), index.html, app.css`);
