/** `limit`: the `count` phrases may occur at most `max` times; `patterns` are violations as in `phrase`. */
import { LANGS, type PerLang } from '../core/types.js';
import type { KeyCheck, RuleKind } from './kind.js';
import { compilePerLang, findAll } from './match.js';

const isPhraseLists: KeyCheck = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be a mapping with lists of phrases under "en" and "nl"';
  for (const lang of LANGS) {
    const list = (v as Record<string, unknown>)[lang];
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) return `"${lang}" must be a list of phrases`;
  }
  return undefined;
};

export const limit: RuleKind = {
  name: 'limit',
  needsPatterns: false,
  keys: {
    max: (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'must be a whole number, 0 or more'),
    count: isPhraseLists,
  },
  create(rule) {
    const max = (rule.options.max as number | undefined) ?? 0;
    const counted = compilePerLang(rule.options.count as PerLang<string[]> | undefined);
    const patterns = compilePerLang(rule.patterns);
    const exceptions = compilePerLang(rule.exceptions);
    return ({ prose, lang }) => {
      const over = findAll(prose, counted[lang]).slice(max);
      const always = findAll(prose, patterns[lang], exceptions[lang]);
      return [...over, ...always].sort((a, b) => a.segment - b.segment || a.start - b.start);
    };
  },
};
