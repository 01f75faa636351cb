/**
 * The matcher tries each phrase only where one of its first words starts
 * (core/matcher.ts). It must find exactly what the phrase list's one regular
 * expression finds when run over the whole text: checked for every bundled
 * rule on every corpus reply, and on phrasings chosen to trip it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { phrasesSource, type Words } from '../src/core/phrase.js';
import fc from 'fast-check';
import { eachWord, foldCase, WORD_SOURCE } from '../src/core/text.js';
import type { Segment } from '../src/core/prose.js';
import type { Lang } from '../src/core/types.js';
import { PhraseIndex } from '../src/core/matcher.js';
import { parseRuleFile } from '../src/rulebook/load.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`match.test.ts: the corpus comparison is skipped: ${CORPUS} is absent (it lives in ../shared, beside the checkout)`);

const segment = (text: string): Segment => ({ text, folded: foldCase(text), offsets: [] });

/** Both ways of matching one phrase list, on one text: [first-word matches, whole-expression matches]. */
function both(phrases: string[], words: Words | undefined, lang: Lang, texts: string[]): [string[], string[]] {
  const list = phrasesSource(phrases, words)!;
  expect(list.phrases, `every phrase has a first word: ${phrases.join(' / ')}`).toBeDefined();
  const index = new PhraseIndex();
  const first = index.byFirstWord(list.phrases!, lang);
  const scan = index.byScan({ source: list.source }); // no anchors: the expression runs over every text
  const show = (m: [number, number][], t: string) => m.map(([s, e]) => `${s}:${t.slice(s, e)}`);
  const a: string[] = [];
  const b: string[] = [];
  for (const t of texts) {
    const seg = segment(t);
    a.push(...show(first.matches(seg), t));
    b.push(...show(scan.matches(seg), t));
  }
  return [a, b];
}

describe('matching by first word', () => {
  /** Every bundled rule's phrase lists, on `texts` per language and on the rule's own examples: the number of matches compared. */
  function compareRules(texts: Record<Lang, string[]>): number {
    let found = 0;
    for (const file of readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'))) {
      const rule = parseRuleFile(readFileSync(join(ROOT, 'rules', file), 'utf8'), `rules/${file}`);
      for (const lists of [rule.patterns, rule.exceptions, rule.options.count as Record<Lang, string[]> | undefined]) {
        for (const lang of ['en', 'nl'] as const) {
          const phrases = lists?.[lang];
          if (!phrases?.length) continue;
          // The rule's own examples too: they are where its phrases do match.
          const ex = rule.examples?.[lang];
          const examples = [...(ex?.invalid ?? []).map((e) => e.text), ...(ex?.valid ?? [])];
          const [a, b] = both(phrases, rule.words?.[lang], lang, [...texts[lang], ...examples]);
          expect(a, `${file} (${lang})`).toEqual(b);
          found += a.length;
        }
      }
    }
    return found;
  }

  it("finds exactly what the whole expression finds, for every bundled rule on its own examples", () => {
    expect(compareRules({ en: [], nl: [] })).toBeGreaterThan(300); // the comparison saw real matches, not only empty lists
  });

  it.skipIf(!HAS_CORPUS)('finds exactly what the whole expression finds, for every bundled rule on every corpus reply (../shared/corpus)', () => {
    const texts: Record<Lang, string[]> = { en: [], nl: [] };
    for (const lang of ['en', 'nl'] as const) {
      for (const f of readdirSync(join(CORPUS, lang), { recursive: true })) {
        if (typeof f !== 'string' || !/\.(md|txt)$/.test(f)) continue;
        texts[lang].push(...readFileSync(join(CORPUS, lang, f), 'utf8').split(/\n\s*\n/));
      }
      expect(texts[lang].length).toBeGreaterThan(100);
    }
    expect(compareRules(texts)).toBeGreaterThan(500);
  });

  it('handles stems, glued and optional starts, short prefixes, apostrophes and overlaps', () => {
    const phrases = [
      '(on)mogelijk',
      'apolog* for',
      "[we|they]'re (really) sorry",
      '(just) (really) sorry',
      't&cs apply',
      '(as) [I|we] said',
      '(de) [klant|klanten]service',
      'we said that',
      'said that',
      'a{1,2} b',
    ].filter((p) => !p.includes('{')); // a slot cannot start a phrase; it may follow a word
    phrases.push('please {1,2} contact');
    const texts = [
      'Onmogelijk, mogelijk en onmogelijkheid. APOLOGIES for that; apologise for it.',
      "We're sorry, they’re really sorry, just really sorry, really sorry and sorry.",
      'T&Cs apply. As I said, we said that, said that; as we said that.',
      'De klantenservice en klantservice, deklantservice.',
      'Please do contact us, please please contact, please contact.',
      'sorry sorry sorrysorry _sorry sorry_ 2sorry',
    ];
    const [a, b] = both(phrases, undefined, 'en', texts);
    expect(a).toEqual(b);
    expect(a).toContain('0:Onmogelijk');
    expect(a.some((m) => m.endsWith(':APOLOGIES for'))).toBe(true);
  });
});

describe('the words the index looks up', () => {
  it('are the runs the word expression finds, at the same places, in any text', () => {
    const words = (text: string) => {
      const out: [string, number][] = [];
      eachWord(text, (w, at) => out.push([w, at]));
      return out;
    };
    const byRegExp = (text: string) => [...text.matchAll(new RegExp(WORD_SOURCE, 'g'))].map((m): [string, number] => [m[0], m.index]);
    expect(words('Héllo, wörld_2 — ÿes; Ω 日本 😀x')).toEqual(byRegExp('Héllo, wörld_2 — ÿes; Ω 日本 😀x'));
    expect(words('Héllo, wörld_2 — ÿes')).toEqual([['Héllo', 0], ['wörld_2', 7], ['ÿes', 17]]);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      expect(words(text)).toEqual(byRegExp(text));
    }), { numRuns: 2000 });
  });
});
