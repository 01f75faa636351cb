/** `shouting`: ALL-CAPS words (not acronyms or codes) and runs of "!!", "?!". */
import type { Hit, RuleKind } from './kind.js';

const WORD = /[\p{L}\p{M}\p{N}_]+(?:['\u2019-][\p{L}\p{M}\p{N}_]+)*/gu;
const MARKS = /[!?]*(?:!!|\?!|!\?)[!?]*/g;
/**
 * A shouted word has two letters, none lower-case, with at most marks, an
 * apostrophe or a hyphen between them: paragraphs without such a pair (most)
 * skip the word-by-word check.
 */
const CAPS_PAIR = /[^\P{L}\p{Ll}][\p{M}'\u2019-]*[^\P{L}\p{Ll}]/u;
export const DEFAULT_ACRONYMS = ['FAQ', 'UPS', 'DHL', 'DPD', 'GLS', 'TNT', 'IBAN', 'EUR', 'USD', 'BTW', 'VAT', 'PDF', 'URL', 'API', 'SMS'];

export const shouting: RuleKind = {
  name: 'shouting',
  schema: {
    properties: {
      acronyms: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'ALL-CAPS words that are not shouting' },
      minLength: { type: 'integer', minimum: 2, description: 'shortest ALL-CAPS word that counts (default 3)' },
    },
  },
  phraseKeys: [],
  create(rule) {
    const acronyms = new Set(((rule.options.acronyms as string[] | undefined) ?? DEFAULT_ACRONYMS).map((a) => a.toUpperCase()));
    const minLength = (rule.options.minLength as number | undefined) ?? 3;
    return ({ prose }) => {
      const hits: Hit[] = [];
      prose.segments.forEach((seg, segment) => {
        if (CAPS_PAIR.test(seg.text)) {
          for (const m of seg.text.matchAll(WORD)) {
            const word = m[0];
            if (/[\p{N}_]/u.test(word)) continue; // order numbers, codes and IDENTIFIERS_LIKE_THIS
            if (word !== word.toUpperCase() || word === word.toLowerCase()) continue;
            const letters = word.match(/\p{L}/gu)?.length ?? 0;
            if (letters < minLength) continue;
            if (word.split(/['\u2019-]/).every((part) => acronyms.has(part) || part.length < minLength)) continue;
            hits.push({ segment, start: m.index, end: m.index + word.length });
          }
        }
        for (const m of seg.text.matchAll(MARKS)) hits.push({ segment, start: m.index, end: m.index + m[0].length });
      });
      return hits.sort((a, b) => a.segment - b.segment || a.start - b.start);
    };
  },
};
