/**
 * `limit`: the `count` phrases may occur at most `max` times; `patterns` are violations as in `phrase`.
 * A hit over the limit carries `{{count}}` (which occurrence it is) and `{{max}}` for the message.
 */
import type { PerLang } from '../core/types.js';
import { PHRASE_PROPERTIES, type RuleKind } from './kind.js';
import { findAll } from '../core/matcher.js';

export const limit: RuleKind = {
  name: 'limit',
  schema: {
    properties: {
      ...PHRASE_PROPERTIES,
      max: { type: 'integer', minimum: 0, description: 'how many `count` matches are allowed' },
      count: { $ref: '#/definitions/phrases', description: 'the phrases counted' },
    },
    required: ['max', 'count'],
  },
  phraseKeys: ['patterns', 'exceptions', 'count'],
  options: { patterns: 'append', exceptions: 'append', words: 'append', max: 'replace', count: 'append' },
  messageData: ['count', 'max'],
  create(rule, { phrases }) {
    const max = (rule.options.max as number | undefined) ?? 0;
    const counted = phrases.perLang(rule.options.count as PerLang<string[]> | undefined, rule.words);
    const patterns = phrases.perLang(rule.patterns, rule.words);
    const exceptions = phrases.perLang(rule.exceptions, rule.words);
    return ({ prose, lang }) => {
      const over = findAll(prose, counted(lang))
        .slice(max)
        .map((hit, i) => ({ ...hit, data: { count: max + i + 1, max } }));
      const always = findAll(prose, patterns(lang), exceptions(lang));
      return [...over, ...always].sort((a, b) => a.segment - b.segment || a.start - b.start);
    };
  },
};
