/**
 * A language is a module: a made-up third language ("xx") registered by a
 * caller, with its own detector words, greeting and attribution line, works
 * through the real engine and fixes, and a rule may cover only some languages.
 */
import { describe, expect, it } from 'vitest';
import { compileRulebook, lint, type Registries } from '../src/core/engine.js';
import { runExamples } from '../src/core/examples.js';
import { fixText } from '../src/core/apply-fixes.js';
import type { Language } from '../src/core/lang.js';
import { COMMON_WORDS } from '../src/core/phrase.js';
import type { RuleDefinition } from '../src/core/types.js';
import { DEFAULTS } from '../src/defaults.js';
import { LANGUAGES } from '../src/lang/index.js';

const toy: Language = {
  code: 'xx',
  name: 'Xish',
  englishName: 'Toy',
  instead: 'Insted',
  detector: { words: ['blarg', 'zib', 'quux', 'wub', 'tix', 'norp', 'glib'] },
  greetings: 'zorg|good zorg',
  attribution: ['Zu\\b.{0,200}\\bskrivit:'],
  verbSecond: false,
  dropsLoneWords: true,
  register: (text) => (/\bzorg\b/i.test(text) ? 'informal' : 'formal'),
  situation: {
    problem: [{ name: 'broke', words: 'kaboom|norp' }],
    feelings: [],
    positive: 'yippee',
    regret: [],
    refusal: [],
    notice: [],
    personal: [],
    nameGreetings: 'zorg',
    titles: '',
    notNames: '',
  },
};

const registries: Registries = { ...DEFAULTS, languages: new Map([...DEFAULTS.languages, ['xx', toy]]) };

const base = { severity: 'error' as const, source: [{ article: 'x', quote: 'x' }], options: {} };

/** Only in xx: a phrase, with the remove fix. */
const xxOnly: RuleDefinition = {
  ...base,
  id: 'no-plonk',
  kind: 'phrase',
  description: { xx: 'plonk' },
  message: { xx: 'No "{{match}}".' },
  patterns: { xx: ['plonk the wub', 'fnordly'] },
  fix: { type: 'remove' },
};

/** In all three. */
const everywhere: RuleDefinition = {
  ...base,
  id: 'no-later',
  kind: 'phrase',
  description: { en: 'later', nl: 'later', xx: 'norp' },
  message: { en: 'en: {{match}}', nl: 'nl: {{match}}', xx: 'xx: {{match}}' },
  patterns: { en: ['later'], nl: ['later'], xx: ['norp'] },
};

/** A whole-reply rule in xx whose fix inserts a sentence after the greeting line. */
const requireGlib: RuleDefinition = {
  ...base,
  id: 'require-glib',
  kind: 'require',
  description: { xx: 'glib' },
  message: { xx: 'Say glib.' },
  patterns: { xx: ['glib'] },
  fix: { type: 'insert-sentence', text: { xx: 'Glib {zib|wub}.' } },
};

const book = compileRulebook([xxOnly, everywhere], registries);

