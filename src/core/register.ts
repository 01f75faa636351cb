/**
 * Register: does the reply address the customer formally ("u", "Dear Ms
 * Lee") or informally ("je", "Hi Tim")? Rewrites, examples and inserted
 * sentences follow the draft's register, so that an informal "je" reply never
 * gets a "u" sentence put into it.
 *
 * Templates say both at once with `{formal|informal}`: "Bedankt voor
 * {uw|je} bericht." Pure.
 */
import type { Lang } from './types.js';

export type Register = 'formal' | 'informal';

const NL_FORMAL = /(?<![\p{L}\p{N}])(?:u|uw|uzelf|heeft u|kunt u|wilt u)(?![\p{L}\p{N}])/giu;
const NL_INFORMAL = /(?<![\p{L}\p{N}])(?:je|jij|jou|jouw|jezelf|joun)(?![\p{L}\p{N}])/giu;
const EN_FORMAL = /(?<![\p{L}\p{N}])(?:dear|mr|mrs|ms|sir|madam|kind regards|yours sincerely|yours faithfully|we would be grateful|please do not hesitate)(?![\p{L}\p{N}])/giu;
const EN_INFORMAL = /(?:^|\n)\s*(?:hi|hey|hiya|hello there|yo)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:cheers|thx|btw|no worries|awesome|gonna|wanna)(?![\p{L}\p{N}])|[\u{1F600}-\u{1F64F}\u{1F44D}\u{2764}]/giu;
const EN_CONTRACTION = /(?<![\p{L}\p{N}])(?:i'm|i've|i'll|i'd|we're|we've|we'll|you're|you'll|you've|don't|can't|won't|it's|that's|let's)(?![\p{L}\p{N}])/giu;

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** The register of a reply's prose. Dutch: u against je/jij/jouw (u when neither). English: informal only when it clearly is. */
export function detectRegister(text: string, lang: Lang): Register {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const norm = sample.replace(/[\u2018\u2019]/g, "'");
  if (lang === 'nl') {
    const greeting = /^\s*(?:(hoi|hey|hee|hai|hallo|hi)|(geachte|beste))(?![\p{L}\p{N}])/iu.exec(norm);
    const informal = count(NL_INFORMAL, norm) + (greeting?.[1] && greeting[1].toLowerCase() !== 'hallo' ? 1 : 0);
    const formal = count(NL_FORMAL, norm) + (greeting?.[2]?.toLowerCase() === 'geachte' ? 1 : 0);
    return informal > formal ? 'informal' : 'formal';
  }
  const formal = count(EN_FORMAL, norm);
  const informal = count(EN_INFORMAL, norm) * 2 + count(EN_CONTRACTION, norm);
  return informal >= 2 && informal > formal * 2 ? 'informal' : 'formal';
}

/** `{formal|informal}` alternatives resolved for a register; `[…]` slots stay for the writer. */
export function inRegister(template: string, register: Register): string {
  return template.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, formal: string, informal: string) => (register === 'formal' ? formal : informal));
}
