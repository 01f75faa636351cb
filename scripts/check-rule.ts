// Validate rule files and run their examples: npx tsx scripts/check-rule.ts rules/<id>.yaml ...
import { readFileSync } from 'node:fs';
import { parseRuleFile } from '../src/rulebook/load.js';
import { runExamples } from '../src/core/examples.js';
import { DEFAULTS } from '../src/defaults.js';

let failed = 0;
let passed = 0;
for (const file of process.argv.slice(2)) {
  let rule;
  try {
    rule = parseRuleFile(readFileSync(file, 'utf8'), file);
  } catch (e) {
    console.log(`✖ ${(e as Error).message}`);
    failed++;
    continue;
  }
  for (const r of runExamples(rule, DEFAULTS)) {
    if (r.ok) passed++;
    else {
      failed++;
      console.log(`✖ ${r.ruleId} [${r.lang}] ${r.kind}: expected ${r.expected} hit(s), got ${r.actual}${r.found.length ? ` (${r.found.map((f) => JSON.stringify(f)).join(', ')})` : ''}\n    ${JSON.stringify(r.text)}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
