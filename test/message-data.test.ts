/**
 * A kind's hits may carry data for the rule's message: a team's limit rule
 * says which occurrence went over and what the limit is. A placeholder the
 * kind does not fill is refused when the rule is loaded, at its line.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const RULE = `id: max-sorry
kind: limit
severity: warning
description: {en: Too many apologies., nl: Te veel excuses.}
source:
  - article: team
    quote: Our own style guide.
message:
  en: "“{{match}}” is apology {{count}}; keep it to {{max}}."
  nl: "“{{match}}” is excuus {{count}}; houd het bij {{max}}."
max: 1
count:
  en: ["sorry"]
  nl: ["sorry"]
`;

function repo(rule: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-data-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'team'));
  writeFileSync(join(dir, '.replylintrc.yaml'), 'extends: [./team]\n');
  writeFileSync(join(dir, 'team', 'max-sorry.yaml'), rule);
  writeFileSync(join(dir, 'reply.md'), 'Sorry for the wait.\n\nSorry again, and sorry once more.\n');
  return dir;
}

describe('message data from a kind', () => {
  it('a limit rule names the occurrence and the limit in its message', () => {
    const r = runCli(['reply.md', '--format', 'compact'], { cwd: repo(RULE) });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('max-sorry'))).toEqual([
      'reply.md:3:1: warning: “Sorry” is apology 2; keep it to 1. (max-sorry)',
      'reply.md:3:18: warning: “sorry” is apology 3; keep it to 1. (max-sorry)',
    ]);
  });

  it('a placeholder the kind does not fill is refused at its place', () => {
    const r = runCli(['reply.md'], { cwd: repo(RULE.replace('keep it to {{max}}', 'keep it to {{maximum}}')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/team\/max-sorry\.yaml:9:7: unknown placeholder "\{\{maximum\}\}" in message\.en — did you mean "max"\? \(a limit rule fills in: \{\{match\}\}, \{\{count\}\}, \{\{max\}\}\)/);
  });
});
