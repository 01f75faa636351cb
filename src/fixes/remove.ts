/**
 * `remove`: drop the phrase and re-capitalise what follows ("As I said, the
 * refund…" -> "The refund…"), only where the sentence stands without it.
 * A fix definition may limit it to some phrases (`when`). In a verb-second
 * language (Dutch; Language.verbSecond) a sentence-initial phrase is only
 * dropped before a colon: after "Zoals ik al zei, duurt …" the verb would come
 * first.
 */
import { Memo } from '../core/memo.js';
import type { Languages } from '../core/lang.js';
import { compilePhrases } from '../core/phrase.js';
import { foldCase } from '../core/text.js';
import { atSentenceStart, firstLetter, greetingPattern, type FixType } from './fix.js';

const whenCache = new Memo<RegExp | undefined>(1_000);

function allowed(matched: string, when: string[] | undefined): boolean {
  if (!when) return true;
  const key = when.join('\u0000');
  const re = whenCache.get(key, () => {
    const re = compilePhrases(when);
    return re && new RegExp(`^(?:${re.source})$`, 'u');
  });
  return !!re && re.test(foldCase(matched.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim()));
}

/** The text on this line before `offset` is a greeting and a comma ("Hi Sam, "). */
function afterGreeting(text: string, offset: number, languages: Languages): boolean {
  // A greeting line is short: look back 200 characters at most (a long paragraph must not be read for every problem).
  const from = Math.max(0, offset - 200);
  const window = text.slice(from, offset);
  const lineStart = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r')) + 1;
  if (lineStart === 0 && from > 0) return false;
  return greetingPattern(languages, greetingLine, greetings).test(window.slice(lineStart));
}

const greetings = new WeakMap<Languages, RegExp>();
const greetingLine = (words: string) => new RegExp(`^[ \\t]*(?:${words})\\b[^,.!?\\n]{0,60},[ \\t]*$`, 'i');

export const remove: FixType = {
  name: 'remove',
  fix({ text, start, end, lang, language, languages, definition }) {
    const matched = text.slice(start, end);
    if (definition.when && !allowed(matched, definition.when[lang])) return undefined;
    const single = !/\s/.test(matched.trim());
    const after = text.slice(end);
    const next = /^[ \t]*([,;:])?[ \t]*/.exec(after)!;
    const punct = next[1];

    // At the start of a sentence, or right after "Hi Sam, ": the phrase must be a whole
    // opening clause (followed by a comma or colon), or a single English adverb.
    const initial = atSentenceStart(text, start);
    if (initial || afterGreeting(text, start, languages)) {
      if (!punct && !(single && language.dropsLoneWords)) return undefined;
      // Dutch puts the verb second: without "Zoals ik al zei," the verb would come first.
      if (language.verbSecond && punct !== ':') return undefined;
      const letter = firstLetter(text, end + next[0].length);
      if (!letter) return undefined;
      const [at, upper] = letter;
      return { range: [start, at + 1], text: text.slice(end + next[0].length, at) + (initial ? upper : text[at]) };
    }

    // Inside a sentence: only a parenthetical between commas, one at the end, or a single English adverb.
    const prev = /([,;:]?)[ \t]*$/.exec(text.slice(Math.max(0, start - 20), start))!;
    const from = start - prev[0].length;
    if (prev[1] === ',' && punct === ',') return { range: [from, end + next[0].indexOf(',') + 1], text: '' };
    if (prev[1] === ',' && /^[ \t]*(?:[.!?]|$)/.test(after)) return { range: [from, end], text: '' };
    if (single && language.dropsLoneWords && !prev[1] && prev[0].length && !punct && /^[ \t]/.test(after)) return { range: [start, end + 1], text: '' };
    return undefined;
  },
};
