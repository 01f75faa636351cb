import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const P = ['check our website'];

describe('positions', () => {
  it('are 1-based lines and columns on plain text', () => {
    expect(hits('Hi,\nplease check our website.', P)).toEqual([[2, 8, 2, 25, 'check our website']]);
  });

  it('survive CRLF, lone CR and a phrase broken over lines', () => {
    expect(hits('Hi,\r\n\r\nplease check our\r\nwebsite.', P)).toEqual([[3, 8, 4, 8, 'check our\r\nwebsite']]);
    expect(hits('Hi,\r\rplease check our website.', P)).toEqual([[3, 8, 3, 25, 'check our website']]);
  });

  it('ignore a BOM (columns count from the first real character)', () => {
    expect(hits('\uFEFFcheck our website', P)).toEqual([[1, 1, 1, 18, 'check our website']]);
  });

  it('count a tab as one column and emoji as two UTF-16 code units', () => {
    expect(hits('Hi\t😀 check our website', P)).toEqual([[1, 7, 1, 24, 'check our website']]);
  });

  it('see through emphasis, strong and links inside a phrase', () => {
    expect(hits('Please check *our* website.', P)).toEqual([[1, 8, 1, 27, 'check *our* website']]);
    expect(hits('Please **check** our [website](https://x.nl).', P)).toEqual([[1, 10, 1, 30, 'check** our [website']]);
  });

  it('see through escapes and character references', () => {
    expect(hits('Please \\*check our web&#115;ite', ['check our website'])).toEqual([[1, 10, 1, 32, 'check our web&#115;ite']]);
  });

  it('map list items, headings and table cells', () => {
    const md = '# Check our website\n\n- one\n- check our website\n\n| a | b |\n|---|---|\n| x | check our website |\n';
    expect(hits(md, P).map((h) => [h[0], h[1]])).toEqual([[1, 3], [4, 3], [8, 7]]);
  });
});

describe('what is skipped', () => {
  it('code: fenced, indented and inline', () => {
    expect(hits('```\ncheck our website\n```\n\n    check our website\n\nSee `check our website`.', P)).toEqual([]);
  });

  it('HTML, URLs and e-mail addresses', () => {
    expect(hits('<div>check our website</div>\n\n<!-- check our website -->', P)).toEqual([]);
    expect(hits('Go to https://example.com/check-our-website or www.check.nl', ['check'])).toEqual([]);
  });

  it('front matter (YAML), but its lang is used', () => {
    expect(hits('---\ntitle: check our website\n---\n\nHello.', P)).toEqual([]);
  });

  it('template placeholders of several syntaxes', () => {
    expect(hits('Hi {{ check our website }}, {% check our website %} %{check our website}', P)).toEqual([]);
    expect(hits('Dear {NAME}, case {CASE_NUMBER} is {status.text}.', ['dear {1,2} case'])).toEqual([]);
    // A placeholder is not a word: no phrase runs through it.
    expect(hits('check {{ our }} website', P)).toEqual([]);
  });

  it('blockquotes by default, and lints them when asked', () => {
    const md = '> you should check our website\n\nThanks.';
    expect(hits(md, P)).toEqual([]);
    expect(hits(md, P, { blockquotes: 'lint' })).toEqual([[1, 14, 1, 31, 'check our website']]);
  });
});

describe('plain text replies (.txt)', () => {
  const t = (text: string) => hits(text, P, { fileType: 'text' });

  it('lint the reply, Markdown characters included as they are', () => {
    expect(t('Hi,\n\nplease check our website.')).toEqual([[3, 8, 3, 25, 'check our website']]);
  });

  it('skip lines quoted with ">"', () => {
    expect(t('Hi,\n> check our website\nThanks')).toEqual([]);
  });

  it('skip the quoted history after an attribution line, English and Dutch', () => {
    expect(t('Thanks!\n\nOn Mon, 3 Jun 2024 at 10:00, Sam <sam@x.nl> wrote:\ncheck our website')).toEqual([]);
    expect(t('Dank!\n\nOp ma 3 jun. 2024 om 10:00 schreef Sam <sam@x.nl>:\ncheck our website')).toEqual([]);
  });

  it('skip the signature after "-- "', () => {
    expect(t('Thanks!\n-- \nCheck our website: example.com')).toEqual([]);
  });
});
