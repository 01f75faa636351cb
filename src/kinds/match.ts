/** Shared by the kinds: compile a rule's per-language phrases and find them in prose. */
import { phrasesAt, phrasesSource, WORD_SOURCE, type Anchors, type CompiledList } from '../core/phrase.js';
import type { Prose, Segment } from '../core/prose.js';
import type { Lang, PerLang } from '../core/types.js';
import type { Hit } from './kind.js';

/** A compiled phrase list: how to find its matches in one segment of prose. */
export interface Matcher {
  /** Start and end of every non-overlapping match, leftmost first. */
  matches(seg: Segment): [number, number][];
}

/** A rule's matcher per language (a reply in one language never builds the other's). */
export type PerLangRegExp = (lang: Lang) => Matcher | undefined;

export function compilePerLang(phrases: PerLang<string[]> | undefined, words?: PerLang<Record<string, string[]>>): PerLangRegExp {
  const built: Partial<Record<Lang, Matcher | null>> = {};
  return (lang) => {
    let m = built[lang];
    if (m === undefined) {
      const list = phrases && phrasesSource(phrases[lang] ?? [], words?.[lang]);
      m = list ? (list.phrases ? byFirstWord(list.phrases, lang) : byScan(list)) : null;
      built[lang] = m;
    }
    return m ?? undefined;
  };
}

// ------------------------------------------------------------ by first word

/**
 * The usual way. One index per language of the words phrases start with, for
 * every rule at once: a segment's words are looked up once, and each rule's
 * phrases are tried (a sticky expression of just those) only where one of
 * their first words starts. The cost grows with the words of the reply, not
 * with the number of rules, and an expression is compiled only when a word it
 * starts with turns up.
 */
/** The phrases of one matcher that start with one first word (or prefix), and their expression once needed. */
interface Slot {
  matcher: number;
  /** Phrase indexes, in list order. */
  which: number[];
  /** Its expression, once compiled (shared with the matcher's other slots of the same phrases). */
  re?: RegExp;
  /** Made for one place from two slots and then dropped: it does not keep `re`, the matcher's cache does. */
  merged?: boolean;
}

interface FirstIndex {
  /** Whole first words. */
  words: Map<string, Slot[]>;
  /** First-word prefixes of 3 letters or more, by their first 3 letters. */
  prefixes: Map<string, [string, Slot[]][]>;
  /** Shorter prefixes (rare: "(on)mogelijk"). */
  short: [string, Slot[]][];
}

const indexes = new Map<Lang, FirstIndex>();
let matcherCount = 0;
const TOKEN = new RegExp(WORD_SOURCE, 'g');

/** Where each matcher's phrases may start in a segment: matcher -> [position, slot][]. */
type Starts = Map<number, [number, Slot][]>;
const startsCache = new WeakMap<Segment, Partial<Record<Lang, { upTo: number; starts: Starts }>>>();

function startsIn(seg: Segment, lang: Lang): Starts {
  let perLang = startsCache.get(seg);
  const cached = perLang?.[lang];
  if (cached && cached.upTo === matcherCount) return cached.starts;
  const index = indexes.get(lang)!;
  const starts: Starts = new Map();
  const note = (slots: readonly Slot[], at: number) => {
    for (const slot of slots) {
      const list = starts.get(slot.matcher);
      if (!list) {
        starts.set(slot.matcher, [[at, slot]]);
        continue;
      }
      const last = list[list.length - 1];
      // A word that is a first word and also starts with a prefix of the same matcher (rare): both slots' phrases.
      if (last[0] === at) last[1] = { matcher: slot.matcher, which: [...new Set([...last[1].which, ...slot.which])].sort((a, b) => a - b), merged: true };
      else list.push([at, slot]);
    }
  };
  const text = seg.folded;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const word = m[0];
    const exact = index.words.get(word);
    if (exact) note(exact, m.index);
    if (word.length >= 3) {
      const byPrefix = index.prefixes.get(word.slice(0, 3));
      if (byPrefix) for (const [p, slots] of byPrefix) if (word.startsWith(p)) note(slots, m.index);
    }
    for (const [p, slots] of index.short) if (word.startsWith(p)) note(slots, m.index);
  }
  if (!perLang) startsCache.set(seg, (perLang = {}));
  perLang[lang] = { upTo: matcherCount, starts };
  return starts;
}

