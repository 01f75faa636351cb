/**
 * Which language is a reply in? Counts frequent function words that exist in
 * only one of the rulebook's languages (core/lang.ts, Language.detector);
 * right on replies of two short sentences.
 */
import type { Languages } from './lang.js';
import type { Lang } from './types.js';

interface Detector {
  /** Each word's languages. */
  lookup: Map<string, Lang[]>;
  /** Languages with letter groups: half a point for a word in no list that has one. */
  letters: [Lang, RegExp][];
  codes: Lang[];
}

const detectors = new WeakMap<Languages, Detector>();

function detectorOf(languages: Languages): Detector {
  let d = detectors.get(languages);
  if (!d) {
    const lookup = new Map<string, Lang[]>();
    for (const lang of languages.values()) {
      for (const w of lang.detector.words) {
        const list = lookup.get(w);
        if (!list) lookup.set(w, [lang.code]);
        else if (!list.includes(lang.code)) list.push(lang.code);
      }
    }
    const letters = [...languages.values()].filter((l) => l.detector.letters).map((l): [Lang, RegExp] => [l.code, l.detector.letters!]);
    detectors.set(languages, (d = { lookup, letters, codes: [...languages.keys()] }));
  }
  return d;
}

/** The scores, highest first (ties in list order). */
function ranked(text: string, languages: Languages): [Lang, number][] {
  const score = languageScores(text, detectorOf(languages));
  return [...score].sort((a, b) => b[1] - a[1]);
}

/** Detect the language of a reply's prose; `fallback` (default: the first language) when there is no evidence. */
export function detectLanguage(text: string, languages: Languages, fallback?: Lang): Lang {
  const [first, second] = ranked(text, languages);
  if (!first || (second && second[1] === first[1])) return fallback ?? languages.keys().next().value!;
  return first[0];
}

/**
 * Evidence a detection is sure of: at least this many points (function words,
 * letter groups at half a point) for the winner, and this many times the
 * runner-up's.
 */
export const CONFIDENT_POINTS = 6;
export const CONFIDENT_RATIO = 4;

/** The language of a reply when the text leaves no doubt (see CONFIDENT_*), else undefined. */
export function confidentLanguage(text: string, languages: Languages): Lang | undefined {
  const [win, lose] = ranked(text, languages);
  if (!win) return undefined;
  return win[1] >= CONFIDENT_POINTS && win[1] >= CONFIDENT_RATIO * (lose?.[1] ?? 0) ? win[0] : undefined;
}

/**
 * The language of a reply, and where it came from: front matter wins; then a
 * confident detection, over a language given by the config or --lang (an
 * English macro in a Dutch repository is still English); then that language;
 * then the detection, however weak.
 */
export function decideLanguage(
  text: string,
  frontMatter: Lang | undefined,
  option: Lang | undefined,
  languages: Languages,
): { lang: Lang; source: 'front-matter' | 'option' | 'detected'; overrides?: Lang } {
  if (frontMatter) return { lang: frontMatter, source: 'front-matter' };
  if (!option) return { lang: detectLanguage(text, languages), source: 'detected' };
  const sure = confidentLanguage(text, languages);
  if (sure && sure !== option) return { lang: sure, source: 'detected', overrides: option };
  return { lang: option, source: 'option' };
}

function languageScores(text: string, d: Detector): Map<Lang, number> {
  const score = new Map<Lang, number>(d.codes.map((c) => [c, 0]));
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  for (const w of words.length > 4000 ? words.slice(0, 4000) : words) {
    const langs = d.lookup.get(w);
    if (langs) for (const lang of langs) score.set(lang, score.get(lang)! + 1);
    // Letter groups frequent in one language and rare in the others.
    else for (const [lang, re] of d.letters) if (re.test(w)) score.set(lang, score.get(lang)! + 0.5);
  }
  return score;
}
