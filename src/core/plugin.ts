/**
 * What the core asks of its plugins: rule kinds and fix types. The core
 * imports none of them; a rulebook is compiled with the ones it is given
 * (see Registries in engine.ts, and src/defaults.ts for replylint's own).
 */
import type { Language, Languages } from './lang.js';
import type { PhraseIndex } from './matcher.js';
import type { Prose } from './prose.js';
import type { Register } from './register.js';
import type { SituationVerdict } from './situation.js';
import type { Fix, FixDefinition, Lang, RuleDefinition } from './types.js';

/** A match in prose coordinates: segment index and [start, end) in its text. */
export interface Hit {
  segment: number;
  start: number;
  end: number;
  /**
   * Values for the rule's message and suggestion: `{{name}}` in them is
   * replaced by `data.name` ("{{count}} apologies, at most {{max}}").
   * `{{match}}` is always the matched text.
   */
  data?: Readonly<Record<string, string | number>>;
}

export interface CheckContext {
  prose: Prose;
  lang: Lang;
  /** Complaint, question or notice (see situation.ts). */
  situation: SituationVerdict;
}

export type Check = (ctx: CheckContext) => Hit[];

/** What a kind gets to compile a rule with: the rulebook's own phrase index. */
export interface CreateContext {
  phrases: PhraseIndex;
}

/** How a team's value for an option joins the rule's own: lists `append` (phrase lists per language), objects `merge` key by key, the rest `replace`. */
export type OptionMerge = 'append' | 'merge' | 'replace';

export interface RuleKind {
  name: string;
  /** The keys a rule of this kind may have beyond the common ones, as JSON Schema (see src/rulebook/schemas.ts). */
  schema: { properties: Record<string, object>; required?: string[] };
  /** Keys holding phrases (per language), compiled and checked on load. */
  phraseKeys: string[];
  /**
   * The options a team may set on a rule of this kind, in a config's
   * `rules: {id: [level, {key: value}]}`, and how each joins the rule's own.
   * Each is one of `schema.properties`; the config schema's `ruleOptions` and
   * the merging of team options (rulebook/options.ts) are generated from this.
   */
  options: Readonly<Record<string, OptionMerge>>;
  /** The `{{names}}` its hits may carry in `data` (beyond `match`), for a rule's message; checked on load. */
  messageData?: string[];
  /** Compile a validated rule; phrase errors throw PhraseError. */
  create(rule: RuleDefinition, ctx: CreateContext): Check;
}

export interface FixContext {
  /** The whole text (BOM removed); offsets below index into it. */
  text: string;
  start: number;
  end: number;
  lang: Lang;
  /** The reply's language: its word order, greetings (core/lang.ts). */
  language: Language;
  /** All the rulebook's languages: a Dutch reply may still open with "Hi Sam,". */
  languages: Languages;
  prose: Prose;
  definition: FixDefinition;
  /** The reply's register: inserted sentences follow it. */
  register: Register;
  /** The rule's options (a team's own sentences, ...). */
  options: Record<string, unknown>;
}

export interface FixType {
  name: string;
  /** A safe rewrite for this problem, or undefined when none is safe here. */
  fix(ctx: FixContext): Fix | undefined;
}
