/**
 * replylint without Node: the core, replylint's own rules and one config's
 * settings, for a browser page, a web worker or an editor extension. Nothing
 * here reads files or imports a `node:` module (test/browser.test.ts bundles it
 * for the browser and runs it without Node's globals).
 *
 *   import { bundledRules, resolveConfig, lint } from 'replylint/browser';
 *   const config = resolveConfig(yamlText); // or resolveConfig('') for the defaults
 *   const { diagnostics } = lint(reply, config.rulebook, config.lintOptions);
 */
import built from '#bundled-rules' with { type: 'json' };
import type { LintOptions, Registries } from './core/engine.js';
import { primePhraseSources } from './core/phrase.js';
import { extractProse } from './core/prose.js';
import { detectRegister, type Register } from './core/register.js';
import { stripBom } from './core/text.js';
import type { RuleDefinition } from './core/types.js';
import { DEFAULTS } from './defaults.js';
import { resolveConfigText, type ResolvedConfig } from './rulebook/resolve.js';

export { lint, compileRulebook } from './core/engine.js';
export type { LintOptions, LintResult, Rulebook, CompiledRule, Registries } from './core/engine.js';
export { fixText, applyFixes } from './core/apply-fixes.js';
export type { FixResult } from './core/apply-fixes.js';
export { DEFAULTS };
export { BOM, stripBom } from './core/text.js';
export type { Register } from './core/register.js';
export { RulebookError } from './rulebook/errors.js';
export { parseRuleFile } from './rulebook/load.js';
export { parseConfigText, settingsFor, RECOMMENDED } from './rulebook/resolve.js';
export type { ResolvedConfig, ResolveOptions, Settings } from './rulebook/resolve.js';
export type * from './core/types.js';

let primed = false;

/** replylint's own rule definitions (as built from rules/*.yaml), ready for compileRulebook. */
export function bundledRules(): RuleDefinition[] {
  if (!primed) {
    // Their phrase lists, compiled by the build: the first lint need not compile them.
    primePhraseSources(built.sources);
    primed = true;
  }
  return built.rules;
}

export interface ResolveConfigOptions {
  /** The reply's path relative to the config's folder: `overrides` that match it apply, and `ignored` tells whether `ignorePatterns` leaves it out. */
  filePath?: string;
  /** The name errors give the config (default `.replylintrc.yaml`). */
  configName?: string;
  /** The rules the config applies to (default: bundledRules(); add a team's from parseRuleFile). */
  rules?: readonly RuleDefinition[];
  registries?: Registries;
}

/**
 * A `.replylintrc.yaml` text merged over replylint's own rules: severities,
 * options, language, situation, placeholders and blockquotes, and the compiled
 * rulebook. Errors are RulebookErrors at the config's line and column.
 * `extends` may only name replylint:recommended here (no files to read).
 */
export function resolveConfig(yamlText: string, options: ResolveConfigOptions = {}): ResolvedConfig {
  return resolveConfigText(yamlText, { ...options, rules: options.rules ?? bundledRules() });
}

/**
 * The register of a reply's prose (formal or informal: "u" or "je", "Dear"
 * or "Hi"), as rewrites and inserted sentences follow it; undefined for a
 * language the registries do not have.
 */
export function registerOf(text: string, lang: string, options: Pick<LintOptions, 'fileType' | 'blockquotes' | 'placeholders'> & { registries?: Registries } = {}): Register | undefined {
  const language = (options.registries ?? DEFAULTS).languages.get(lang);
  if (!language) return undefined;
  const prose = extractProse(stripBom(text), { fileType: options.fileType ?? 'markdown', blockquotes: options.blockquotes, placeholders: options.placeholders });
  return detectRegister(prose.segments.map((seg) => seg.text).join('\n'), language);
}
