import type { RewriteDefinition, Suggestion } from './rewrite.js';
/** Shared types of the pure core: no fs, no process, no colours. */

/** A language code ('en', 'nl'): one of the rulebook's languages (see core/lang.ts, src/lang/). */
export type Lang = string;

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Per language code. A rule may cover some of the rulebook's languages: one
 * with no message for a reply's language does not apply to it.
 */
export type PerLang<T> = Partial<Record<Lang, T>>;

/** Where a rule comes from: an article, named by its title, and the passage quoted from it. */
export interface SourceRef {
  article: string;
  quote: string;
}

export interface InvalidExample {
  text: string;
  hits: number;
  /** The text after `--fix`, for rules with a fix. */
  output?: string;
  /** The text with the first hit's suggested rewrite applied. */
  suggested?: string;
}

export interface RuleExamples {
  invalid: InvalidExample[];
  valid: string[];
}

/** A rule as it is written in `rules/<id>.yaml`, after validation. */
export interface RuleDefinition {
  id: string;
  kind: string;
  severity: Severity;
  description: PerLang<string>;
  source: SourceRef[];
  message: PerLang<string>;
  /** Short general advice to the writer: what to do instead (one sentence). */
  suggestion?: PerLang<string>;
  /** Rewrites of the writer's own sentence, per phrase (see core/rewrite.ts). */
  rewrites?: PerLang<RewriteDefinition[]>;
  /** A safe automatic rewrite (see src/fixes/). */
  fix?: FixDefinition;
  patterns?: PerLang<string[]>;
  exceptions?: PerLang<string[]>;
  /** Named word lists per language, used in phrases as `<name>`. */
  words?: PerLang<Record<string, string[]>>;
  examples?: PerLang<RuleExamples>;
  /** Kind-specific options (`max`, `count`, `acronyms`, `minLength`, ...). */
  options: Record<string, unknown>;
  /** Where the rule was loaded from, for messages. */
  file?: string;
}

export interface FixDefinition {
  type: string;
  text?: PerLang<string>;
  /** `remove`: only when the whole match is one of these phrases. */
  when?: Partial<PerLang<string[]>>;
  /** `insert-sentence`: go after an opening sentence that starts with one of these phrases. */
  after?: Partial<PerLang<string[]>>;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What to write instead: the rewrite of the writer's sentence (“before” → “after”), or advice. */
  suggestion?: string;
  /** True when `suggestion` is the rule's general advice (shown once per file), not specific to this hit. */
  general?: boolean;
  /** ESLint's suggestions: rewrites a user may apply (never by --fix). */
  suggestions?: Suggestion[];
  /** UTF-16 offsets into the linted text (BOM excluded), end exclusive. */
  offset: number;
  endOffset: number;
  /** A safe automatic rewrite: replace text[range[0], range[1]) with `text`. */
  fix?: Fix;
}

export interface Fix {
  range: [number, number];
  text: string;
}

export type FileType = 'markdown' | 'text';
