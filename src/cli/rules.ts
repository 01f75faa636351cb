/** Loading rule folders from disk (the bundled `rules/` and a team's own). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { primePhraseSources, type CompiledList } from '../core/phrase.js';
import { checkUniqueIds, parseRuleFile } from '../rulebook/load.js';
import type { RuleDefinition } from '../core/types.js';

/** The rules that ship with replylint. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** The same, validated and compiled by the build (scripts/build-rules.mjs). */
export const BUNDLED_JSON = fileURLToPath(new URL('../rules.json', import.meta.url));

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/** Names, sizes and modification times of a folder's rule files: has it changed since the build? */
export function fingerprint(dir: string): string {
  return ruleFiles(dir)
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f}:${s.size}:${Math.trunc(s.mtimeMs)}`;
    })
    .join('|');
}

export function loadRuleDir(dir: string, cwd = process.cwd()): RuleDefinition[] {
  const rules = ruleFiles(dir).map((f) => {
    const path = join(dir, f);
    const shown = relative(cwd, path) || path;
    return parseRuleFile(readFileSync(path, 'utf8'), shown.startsWith('..') ? path : shown);
  });
  checkUniqueIds(rules);
  return rules;
}

/** The bundled rules: from the build's JSON when it matches rules/, else from the YAML files. */
export function loadBundledRules(cwd = process.cwd()): RuleDefinition[] {
  try {
    const built = JSON.parse(readFileSync(BUNDLED_JSON, 'utf8')) as { fingerprint: string; rules: RuleDefinition[]; sources: [string, CompiledList][] };
    if (built.fingerprint === fingerprint(BUNDLED_RULES_DIR)) {
      primePhraseSources(built.sources);
      return built.rules;
    }
  } catch {
    // no build output: read the YAML
  }
  return loadRuleDir(BUNDLED_RULES_DIR, cwd);
}
