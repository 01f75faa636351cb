/**
 * Prose extraction: which characters of a reply are the writer's own prose.
 * Markdown goes through micromark (the parser under remark-parse); each
 * paragraph, heading and table cell becomes a Segment whose every character
 * carries its offset in the source, so matches map back exactly, through
 * emphasis, links and escapes.
 * Code, HTML, URLs, front matter, template placeholders and (by default)
 * blockquotes are left out.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { decodeString } from 'micromark-util-decode-string';
import type { Event, Extension } from 'micromark-util-types';
import type { Languages } from './lang.js';
import { foldCase, IGNORABLE } from './text.js';
import type { FileType } from './types.js';

/** Stands for skipped inline content (code, HTML, URLs, placeholders): not a word, not white space. */
export const MASK = '\uFFFC';

export interface Segment {
  text: string;
  /** `text` lower-cased with the same length (see foldCase), for phrase matching. */
  folded: string;
  /** Source offset of each UTF-16 unit of `text`. */
  offsets: number[];
  /**
   * What phrases are matched against, when it is not `folded`: the text as a
   * reader sees it (see normalise), folded; for each of its UTF-16 units the
   * index in `text` where its source starts, and the index just past its end,
   * so that a match maps back to exact offsets in the original.
   */
  norm?: Normalised;
}

export interface Normalised {
  text: string;
  start: number[];
  end: number[];
}

const NOT_ASCII = /[^\x00-\x7F]/;
const MARK = /^\p{M}$/u;

/**
 * Text that reads the same must match the same: zero-width spaces and joiners,
 * soft hyphens and bidi controls are dropped, each character with its
 * combining marks is put in NFKC (a decomposed "e" + U+0308 is "ë", a
 * full-width "ｗ" is "w"), then folded. Undefined when that changes nothing
 * (all ASCII, or already in that form): the usual case costs one test.
 */
export function normalise(text: string): Normalised | undefined {
  if (!NOT_ASCII.test(text) || (!IGNORABLE.test(text) && text.normalize('NFKC') === text)) return undefined;
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  const width = (at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);
  for (let i = 0; i < text.length; ) {
    let k = i + width(i);
    const ch = text.slice(i, k);
    if (IGNORABLE.test(ch)) {
      i = k;
      continue;
    }
    while (k < text.length && MARK.test(text.slice(k, k + width(k)))) k += width(k);
    const n = foldCase((k - i === 1 && ch < '\u00A0' ? ch : text.slice(i, k).normalize('NFKC')).replace(IGNORABLES_G, ''));
    for (let u = 0; u < n.length; u++) {
      start.push(i);
      end.push(k);
    }
    out += n;
    i = k;
  }
  return { text: out, start, end };
}
const IGNORABLES_G = new RegExp(IGNORABLE.source, 'gu');

/** An inline control comment: `<!-- replylint-disable rule-a, rule-b -->` and friends. */
export interface Directive {
  type: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty for all rules. */
  rules: string[];
  offset: number;
  endOffset: number;
}

const DIRECTIVE = /^<!--\s*replylint-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->\s*$/;

export function directive(value: string, offset: number, endOffset: number): Directive | undefined {
  const m = DIRECTIVE.exec(value.trim());
  if (!m) return undefined;
  const rules = m[2].split(/[\s,]+/).filter(Boolean).filter((r) => r !== '--' && !r.startsWith('--'));
  return { type: m[1] as Directive['type'], rules, offset, endOffset };
}

export interface Prose {
  segments: Segment[];
  /** Inline control comments, in source order (Markdown only). */
  directives: Directive[];
  /** Raw front matter (YAML) of a Markdown file, if any. */
  frontMatter?: string;
}

export interface ProseOptions {
  fileType: FileType;
  /** Lint text in blockquotes (quoted customer text) too. Default: skip it. */
  blockquotes?: 'skip' | 'lint';
  /** Extra placeholder patterns (regular-expression sources) to skip. */
  placeholders?: readonly string[];
  /** Plain text: a line that introduces quoted history ends the reply (see attributionRegExp). */
  attribution?: RegExp;
}

