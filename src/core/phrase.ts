/**
 * The phrase syntax rule authors write (see docs/rule-format.md), compiled to
 * JavaScript regular expressions with no nested unbounded quantifiers:
 *
 *   [a|b c]   one of the alternatives        (a|b)   optional
 *   {1,3}     one to three arbitrary words   word*   a word starting with "word"
 *   '         any apostrophe                 "       any double quote
 *
 * Words separated by spaces match any run of white space. Matches are whole words.
 */

import { Memo } from './memo.js';
import { foldCase, foldChar, LETTER, readerForm, WORD, WORD_SOURCE } from './text.js';

/**
 * Frequent words, poor anchors: "de", "the", "you" are in every reply. A hint
 * for speed only (which anchor a phrase gets never changes its matches): the
 * function words of replylint's languages (src/lang/*.ts, detector.words), kept
 * here because anchors are chosen once per phrase, for every rulebook, and
 * saved by the build (dist/rules.json). A language missing here only gets less
 * selective anchors.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  ...('de het een en van ik je jij u uw jouw wij ons onze zij ze dat die dit deze niet geen wel ook maar als om te er nog naar bij met voor '
    + 'zijn heeft hebben heb hebt ben bent wordt worden werd kan kunt kunnen wil wilt zal zult zou moet moeten mag '
    + 'graag bedankt dank groet groeten hartelijk beste hallo hoi goedemorgen goedemiddag alstublieft alsjeblieft excuses '
    + 'spijt vriendelijke hoe wat wanneer waarom waar wie omdat zodat dus toch even al nu morgen vandaag '
    + 'uit tot over door na zo meer veel klopt helaas bestelling pakket ontvangen mijn jullie hun haar hem hij zich '
    + 'mee aan op onder tussen binnen uiterlijk werkdagen').split(' '),
  ...('the a an and of i you your yours we our us they them their it its that this these those not no yes but if to '
    + 'there still with for from by at about into is are was were be been being has have had do does did can could will would '
    + 'should may might must please thanks thank regards dear hello hi morning afternoon sorry apologies apologise apologize '
    + 'how what when why where who which because so just now tomorrow today my me he she his her '
    + 'order parcel received unfortunately again any some more all up out get got know let understand').split(' '),
]);

export class PhraseError extends Error {
  constructor(
    message: string,
    /** 0-based index into the pattern where the problem is. */
    readonly index: number,
  ) {
    super(message);
    this.name = 'PhraseError';
  }
}

type Part =
  | { type: 'lit'; text: string; stem: boolean }
  | { type: 'alt'; options: Seq[]; optional: boolean }
  | { type: 'slot'; min: number; max: number };
type Item = Part | { type: 'gap' };
type Seq = Item[];

export const MAX_SLOT = 6;
const MIN_STEM = 3;

const NOT_WORD_BEHIND = `(?<!${WORD})`;
const WORD_AHEAD = `(?=${WORD})`;
const NOT_WORD_AHEAD = `(?!${WORD})`;
const WORD_BEHIND = `(?<=${WORD})`;
/** At a word start, or before a non-word character. */
const START = `(?:${NOT_WORD_BEHIND}${WORD_AHEAD}|${NOT_WORD_AHEAD})`;
/** At a word end, or after a non-word character. */
const END = `(?:${WORD_BEHIND}${NOT_WORD_AHEAD}|${NOT_WORD_BEHIND})`;
const GAP = '\\s+';
/**
 * An arbitrary word for slots: anything but white space and masked (skipped) text, and no sentence end
 * (a . ! ? before white space): a slot never reaches into the next sentence ("read the notes. This article").
 * A full stop after one letter is an abbreviation's ("a.u.b.", "e.g."), not a sentence end. The three
 * alternatives start with different characters, so a word is matched one way only.
 */
const ANY_WORD = `(?:[^\\s\\uFFFC.!?]|[!?](?![\\s\\uFFFC]|$)|(?!(?<=[${LETTER}][${LETTER}])\\.(?:[\\s\\uFFFC]|$))\\.)+`;
const STEM_TAIL = `[${LETTER}]*`;

