/**
 * replylint reads Markdown from micromark's token stream (src/core/prose.ts),
 * not from an mdast tree. This test holds it to what the tree gives
 * (test/helpers/mdast-prose.ts, unified + remark-parse): the same segments,
 * with the same source offset for every character, the same inline
 * directives and front matter, on every shipped fixture, every corpus reply
 * and a set of constructs chosen to differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractProse, maskUnclosedBackticks } from '../src/core/prose.js';
import { mdastProse } from './helpers/mdast-prose.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`prose-events.test.ts: the corpus comparison is skipped: ${CORPUS} is absent (it lives in ../shared, beside the checkout)`);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:md|markdown)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const CONSTRUCTS: Record<string, string> = {
  'escapes and references': 'Please \\*check our web&#115;ite &amp; &copy; &#x1F600; &bogus; AT&T \\a',
  'hard breaks and soft line endings': 'one  \ntwo\\\nthree\r\nfour\rfive\n',
  'emphasis, strong, strikethrough': 'a *b* **c** ***d*** _e_ __f__ ~~g~~ ~h~ ~~~i~~~ * j * not',
  'inline code and HTML': 'a `code` b ``co`de`` c <span>d</span> e <!-- replylint-disable-line rule-a --> f',
  'links of every kind': [
    '[text](https://x.nl) [https://x.nl](https://x.nl) [www.x.nl](https://x.nl) [a@b.nl](mailto:a@b.nl)',
    '<https://x.nl> <a@b.nl> [**bold** link](x) [](x) [x](<y z> "t") [ref][r] [r] [r][] [nope][missing]',
    '![alt text](i.png) ![alt][r] [link\nover lines](x) [x\\]y](x)',
    '',
    '[r]: https://x.nl "title"',
  ].join('\n'),
  headings: '# Head *one*\n\n## Two ##\n\nSetext\n======\n\nMulti\nline setext\n---\n\n#\n',
  'lists and nesting': '- one\n- two\n  continued\n\n  para two\n\n1. first\n2) second\n\n* a\n  * b\n    * c *d*\n',
  blockquotes: '> quoted **text**\n> more\n\nafter\n\n- > in a list\n',
  'code blocks': '```js\nconst x = 1;\n```\n\n    indented code\n\n~~~\ntilde\n~~~\n\ntext',
  'html blocks and directives': '<!-- replylint-disable rule-a, rule-b -->\n\ntext\n\n<div>\nblock *html*\n</div>\n\n<!-- replylint-enable -->\n',
  tables: '| a | b *c* |\n|---|:-:|\n| `x` | y \\| z |\n| only |\n\ntext | not a table\n',
  'tables without a pipe': 'Head\n-:\n\ncell\n\nHead two\n:--\nrow\n\n> quoted head\n> :-:\n\nNot a table\n---\n\nNor this\n--\n',
  'front matter': '---\nlang: nl\ntitle: "x"\n---\n\nHallo {{ naam }}, %{ticket} {NAAM}.\n',
  'front matter with blanks after the fences': '--- \nlang: nl\n---\t\n\nHallo.\n',
  'toml front matter': '+++\nlang = "en"\n+++\n\ntext\n',
  CRLF: '---\r\nlang: en\r\n---\r\n\r\nHi *there*,\r\nline two  \r\nthree\r\n\r\n- item\r\n',
  'thematic breaks and definitions': 'a\n\n---\n\n***\n\n[d]: /url\n\nb',
  'lazy continuation and indentation': '> quote\nlazy line\n\n- item\nlazy item\n\n   three spaces\n\t tab',
  'emoji and astral references': 'Sorry 😀 &#128512; &#x1F600; café ca&#769;fe',
};

describe('Markdown prose from tokens matches prose from the mdast tree', () => {
  for (const [name, md] of Object.entries(CONSTRUCTS)) {
    it(name, () => {
      for (const blockquotes of ['skip', 'lint'] as const) {
        expect(extractProse(md, { fileType: 'markdown', blockquotes })).toEqual(mdastProse(md, { blockquotes }));
      }
    });
  }

  it('an escaped backslash maps to the character escaped (the tree mapped it to the escaping one)', () => {
    const [seg] = extractProse('a \\\\ b', { fileType: 'markdown' }).segments;
    expect(seg.text).toBe('a \\ b');
    expect(seg.offsets).toEqual([0, 1, 3, 4, 5]);
  });

  it('offsets count a byte order mark (micromark drops it; the tree was one off after it)', () => {
    const prose = extractProse('\uFEFF---\nlang: en\n---\n\nHi *there*\n\n- item', { fileType: 'markdown' });
    expect(prose.frontMatter).toBe('lang: en');
    expect(prose.segments.map((s) => [s.text, s.offsets[0], s.offsets.at(-1)])).toEqual([
      ['Hi there', 19, 27],
      ['item', 33, 36],
    ]);
  });

  const same = (files: string[]) => {
    for (const file of files) {
      const md = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      expect({ name, prose: extractProse(md, { fileType: 'markdown' }) }).toEqual({ name, prose: mdastProse(md) });
    }
  };
  it('on every fixture', () => {
    const files = markdownFiles(join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(5);
    same(files);
  });
  it.skipIf(!HAS_CORPUS)('on every corpus reply (../shared/corpus)', () => {
    const files = markdownFiles(CORPUS);
    expect(files.length).toBeGreaterThan(50);
    same(files);
  });
});

describe('backtick runs no run closes are masked for the parser (linear parsing), with the same prose', () => {
  it('runs of 1 to 1,400 backticks in one paragraph: every one masked, the text unchanged in length', () => {
    let text = '';
    for (let k = 1; k < 1400; k++) text += `${'`'.repeat(k)} a `;
    const masked = maskUnclosedBackticks(text);
    expect(masked.length).toBe(text.length);
    expect(masked.includes('`')).toBe(false);
  });

  it('the same segments and offsets as the tree gives, on random backtick-heavy paragraphs', () => {
    // No lone backslash: an escaped backslash the tree maps differently (see above).
    const piece = fc.constantFrom('`', '``', '```', 'a', 'b c', ' ', '\n', '\n\n', '\\`', '*x*', '- a', '# h', '> q', '~~~', '---', '===', '1. x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const md = `Hi ${pieces.join('')}\n`;
        expect(extractProse(md, { fileType: 'markdown' })).toEqual(mdastProse(md));
      }),
      { numRuns: 1000 },
    );
  });

  it('a fence is never masked: its code stays skipped', () => {
    const md = 'As I said:\n\n```\nAs I already said\n```\n\n  ```\nx\n  ```\n';
    expect(maskUnclosedBackticks(md)).toBe(md);
    expect(extractProse(md, { fileType: 'markdown' })).toEqual(mdastProse(md));
  });
});
