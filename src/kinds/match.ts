/** Shared by the kinds: compile a rule's per-language phrases and find them in prose. */
import { phrasesSource, type Anchors } from '../core/phrase.js';
import type { Prose, Segment } from '../core/prose.js';
import type { Lang, PerLang } from '../core/types.js';
import type { Hit } from './kind.js';

/** A compiled phrase list: the regular expression (built on first use) and its anchors. */
export interface Matcher {
  regexp(): RegExp;
  /** Its entry in the anchor index; undefined when it has no anchors (always tried). */
  anchorId?: number;
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
      m = list ? { regexp: () => (re ??= new RegExp(list.source, 'gu')), anchorId: list.anchors && register(list.anchors) } : null;
      built[lang] = m;
    }
    return m ?? undefined;
  };
}

/**
 * All matchers' anchors in one index: word -> matchers, and prefixes by their
 * first three letters. A paragraph's words are looked up once, for every rule
 * at the same time, so rules whose words a reply does not contain cost nothing.
 */
const byWord = new Map<string, number[]>();
const byPrefix = new Map<string, [string, number][]>();
let registered = 0;

function register(anchors: Anchors): number {
  const id = registered++;
  for (const w of new Set(anchors.words)) {
    const list = byWord.get(w);
    if (list) list.push(id);
    else byWord.set(w, [id]);
  }
  for (const p of new Set(anchors.prefixes)) {
    const k = p.slice(0, 3);
    const list = byPrefix.get(k);
    if (list) list.push([p, id]);
    else byPrefix.set(k, [[p, id]]);
  }
  return id;
}

/** The matchers that may match in a segment: computed once per segment (again only if matchers were added since). */
const candidateCache = new WeakMap<Segment, { upTo: number; ids: Set<number> }>();

function candidates(seg: Segment): Set<number> {
  const cached = candidateCache.get(seg);
  if (cached && cached.upTo === registered) return cached.ids;
  const ids = new Set<number>();
  for (const w of new Set(seg.folded.match(/[\p{L}\p{N}]+/gu) ?? [])) {
    const exact = byWord.get(w);
    if (exact) for (const id of exact) ids.add(id);
    if (w.length >= 3) for (const [p, id] of byPrefix.get(w.slice(0, 3)) ?? []) if (w.startsWith(p)) ids.add(id);
  }
  candidateCache.set(seg, { upTo: registered, ids });
  return ids;
}

/** Could the matcher match in this segment at all? */
function mayMatch(seg: Segment, matcher: Matcher): boolean {
  return matcher.anchorId === undefined || candidates(seg).has(matcher.anchorId);
}

/** Every non-overlapping match of `re` in the prose, leftmost first, minus those overlapping an exception. */
export function findAll(prose: Prose, matcher: Matcher | undefined, except?: Matcher): Hit[] {
  const hits: Hit[] = [];
  if (!matcher) return hits;
  prose.segments.forEach((seg, segment) => {
    if (!mayMatch(seg, matcher)) return;
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
