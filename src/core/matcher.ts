/**
 * The matcher: compile a rule's per-language phrases and find them in prose.
 * Its indexes belong to one rulebook (a PhraseIndex): nothing here is
 * module-global, so compiling a second rulebook neither slows the first nor
 * keeps anything alive once the rulebook is dropped.
 */
import type { Hit } from './plugin.js';
import { phrasesAt, phrasesSource, type Anchors, type CompiledList } from './phrase.js';
import type { Prose, Segment } from './prose.js';
import { eachWord, LETTER, WORD_SOURCE } from './text.js';
import type { Lang, PerLang } from './types.js';

/**
 * The text phrases are matched against: the segment in reader form when it
 * has one (see Segment.norm), else its folded text. Matches are found there
 * and mapped back to indexes in the segment's text.
 */
function matchText(seg: Segment): string {
  return seg.norm?.text ?? seg.folded;
}

function mapBack(seg: Segment, found: [number, number][]): [number, number][] {
  const norm = seg.norm;
  if (!norm) return found;
  return found.map(([s, e]) => [norm.start[s], norm.end[e - 1]]);
}

/** A compiled phrase list: how to find its matches in one segment of prose. */
export interface Matcher {
  /** Start and end of every non-overlapping match, leftmost first. */
  matches(seg: Segment): [number, number][];
}

/** A rule's matcher per language (a reply in one language never builds the other's). */
export type PerLangMatcher = (lang: Lang) => Matcher | undefined;

// ------------------------------------------------------------ by first word

/*
 * The usual way. One index per language of the words phrases start with, and
 * of their anchors (a rarer word each match contains), for every rule at once:
 * a segment's words are looked up once, and each rule's phrases are tried (a
 * sticky expression per phrase, in list order) only where one of their first words starts,
 * in a segment that has one of their anchors. The cost grows with the words of
 * the reply, not with the number of rules, and an expression is compiled only
 * when it may match.
 */

/** The phrases of one matcher that start with one first word (or prefix). */
interface Slot {
  matcher: number;
  /** Phrase indexes, in list order. */
  which: number[];
  /**
   * The anchors of its phrases, when every one has some: a segment without
   * any of those words cannot match, so the expression is not tried there.
   * "the", "u", "ik" start phrases of many rules and are in every reply; the
   * rarer word each phrase needs ("fault", "afdeling") mostly is not. Measured
   * on 1,000 generated replies: 244,000 expressions tried became 47,000, for
   * the same 8,000 matches.
   */
  anchor?: number;
}

/** What a word of the text stands for: phrases that start with it, anchors it is. */
interface Entry {
  slots: Slot[];
  anchors: number[];
}

interface FirstIndex {
  /** Whole words. */
  words: Map<string, Entry>;
  /** Word starts of 3 letters or more, by their first 3 letters. */
  prefixes: Map<string, [string, Entry][]>;
  /** Shorter word starts (rare: "(on)mogelijk"). */
  short: [string, Entry][];
  /** The entries of a word of the text (exact, then by prefix), as found before: words repeat across replies. */
  resolved: Map<string, Entry[]>;
}

/** A run of letters and digits: the words a scanned list's anchors are looked up by (as phrase.ts names anchors). */
const LETTERS = new RegExp(`[${LETTER}]+`, 'g');
/** A word or word start the token scan can see: anchors with other characters are not used to skip anything. */
const TOKEN_WORD = new RegExp(`^(?:${WORD_SOURCE})$`);

function entry(index: FirstIndex, key: string, prefix: boolean): Entry {
  index.resolved.clear();
  if (!prefix) {
    let e = index.words.get(key);
    if (!e) index.words.set(key, (e = { slots: [], anchors: [] }));
    return e;
  }
  let list = index.short;
  if (key.length >= 3) {
    const head = key.slice(0, 3);
    list = index.prefixes.get(head) ?? [];
    if (!list.length) index.prefixes.set(head, list);
  }
  let found = list.find(([q]) => q === key);
  if (!found) list.push((found = [key, { slots: [], anchors: [] }]));
  return found[1];
}

const NO_ENTRIES: Entry[] = [];
/** Bounds the resolved-word cache of a language (a reply of random strings must not grow it without end). */
const MAX_RESOLVED = 100_000;

