/** `replylint test-rules [paths...]`: every rule's own examples are its tests. */
import { statSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { runExamples } from '../../core/examples.js';
import { DEFAULTS } from '../../defaults.js';
import type { RuleDefinition } from '../../core/types.js';
import { checkUniqueIds, parseRuleFile } from '../../rulebook/load.js';
import { EXIT, type Io } from '../io.js';
import { resolverFor } from '../discover.js';
import { loadRuleDir } from '../rules.js';

function load(paths: string[], cwd: string, config?: string | false): RuleDefinition[] {
  if (!paths.length) return resolverFor({ config }, cwd).allRules();
  const rules = paths.flatMap((p) => (statSync(p).isDirectory() ? loadRuleDir(p, cwd) : [parseRuleFile(readFileSync(p, 'utf8'), relative(cwd, p) || p)]));
  checkUniqueIds(rules);
  return rules;
}

export function runTestRules(paths: string[], opts: { config?: string | false }, io: Io): number {
  const cwd = process.cwd();
  const rules = load(paths, cwd, opts.config);
  let passed = 0;
  let failed = 0;
  for (const rule of rules) {
    const results = runExamples(rule, DEFAULTS);
    if (!results.length) io.stderr(`replylint: warning: ${rule.id} has no examples${rule.file ? ` (${rule.file})` : ''}\n`);
    for (const r of results) {
      if (r.ok) {
        passed++;
        continue;
      }
      failed++;
      const what = r.actual !== r.expected ? 'hits' : r.output !== r.expectedOutput ? 'fixed text' : 'suggested';
      io.stdout(`✖ ${rule.id} [${r.lang}] ${r.kind} example ${r.index + 1}${rule.file ? ` (${rule.file})` : ''}\n`);
      io.stdout(`    text:     ${JSON.stringify(r.text)}\n`);
      if (what === 'hits') {
        io.stdout(`    expected: ${r.expected} ${r.expected === 1 ? 'hit' : 'hits'}\n`);
        io.stdout(`    actual:   ${r.actual} ${r.actual === 1 ? 'hit' : 'hits'}${r.found.length ? `: ${r.found.map((f) => JSON.stringify(f)).join(', ')}` : ''}\n`);
      } else if (what === 'fixed text') {
        io.stdout(`    expected output: ${JSON.stringify(r.expectedOutput)}\n`);
        io.stdout(`    actual output:   ${JSON.stringify(r.output)}\n`);
      } else {
        io.stdout(`    expected suggested rewrite: ${JSON.stringify(r.expectedSuggested)}\n`);
        io.stdout(`    actual suggested rewrite:   ${JSON.stringify(r.suggested)}\n`);
      }
    }
  }
  io.stdout(`${failed ? '✖' : '✔'} ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}, ${passed + failed} examples\n`);
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed ? EXIT.lint : EXIT.ok;
}
