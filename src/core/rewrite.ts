/**
 * Suggested rewrites of the writer's own sentence.
 *
 * A phrase rule lists rewrites per language: a phrase to find in the sentence
 * of a hit, and what to put in its place (`replace`), or, where no rewrite
 * fits, one short instruction specific to that phrase (`advice`):
 *
 *   rewrites:
 *     en:
 *       - find: "[soon|shortly]"
 *         replace: "by [day, time]"
 *
 * "We will get back to you soon." then gets the suggestion
 * “We will get back to you soon.” → “We will get back to you by [day, time].”
 * Slots only the writer can fill stay in square brackets; `{formal|informal}`
 * follows the draft's register (see register.ts). Pure.
 */
import { phrasesSource } from './phrase.js';
import type { Segment } from './prose.js';
import { WORD_SOURCE } from './text.js';
import { inRegister, type Register } from './register.js';
import type { Fix, Lang, PerLang } from './types.js';

export interface RewriteDefinition {
  /** A phrase (the phrase syntax) to look for in the hit's sentence. */
  find: string;
  /** What replaces it: `[…]` for what only the writer knows, `{formal|informal}` for register. */
  replace?: string;
  /** Instead of a rewrite: one short sentence saying what to do about this phrase. */
  advice?: string;
}

/** ESLint's shape: a suggestion the user may apply; never applied by --fix. */
export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface Rewritten {
  /** The writer's sentence before and after, for people. */
  before?: string;
  after?: string;
  suggestion?: Suggestion;
  /** Phrase-specific advice when no rewrite fits. */
  advice?: string;
}

interface Compiled {
  re: RegExp;
  def: RewriteDefinition;
  /** The words its phrase can start with (as the matcher's index has them), when it starts with a word. */
  first?: { words: Set<string>; prefixes: string[] };
}

/** A rule's rewrites, compiled once per language when first needed. */
export function compileRewrites(rewrites: PerLang<RewriteDefinition[]> | undefined, words?: PerLang<Record<string, string[]>>): (lang: Lang) => Compiled[] {
  const built: Partial<Record<Lang, Compiled[]>> = {};
  return (lang) =>
    (built[lang] ??= (rewrites?.[lang] ?? []).flatMap((def) => {
      const list = phrasesSource([def.find], words?.[lang]);
      if (!list) return [];
      const first = list.phrases?.[0];
      // Sticky: tried at the word starts of the sentence only (a phrase may start with an optional slot).
      return [{ re: new RegExp(list.source, 'uy'), def, first: first && { words: new Set(first.words), prefixes: first.prefixes } }];
    }));
}

/** The word at a place, as the matcher's token scan sees words. */
const WORD_AT = new RegExp(WORD_SOURCE, 'y');

const SENTENCE_END = /[.!?…](?=\s|$)|\n\s*\n/g;
/** Where a word (or a mark such as "!" or a quote) starts: where a phrase may start. */
const WORD_START = /(?<=^|\s)\S|(?<=[^\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** A sentence is looked for this far around a hit: a run-on paragraph must not make every hit read all of it. */
const REACH = 400;

/** [start, end) of the sentence around [from, to) in a segment's text (within REACH characters of the hit). */
function sentenceAround(text: string, from: number, to: number): [number, number] {
  const lo = Math.max(0, from - REACH);
  const window = text.slice(lo, Math.min(text.length, to + REACH));
  const f = from - lo;
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(window)) && m.index < f) start = m.index + m[0].length;
  let end = window.length;
  // From the hit's last character: a hit may end with the sentence's own full stop.
  SENTENCE_END.lastIndex = Math.max(f, to - lo - 1);
  if ((m = SENTENCE_END.exec(window))) end = m.index + (/[.!?…]/.test(m[0][0]) ? 1 : 0);
  while (start < end && /\s/.test(window[start])) start++;
  return [lo + start, lo + end];
}

/** Source offsets [a, b) of segment text [s, e), when the text there is the source as is (no markup or escapes in between). */
function plain(seg: Segment, s: number, e: number): [number, number] | undefined {
  if (e <= s) return undefined;
  const a = seg.offsets[s];
  const b = seg.offsets[e - 1] + 1;
  return b - a === e - s ? [a, b] : undefined;
}

const capitalise = (s: string) => s.replace(/^(\P{L}*)(\p{L})/u, (_, pre: string, ch: string) => pre + ch.toUpperCase());
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The rewrite of the sentence of a hit, or phrase advice; undefined when the rule's rewrites have nothing for it. */
export function rewrite(source: string, seg: Segment, start: number, end: number, rewrites: Compiled[], register: Register): Rewritten | undefined {
  if (!rewrites.length) return undefined;
  const [sStart, sEnd] = sentenceAround(seg.text, start, end);
  // Searched in the sentence only, at the word starts up to the hit's end: a match must overlap the hit.
  const folded = seg.folded;
  const starts: number[] = [];
  WORD_START.lastIndex = sStart;
  for (let w: RegExpExecArray | null; (w = WORD_START.exec(folded)) && w.index < end; ) starts.push(w.index);
  // The word at each start: a rewrite is tried only where one of its first words is (as the matcher tries
  // phrases), so most of a rule's rewrites never run, nor are compiled. Text in reader form other than its
  // folded form (seg.norm) is searched as before, everywhere.
  const words = seg.norm
    ? undefined
    : starts.map((at) => {
        WORD_AT.lastIndex = at;
        return WORD_AT.exec(folded)?.[0];
      });
  for (const { re, def, first } of rewrites) {
    for (let i = 0; i < starts.length; i++) {
      const at = starts[i];
      if (first && words) {
        const word = words[i];
        if (word === undefined || !(first.words.has(word) || first.prefixes.some((p) => word.startsWith(p)))) continue;
      }
      re.lastIndex = at;
      const m = re.exec(folded);
      if (!m || !m[0].length) continue;
      const mStart = m.index;
      const mEnd = m.index + m[0].length;
      // Only a phrase that overlaps the hit, inside the sentence: another part is not the problem.
      if (mEnd <= start || mStart >= end || mEnd > sEnd) continue;
      if (def.advice !== undefined) return { advice: inRegister(def.advice, register) };
      const range = plain(seg, mStart, mEnd);
      const sentence = plain(seg, sStart, sEnd);
      if (!range || !sentence) return undefined;
      let text = inRegister(def.replace ?? '', register);
      let [from, to] = range;
      const initial = mStart === sStart;
      if (!text) {
        // A phrase dropped: with the comma or colon after it, and the next word capitalised at a sentence start.
        const after = /^[ \t]*[,;:]?[ \t]*/.exec(source.slice(to))!;
        to += after[0].length;
        if (initial) {
          const next = /^\p{L}/u.exec(source.slice(to));
          if (!next) return undefined;
          text = next[0].toUpperCase();
          to += 1;
        } else if (/[ \t]$/.test(source.slice(0, from)) && after[0].length === 0) {
          from -= 1;
        }
      } else if (initial) {
        text = capitalise(text);
      }
      const before = oneLine(source.slice(sentence[0], sentence[1]));
      const after = oneLine(source.slice(sentence[0], from) + text + source.slice(to, sentence[1]));
      return { before, after, suggestion: { desc: `“${before}” → “${after}”`, fix: { range: [from, to], text } } };
    }
  }
  return undefined;
}
