import { describe, expect, it } from 'vitest';
import { confidentLanguage as confident, decideLanguage as decide, detectLanguage as detect } from '../src/core/language.js';
import { LANGUAGES } from '../src/lang/index.js';
import type { Lang } from '../src/core/types.js';

const detectLanguage = (text: string, fallback?: Lang) => detect(text, LANGUAGES, fallback);
const confidentLanguage = (text: string) => confident(text, LANGUAGES);
const decideLanguage = (text: string, frontMatter: Lang | undefined, option: Lang | undefined) => decide(text, frontMatter, option, LANGUAGES);

describe('language detection on short replies', () => {
  it.each([
    ['Dat klopt niet. U heeft ongelijk.', 'nl'],
    ['Sorry voor het wachten. Ik bel je morgen.', 'nl'],
    ['Bedankt voor uw bericht! Uw pakket komt vrijdag.', 'nl'],
    ['Excuses voor het ongemak. Hoe kan ik u helpen?', 'nl'],
    ["That's not true. You are wrong.", 'en'],
    ['Sorry for the wait. I will call you tomorrow.', 'en'],
    ['Thanks for your message! Your parcel arrives on Friday.', 'en'],
    ['Apologies for the trouble. How can I help?', 'en'],
  ])('%s -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back when there is no evidence', () => {
    expect(detectLanguage('12345 !!!', 'nl')).toBe('nl');
  });
});

describe('a configured language against a confident detection', () => {
  const english = 'Hi Sam, as I already said, the refund takes five days. We will get back to you soon.';
  const dutch = 'Beste Sam, zoals ik al zei duurt de terugbetaling vijf dagen. Wij nemen binnenkort contact met u op.';

  it('detection wins when it is confident, and says which language it overrode', () => {
    expect(confidentLanguage(english)).toBe('en');
    expect(decideLanguage(english, undefined, 'nl')).toEqual({ lang: 'en', source: 'detected', overrides: 'nl' });
    expect(decideLanguage(dutch, undefined, 'en')).toEqual({ lang: 'nl', source: 'detected', overrides: 'en' });
  });

  it('the configured language stands when the text is short or mixed', () => {
    expect(confidentLanguage('OK, sorry!')).toBeUndefined();
    expect(decideLanguage('OK, sorry!', undefined, 'nl')).toEqual({ lang: 'nl', source: 'option' });
    // Just under the bar: five English function words are not enough.
    expect(confidentLanguage('the refund is in the post for you')).toBeUndefined();
    expect(confidentLanguage('the refund is in the post for you now')).toBe('en');
  });

  it('front matter wins over everything; with no configured language, detection decides', () => {
    expect(decideLanguage(english, 'nl', 'nl')).toEqual({ lang: 'nl', source: 'front-matter' });
    expect(decideLanguage(english, undefined, undefined)).toEqual({ lang: 'en', source: 'detected' });
  });
});