function resolve(index: FirstIndex, word: string): Entry[] {
  let found = index.resolved.get(word);
  if (found) return found;
  found = [];
  const exact = index.words.get(word);
  if (exact) found.push(exact);
  if (word.length >= 3) {
    const byPrefix = index.prefixes.get(word.slice(0, 3));
    if (byPrefix) for (const [p, e] of byPrefix) if (word.startsWith(p)) found.push(e);
  }
  for (const [p, e] of index.short) if (word.startsWith(p)) found.push(e);
  if (!found.length) found = NO_ENTRIES;
  if (index.resolved.size >= MAX_RESOLVED) index.resolved.clear();
  index.resolved.set(word, found);
  return found;
}

/** Where each matcher's phrases may start in a segment: matcher -> [position, slot][] (slots whose anchors it lacks left out). */
type Starts = Map<number, [number, Slot][]>;

/**
 * A rulebook's phrase index: the first-word and anchor indexes of all its
 * rules' phrase lists, per language, and what it found per segment. It lives
 * and dies with its rulebook.
 */
export class PhraseIndex {
  private readonly indexes = new Map<Lang, FirstIndex>();
  private matcherCount = 0;
  private anchorCount = 0;
  private readonly startsCache = new WeakMap<Segment, Partial<Record<Lang, { upTo: number; starts: Starts }>>>();
  /** Lists matched by scanning, by their anchor words. */
  private readonly byWord = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, [string, number][]>();
  private registered = 0;
  /** The anchored lists that may match in a segment: computed once per segment (again only if lists were added since). */
  private readonly candidateCache = new WeakMap<Segment, { upTo: number; ids: Set<number> }>();

  /** A rule's matcher per language (a reply in one language never builds the other's). */
  perLang(phrases: PerLang<string[]> | undefined, words?: PerLang<Record<string, string[]>>): PerLangMatcher {
    const built: Partial<Record<Lang, Matcher | null>> = {};
    return (lang) => {
      let m = built[lang];
      if (m === undefined) {
        const list = phrases && phrasesSource(phrases[lang] ?? [], words?.[lang]);
        m = list ? (list.phrases ? this.byFirstWord(list.phrases, lang) : this.byScan(list)) : null;
        built[lang] = m;
      }
      return m ?? undefined;
    };
  }

  private startsIn(seg: Segment, lang: Lang): Starts {
    let perLang = this.startsCache.get(seg);
    const cached = perLang?.[lang];
    if (cached && cached.upTo === this.matcherCount) return cached.starts;
    const index = this.indexes.get(lang)!;
    const starts: Starts = new Map();
    // Where each anchor last starts in the segment. A match starts where its first word does and holds one
    // of its anchors: a place after the last of them cannot start one ("de", "het", "the" start phrases
    // of many rules all through a reply; the rarer word each phrase needs is seldom after all of them).
    const lastAnchor = new Map<number, number>();
    // First the words: which have entries, and where the segment has each anchor.
    const words: [number, Entry[]][] = [];
    eachWord(matchText(seg), (word, at) => {
      const entries = resolve(index, word);
      if (!entries.length) return;
      words.push([at, entries]);
      for (const e of entries) for (const a of e.anchors) lastAnchor.set(a, at);
    });
    // Then where phrases may start: slots whose anchors are not at or after the place are left out.
    for (const [at, entries] of words) {
      for (const e of entries) {
        for (const slot of e.slots) {
          if (slot.anchor !== undefined && !((lastAnchor.get(slot.anchor) ?? -1) >= at)) continue;
          const list = starts.get(slot.matcher);
          if (!list) {
            starts.set(slot.matcher, [[at, slot]]);
            continue;
          }
          const last = list[list.length - 1];
          // A word that is a first word and also starts with a prefix of the same matcher (rare): both slots' phrases.
          if (last[0] === at) last[1] = { matcher: slot.matcher, which: [...new Set([...last[1].which, ...slot.which])].sort((a, b) => a - b) };
          else list.push([at, slot]);
        }
      }
    }
    if (!perLang) this.startsCache.set(seg, (perLang = {}));
    perLang[lang] = { upTo: this.matcherCount, starts };
    return starts;
  }


