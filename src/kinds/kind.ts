/** What every rule kind module exports. A new kind is a new file listed in ./index.ts. */
import type { Prose } from '../core/prose.js';
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
}

export type Check = (ctx: CheckContext) => Hit[];

/** Checks one kind-specific key of a rule file; returns a problem or undefined. */
export type KeyCheck = (value: unknown) => string | undefined;

export interface RuleKind {
  name: string;
  /** Does a rule of this kind need `patterns`? */
  needsPatterns: boolean;
  /** Keys this kind accepts beyond the common ones, each with its check. */
  keys: Record<string, KeyCheck>;
  /** Compile a validated rule; phrase errors throw PhraseError. */
  create(rule: RuleDefinition): Check;
}
