/**
 * Prose extraction: which characters of a reply are the writer's own prose.
 * Markdown goes through unified + remark-parse; each paragraph, heading and
 * table cell becomes a Segment whose every character carries its offset in the
 * source, so matches map back exactly, through emphasis, links and escapes.
 * Code, HTML, URLs, front matter, template placeholders and (by default)
 * blockquotes are left out.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Processor } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
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

function directive(value: string, offset: number, endOffset: number): Directive | undefined {
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

function maskRanges(text: string, re: RegExp): string {
  return text.replace(re, (m) => m.replace(/[^\r\n]/g, MASK));
}

function placeholderRegExp(extra: readonly string[] = []): RegExp {
  return new RegExp([...PLACEHOLDERS, ...extra].map((p) => `(?:${p})`).join('|'), 'g');
}

class SegmentBuilder {
  text = '';
  offsets: number[] = [];

  /** Append `value`, the parsed form of source[start, end): align it back char by char. */
  appendAligned(value: string, source: string, start: number, end: number): void {
    if (source.slice(start, end) === value) {
      this.text += value;
      for (let i = 0; i < value.length; i++) this.offsets.push(start + i);
      return;
    }
    // The value drops line prefixes, escapes and decodes character references: walk both.
    let s = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      let at = -1;
      while (s < end) {
        const c = source[s];
        if (c === ch) {
          at = s++;
          break;
        }
        if (c === '\\' && source[s + 1] === ch) {
          at = s + 1;
          s += 2;
          break;
        }
        if (c === '&') {
          const m = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/.exec(source.slice(s, s + 40));
          if (m) {
            at = s;
            s += m[0].length;
            // A reference can decode to two UTF-16 units (astral) or two characters.
            while (i + 1 < value.length && value[i + 1] !== source[s] && /[\uDC00-\uDFFF\u0300-\u036F]/.test(value[i + 1])) {
              this.text += value[i];
              this.offsets.push(at);
              i++;
            }
            break;
          }
        }
        s++;
      }
      if (at < 0) at = Math.max(start, Math.min(s, end) - 1);
      this.text += value[i];
      this.offsets.push(at);
    }
  }

  mask(at: number): void {
    this.text += MASK;
    this.offsets.push(at);
  }

  append(ch: string, at: number): void {
    this.text += ch;
    this.offsets.push(at);
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

/** GFM tables and strikethrough (autolink literals are not needed: URLs are masked in the prose, and cost a tree walk per file). */
function gfmTables(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmTables).use(remarkFrontmatter, ['yaml', 'toml']);
/** Without tables: the table extension is slow on very long lines (no table has a 100 KB row). */
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
function hasLongLine(text: string, limit = 100_000): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start > limit) return true;
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/** Is this link's text just its URL (an autolink)? Then it is not prose. */
function isBareLink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const url = node.url.replace(/^mailto:/, '');
  return only.value === node.url || only.value === url || /^(?:https?:\/\/|www\.)/i.test(only.value);
}

function markdownProse(source: string, options: ProseOptions): Prose {
  const masked = maskRanges(source, placeholderRegExp(options.placeholders));
  const tree = (hasLongLine(masked) ? plainProcessor : processor).parse(masked) as Root;
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  let frontMatter: string | undefined;
  const b = new SegmentBuilder();

  const start = (n: Nodes) => n.position?.start.offset ?? 0;
  const end = (n: Nodes) => n.position?.end.offset ?? start(n);

  const phrasing = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          b.appendAligned(node.value, masked, start(node), end(node));
          break;
        case 'break':
          b.append('\n', start(node));
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          phrasing(node.children);
          break;
        case 'link':
          if (isBareLink(node)) b.mask(start(node));
          else phrasing(node.children);
          break;
        case 'html': {
          const d = directive(node.value, start(node), end(node));
          if (d) directives.push(d);
          b.mask(start(node));
          break;
        }
        default:
          // inlineCode, image, imageReference, footnoteReference, ...
          b.mask(start(node));
      }
    }
  };

  // An explicit stack, not recursion: deeply nested lists cannot overflow it.
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type as string) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        phrasing((node as Parents).children as PhrasingContent[]);
        const seg = b.take();
        if (seg) segments.push(seg);
        break;
      }
      case 'yaml':
        if (frontMatter === undefined && start(node) <= 4) frontMatter = (node as { value: string }).value;
        break;
      case 'blockquote':
        if (options.blockquotes === 'lint') pushChildren(stack, node as Parents);
        break;
      case 'html': {
        const d = directive((node as { value: string }).value, start(node), end(node));
        if (d) directives.push(d);
        break;
      }
      case 'code':
      case 'toml':
      case 'definition':
      case 'thematicBreak':
        break;
      default:
        if ('children' in node) pushChildren(stack, node);
    }
  }
  // Front matter is parsed from the original text: placeholders in it are data.
  if (frontMatter !== undefined) {
    const m = /^---\r?\n([^]*?)\r?\n---/.exec(source);
    if (m) frontMatter = m[1];
  }
  return { segments, directives, frontMatter };
}

function pushChildren(stack: Nodes[], node: Parents): void {
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
}

const ATTRIBUTION = /^\s*(?:On\b.{0,200}\bwrote:|Op\b.{0,200}\bschreef\b.{0,100}:|-{2,}\s*(?:Original Message|Oorspronkelijk bericht|Forwarded message|Doorgestuurd bericht)\s*-{2,})\s*$/i;

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
      b.appendAligned(line, masked, at, at + line.length);
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
