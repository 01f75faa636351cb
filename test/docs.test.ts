import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, loadRuleDir } from '../src/cli/rules.js';
import { configSchema, ruleSchema } from '../src/rulebook/schemas.js';
import { rulesReference, USAGE_EXAMPLES, withRulesTable, withUsageOutput } from '../src/rulebook/docs.js';

const ROOT = join(import.meta.dirname, '..');
const rules = loadRuleDir(BUNDLED_RULES_DIR);

describe('generated docs are fresh (run `npm run docs` when this fails)', () => {
  it('README rules table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rules));
  });

  it('README usage output is what the CLI prints', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const runs = USAGE_EXAMPLES.map((args) => {
      let output: string;
      try {
        output = execFileSync(process.execPath, [join(ROOT, 'bin', 'replylint.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      } catch (e) {
        output = (e as { stdout: string }).stdout;
      }
      return { args, output };
    });
    expect(readme).toBe(withUsageOutput(readme, runs));
  });

  it('schema/*.json', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'rule.schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(ruleSchema)));
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });

  it('docs/rules.md', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(`${rulesReference(rules)}\n`);
  });
});