// Bounded so that an unclosed "{{" cannot make the scan quadratic.
const PLACEHOLDERS = [
  '\\{\\{[^]{0,500}?\\}\\}', // {{ ticket.id }}
  '\\{%[^]{0,500}?%\\}', // {% if x %}
  '%\\{[^}\\n]{0,200}\\}', // %{ticket.number}
  '\\{[A-Za-z_][\\w.-]{0,100}\\}', // {ZAAKNUMMER}: a name in single braces is never prose
];
// An address starts where a run of its characters starts: tried at every character of a long
// run of letters, `[\w.+-]+@` would scan the rest of the run each time (quadratic; 400 KB took a minute).
const URLS = /\b(?:https?|ftp|mailto):[^\s<>"'\uFFFC]+|\bwww\.[^\s<>"'\uFFFC]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Every URL or address URLS finds contains one of these: most paragraphs skip the expression (it tries an address at every word). */
const URL_HINT = /[:@]|www\./i;

export function maskRanges(text: string, re: RegExp): string {
  return text.replace(re, (m) => m.replace(/[^\r\n]/g, MASK));
}

const alternation = (patterns: readonly string[]) => patterns.map((p) => `(?:${p})`).join('|');

/** Can regular expressions run on V8's linear-time engine here (the `l` flag; the command line turns it on)? */
export function linearRegExps(): boolean {
  try {
    new RegExp('', 'l');
    return true;
  } catch {
    return false;
  }
}

/**
 * The built-in placeholders (bounded, written not to backtrack) and a team's
 * own, run on V8's linear-time engine: a team's pattern cannot make the scan
 * backtrack, whatever it is (`\{\w*\w*\w*\w*\}`, `\{(a|a)*\}`). Matches as the
 * alternation of both would: leftmost first, the built-in ones first at one
 * place. Each expression's next match is kept until passed, so the text is
 * scanned once by each.
 */
class PlaceholderRegExp extends RegExp {
  private text?: string;
  private pending: [RegExpExecArray | null | undefined, RegExpExecArray | null | undefined] = [undefined, undefined];

  constructor(
    private readonly builtin: RegExp,
    private readonly team: RegExp,
  ) {
    super(`${builtin.source}|${team.source}`, 'g');
  }

  override exec(text: string): RegExpExecArray | null {
    const from = this.lastIndex;
    if (text !== this.text) [this.text, this.pending] = [text, [undefined, undefined]];
    const next = (k: 0 | 1): RegExpExecArray | null => {
      const m = this.pending[k];
      if (m !== undefined && (m === null || m.index >= from)) return m;
      const re = k ? this.team : this.builtin;
      re.lastIndex = from;
      return (this.pending[k] = re.exec(text));
    };
    const a = next(0);
    const b = next(1);
    const m = a && (!b || a.index <= b.index) ? a : b;
    this.lastIndex = m ? m.index + m[0].length : 0;
    return m;
  }
}

export function placeholderRegExp(extra: readonly string[] = []): RegExp {
  if (!extra.length || !linearRegExps()) return new RegExp(alternation([...PLACEHOLDERS, ...extra]), 'g');
  let team: RegExp;
  try {
    team = new RegExp(alternation(extra), 'gl');
  } catch {
    return new RegExp(alternation([...PLACEHOLDERS, ...extra]), 'g'); // not checked by the config loader (library use)
  }
  return new PlaceholderRegExp(new RegExp(alternation(PLACEHOLDERS), 'g'), team);
}

export class SegmentBuilder {
  text = '';
  offsets: number[] = [];

  /** `base` is added to every offset given (the source read may be a slice of the text). */
  constructor(private readonly base = 0) {}

  /** Append source[start, end) as it stands. */
  appendRange(source: string, start: number, end: number): void {
    this.text += source.slice(start, end);
    for (let i = start + this.base; i < end + this.base; i++) this.offsets.push(i);
  }

  mask(at: number): void {
    this.text += MASK;
    this.offsets.push(at + this.base);
  }

  append(ch: string, at: number): void {
    this.text += ch;
    this.offsets.push(at + this.base);
  }

  take(): Segment | undefined {
    if (!/[\p{L}\p{N}!?]/u.test(this.text)) {
      this.text = '';
      this.offsets = [];
      return undefined;
    }
    const text = URL_HINT.test(this.text) ? maskRanges(this.text, URLS) : this.text;
    const seg: Segment = { text, folded: foldCase(text), offsets: this.offsets };
    const norm = normalise(text);
    if (norm) seg.norm = norm;
    this.text = '';
    this.offsets = [];
    return seg;
  }
}

/**
 * micromark with the constructs replylint reads: CommonMark, GFM tables and
 * strikethrough (autolink literals are not needed: URLs are masked in the
 * prose), YAML and TOML front matter. The extensions are combined once, not on
 * every parse; what a parse context keeps about one document (its link
 * definitions and lazy lines) is reset before the next.
 */
function tokenizer(extensions: Extension[]): (text: string) => Event[] {
  const context = parse({ extensions });
  return (text) => {
    context.defined = [];
    context.lazy = {};
    return postprocess(context.document().write(preprocess()(text, undefined, true)));
  };
}

const tokenize = tokenizer([gfmTable(), gfmStrikethrough(), frontmatter(['yaml', 'toml'])]);
/**
 * Most replies have no table, but the table construct is tried at the start
 * of every line: about a third of the parse time of the benchmark's replies
 * (bench/). A table needs a delimiter row, and one without a pipe needs a
 * colon by its dashes ("-:", ":-"): text with neither is read without the
 * construct, with the same result.
 */
const tokenizeNoTables = tokenizer([gfmStrikethrough(), frontmatter(['yaml', 'toml'])]);
const MAY_HAVE_TABLE = /\||^[ \t>]*(?::-|-+:)/m;
/**
 * The table construct costs about 0.15 ms a row: a 10 MB table would take a
 * minute. A text with more lines holding a pipe than this is read without it:
 * its rows are then paragraphs, still linted, with the pipes as punctuation.
 */
export const MAX_TABLE_LINES = 2000;
function tooManyTableLines(text: string): boolean {
  let lines = 0;
  for (let at = text.indexOf('|'); at >= 0; ) {
    if (++lines > MAX_TABLE_LINES) return true;
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    at = text.indexOf('|', end);
  }
  return false;
}
/** Without tables: the table extension is slow on very long lines (no table has a 100 KB row). */
const tokenizePlain = tokenizer([frontmatter(['yaml', 'toml'])]);
function hasLongLine(text: string, limit = 100_000): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start > limit) return true;
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/**
 * A run of backticks opens a code span that only a later run of the same
 * length closes, and the parser looks for that run up to the end of the
 * paragraph: runs of many lengths that are never closed make parsing quadratic
 * (runs of 1 to 1,400 backticks in one paragraph, a megabyte, took minutes).
 * Such runs are literal text anyway; the parser gets them masked (same
 * length, so offsets stay), found as CommonMark finds code spans: left to
 * right, an opener is closed by the first later run of its length, within
 * its block. A block ends, for this purpose, at a blank line or at any line
 * that could start another block: a code span across such a line is read as
 * literal backticks, which only makes its content linted as prose. Nothing is
 * masked on a line that starts with three backticks (a fence, or nearly one).
 */