const SPECIAL = new Set(['[', ']', '(', ')', '{', '}', '|', '*', '<', '>']);
const CHAR_CLASSES: Record<string, string> = {
  "'": "['\u2018\u2019\u02BC`]",
  '\u2019': "['\u2018\u2019\u02BC`]",
  '"': '["\u201C\u201D\u201E\u00AB\u00BB]',
  '\u201C': '["\u201C\u201D\u201E\u00AB\u00BB]',
  '\u201D': '["\u201C\u201D\u201E\u00AB\u00BB]',
  '-': '[-\u2010\u2011]',
};

function escapeChar(ch: string): string {
  if (CHAR_CLASSES[ch]) return CHAR_CLASSES[ch];
  ch = foldChar(ch);
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  fail(message: string, at = this.i): never {
    throw new PhraseError(message, at);
  }

  seq(closers: string): Seq {
    const items: Seq = [];
    const push = (item: Item) => {
      const last = items[items.length - 1];
      if (item.type === 'lit' && last?.type === 'lit' && !last.stem) last.text += item.text;
      else items.push(item);
    };
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (closers.includes(ch)) break;
      if (/\s/.test(ch)) {
        while (this.i < this.src.length && /\s/.test(this.src[this.i])) this.i++;
        if (items.length && items[items.length - 1].type !== 'gap') items.push({ type: 'gap' });
        continue;
      }
      if (ch === '[' || ch === '(') {
        const open = this.i++;
        const close = ch === '[' ? ']' : ')';
        const options: Seq[] = [this.trim(this.seq(`|${close}`))];
        while (this.src[this.i] === '|') {
          this.i++;
          options.push(this.trim(this.seq(`|${close}`)));
        }
        if (this.src[this.i] !== close) this.fail(`"${ch}" at column ${open + 1} is never closed with "${close}"`, open);
        this.i++;
        if (options.every((o) => o.length === 0)) this.fail(`empty "${ch}${close}"`, open);
        push({ type: 'alt', options, optional: ch === '(' });
        continue;
      }
      if (ch === '{') {
        const m = /^\{\s*(\d+)\s*(?:,\s*(\d+)\s*)?\}/.exec(this.src.slice(this.i));
        if (!m) this.fail('a slot is written {n} or {n,m}, e.g. {1,3}');
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : Number(m[2]);
        if (max < min) this.fail(`slot {${min},${max}}: the maximum is smaller than the minimum`);
        if (max === 0) this.fail('slot {0}: a slot must allow at least one word');
        if (max > MAX_SLOT) this.fail(`slot {${min},${max}}: at most ${MAX_SLOT} words`);
        this.i += m[0].length;
        push({ type: 'slot', min, max });
        continue;
      }
      if (ch === '*') {
        const last = items[items.length - 1];
        if (last?.type !== 'lit' || last.stem) this.fail('"*" must follow the start of a word, as in apolog*');
        const letters = /[\p{L}\p{N}]*$/u.exec(last.text)?.[0] ?? '';
        if (letters.length < MIN_STEM) this.fail(`"*" needs at least ${MIN_STEM} letters before it ("${last.text}*" is too short)`);
        last.stem = true;
        this.i++;
        continue;
      }
      if (SPECIAL.has(ch)) this.fail(`unexpected "${ch}"`);
      push({ type: 'lit', text: ch, stem: false });
      this.i++;
    }
    return this.trim(items);
  }

  trim(items: Seq): Seq {
    while (items[0]?.type === 'gap') items.shift();
    while (items[items.length - 1]?.type === 'gap') items.pop();
    return items;
  }
}

/** Can this sequence match the empty string? */
function nullableSeq(seq: Seq): boolean {
  return seq.every((item) => item.type === 'gap' || nullablePart(item));
}
function nullablePart(part: Part): boolean {
  if (part.type === 'lit') return false;
  if (part.type === 'slot') return part.min === 0;
  return part.optional || part.options.some(nullableSeq);
}

function compilePart(part: Part): string {
  if (part.type === 'lit') return [...part.text].map(escapeChar).join('') + (part.stem ? STEM_TAIL : '');
  if (part.type === 'slot') throw new Error('slot compiled as part'); // handled by compileSeq
  const body = part.options.map(compileSeq).join('|');
  return `(?:${body})${part.optional ? '?' : ''}`;
}

