/** `require`: the reply must contain one of the patterns; reported once, at the start of the prose. */
import { PHRASE_PROPERTIES, type RuleKind } from './kind.js';
import { compilePerLang, findAll } from './match.js';

export const require: RuleKind = {
  name: 'require',
  schema: { properties: { patterns: PHRASE_PROPERTIES.patterns, words: PHRASE_PROPERTIES.words }, required: ['patterns'] },
  phraseKeys: ['patterns'],
  create(rule) {
    const patterns = compilePerLang(rule.patterns, rule.words);
    return ({ prose, lang }) => {
      const first = prose.segments[0];
      if (!first || !patterns(lang)) return [];
      if (findAll(prose, patterns(lang)).length) return [];
      // Report the first line of the prose.
      const lineEnd = first.text.search(/[\r\n]/);
      return [{ segment: 0, start: 0, end: lineEnd < 0 ? first.text.length : lineEnd }];
    };
  },
};
