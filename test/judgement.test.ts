/**
 * Phrasings a new user tried that got no hit, and false positives that a
 * writer saw, from the judgement issue: each through the real CLI.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

function found(text: string, lang: 'en' | 'nl'): string[] {
  const r = runCli(['-', '--format', 'json', '--no-config', '--lang', lang], { input: `${text}\n` });
  return (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId).filter((id) => !id.startsWith('require-'));
}

/** [text, language, rule, whether the rule must fire]. */
const CASES: [string, 'en' | 'nl', string, boolean][] = [
  ['Daar kan ik zelf ook niks aan doen.', 'nl', 'no-management-deflection', true],
  ['Het magazijn heeft je pakket te laat doorgestuurd.', 'nl', 'no-department-blame', true],
  ['Dat ligt echt aan hen.', 'nl', 'no-supplier-blame', true],
  ['Zoals ik je gisteren al schreef, is het pakket onderweg.', 'nl', 'no-as-i-said', true],
  ['Meer kan ik niet voor je doen.', 'nl', 'no-policy-wall', true],
  ['Dat is de schuld van de bank, niet van ons.', 'nl', 'no-supplier-blame', true],
  ['Heb je de handleiding wel gelezen?', 'nl', 'no-customer-blame', true],
  ['The bank is responsible for the delay, not us.', 'en', 'no-supplier-blame', true],
  ["That's on the courier, not us.", 'en', 'no-supplier-blame', true],
  ['Which is their fault, not ours.', 'en', 'no-supplier-blame', true],
  ['Did you even read the instructions?', 'en', 'no-customer-blame', true],
  ["They'll reply as soon as they're available.", 'en', 'no-vague-promise', true],
  ["We'll update you as soon as we hear from them.", 'en', 'no-vague-promise', true],
  ['That is not possible.', 'en', 'no-policy-wall', true],
  ["We don't plan to address it.", 'en', 'no-policy-wall', true],
  ['I suggest you contact the phone support.', 'en', 'no-passing-the-buck', true],
  ['This article should help with that: https://example.com/a', 'en', 'no-website-deflection', true],
  ['Please post this question to our forum.', 'en', 'no-website-deflection', true],
  ['Hope it gets resolved soon!', 'en', 'no-vague-promise', false],
  ['We look forward to welcoming you soon.', 'en', 'no-vague-promise', false],
  ['U kunt ook op een later moment verder gaan met het formulier.', 'nl', 'no-vague-promise', false],
  ["We don't plan to address it in the foreseeable future.", 'en', 'no-vague-promise', false],
  ["That's not possible on this plan, but I can move you to the family plan today at no cost.", 'en', 'no-policy-wall', false],
  ['Your PSN account works again; log in at the WWW site. ^JDG', 'en', 'no-shouting', false],
  // A phrase's slot never reaches into the next sentence ("read the … article" across a full stop).
  ['Thanks, I have read the release notes. This article lists every change we made, and the fix is in 2.3.', 'en', 'no-website-deflection', false],
];

describe('phrasings a new user tried are caught, false positives a writer saw are gone', () => {
  it.each(CASES)('%s (%s): %s fires: %s', (text, lang, rule, fires) => {
    expect(found(text, lang).includes(rule)).toBe(fires);
  });
});
