// Build step (after tsc): the bundled rules, validated, with their phrases compiled, in dist/rules.json.
// A run then starts without parsing YAML, validating schemas or compiling phrases. If rules/ changes
// after the build, its fingerprint no longer matches and the YAML files are read as usual.
import { writeFileSync } from 'node:fs';
import { BUNDLED_JSON, BUNDLED_RULES_DIR, fingerprint, loadRuleDir } from '../dist/cli/rules.js';
import { phrasesSource, phraseSources } from '../dist/core/phrase.js';
import { LANGUAGES } from '../dist/lang/index.js';

const rules = loadRuleDir(BUNDLED_RULES_DIR, new URL('..', import.meta.url).pathname);
for (const rule of rules) {
  for (const lang of LANGUAGES.keys()) {
    const words = rule.words?.[lang];
    for (const list of [rule.patterns?.[lang], rule.exceptions?.[lang], rule.options.count?.[lang], rule.fix?.when?.[lang], rule.fix?.after?.[lang]]) {
      if (list?.length) phrasesSource(list, list === rule.fix?.when?.[lang] || list === rule.fix?.after?.[lang] ? undefined : words);
    }
  }
}
writeFileSync(BUNDLED_JSON, JSON.stringify({ fingerprint: fingerprint(BUNDLED_RULES_DIR), rules, sources: phraseSources() }));
console.log(`dist/rules.json: ${rules.length} rules`);