/** The same alternatives, without the empty ones and not optional. */
function required(part: Part & { type: 'alt' }): Part {
  return { type: 'alt', optional: false, options: part.options.filter((o) => o.length > 0) };
}

/** Compile a sequence: units separated by gaps; optional units absorb one gap. */
function compileSeq(seq: Seq): string {
  const units: Part[][] = [[]];
  for (const item of seq) {
    if (item.type === 'gap') units.push([]);
    else units[units.length - 1].push(item);
  }
  let out = '';
  let seenMandatory = false;
  for (const unit of units) {
    if (unit.length === 1 && unit[0].type === 'slot') {
      const { min, max } = unit[0];
      out += `(?:${GAP}${ANY_WORD}){${min},${max}}`;
      continue;
    }
    if (unit.some((p) => p.type === 'slot')) throw new PhraseError('a slot {n,m} must stand alone between spaces', 0);
    const optional = unit.every(nullablePart);
    // An optional unit is wrapped once, with its gap: its body must not match empty on its own.
    const body = unit.map((p) => (optional && p.type === 'alt' ? compilePart(required(p)) : compilePart(p))).join('');
    if (!seenMandatory) {
      out += optional ? `(?:${body}${GAP})?` : body;
      if (!optional) seenMandatory = true;
    } else {
      out += optional ? `(?:${GAP}${body})?` : `${GAP}${body}`;
    }
  }
  return out;
}

export interface CompiledPhrase {
  /** Regular-expression source, without word boundaries (use with the `gu` flags on folded text). */
  source: string;
  /** Words one of which every match contains (see Anchors); undefined when none can be named. */
  anchors?: Anchors;
  /** Every match starts with a letter or digit (so it is tried at word starts only). */
  wordStart: boolean;
  /** The words a match can start with; undefined when they cannot be named (see FirstWords). */
  first?: FirstWords;
}

/**
 * The first word of every match of a phrase: it is one of `words`, or it starts
 * with one of `prefixes` (a stem, or letters glued to more). A word here is a
 * maximal run of the characters the expressions count as word characters, so
 * a phrase need only be tried where such a word starts (core/matcher.ts).
 */
export interface FirstWords {
  words: string[];
  prefixes: string[];
}

const WORD_RUN = new RegExp(`^${WORD_SOURCE}`);

