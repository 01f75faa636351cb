/** What every rule kind module exports. A new kind is a new file listed in ./index.ts. */
import type { Prose } from '../core/prose.js';
import type { SituationVerdict } from '../core/situation.js';
import type { Lang, RuleDefinition } from '../core/types.js';

/** A match in prose coordinates: segment index and [start, end) in its text. */
export interface Hit {
  segment: number;
  start: number;
  end: number;
}

export interface CheckContext {
  prose: Prose;
  lang: Lang;
  /** Complaint, question or notice (see core/situation.ts). */
  situation: SituationVerdict;
}

export type Check = (ctx: CheckContext) => Hit[];

export interface RuleKind {
  name: string;
  /** The keys a rule of this kind may have beyond the common ones, as JSON Schema (see src/rulebook/schemas.ts). */
  schema: { properties: Record<string, object>; required?: string[] };
  /** Keys holding phrases (per language), compiled and checked on load. */
  phraseKeys: string[];
  /** Compile a validated rule; phrase errors throw PhraseError. */
  create(rule: RuleDefinition): Check;
}

const PHRASES = { $ref: '#/definitions/phrases' };
const WORDS = { $ref: '#/definitions/words' };
export const PHRASE_PROPERTIES = { patterns: PHRASES, exceptions: PHRASES, words: WORDS };
