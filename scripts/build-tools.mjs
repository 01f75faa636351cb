/**
 * Build step: the internals the build and the benchmark run from source,
 * bundled into .build/tools.mjs (not shipped; tsc emits no JavaScript): the
 * rule-folder loader and phrase compiler (scripts/build-rules.mjs,
 * bench/floor.mjs, bench/prh.mjs) and the JSON Schemas (for the standalone
 * validators in scripts/bundle.mjs).
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS = join(ROOT, '.build/tools.mjs');

export async function buildTools() {
  await build({
    stdin: {
      contents: [
        "export { loadRuleDir, fingerprint } from './src/cli/rules.ts';",
        "export { phrasesSource, phraseSources, compilePhrases } from './src/core/phrase.ts';",
        "export { foldCase } from './src/core/text.ts';",
        "export { LANGUAGE_CODES } from './src/lang/index.ts';",
        "export { parseRuleFile } from './src/rulebook/load.ts';",
        "export { ruleSchema, configSchema } from './src/rulebook/schemas.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'tools.ts',
      loader: 'ts',
    },
    outfile: TOOLS,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildTools();
