/** Shared by the kinds: compile a rule's per-language phrases and find them in prose. */
import { phrasesSource, type Anchors } from '../core/phrase.js';
import type { Prose, Segment } from '../core/prose.js';
import type { Lang, PerLang } from '../core/types.js';
import type { Hit } from './kind.js';

/** A compiled phrase list: the regular expression (built on first use) and its anchors. */
export interface Matcher {
  regexp(): RegExp;
  anchors?: Anchors;
}

/** A rule's matcher per language (a reply in one language never builds the other's). */
export type PerLangRegExp = (lang: Lang) => Matcher | undefined;

export function compilePerLang(phrases: PerLang<string[]> | undefined, words?: PerLang<Record<string, string[]>>): PerLangRegExp {
  const built: Partial<Record<Lang, Matcher | null>> = {};
  return (lang) => {
    let m = built[lang];
    if (m === undefined) {
      const list = phrases && phrasesSource(phrases[lang] ?? [], words?.[lang]);
      let re: RegExp | undefined;
      m = list ? { regexp: () => (re ??= new RegExp(list.source, 'gu')), anchors: list.anchors } : null;
      built[lang] = m;
    }
    return m ?? undefined;
  };
}

/** The words of a segment, for anchor tests (computed once per segment). */
const tokenCache = new WeakMap<Segment, { words: Set<string>; byStart: Map<string, string[]> }>();

function tokens(seg: Segment) {
  let t = tokenCache.get(seg);
  if (!t) {
    const words = new Set(seg.folded.match(/[\p{L}\p{N}]+/gu) ?? []);
    const byStart = new Map<string, string[]>();
    for (const w of words) {
      if (w.length < 3) continue;
      const k = w.slice(0, 3);
      const list = byStart.get(k);
      if (list) list.push(w);
      else byStart.set(k, [w]);
    }
    t = { words, byStart };
    tokenCache.set(seg, t);
  }
  return t;
}

/** Could the matcher match in this segment at all? */
function mayMatch(seg: Segment, anchors: Anchors | undefined): boolean {
  if (!anchors) return true;
  const t = tokens(seg);
  for (const w of anchors.words) if (t.words.has(w)) return true;
  for (const p of anchors.prefixes) if (t.byStart.get(p.slice(0, 3))?.some((w) => w.startsWith(p))) return true;
  return false;
}

/** Every non-overlapping match of `re` in the prose, leftmost first, minus those overlapping an exception. */
export function findAll(prose: Prose, matcher: Matcher | undefined, except?: Matcher): Hit[] {
  const hits: Hit[] = [];
  if (!matcher) return hits;
  prose.segments.forEach((seg, segment) => {
    if (!mayMatch(seg, matcher.anchors)) return;
    const re = matcher.regexp();
    let excepted: Hit[] | undefined;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg.folded))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const hit = { segment, start: m.index, end: m.index + m[0].length };
      if (except) {
        excepted ??= findAll({ segments: [seg], directives: [] }, except);
        if (excepted.some((e) => e.start < hit.end && hit.start < e.end)) continue;
      }
      hits.push(hit);
    }
  });
  return hits;
}
