/**
 * Dutch or English? Counts frequent function words that exist in only one of
 * the two languages; right on replies of two short sentences.
 */
import type { Lang } from './types.js';

const WORDS: Record<Lang, string[]> = {
  nl: ('de het een en van ik je jij u uw jouw wij ons onze zij ze dat die dit deze niet geen wel ook maar als om te er nog naar bij met voor '
    + 'zijn heeft hebben heb hebt ben bent wordt worden werd kan kunt kunnen wil wilt zal zult zou moet moeten mag '
    + 'graag bedankt dank groet groeten hartelijk beste hallo hoi goedemorgen goedemiddag alstublieft alsjeblieft excuses '
    + 'spijt vriendelijke hoe wat wanneer waarom waar wie omdat zodat dus toch even al nu morgen vandaag '
    + 'uit tot over door na zo meer veel klopt helaas bestelling pakket ontvangen mijn jullie hun haar hem hij zich '
    + 'mee aan op onder tussen binnen uiterlijk werkdagen').split(' '),
  en: ('the a an and of i you your yours we our us they them their it its that this these those not no yes but if to '
    + 'there still with for from by at about into is are was were be been being has have had do does did can could will would '
    + 'should may might must please thanks thank regards dear hello hi morning afternoon sorry apologies apologise apologize '
    + 'how what when why where who which because so just now tomorrow today my me he she his her '
    + 'order parcel received unfortunately again any some more all up out get got know let understand').split(' '),
};

/** Function words of either language: poor anchors for phrase matching (see phrase.ts). */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...WORDS.nl, ...WORDS.en]);

const LOOKUP = new Map<string, Lang>();
for (const lang of ['nl', 'en'] as Lang[]) for (const w of WORDS[lang]) LOOKUP.set(w, lang);

/** Detect the language of a reply's prose; `fallback` when there is no evidence. */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const score = languageScores(text);
  if (score.nl === score.en) return fallback;
  return score.nl > score.en ? 'nl' : 'en';
}

/**
 * Evidence a detection is sure of: at least this many points (function words,
 * Dutch letter pairs at half a point) for the winner, and this many times the
 * other language's.
 */
export const CONFIDENT_POINTS = 6;
export const CONFIDENT_RATIO = 4;

/** The language of a reply when the text leaves no doubt (see CONFIDENT_*), else undefined. */
export function confidentLanguage(text: string): Lang | undefined {
  const score = languageScores(text);
  const [win, lose]: Lang[] = score.nl > score.en ? ['nl', 'en'] : ['en', 'nl'];
  return score[win] >= CONFIDENT_POINTS && score[win] >= CONFIDENT_RATIO * score[lose] ? win : undefined;
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
): { lang: Lang; source: 'front-matter' | 'option' | 'detected'; overrides?: Lang } {
  if (frontMatter) return { lang: frontMatter, source: 'front-matter' };
  if (!option) return { lang: detectLanguage(text), source: 'detected' };
  const sure = confidentLanguage(text);
  if (sure && sure !== option) return { lang: sure, source: 'detected', overrides: option };
  return { lang: option, source: 'option' };
}

function languageScores(text: string): Record<Lang, number> {
  const score: Record<Lang, number> = { en: 0, nl: 0 };
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  for (const w of words.length > 4000 ? words.slice(0, 4000) : words) {
    const lang = LOOKUP.get(w);
    if (lang) score[lang]++;
    // Letter pairs that are frequent in Dutch and rare in English.
    else if (/ij|oe[^s]|aa|uu|sch|ee[^dnt]/.test(w)) score.nl += 0.5;
  }
  return score;
}
