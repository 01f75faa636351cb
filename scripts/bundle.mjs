#!/usr/bin/env node
/**
 * Build step (after scripts/build-tools.mjs and build-rules.mjs): every file
 * the package loads, bundled with esbuild. tsc emits only type declarations
 * (tsconfig.types.json), so dist/ holds what runs and nothing else:
 *
 *   dist/cli/replylint.js      the command (src/cli/entry.ts), dependencies included
 *   dist/cli/worker-bundle.js  a worker thread (src/cli/worker.ts)
 *   dist/cli/api.js            the Node API (src/index.ts, whatever it exports)
 *   dist/index.js              re-exports dist/cli/api.js (the package's main)
 *   dist/formatters/<name>.js  each formatter (src/formatters/<name>.ts with a default export), loaded by --format
 *   dist/browser.js            replylint/browser: no Node, the bundled rules inline
 *   dist/remark.js             replylint/remark: the unified plugin (imports ./browser.js)
 *
 * Why bundles: started from ~100 separate ES modules, Node spends most of a
 * one-file run resolving, reading and compiling them; one file starts much
 * sooner (bench/). The Node bundles sit in dist/cli/ together, so the paths
 * their code finds from import.meta.url (formatters, worker, rules, package.json)
 * are the same for each. JSON Schema validation is ajv's standalone code
 * (scripts/esbuild-plugins.mjs).
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { standaloneValidators, validatorsSource } from './esbuild-plugins.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * esbuild options of dist/browser.js and dist/remark.js (test/browser.test.ts
 * builds with them too). The `worker` condition: dependencies' variants that
 * need no DOM (decode-named-character-reference's browser one calls
 * document.createElement), so the bundles run in a page, a web worker, Deno
 * or Node (remark-cli). ES2022: the core uses regular-expression match indices.
 */
export const BROWSER = { platform: 'browser', conditions: ['worker'], target: ['es2022'], minify: true };

/** The formatters: src/formatters/*.ts with a default export (helpers such as escape.ts are bundled into them). */
export function formatterNames() {
  return readdirSync(join(ROOT, 'src/formatters'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && /^export default /m.test(readFileSync(join(ROOT, 'src/formatters', f), 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

export async function bundle() {
  const tools = await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href);
  const validators = standaloneValidators(ROOT, validatorsSource(tools));
  const common = { bundle: true, format: 'esm', logLevel: 'warning', legalComments: 'none', plugins: [validators] };
  const node = {
    ...common,
    platform: 'node',
    target: 'node20',
    // esbuild's tables lower /\p{L}/u to `new RegExp("\\p{L}", "u")` for node20 (Node has had Unicode
    // property escapes since 10): built again at every call, as in capitalise() for every rewrite.
    supported: { 'regexp-unicode-property-escapes': true },
    // CommonJS dependencies (commander) call require(): give the bundle one.
    banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
    // REPLYLINT_READABLE_BUNDLE=1 keeps lines, for a profile that names them (node --cpu-prof).
    minifyWhitespace: !process.env.REPLYLINT_READABLE_BUNDLE,
    minifySyntax: true,
  };
  const browser = { ...common, ...BROWSER };
  await Promise.all([
    build({
      ...node,
      entryPoints: { replylint: join(ROOT, 'src/cli/entry.ts'), 'worker-bundle': join(ROOT, 'src/cli/worker.ts'), api: join(ROOT, 'src/index.ts'), lsp: join(ROOT, 'src/lsp/server.ts') },
      outdir: join(ROOT, 'dist/cli'),
      // `replylint lsp` loads the language server (and vscode-languageserver, a third of the command's
      // bundle) from its own file: every other run no longer reads and parses it.
      plugins: [...node.plugins, { name: 'lsp-apart', setup: (b) => b.onResolve({ filter: /^\.\.\/lsp\/server\.js$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './lsp.js', external: true } : undefined)) }],
    }),
    build({ ...node, entryPoints: Object.fromEntries(formatterNames().map((n) => [n, join(ROOT, 'src/formatters', `${n}.ts`)])), outdir: join(ROOT, 'dist/formatters') }),
    build({ ...browser, entryPoints: [join(ROOT, 'src/browser.ts')], outfile: join(ROOT, 'dist/browser.js') }),
    build({
      ...browser,
      entryPoints: [join(ROOT, 'src/remark.ts')],
      outfile: join(ROOT, 'dist/remark.js'),
      // The plugin uses the browser entry as it is published: one copy of the rules.
      plugins: [...common.plugins, { name: 'browser-external', setup: (b) => b.onResolve({ filter: /^\.\/browser\.js$/ }, () => ({ path: './browser.js', external: true })) }],
    }),
  ]);
  writeFileSync(join(ROOT, 'dist/index.js'), "// The Node API: its bundle sits in dist/cli/ beside the command's (see scripts/bundle.mjs).\nexport * from './cli/api.js';\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
