// Build step (after scripts/build-tools.mjs): the bundled rules, validated, with their phrases compiled, in dist/rules.json.
// A run then starts without parsing YAML, validating schemas or compiling phrases. If rules/ changes
// after the build, its fingerprint no longer matches and the YAML files are read as usual. The browser
// and remark bundles carry this file inline (`#bundled-rules` in package.json "imports").
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRules() {
  const { fingerprint, loadRuleDir, phrasesSource, phraseSources, LANGUAGE_CODES } = await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href);
  const dir = join(ROOT, 'rules');
  const rules = loadRuleDir(dir, ROOT);
  for (const rule of rules) {
    for (const lang of LANGUAGE_CODES) {
      const words = rule.words?.[lang];
      for (const list of [rule.patterns?.[lang], rule.exceptions?.[lang], rule.options.count?.[lang], rule.fix?.when?.[lang], rule.fix?.after?.[lang]]) {
        if (list?.length) phrasesSource(list, list === rule.fix?.when?.[lang] || list === rule.fix?.after?.[lang] ? undefined : words);
      }
      // Each rewrite's `find` is compiled on its own (src/core/rewrite.ts): the first hit of a rule no longer compiles them.
      for (const def of rule.rewrites?.[lang] ?? []) phrasesSource([def.find], words);
    }
  }
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(join(ROOT, 'dist/rules.json'), JSON.stringify({ fingerprint: fingerprint(dir), rules, sources: phraseSources() }));
  console.log(`dist/rules.json: ${rules.length} rules`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildRules();
