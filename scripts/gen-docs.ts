// Regenerate the README's rules table and docs/rules.md from rules/*.yaml: npm run docs
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRuleDir, BUNDLED_RULES_DIR } from '../src/cli/rules.js';
import { rulesReference, withRulesTable } from '../src/rulebook/docs.js';

const rules = loadRuleDir(BUNDLED_RULES_DIR);
writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8'), rules));
writeFileSync('docs/rules.md', `${rulesReference(rules)}\n`);
console.log(`README.md and docs/rules.md: ${rules.length} rules`);
