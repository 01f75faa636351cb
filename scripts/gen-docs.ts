// Regenerate the README's rules table and docs/rules.md from rules/*.yaml: npm run docs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRuleDir, BUNDLED_RULES_DIR } from '../src/cli/rules.js';
import { configSchema, ruleSchema } from '../src/rulebook/schemas.js';
import { renderMatrix } from '../test/robustness.matrix.js';
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
writeFileSync('docs/robustness.md', renderMatrix());
writeFileSync('schema/rule.schema.json', `${JSON.stringify(ruleSchema, null, 2)}\n`);
writeFileSync('schema/config.schema.json', `${JSON.stringify(configSchema, null, 2)}\n`);
console.log(`README.md, docs/rules.md and schema/*.json: ${rules.length} rules`);