export function byFirstWord(phrases: NonNullable<CompiledList['phrases']>, lang: Lang): Matcher {
  const id = matcherCount++;
  let index = indexes.get(lang);
  if (!index) indexes.set(lang, (index = { words: new Map(), prefixes: new Map(), short: [] }));
  const words = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const which = map.get(key);
    if (!which) map.set(key, [i]);
    else if (which[which.length - 1] !== i) which.push(i);
  };
  phrases.forEach((phrase, i) => {
    for (const w of phrase.words) add(words, w, i);
    for (const p of phrase.prefixes) add(prefixes, p, i);
  });
  for (const [w, which] of words) {
    const slots = index.words.get(w);
    if (slots) slots.push({ matcher: id, which });
    else index.words.set(w, [{ matcher: id, which }]);
  }
  for (const [p, which] of prefixes) {
    let list = index.short;
    if (p.length >= 3) {
      const key = p.slice(0, 3);
      list = index.prefixes.get(key) ?? [];
      if (!list.length) index.prefixes.set(key, list);
    }
    const found = list.find(([q]) => q === p);
    if (found) found[1].push({ matcher: id, which });
    else list.push([p, [{ matcher: id, which }]]);
  }
  // One sticky expression per set of phrases: a slot's phrases in list order, as the whole list
  // would try them. Slots with the same phrases share it (a phrase with many first words, such as
  // "(de|onze|het|...) afdeling", would otherwise be compiled once for each).
  const shared = new Map<string, RegExp>();
  const regexp = (slot: Slot): RegExp => {
    if (slot.re) return slot.re;
    const key = slot.which.join(',');
    let re = shared.get(key);
    if (!re) shared.set(key, (re = new RegExp(phrasesAt(slot.which.map((i) => phrases[i])), 'uy')));
    if (!slot.merged) slot.re = re;
    return re;
  };
  return {
    matches(seg) {
      const out: [number, number][] = [];
      const starts = startsIn(seg, lang).get(id);
      if (!starts) return out;
      let free = 0; // matches do not overlap: the next starts where the last ended
      for (const [at, slot] of starts) {
        if (at < free) continue;
        const re = regexp(slot);
        re.lastIndex = at;
        const m = re.exec(seg.folded);
        if (m && m[0].length) {
          out.push([at, at + m[0].length]);
          free = at + m[0].length;
        }
      }
      return out;
    },
  };
}

// ------------------------------------------------------------ by scanning

/**
 * For lists with a phrase whose first word cannot be named (it starts with
 * punctuation, such as "!!"): the list's one expression runs over the
 * segment, if the segment has one of the list's anchor words at all.
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

/** The anchored lists that may match in a segment: computed once per segment (again only if lists were added since). */
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

export function byScan(list: CompiledList): Matcher {
  const anchorId = list.anchors && register(list.anchors);
  let re: RegExp | undefined;
  return {
    matches(seg) {
      const out: [number, number][] = [];
      if (anchorId !== undefined && !candidates(seg).has(anchorId)) return out;
      re ??= new RegExp(list.source, 'gu');
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(seg.folded))) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length]);
      }
      return out;
    },
  };
}

// ------------------------------------------------------------ hits

/** Every non-overlapping match in the prose, leftmost first, minus those overlapping an exception. */
export function findAll(prose: Prose, matcher: Matcher | undefined, except?: Matcher): Hit[] {
  const hits: Hit[] = [];
  if (!matcher) return hits;
  prose.segments.forEach((seg, segment) => {
    const found = matcher.matches(seg);
    if (!found.length) return;
    const excepted = except?.matches(seg);
    for (const [start, end] of found) {
      if (excepted?.some(([s, e]) => s < end && start < e)) continue;
      hits.push({ segment, start, end });
    }
  });
  return hits;
}
