/**
 * The reference for src/core/prose.ts: Markdown prose read from the mdast tree
 * that unified + remark-parse build (how replylint read it up to 0.1.0). The
 * token-stream reader must find the same segments, offsets, directives and
 * front matter; test/prose-events.test.ts compares them.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { directive, maskRanges, placeholderRegExp, SegmentBuilder, type Directive, type Prose, type Segment } from '../../src/core/prose.js';

/** Append `value`, the parsed form of source[start, end): walk both, past escapes, references and line prefixes. */
function appendAligned(b: SegmentBuilder, value: string, source: string, start: number, end: number): void {
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
          while (i + 1 < value.length && value[i + 1] !== source[s] && /[\uDC00-\uDFFF\u0300-\u036F]/.test(value[i + 1])) {
            b.append(value[i], at);
            i++;
          }
          break;
        }
      }
      s++;
    }
    if (at < 0) at = Math.max(start, Math.min(s, end) - 1);
    b.append(value[i], at);
  }
}

function gfmTables(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmTables).use(remarkFrontmatter, ['yaml', 'toml']);

function isBareLink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const url = node.url.replace(/^mailto:/, '');
  return only.value === node.url || only.value === url || /^(?:https?:\/\/|www\.)/i.test(only.value);
}

/** Markdown prose via mdast (no long-line or deep-nesting fallbacks: callers keep inputs ordinary). */
export function mdastProse(source: string, options: { blockquotes?: 'skip' | 'lint'; placeholders?: readonly string[] } = {}): Prose {
  const masked = maskRanges(source, placeholderRegExp(options.placeholders));
  const tree = processor.parse(masked) as Root;
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
          appendAligned(b, node.value, masked, start(node), end(node));
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
          b.mask(start(node));
      }
    }
  };

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
  if (frontMatter !== undefined) {
    const m = /^---\r?\n([^]*?)\r?\n---/.exec(source);
    if (m) frontMatter = m[1];
  }
  return { segments, directives, frontMatter };
}

function pushChildren(stack: Nodes[], node: Parents): void {
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
}