const BLOCK_BREAK = /^(?:[ \t]*$| {0,3}(?:#{1,6}(?:[ \t]|$)|[>|<]|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|(?:[*_-][ \t]*){3,}$|```+[^`]*$|~~~))/;
export function maskUnclosedBackticks(text: string): string {
  if (!text.includes('`')) return text;
  const runs: [number, number][] = []; // start, length
  for (let at = text.indexOf('`'); at >= 0; ) {
    let end = at + 1;
    while (text.charCodeAt(end) === 96) end++;
    runs.push([at, end - at]);
    at = text.indexOf('`', end);
  }
  // Where each run's block ends: the start of the next line that may start a block.
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const lineEnd = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, lineEnd < 0 ? text.length : lineEnd);
    if (BLOCK_BREAK.test(line.length > 200 ? line.slice(0, 200) : line)) breaks.push(at + 1);
  }
  const blockEnd = (pos: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < breaks.length ? breaks[lo] : text.length;
  };
  // The runs of each length, in order: the closer of an opener is the first one after it.
  const byLength = new Map<number, number[]>();
  runs.forEach(([, len], i) => {
    const list = byLength.get(len);
    if (list) list.push(i);
    else byLength.set(len, [i]);
  });
  const cursor = new Map<number, number>();
  const nextOfLength = (len: number, after: number): number | undefined => {
    const list = byLength.get(len);
    if (!list) return undefined;
    let k = cursor.get(len) ?? 0;
    while (k < list.length && runs[list[k]][0] < after) k++;
    cursor.set(len, k);
    return k < list.length ? list[k] : undefined;
  };
  // Lines that may open a fence (three backticks after white space and container markers): nothing on
  // them is masked, since a backtick in its info string is what may keep such a line from being a fence.
  const fenceLines: [number, number][] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (/^[ \t>*+\-\d.)]{0,40}```/.test(text.slice(at, Math.min(end, at + 50)))) fenceLines.push([at, end]);
    at = end + 1;
  }
  let fence = 0;
  const onFenceLine = (pos: number): boolean => {
    while (fence < fenceLines.length && fenceLines[fence][1] < pos) fence++;
    return fence < fenceLines.length && fenceLines[fence][0] <= pos;
  };
  const unclosed: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    let [at, len] = runs[i];
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2) {
      at++;
      len--;
      if (!len) continue;
    }
    if (onFenceLine(at)) continue;
    const closer = nextOfLength(len, at + len);
    if (closer !== undefined && runs[closer][0] < blockEnd(at)) {
      i = closer; // the code span: nothing in it opens anything
      continue;
    }
    unclosed.push([at, len]);
  }
  if (!unclosed.length) return text;
  let out = '';
  let from = 0;
  for (const [at, len] of unclosed) {
    out += text.slice(from, at) + MASK.repeat(len);
    from = at + len;
  }
  return out + text.slice(from);
}

/** Blocks that are never prose: skipped with everything in them. */
const SKIPPED_BLOCKS = new Set(['codeFenced', 'codeIndented', 'definition', 'thematicBreak', 'toml', 'tableDelimiterRow']);
/** Where prose is: a paragraph, a heading's text, a table cell's content. */
const PROSE_TEXT = new Set(['paragraph', 'atxHeadingText', 'setextHeadingText', 'tableContent']);
/** The blocks that end a segment. */
const SEGMENT_ENDS = new Set(['paragraph', 'atxHeading', 'setextHeading', 'tableData', 'tableHeader']);
/** Inline constructs that are not the writer's words: one mask character each. */
const MASKED_INLINE = new Set(['codeText', 'image', 'autolink']);

/** The index of the exit event of the token entered at `events[i]`. */
function exitOf(events: Event[], i: number): number {
  const token = events[i][1];
  let j = i + 1;
  while (events[j][1] !== token) j++;
  return j;
}

/** Tokens inside a value that hold no text of it: skipped with what is in them. */
const VALUE_NOISE = new Set(['linePrefix', 'lineSuffix', 'whitespace', 'yamlFence']);

/**
 * The value of the token entered at `events[from]` (exit at `to`), as the
 * parser reads it: escapes and character references decoded, line endings kept
 * or dropped. Undefined when it holds markup (emphasis, code, a link...).
 */
function contentValue(events: Event[], from: number, to: number, source: string, lineEndings: boolean): string | undefined {
  let value = '';
  for (let i = from + 1; i < to; i++) {
    const [kind, token] = events[i];
    if (kind === 'exit') continue;
    const type: string = token.type; // extensions add token types the union does not name
    const text = source.slice(token.start.offset, token.end.offset);
    if (type === 'data' || type === 'htmlFlowData' || type === 'htmlTextData' || type === 'yamlValue') value += text;
    else if (type === 'lineEnding') value += lineEndings ? text : '';
    else if (type === 'characterEscape' || type === 'characterReference') value += decodeString(text);
    else if (!VALUE_NOISE.has(type)) return undefined;
    i = exitOf(events, i);
  }
  return value;
}

/**
 * A link whose text is just its URL (`[https://x.nl](https://x.nl)`) is not
 * prose. Reference links (`[text][ref]`) never are.
 */
function isBareLink(events: Event[], i: number, end: number, source: string): boolean {
  let label: string | undefined;
  let url: string | undefined;
  for (let j = i + 1; j < end; j++) {
    const [kind, token] = events[j];
    if (kind === 'exit') continue;
    if (token.type === 'labelText') {
      const k = exitOf(events, j);
      label = contentValue(events, j, k, source, false);
      j = k;
    } else if (token.type === 'resourceDestinationString') {
      const k = exitOf(events, j);
      url = contentValue(events, j, k, source, false) ?? '';
      j = k;
    } else if (token.type === 'resource') {
      url ??= '';
    }
  }
  if (label === undefined || url === undefined || label === '') return false;
  return label === url || label === url.replace(/^mailto:/, '') || /^(?:https?:\/\/|www\.)/i.test(label);
}

/**
 * Markdown prose from micromark's token stream, as markdownlint reads it:
 * every character of text comes with its offset in the source, so no tree is
 * built and nothing has to be aligned back.
 */
function markdownProse(source: string, options: ProseOptions): Prose {
  // micromark drops a byte order mark and counts offsets from after it: read the text after it, and shift offsets back.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? source.slice(1) : source;
  const masked = maskRanges(body, placeholderRegExp(options.placeholders));
  // The parser reads unclosed backtick runs as masks; the prose keeps them as the backticks they are.
  const parsed = maskUnclosedBackticks(masked);
  const events = (hasLongLine(parsed) ? tokenizePlain : MAY_HAVE_TABLE.test(parsed) && !tooManyTableLines(parsed) ? tokenize : tokenizeNoTables)(parsed);
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  const lintQuotes = options.blockquotes === 'lint';
  let frontMatter: string | undefined;
  const b = new SegmentBuilder(bom);
  const directiveAt = (from: number, to: number): void => {
    const token = events[from][1];
    const d = directive(contentValue(events, from, to, masked, true) ?? '', token.start.offset + bom, token.end.offset + bom);
    if (d) directives.push(d);
  };
  let inProse = false;
  /** After a hard break the line ending is part of the break. */
  let afterBreak = false;

  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i];
    const type: string = token.type;
    const start = token.start.offset;
    if (kind === 'exit') {
      if (PROSE_TEXT.has(type)) inProse = false;
      if (SEGMENT_ENDS.has(type)) {
        const seg = b.take();
        if (seg) segments.push(seg);
      }
      continue;
    }
    if (PROSE_TEXT.has(type)) {
      inProse = true;
      afterBreak = false;
      continue;
    }
    if (!inProse) {
      if (SKIPPED_BLOCKS.has(type) || (type === 'blockQuote' && !lintQuotes)) {
        i = exitOf(events, i);
      } else if (type === 'htmlFlow') {
        const end = exitOf(events, i);
        // `<!-- note --> As I already said`: CommonMark passes the line on as HTML, and a browser shows
        // the text after the comment; it is linted (and the comment read as a directive on its own).
        const raw = parsed.slice(start, token.end.offset);
        const close = /^[ \t]*<!--/.test(raw) ? raw.indexOf('-->') : -1;
        const tail = close < 0 ? '' : raw.slice(close + 3);
        if (tail.trim() && !tail.includes('<')) {
          const d = directive(raw.slice(0, close + 3), start + bom, start + close + 3 + bom);
          if (d) directives.push(d);
          b.appendRange(masked, start + close + 3, token.end.offset);
          const seg = b.take();
          if (seg) segments.push(seg);
        } else directiveAt(i, end);
        i = end;
      } else if (type === 'yaml') {
        const end = exitOf(events, i);
        // Read from the text as written, not the masked one: placeholders in front matter are data.
        if (frontMatter === undefined && start <= 4) frontMatter = (contentValue(events, i, end, body, true) ?? '').replace(/^(?:\r?\n|\r)|(?:\r?\n|\r)$/g, '');
        i = end;
      }
      continue;
    }
    switch (type) {
      case 'data':
        b.appendRange(masked, start, token.end.offset);
        break;
      case 'lineEnding':
        if (afterBreak) afterBreak = false;
        else b.appendRange(masked, start, token.end.offset);
        break;
      case 'characterEscape':
        b.append(masked[start + 1], start + 1);
        i = exitOf(events, i);
        break;
      case 'characterReference':
        for (const ch of decodeString(masked.slice(start, token.end.offset)).split('')) b.append(ch, start);
        i = exitOf(events, i);
        break;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        b.append('\n', start);
        afterBreak = true;
        i = exitOf(events, i);
        break;
      case 'htmlText': {
        const end = exitOf(events, i);
        directiveAt(i, end);
        b.mask(start);
        i = end;
        break;
      }
      case 'link': {
        const end = exitOf(events, i);
        if (isBareLink(events, i, end, masked)) {
          b.mask(start);
          i = end;
        }
        break;
      }
      case 'resource':
      case 'reference':
        i = exitOf(events, i); // a link's destination, title or reference label
        break;
      default:
        if (MASKED_INLINE.has(type)) {
          b.mask(start);
          i = exitOf(events, i);
        }
      // emphasis, strong, strikethrough, a link's label: their text follows
    }
  }
  return { segments, directives, frontMatter };
}

