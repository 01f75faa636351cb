// Regenerate the README's rules table and docs/rules.md from rules/*.yaml: npm run docs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRuleDir, BUNDLED_RULES_DIR } from '../src/cli/rules.js';
import { rulesReference, USAGE_EXAMPLES, withRulesTable, withUsageOutput } from '../src/rulebook/docs.js';

const rules = loadRuleDir(BUNDLED_RULES_DIR);
// The usage example in the README is real output of the built CLI.
const run = (args: string[]) => {
  try {
    return execFileSync(process.execPath, ['bin/replylint.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
};
let readme = withRulesTable(readFileSync('README.md', 'utf8'), rules);
readme = withUsageOutput(readme, USAGE_EXAMPLES.map((args) => ({ args, output: run(args) })));
writeFileSync('README.md', readme);
writeFileSync('docs/rules.md', `${rulesReference(rules)}\n`);
console.log(`README.md and docs/rules.md: ${rules.length} rules`);
