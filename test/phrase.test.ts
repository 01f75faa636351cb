import { describe, expect, it } from 'vitest';
import { compilePhrase, compilePhrases, PhraseError } from '../src/core/phrase.js';
import { foldCase } from '../src/core/text.js';

/** The matches of one phrase, as the engine finds them (on folded text), shown in the original text. */
const all = (p: string, text: string) => [...foldCase(text).matchAll(compilePhrases([p])!)].map((m) => text.slice(m.index, m.index + m[0].length));

describe('phrase syntax', () => {
  it('matches words in order across any white space, any case', () => {
    expect(all('check our website', 'Please CHECK  our\n website.')).toEqual(['CHECK  our\n website']);
  });

  it('alternatives, optional words and slots make one line of many phrasings', () => {
    const p = '[we|I] (will) get back to you {1,3} soon';
    expect(all(p, 'We will get back to you very soon.')).toHaveLength(1);
    expect(all(p, 'I get back to you as soon')).toHaveLength(1);
    expect(all(p, 'we get back to you soon')).toHaveLength(0); // the slot needs a word
    expect(all(p, 'we will get back to you one two three four soon')).toHaveLength(0);
  });

  it('optional words at the start and the end', () => {
    expect(all('(as) I said (before)', 'I said it. As I said before, no.')).toEqual(['I said', 'As I said before']);
  });

  it('matches whole words only, with Unicode letters', () => {
    expect(all('soon', 'soonest soon')).toEqual(['soon']);
    expect(all('uw', 'uwe uw')).toEqual(['uw']);
    expect(all('één dag', 'binnen één dag')).toEqual(['één dag']);
    expect(all('geïrriteerd', 'u bent geïrriteerd')).toEqual(['geïrriteerd']);
    expect(all('ijs', 'Schijs ijs')).toEqual(['ijs']);
  });

  it('stems match the rest of a word', () => {
    expect(all('apolog*', 'apologies, apologise; apology')).toEqual(['apologies', 'apologise', 'apology']);
  });

  it('glued parts form one word', () => {
    expect(all('apologi[s|z]e', 'apologise apologize apologie')).toEqual(['apologise', 'apologize']);
    expect(all('management(-)beslissing', 'managementbeslissing management-beslissing')).toHaveLength(2);
  });

  it('straight and curly apostrophes and quotes are alike', () => {
    expect(all("that's not true", 'That’s not true')).toHaveLength(1);
    expect(all('"no"', '“no”')).toHaveLength(1);
  });

  it('folds case without moving any offset', () => {
    expect(all('istanbul', 'İstanbul istanbul ISTANBUL')).toEqual(['istanbul', 'ISTANBUL']);
    expect(foldCase('İx').length).toBe(2);
  });

  it('punctuation matches itself', () => {
    expect(all('e-mail', 'e-mail email')).toEqual(['e-mail']);
    expect(all('zo.', 'zo, zo.')).toEqual(['zo.']);
  });

  it('refuses patterns it cannot compile, saying why', () => {
    for (const [p, msg] of [
      ['', /empty/],
      ['(maybe)', /match nothing/],
      ['{1,3} soon', /start or end with a slot/],
      ['soon {1,2}', /start or end with a slot/],
      ['as [I said', /never closed/],
      ['a {3,1} b', /smaller than the minimum/],
      ['a {1,9} b', /at most 6/],
      ['ap* x', /at least 3 letters/],
      ['a ) b', /unexpected/],
    ] as const) {
      expect(() => compilePhrase(p), p).toThrow(PhraseError);
      expect(() => compilePhrase(p), p).toThrow(msg);
    }
  });
});
