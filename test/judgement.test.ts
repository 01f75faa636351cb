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

const CAUGHT: [string, 'en' | 'nl', string][] = [
  ['Daar kan ik zelf ook niks aan doen.', 'nl', 'no-management-deflection'],
  ['Het magazijn heeft je pakket te laat doorgestuurd.', 'nl', 'no-department-blame'],
  ['Dat ligt echt aan hen.', 'nl', 'no-supplier-blame'],
  ['Zoals ik je gisteren al schreef, is het pakket onderweg.', 'nl', 'no-as-i-said'],
  ['Meer kan ik niet voor je doen.', 'nl', 'no-policy-wall'],
  ['Dat is de schuld van de bank, niet van ons.', 'nl', 'no-supplier-blame'],
  ['Heb je de handleiding wel gelezen?', 'nl', 'no-customer-blame'],
  ['The bank is responsible for the delay, not us.', 'en', 'no-supplier-blame'],
  ["That's on the courier, not us.", 'en', 'no-supplier-blame'],
  ['Which is their fault, not ours.', 'en', 'no-supplier-blame'],
  ['Did you even read the instructions?', 'en', 'no-customer-blame'],
  ["They'll reply as soon as they're available.", 'en', 'no-vague-promise'],
  ["We'll update you as soon as we hear from them.", 'en', 'no-vague-promise'],
  ['That is not possible.', 'en', 'no-policy-wall'],
  ["We don't plan to address it.", 'en', 'no-policy-wall'],
  ['I suggest you contact the phone support.', 'en', 'no-passing-the-buck'],
  ['This article should help with that: https://example.com/a', 'en', 'no-website-deflection'],
  ['Please post this question to our forum.', 'en', 'no-website-deflection'],
];

const QUIET: [string, 'en' | 'nl', string][] = [
  ['Hope it gets resolved soon!', 'en', 'no-vague-promise'],
  ['We look forward to welcoming you soon.', 'en', 'no-vague-promise'],
  ['U kunt ook op een later moment verder gaan met het formulier.', 'nl', 'no-vague-promise'],
  ["We don't plan to address it in the foreseeable future.", 'en', 'no-vague-promise'],
  ["That's not possible on this plan, but I can move you to the family plan today at no cost.", 'en', 'no-policy-wall'],
  ['Your PSN account works again; log in at the WWW site. ^JDG', 'en', 'no-shouting'],
];

describe('phrasings a new user tried are caught', () => {
  it.each(CAUGHT)('%s (%s) -> %s', (text, lang, rule) => {
    expect(found(text, lang)).toContain(rule);
  });
});

describe('false positives a writer saw are gone', () => {
  it.each(QUIET)('%s (%s): no %s', (text, lang, rule) => {
    expect(found(text, lang)).not.toContain(rule);
  });
});
