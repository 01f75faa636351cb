import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/core/language.js';

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