const attributions = new WeakMap<Languages, RegExp>();

/** A line that introduces quoted history in any of these languages ("On Mon, Sam wrote:", "Op ma schreef Sam:"; see Language.attribution). */
export function attributionRegExp(languages: Languages): RegExp {
  let re = attributions.get(languages);
  if (!re) {
    const lines = [...languages.values()].flatMap((l) => l.attribution);
    re = lines.length ? new RegExp(`^\\s*(?:${lines.join('|')})\\s*$`, 'i') : /(?!)/;
    attributions.set(languages, re);
  }
  return re;
}

function textProse(source: string, options: ProseOptions): Prose {
  const masked = maskRanges(source, placeholderRegExp(options.placeholders));
  const segments: Segment[] = [];
  const b = new SegmentBuilder();
  const flush = () => {
    const seg = b.take();
    if (seg) segments.push(seg);
  };
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const line = m[1];
    const at = m.index;
    if (/^-- ?$/.test(line) || options.attribution?.test(line)) break; // signature or quoted history
    if (/^\s*>/.test(line) || line.trim() === '') {
      flush();
    } else {
      if (b.text) b.append('\n', at - 1);
      b.appendRange(masked, at, at + line.length);
    }
    if (m[2] === '') break;
  }
  flush();
  return { segments, directives: [] };
}

/** The prose of a reply: pure, text in, segments out. */
/**
 * More than 64 nested containers (">", list markers) or 256 columns of
 * indentation make CommonMark parsing super-linear (hundreds of nested lists
 * take minutes): such a file is linted as plain text instead.
 */
const MAX_NESTING = 64;
const CONTAINER_PREFIX = new RegExp(`^(?:[ \\t]*(?:>|[*+-](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))){${MAX_NESTING},}|^[ \\t]{256,}`, 'm');

export function extractProse(text: string, options: ProseOptions): Prose {
  if (options.fileType === 'text' || CONTAINER_PREFIX.test(text)) return textProse(text, options);
  try {
    return markdownProse(text, options);
  } catch (e) {
    // Pathological nesting can exhaust the parser's stack: lint such a file as plain text.
    if (e instanceof RangeError) return textProse(text, options);
    throw e;
  }
}
