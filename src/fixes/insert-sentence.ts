/**
 * `insert-sentence`: for `require` rules, put the rule's sentence (in the
 * reply's language) at the start of the first paragraph after the greeting
 * line ("Hi Sam," / "Beste mevrouw De Vries,"), or at the start of the reply
 * when there is no greeting. When the greeting and the text share a line there
 * is no safe place, and no fix.
 */
import { Memo } from '../core/memo.js';
import { compilePhrases } from '../core/phrase.js';
import type { Segment } from '../core/prose.js';
import { inRegister } from '../core/register.js';
import type { Languages } from '../core/lang.js';
import { greetingPattern, type FixType } from './fix.js';

const afterCache = new Memo<RegExp | undefined>(1_000);

/** A compiled `after` list: sentences the new one goes after ("Thank you for your message." before "Sorry…"). */
function afterPattern(phrases: string[] | undefined): RegExp | undefined {
  if (!phrases?.length) return undefined;
  const key = phrases.join('\u0000');
  return afterCache.get(key, () => {
    const re = compilePhrases(phrases);
    return re && new RegExp(`^(?:${re.source})`, 'u');
  });
}

const greetings = new WeakMap<Languages, RegExp>();
const greetingStart = (words: string) => new RegExp(`^(?:${words})\\b`, 'i');

/** Where the body starts: [segment, index in its text], or undefined when no safe place. */
function bodyStart(segments: Segment[], languages: Languages): [Segment, number] | undefined {
  const first = segments[0];
  if (!first) return undefined;
  if (!greetingPattern(languages, greetingStart, greetings).test(first.text.trimStart())) return [first, 0];
  const lineEnd = first.text.search(/[\r\n]/);
  const greetingLine = lineEnd < 0 ? first.text : first.text.slice(0, lineEnd);
  // "Hi Sam," alone on its line: the body is the next line or paragraph.
  if (!/^[^.!?]{0,80}[,!:]?\s*$/.test(greetingLine) || /[.?]\s*\S/.test(greetingLine)) return undefined;
  if (lineEnd >= 0) {
    const next = first.text.slice(lineEnd).search(/\S/);
    return next < 0 ? undefined : [first, lineEnd + next];
  }
  return segments[1] ? [segments[1], 0] : undefined;
}

export const insertSentence: FixType = {
  name: 'insert-sentence',
  fix({ text, lang, languages, prose, definition, register, options }) {
    // A team's own sentence (rule option `sentence`) wins over the rule's; either may say {formal|informal}.
    const own = (options.sentence as Partial<Record<string, string>> | undefined)?.[lang];
    const template = own ?? definition.text?.[lang];
    if (!template) return undefined;
    const sentence = inRegister(template, register);
    const found = bodyStart(prose.segments, languages);
    if (!found) return undefined;
    const [seg, first] = found;
    let index = first;
    // After an opening sentence the rule names (e.g. a thank-you before the apology).
    const opening = afterPattern(definition.after?.[lang]);
    if (opening && opening.test(seg.folded.slice(index))) {
      const end = /[.!?](?=\s+\S)/.exec(seg.text.slice(index));
      if (!end) return undefined;
      index += end.index + 1 + /^\s+/.exec(seg.text.slice(index + end.index + 1))![0].length;
    }
    let at = seg.offsets[index];
    // Before any emphasis that opens the paragraph.
    while (at > 0 && /[*_~]/.test(text[at - 1])) at--;
    // Dutch letters go on in lower case after "Beste Tim,": after a whole sentence, the next one starts with a capital.
    const next = text[at];
    if (next && /\p{Ll}/u.test(next) && next.toUpperCase().length === 1) return { range: [at, at + 1], text: `${sentence} ${next.toUpperCase()}` };
    return { range: [at, at], text: `${sentence} ` };
  },
};
