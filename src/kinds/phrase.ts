/** `phrase`: every match of any pattern is a violation, unless it overlaps an exception. */
import type { RuleKind } from './kind.js';
import { compilePerLang, findAll } from './match.js';

export const phrase: RuleKind = {
  name: 'phrase',
  needsPatterns: true,
  keys: {},
  create(rule) {
    const patterns = compilePerLang(rule.patterns);
    const exceptions = compilePerLang(rule.exceptions);
    return ({ prose, lang }) => findAll(prose, patterns[lang], exceptions[lang]);
  },
};
