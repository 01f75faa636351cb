/**
 * Register: does the reply address the customer formally ("u", "Dear Ms
 * Lee") or informally ("je", "Hi Tim")? Rewrites, examples and inserted
 * sentences follow the draft's register, so that an informal "je" reply never
 * gets a "u" sentence put into it.
 *
 * Templates say both at once with `{formal|informal}`: "Bedankt voor
 * {uw|je} bericht." Pure.
 */
import type { Language } from './lang.js';

export type Register = 'formal' | 'informal';

/** How often `re` (flag `g`) matches in `text`: for the languages' register words (Language.register). */
export const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** The register of a reply's prose, by its language's words (see Language.register). */
export function detectRegister(text: string, language: Language): Register {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const norm = sample.replace(/[\u2018\u2019]/g, "'");
  return language.register(norm);
}

/** `{formal|informal}` alternatives resolved for a register; `[…]` slots stay for the writer. */
export function inRegister(template: string, register: Register): string {
  return template.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, formal: string, informal: string) => (register === 'formal' ? formal : informal));
}
