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
import { foldCase } from './phrase.js';
import type { FileType } from './types.js';

/** Stands for skipped inline content (code, HTML, URLs, placeholders): not a word, not white space. */
export const MASK = '\uFFFC';

export interface Segment {
  text: string;
  /** `text` lower-cased with the same length (see foldCase), for phrase matching. */
  folded: string;
  /** Source offset of each UTF-16 unit of `text`. */
  offsets: number[];
}

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
}

// Bounded so that an unclosed "{{" cannot make the scan quadratic.
const PLACEHOLDERS = [
  '\\{\\{[^]{0,500}?\\}\\}', // {{ ticket.id }}
  '\\{%[^]{0,500}?%\\}', // {% if x %}
  '%\\{[^}\\n]{0,200}\\}', // %{ticket.number}
  '\\{[A-Za-z_][\\w.-]{0,100}\\}', // {ZAAKNUMMER}: a name in single braces is never prose
];
const URLS = /\b(?:https?|ftp|mailto):[^\s<>"'\uFFFC]+|\bwww\.[^\s<>"'\uFFFC]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Every URL or address URLS finds contains one of these: most paragraphs skip the expression (it tries an address at every word). */
const URL_HINT = /[:@]|www\./i;

export function maskRanges(text: string, re: RegExp): string {
  return text.replace(re, (m) => m.replace(/[^\r\n]/g, MASK));
}

export function placeholderRegExp(extra: readonly string[] = []): RegExp {
  return new RegExp([...PLACEHOLDERS, ...extra].map((p) => `(?:${p})`).join('|'), 'g');
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
    const seg = { text, folded: foldCase(text), offsets: this.offsets };
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
  const masked = maskRanges(bom ? source.slice(1) : source, placeholderRegExp(options.placeholders));
  const events = (hasLongLine(masked) ? tokenizePlain : MAY_HAVE_TABLE.test(masked) ? tokenize : tokenizeNoTables)(masked);
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
        directiveAt(i, end);
        i = end;
      } else if (type === 'yaml') {
        const end = exitOf(events, i);
        if (frontMatter === undefined && start <= 4) frontMatter = (contentValue(events, i, end, masked, true) ?? '').replace(/^(?:\r?\n|\r)|(?:\r?\n|\r)$/g, '');
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
  // Front matter is parsed from the original text: placeholders in it are data.
  if (frontMatter !== undefined) {
    const m = /^---\r?\n([^]*?)\r?\n---/.exec(bom ? source.slice(1) : source);
    if (m) frontMatter = m[1];
  }
  return { segments, directives, frontMatter };
}

export const ATTRIBUTION = /^\s*(?:On\b.{0,200}\bwrote:|Op\b.{0,200}\bschreef\b.{0,100}:|-{2,}\s*(?:Original Message|Oorspronkelijk bericht|Forwarded message|Doorgestuurd bericht)\s*-{2,})\s*$/i;

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
    if (/^-- ?$/.test(line) || ATTRIBUTION.test(line)) break; // signature or quoted history
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