function firstWords(seq: Seq): FirstWords | undefined {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  /**
   * Add the first words of `seq`; `glued`: what follows it is glued on, with no
   * gap. True when `seq` can match nothing (go on with what follows), false when
   * done, undefined when a match can start with something that is not a word.
   */
  const walk = (seq: Seq, glued: boolean): boolean | undefined => {
    for (let k = 0; k < seq.length; k++) {
      const item = seq[k];
      if (item.type === 'gap') continue;
      if (item.type === 'slot') return undefined;
      const next = seq[k + 1];
      const gluedAfter = next ? next.type !== 'gap' : glued;
      if (item.type === 'lit') {
        const text = foldCase(item.text);
        const run = WORD_RUN.exec(text)?.[0];
        if (!run) return undefined;
        // The word ends inside the literal, or at a gap or the phrase's end: it is known whole.
        if (run.length < text.length || (!item.stem && !gluedAfter)) words.add(run);
        else prefixes.add(run);
        return false;
      }
      let nullable = item.optional;
      for (const option of item.options) {
        const r = option.length ? walk(option, gluedAfter) : true;
        if (r === undefined) return undefined;
        if (r) nullable = true;
      }
      if (!nullable) return false;
    }
    return true;
  };
  return walk(seq, false) === false ? { words: [...words], prefixes: [...prefixes] } : undefined;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Can a match of this sequence start with something other than a letter or digit? */
function startsOtherwise(seq: Seq): boolean {
  for (const item of seq) {
    if (item.type === 'gap') continue;
    if (item.type === 'lit') return !WORD_CHAR.test(item.text[0]);
    if (item.type === 'slot') return true;
    if (item.options.some((o) => o.length > 0 && startsOtherwise(o))) return true;
    if (!nullablePart(item)) return false;
  }
  return true;
}

/**
 * A cheap test before a regular expression runs: every match contains one of
 * these words, or a word starting with one of these prefixes. A paragraph
 * without any is skipped, so the cost of a rulebook grows with the words a
 * reply contains, not with the number of rules.
 */
export interface Anchors {
  words: string[];
  prefixes: string[];
}

const LETTERS = new RegExp(`^[${LETTER}]+`);

/** The anchors of a sequence: those of its most selective required unit. */
function seqAnchors(seq: Seq): Anchors | undefined {
  const units: Part[][] = [[]];
  for (const item of seq) {
    if (item.type === 'gap') units.push([]);
    else units[units.length - 1].push(item);
  }
  let best: Anchors | undefined;
  let bestCost = Infinity;
  for (const unit of units) {
    if (!unit.length || unit.every(nullablePart)) continue;
    const a = unitAnchors(unit);
    if (!a) continue;
    // Rare words make good anchors; "de", "the", "you" are in every reply.
    const cost = a.words.reduce((n, w) => n + (COMMON_WORDS.has(w) || w.length < 3 ? 50 : 1), 0) + a.prefixes.length * 4;
    if (cost < bestCost) [best, bestCost] = [a, cost];
  }
  return best;
}

function unitAnchors(unit: Part[]): Anchors | undefined {
  const first = unit[0];
  if (first.type === 'lit') {
    const text = foldCase(first.text);
    const run = LETTERS.exec(text)?.[0];
    if (!run) return undefined;
    // The word goes on (a stem, glued parts, an apostrophe): only its start is known.
    const whole = run.length === text.length && !first.stem && unit.length === 1;
    if (whole) return { words: [run], prefixes: [] };
    return run.length >= 3 ? { words: [], prefixes: [run] } : undefined;
  }
  if (first.type === 'alt' && !first.optional && unit.length === 1) {
    const out: Anchors = { words: [], prefixes: [] };
    for (const option of first.options) {
      const a = option.length ? seqAnchors(option) : undefined;
      if (!a) return undefined;
      out.words.push(...a.words);
      out.prefixes.push(...a.prefixes);
    }
    return out;
  }
  return undefined;
}

/** Compiled phrases by their text (bounded; see memo.ts). */
const compiled = new Memo<CompiledPhrase>(20_000);

/** Named word lists of a rule: `<courier>` in a phrase stands for `[UPS|DHL|the courier|...]`. */
export type Words = Readonly<Record<string, readonly string[]>>;

const WORD_REF = /<([a-z][a-z0-9-]*)>/gi;

/** Replace `<name>` references by the alternatives of that word list. */
export function expandWords(phrase: string, words: Words = {}): string {
  return phrase.replace(WORD_REF, (_ref, name: string, index: number) => {
    const list = words[name];
    if (!list) {
      const known = Object.keys(words);
      throw new PhraseError(`unknown word list <${name}>${known.length ? ` (this rule has: ${known.map((k) => `<${k}>`).join(', ')})` : ' (define it under "words")'}`, index);
    }
    if (!list.length) throw new PhraseError(`word list <${name}> is empty`, index);
    return `[${list.join('|')}]`;
  });
}

/** Compile one phrase to a regular-expression source; throws PhraseError. Memoised: rule files are validated, then compiled. */
export function compilePhrase(raw: string, words?: Words): CompiledPhrase {
  // Matched against text in reader form (see prose.ts, Segment.norm): the phrase is put in the same form.
  const phrase = readerForm(expandWords(raw, words));
  return compiled.get(phrase, () => compileUncached(phrase));
}

/**
 * How many ways a phrase can be laid over the same words, at most: a slot
 * {n,m} multiplies by m-n+1, an optional part by 2 (as it may match or not),
 * alternatives count as their most ambiguous one. A backtracking match tries at
 * most that many ways from each place it starts, so bounding it (MAX_WAYS)
 * keeps matching linear in the text: ten chained {0,6} slots (7^10 ways) took
 * minutes on a 200-byte reply.
 */
function phraseWays(seq: Seq): number {
  let ways = 1;
  for (const item of seq) {
    if (item.type === 'slot') ways *= item.max - item.min + 1;
    else if (item.type === 'alt') ways *= altWays(item.options) + (item.optional ? 1 : 0);
  }
  return ways;
}

/**
 * The ways of an alternation: each option with slots or optional parts adds
 * its own; options of plain words add as many as can match at one place, that
 * is the longest chain of options that start with each other at a word
 * boundary ([a|a b|a b c]: 3; [de|deze|die]: 1).
 */
function altWays(options: Seq[]): number {
  const words: string[] = [];
  let ways = 0;
  for (const option of options) {
    if (!option.length) continue;
    if (option.every((i) => i.type === 'gap' || i.type === 'lit')) {
      words.push(option.map((i) => (i.type === 'gap' ? ' ' : foldCase(i.text) + (i.stem ? '*' : ''))).join(''));
    } else ways += phraseWays(option);
  }
  const startsWith = (o: string, p: string) => (p.endsWith('*') ? o.startsWith(p.slice(0, -1)) : o === p || o.startsWith(`${p} `));
  if (words.length) ways += Math.max(...words.map((o) => words.filter((p) => startsWith(o, p)).length));
  return ways;
}
export const MAX_WAYS = 1024;

/**
 * Regular-expression syntax in a phrase would be read as literal characters
 * and never match: refused, with a hint. (`?` stays allowed: it is a question
 * mark, as in "[wel|ooit]?".)
 */
const REGEX_SYNTAX: [RegExp, string][] = [
  [/\\/, 'a backslash'],
  [/\((?=\?)/, '"(?"'],
  [/\.[*+?]/, `"." followed by a repetition`],
  [/[)\]}]\+|[)\]}]\*/, 'a repetition "+" or "*" after a group'],
  [/^\^|\$$/, 'an anchor "^" or "$"'],
];
function refuseRegexSyntax(phrase: string): void {
  for (const [re, what] of REGEX_SYNTAX) {
    const m = re.exec(phrase);
    if (m) {
      throw new PhraseError(
        `${what} at column ${m.index + 1}: a phrase is not a regular expression (words, [a|b] for one of, (a) for optional, {1,3} for arbitrary words, word* for a word start; see docs/rule-format.md)`,
        m.index,
      );
    }
  }
}