describe('a language is a module', () => {
  it('detection picks the toy language for a text in it, and still en and nl for theirs', () => {
    expect(lint('Blarg zib quux, wub tix.', book)).toMatchObject({ lang: 'xx', langSource: 'detected' });
    expect(lint('Thank you for your message, we will call you tomorrow.', book).lang).toBe('en');
    expect(lint('Bedankt voor uw bericht, wij bellen u morgen.', book).lang).toBe('nl');
    // Confident enough to override a configured language, like any other.
    expect(lint('Blarg zib quux wub tix norp glib blarg.', book, { lang: 'en' })).toMatchObject({ lang: 'xx', langOverridden: 'en' });
  });

  it('front matter `lang: xx` and the lang option work; an unknown code in front matter is ignored, as an option it is an error', () => {
    const text = '---\nlang: xx\n---\n\nThe refund, plonk the wub.\n';
    expect(lint(text, book)).toMatchObject({ lang: 'xx', langSource: 'front-matter' });
    expect(lint(text, book).diagnostics.map((d) => d.ruleId)).toEqual(['no-plonk']);
    expect(lint('Ok.', book, { lang: 'xx' })).toMatchObject({ lang: 'xx', langSource: 'option' });
    // Without xx among the rulebook's languages, `lang: xx` means nothing.
    expect(lint(text, compileRulebook([xxOnly], DEFAULTS))).toMatchObject({ lang: 'en', langSource: 'detected', diagnostics: [] });
    expect(() => lint('Ok.', compileRulebook([xxOnly], DEFAULTS), { lang: 'xx' })).toThrow(/lang "xx" is not one of the rulebook's languages \(en, nl\)/);
  });

  it('the phrase rule fires at the right line and column, with its xx message', () => {
    const text = 'Zorg Sam,\n\nBlarg zib plonk the wub, quux norp.\n';
    const { lang, diagnostics } = lint(text, book);
    expect(lang).toBe('xx');
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column, d.endLine, d.endColumn, text.slice(d.offset, d.endOffset)])).toEqual([
      ['no-plonk', 'No "plonk the wub".', 3, 11, 3, 24, 'plonk the wub'],
      ['no-later', 'xx: norp', 3, 31, 3, 35, 'norp'],
    ]);
  });

  it('the greeting-aware fixes know the toy greeting', () => {
    // remove: right after "Zorg Sam, " a lone word goes (a greeting the fix did not know would leave it).
    const text = 'Zorg Sam, fnordly blarg zib wub.\n';
    expect(fixText(text, book).output).toBe('Zorg Sam, blarg zib wub.\n');
    // insert-sentence: after the greeting line, in the register the toy language reads.
    const glib = compileRulebook([requireGlib], registries);
    expect(fixText('Zorg Sam,\n\nblarg zib quux tix.\n', glib, { situation: 'question' }).output).toBe('Zorg Sam,\n\nGlib wub. Blarg zib quux tix.\n');
  });

  it('an xx-only rule does not apply to an English or Dutch reply (no crash, no diagnostic); a rule in all three does', () => {
    const en = lint('Hi Sam, plonk the wub, fnordly. We will reply later.', book, { lang: 'en' });
    expect(en.lang).toBe('en');
    expect(en.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['no-later', 'en: later']]);
    const nl = lint('Hoi Sam, plonk the wub. Wij bellen u later.', book, { lang: 'nl' });
    expect(nl.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['no-later', 'nl: later']]);
    // A require rule with no xx patterns is quiet on an xx reply, and an xx one on an English reply.
    const glib = compileRulebook([requireGlib], registries);
    expect(lint('Thank you for your message, we will call you tomorrow.', glib, { situation: 'question' }).diagnostics).toEqual([]);
  });

  it('the toy attribution line ends a plain-text reply, and its quoted history is read for the situation', () => {
    const text = 'Blarg zib quux wub.\n\nZu Monday, Sam skrivit:\nKaboom! Norp norp.\n';
    const r = lint(text, book, { fileType: 'text' });
    expect(r.lang).toBe('xx');
    expect(r.diagnostics).toEqual([]);
    expect(r.situation).toMatchObject({ situation: 'complaint', source: 'context' });
    expect(r.situation.cues[0]).toBe('customer xx: broke: "Kaboom"');
  });

  it("a rule's examples run in each of its languages", () => {
    const rule = { ...everywhere, examples: { xx: { invalid: [{ text: 'Blarg zib norp.', hits: 1 }], valid: ['Blarg zib quux.'] } } };
    expect(runExamples(rule, registries).map((r) => [r.lang, r.kind, r.ok])).toEqual([
      ['xx', 'invalid', true],
      ['xx', 'valid', true],
    ]);
  });

  it("the phrase index's stop words hold every bundled language's function words", () => {
    for (const lang of LANGUAGES.values()) expect(lang.detector.words.filter((w) => !COMMON_WORDS.has(w))).toEqual([]);
  });
});

describe('the kernel refuses a wrong call with a clear TypeError', () => {
  const book = compileRulebook([], DEFAULTS);
  it.each([
    ['no text', () => lint(undefined as unknown as string, book), /text must be a string, not undefined/],
    ['not a rulebook', () => lint('Hi.', {} as never), /rulebook must be what compileRulebook returned/],
    ['a language the rulebook lacks', () => lint('Hi.', book, { lang: 'de' }), /lang "de" is not one of the rulebook's languages \(en, nl\)/],
    ['an unknown rule id', () => lint('Hi.', book, { rules: { 'no-such-rule': 'off' } }), /rules: unknown rule "no-such-rule"/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});
