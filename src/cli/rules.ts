/** Loading rule folders from disk (the bundled `rules/` and, later, a team's own). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUniqueIds, parseRuleFile } from '../rulebook/load.js';
import type { RuleDefinition } from '../core/types.js';

/** The rules that ship with replylint. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export function loadRuleDir(dir: string, cwd = process.cwd()): RuleDefinition[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const rules = files.map((f) => {
    const path = join(dir, f);
    const shown = relative(cwd, path) || path;
    return parseRuleFile(readFileSync(path, 'utf8'), shown.startsWith('..') ? path : shown);
  });
  checkUniqueIds(rules);
  return rules;
}