function compileUncached(phrase: string): CompiledPhrase {
  if (typeof phrase !== 'string' || phrase.trim() === '') throw new PhraseError('empty pattern', 0);
  refuseRegexSyntax(phrase);
  const parser = new Parser(phrase);
  const seq = parser.seq('');
  if (parser.i < phrase.length) parser.fail(`unexpected "${phrase[parser.i]}"`);
  const first = seq[0];
  const last = seq[seq.length - 1];
  if (first?.type === 'slot' || last?.type === 'slot') throw new PhraseError('a pattern cannot start or end with a slot {n,m}', 0);
  if (nullableSeq(seq)) throw new PhraseError('the pattern can match nothing at all: make at least one word required', 0);
  const ways = phraseWays(seq);
  if (ways > MAX_WAYS) {
    throw new PhraseError(
      `too ambiguous: its slots {n,m} and optional (…) parts can lay it over the same words in ${ways > 1e9 ? 'over a billion' : ways.toLocaleString('en')} ways, at most ${MAX_WAYS.toLocaleString('en')} (a slot {n,m} counts m-n+1, an optional part 2); use fewer slots or optional parts, or split the pattern`,
      0,
    );
  }
  const wordStart = !startsOtherwise(seq);
  return { source: compileSeq(seq), anchors: seqAnchors(seq), wordStart, first: wordStart ? firstWords(seq) : undefined };
}

/**
 * Compile a list of phrases into one alternation (flags `gu`) to run on text
 * folded with foldCase. Matches are whole words.
 */
export function compilePhrases(phrases: readonly string[], words?: Words): RegExp | undefined {
  const compiled = phrasesSource(phrases, words);
  return compiled === undefined ? undefined : new RegExp(compiled.source, 'gu');
}

