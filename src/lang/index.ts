/**
 * The languages replylint knows: the one list. Adding one (German, say): write
 * src/lang/de.ts exporting a Language (see core/lang.ts), and list it here.
 * The first is the language docs and tools are written in (SARIF, `replylint
 * rules`), and the detection's fallback.
 */
import type { Language } from '../core/lang.js';
import { en } from './en.js';
import { nl } from './nl.js';

export type { Language } from '../core/lang.js';

export const LANGUAGES: ReadonlyMap<string, Language> = new Map([en, nl].map((l) => [l.code, l]));

/** The language codes, in list order. */
export const LANGUAGE_CODES: readonly string[] = [...LANGUAGES.keys()];

/** One value per language code, in list order: `{en: value, nl: value}` (schemas, empty per-language lists). */
export function perLanguage<T>(value: (code: string) => T): Record<string, T> {
  return Object.fromEntries(LANGUAGE_CODES.map((code) => [code, value(code)]));
}