  byFirstWord(phrases: NonNullable<CompiledList['phrases']>, lang: Lang): Matcher {
    const id = this.matcherCount++;
    let index = this.indexes.get(lang);
    if (!index) this.indexes.set(lang, (index = { words: new Map(), prefixes: new Map(), short: [], resolved: new Map() }));
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
    // A slot's anchor: the anchors of all its phrases, registered once per set of phrases.
    const anchorIds = new Map<string, number | undefined>();
    const anchorOf = (which: number[]): number | undefined => {
      const key = which.join(',');
      if (anchorIds.has(key)) return anchorIds.get(key);
      const each = which.map((i) => phrases[i].anchors);
      let anchor: number | undefined;
      if (each.every((a) => a && [...a.words, ...a.prefixes].every((w) => TOKEN_WORD.test(w)))) {
        anchor = this.anchorCount++;
        for (const w of new Set(each.flatMap((a) => a!.words))) entry(index, w, false).anchors.push(anchor);
        for (const p of new Set(each.flatMap((a) => a!.prefixes))) entry(index, p, true).anchors.push(anchor);
      }
      anchorIds.set(key, anchor);
      return anchor;
    };
    for (const [w, which] of words) entry(index, w, false).slots.push({ matcher: id, which, anchor: anchorOf(which) });
    for (const [p, which] of prefixes) entry(index, p, true).slots.push({ matcher: id, which, anchor: anchorOf(which) });
    // One sticky expression per phrase, compiled when first tried: at a place, a slot's phrases are tried
    // in list order and the first that matches wins, as their alternation would. An expression per set
    // of phrases compiled the big phrases again for every set they were in (a phrase with many first
    // words, such as "(de|onze|het|...) afdeling", is in many), and compiling is most of a short run.
    const each: (RegExp | undefined)[] = new Array(phrases.length);
    return {
      matches: (seg) => {
        const out: [number, number][] = [];
        const starts = this.startsIn(seg, lang).get(id);
        if (!starts) return out;
        const text = matchText(seg);
        let free = 0; // matches do not overlap: the next starts where the last ended
        for (const [at, slot] of starts) {
          if (at < free) continue;
          for (const i of slot.which) {
            const re = (each[i] ??= new RegExp(phrasesAt([phrases[i]]), 'uy'));
            re.lastIndex = at;
            const m = re.exec(text);
            if (!m) continue;
            if (m[0].length) {
              out.push([at, at + m[0].length]);
              free = at + m[0].length;
            }
            break;
          }
        }
        return mapBack(seg, out);
      },
    };
  }


  // ------------------------------------------------------------ by scanning

  /**
   * For lists with a phrase whose first word cannot be named (it starts with
   * punctuation, such as "!!"): the list's one expression runs over the
   * segment, if the segment has one of the list's anchor words at all.
   */
  private register(anchors: Anchors): number {
    const id = this.registered++;
    for (const w of new Set(anchors.words)) {
      const list = this.byWord.get(w);
      if (list) list.push(id);
      else this.byWord.set(w, [id]);
    }
    for (const p of new Set(anchors.prefixes)) {
      const k = p.slice(0, 3);
      const list = this.byPrefix.get(k);
      if (list) list.push([p, id]);
      else this.byPrefix.set(k, [[p, id]]);
    }
    return id;
  }

  private candidates(seg: Segment): Set<number> {
    const cached = this.candidateCache.get(seg);
    if (cached && cached.upTo === this.registered) return cached.ids;
    const ids = new Set<number>();
    for (const w of new Set(matchText(seg).match(LETTERS) ?? [])) {
      const exact = this.byWord.get(w);
      if (exact) for (const id of exact) ids.add(id);
      if (w.length >= 3) for (const [p, id] of this.byPrefix.get(w.slice(0, 3)) ?? []) if (w.startsWith(p)) ids.add(id);
    }
    this.candidateCache.set(seg, { upTo: this.registered, ids });
    return ids;
  }

  byScan(list: CompiledList): Matcher {
    const anchorId = list.anchors && this.register(list.anchors);
    let re: RegExp | undefined;
    return {
      matches: (seg) => {
        const out: [number, number][] = [];
        if (anchorId !== undefined && !this.candidates(seg).has(anchorId)) return out;
        re ??= new RegExp(list.source, 'gu');
        re.lastIndex = 0;
        const text = matchText(seg);
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          out.push([m.index, m.index + m[0].length]);
        }
        return mapBack(seg, out);
      },
    };
  }
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
