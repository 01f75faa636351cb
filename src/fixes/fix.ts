/** Shared by the fix types: where sentences start. The FixType interface is the core's (core/plugin.ts). */
import type { Languages } from '../core/lang.js';
export type { FixContext, FixType } from '../core/plugin.js';

const MARKUP = /[*_~`]/;

/**
 * An expression made from the words a greeting line opens with ("Hi Sam,",
 * "Beste mevrouw De Vries,") in all the rulebook's languages (Language.greetings:
 * a Dutch reply may open with "Hi Sam,"), once per list of languages.
 */
export function greetingPattern(languages: Languages, make: (words: string) => RegExp, cache: WeakMap<Languages, RegExp>): RegExp {
  let re = cache.get(languages);
  if (!re) {
    const words = [...languages.values()].map((l) => l.greetings).filter(Boolean);
    re = words.length ? make(words.join('|')) : /(?!)/;
    cache.set(languages, re);
  }
  return re;
}

/** Does the sentence start at `offset` (only white space and markup before it, back to a sentence end or the text's start)? */
export function atSentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || MARKUP.test(text[i]) || text[i] === '>' || text[i] === '-')) i--;
  return i < 0 || /[\n\r.!?:…]/.test(text[i]);
}

/** Upper-case the first letter at or after `offset` (skipping markup); returns [index, upper] or undefined. */
export function firstLetter(text: string, offset: number): [number, string] | undefined {
  let i = offset;
  while (i < text.length && MARKUP.test(text[i])) i++;
  const ch = text[i];
  if (!ch || !/\p{L}/u.test(ch)) return undefined;
  return [i, ch.toUpperCase()];
}
