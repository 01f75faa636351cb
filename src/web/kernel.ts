/**
 * Everything the page takes from replylint, in this one file: the kernel's
 * browser entry (src/browser.ts, published as replylint/browser), as any page
 * or editor extension would use it.
 */
import {
  BOM,
  bundledRules,
  compileRulebook,
  DEFAULTS,
  fixText,
  lint,
  registerOf as registerOfEntry,
  resolveConfig as resolveEntry,
  RulebookError,
  type Diagnostic,
  type FileType,
  type FixResult,
  type Lang,
  type LintOptions,
  type LintResult,
  type Register,
  type RuleDefinition,
  type Rulebook,
  type Severity,
} from '../browser.js';
import type { Situation } from '../core/situation.js';

export { BOM, bundledRules, compileRulebook, DEFAULTS, fixText, lint, RulebookError };
export type { Diagnostic, FileType, FixResult, Lang, LintOptions, LintResult, Register, RuleDefinition, Rulebook, Severity, Situation };

/** Something in the config the page cannot follow: shown, not fatal. */
export interface ConfigNote {
  line: number;
  column: number;
  message: string;
}

/** A config text merged over the bundled rules. */
export interface ResolvedConfig {
  /** Every bundled rule, with the config's options applied. */
  rules: RuleDefinition[];
  severities: Record<string, Severity | 'off'>;
  language?: Lang;
  situation?: Situation;
  placeholders: string[];
  blockquotes?: 'lint' | 'skip';
  notes: ConfigNote[];
}

/**
 * Merge one `.replylintrc.yaml` text over the bundled rules, as the command
 * line does for a single config file (the browser entry's resolveConfig).
 * Throws RulebookError (`file:line:col: reason`): `extends` may name only
 * replylint:recommended, as the page has no other rules to read.
 */
export function resolveConfig(yamlText: string, file = '.replylintrc.yaml'): ResolvedConfig {
  const r = resolveEntry(yamlText, { configName: file });
  return { rules: r.definitions, severities: r.severities, language: r.language, situation: r.situation, placeholders: r.placeholders, blockquotes: r.blockquotes, notes: [] };
}

/** The register (formal or informal) of a draft's prose, as rewrites and inserted sentences see it. */
export function registerOf(text: string, lang: Lang, options: Pick<LintOptions, 'fileType' | 'blockquotes' | 'placeholders'> = {}): Register {
  return registerOfEntry(text, lang, options)!;
}
