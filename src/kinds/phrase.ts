/** `phrase`: every match of any pattern is a violation, unless it overlaps an exception. */
import { PHRASE_PROPERTIES, type RuleKind } from './kind.js';
import { compilePerLang, findAll } from './match.js';

export const phrase: RuleKind = {
  name: 'phrase',
  schema: { properties: PHRASE_PROPERTIES, required: ['patterns'] },
  phraseKeys: ['patterns', 'exceptions'],
  create(rule) {
    const patterns = compilePerLang(rule.patterns, rule.words);
    const exceptions = compilePerLang(rule.exceptions, rule.words);
    return ({ prose, lang }) => findAll(prose, patterns(lang), exceptions(lang));
  },
};
