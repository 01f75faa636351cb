/** `phrase`: every match of any pattern is a violation, unless it overlaps an exception. */
import { PHRASE_PROPERTIES, type RuleKind } from './kind.js';
import { findAll } from '../core/matcher.js';

export const phrase: RuleKind = {
  name: 'phrase',
  schema: { properties: PHRASE_PROPERTIES, required: ['patterns'] },
  phraseKeys: ['patterns', 'exceptions'],
  options: { patterns: 'append', exceptions: 'append', words: 'append' },
  create(rule, { phrases }) {
    const patterns = phrases.perLang(rule.patterns, rule.words);
    const exceptions = phrases.perLang(rule.exceptions, rule.words);
    return ({ prose, lang }) => findAll(prose, patterns(lang), exceptions(lang));
  },
};
