/**
 * `require`: the reply must contain one of the patterns; reported once, at the start of the prose.
 * `applies` limits the rule to some situations (see core/situation.ts): an
 * apology is owed on a complaint, not on an order confirmation.
 */
import { APPLIES, applies, type Applies } from '../core/situation.js';
import { PHRASE_PROPERTIES, type RuleKind } from './kind.js';
import { findAll } from '../core/matcher.js';

/** A question mark after a word (not in a masked URL or placeholder). */
const QUESTION = /[\p{L}\p{N})\]"”’']\s*\?/u;

export const require: RuleKind = {
  name: 'require',
  schema: {
    properties: {
      patterns: PHRASE_PROPERTIES.patterns,
      words: PHRASE_PROPERTIES.words,
      applies: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: [...APPLIES] },
        description: 'the situations the rule applies in (complaint, question, notice; upset: a complaint whose customer is upset; refusal: a reply, not a notice, that turns something down); default: all',
      },
      sentence: {
        $ref: '#/definitions/someText',
        description: 'your own sentence for --fix to insert, per language; {formal|informal} follows the reply\'s register ("Bedankt voor {uw|je} mail!")',
      },
      question: {
        type: 'boolean',
        description: 'a question in the reply meets the rule too (the customer\'s next step is to answer it); default false',
      },
    },
    required: ['patterns'],
  },
  phraseKeys: ['patterns'],
  options: { patterns: 'append', words: 'append', applies: 'replace', sentence: 'merge', question: 'replace' },
  create(rule, { phrases }) {
    const patterns = phrases.perLang(rule.patterns, rule.words);
    const when = rule.options.applies as Applies[] | undefined;
    const question = rule.options.question === true;
    return ({ prose, lang, situation }) => {
      const first = prose.segments[0];
      if (!first || !patterns(lang)) return [];
      if (!applies(situation, when)) return [];
      if (question && prose.segments.some((seg) => QUESTION.test(seg.text))) return [];
      if (findAll(prose, patterns(lang)).length) return [];
      // Report the first line of the prose.
      const lineEnd = first.text.search(/[\r\n]/);
      return [{ segment: 0, start: 0, end: lineEnd < 0 ? first.text.length : lineEnd }];
    };
  },
};