/** A phrase list compiled: one regular-expression source, and the anchors of all its phrases (if every one has some). */
export interface CompiledList {
  source: string;
  anchors?: Anchors;
  /**
   * Each phrase on its own, with its first words, when every phrase's can be
   * named: the list is then tried phrase by phrase, only where a phrase's first
   * word is (core/matcher.ts), instead of running `source` over the text.
   */
  phrases?: (FirstWords & { source: string; anchors?: Anchors })[];
}

/** The expression for some of a list's phrases (in list order), tried where a first word starts: flags `uy`. */
export function phrasesAt(phrases: readonly { source: string }[]): string {
  return `(?:${phrases.map((p) => p.source).join('|')})${END}`;
}

/**
 * Compiled phrase lists, by list. A build step saves the bundled rules' lists
 * (dist/rules.json) so that a run starts without compiling any phrase; see
 * primePhraseSources.
 */
const sources = new Memo<CompiledList>(5_000);

/**
 * A list's key: its phrases and the word lists they name (the rule's other
 * lists cannot change what it compiles to, and a key with all of them made
 * every saved rewrite carry its rule's whole vocabulary).
 */
function sourceKey(phrases: readonly string[], words?: Words): string {
  let key = JSON.stringify(phrases);
  if (!words) return key;
  const named = new Set<string>();
  for (const phrase of phrases) if (phrase.includes('<')) for (const m of phrase.matchAll(WORD_REF)) named.add(m[1]);
  for (const name of named) key += `\n${name}:${listKey(words[name])}`;
  return key;
}

/** A word list's part of a key, made once per list. */
const listKeys = new WeakMap<readonly string[], string>();
function listKey(list: readonly string[] | undefined): string {
  if (!list) return 'null';
  let key = listKeys.get(list);
  if (key === undefined) listKeys.set(list, (key = JSON.stringify(list)));
  return key;
}

export function phrasesSource(phrases: readonly string[], words?: Words): CompiledList | undefined {
  if (!phrases.length) return undefined;
  const key = sourceKey(phrases, words);
  return sources.get(key, () => {
    const each = phrases.map((p) => compilePhrase(p, words));
    const anchors: Anchors | undefined = each.every((c) => c.anchors)
      ? { words: [...new Set(each.flatMap((c) => c.anchors!.words))], prefixes: [...new Set(each.flatMap((c) => c.anchors!.prefixes))] }
      : undefined;
    // Tried at word starts only, unless a phrase starts with punctuation: a regular expression
    // that may start anywhere tries all its alternatives at every space and comma.
    const atWords = each.filter((c) => c.wordStart).map((c) => c.source);
    const elsewhere = each.filter((c) => !c.wordStart).map((c) => c.source);
    const parts = each.every((c) => c.first) ? each.map((c) => ({ source: c.source, ...c.first!, anchors: c.anchors })) : undefined;
    return { source: listSource(atWords, elsewhere), anchors, phrases: parts };
  });
}

function listSource(atWords: string[], elsewhere: string[]): string {
  const starts = [
    ...(atWords.length ? [`${NOT_WORD_BEHIND}${WORD_AHEAD}(?:${atWords.join('|')})`] : []),
    ...(elsewhere.length ? [`${START}(?:${elsewhere.join('|')})`] : []),
  ];
  return `(?:${starts.join('|')})${END}`;
}

/** A saved list: its `source` is left out where its phrases give it back (they all start at words), which halves dist/rules.json. */
export type SavedList = Omit<CompiledList, 'source'> & { source?: string };

/** The sources compiled so far (for the build step) and a way to load them back. */
export function phraseSources(): [string, SavedList][] {
  return sources.entries().map(([key, list]) => {
    if (!list.phrases) return [key, list];
    const { source, ...rest } = list;
    if (listSource(list.phrases.map((p) => p.source), []) !== source) throw new Error(`phraseSources: the source of ${key} cannot be rebuilt from its phrases`);
    return [key, rest];
  });
}

export function primePhraseSources(entries: Iterable<[string, SavedList]>): void {
  for (const [key, list] of entries) sources.set(key, list.source !== undefined ? (list as CompiledList) : { ...list, source: listSource(list.phrases!.map((p) => p.source), []) });
}
