/**
 * Everything the page takes from replylint's core, in this one file.
 *
 * When the browser entry (src/browser.ts: lint, fixText, bundledRules,
 * resolveConfig, compileRulebook, DEFAULTS) lands, this file becomes a
 * re-export of `../browser.js` (keeping `registerOf` and the types); nothing
 * else in src/web/ imports the core.
 *
 * Until then: the core directly, the bundled rules from dist/rules.json
 * (inlined by scripts/build-web.mjs through the `replylint-web:rules` module),
 * and a one-file config merge (no `extends` folders, no `overrides`: the page
 * has no disk and one draft).
 *
 * Browser notes (handled in scripts/build-web.mjs, not here):
 * - src/rulebook/validate.ts imports `node:module` (createRequire) to load ajv
 *   lazily; the page bundle maps `node:module` to a shim.
 * - ajv compiles schemas with `new Function`, which the page's CSP
 *   (script-src 'self', no 'unsafe-eval') refuses: the shim hands
 *   validate.ts validators compiled ahead of time (ajv standalone code).
 */
import { rules as builtRules } from 'replylint-web:rules';
import { compileRulebook, lint, type LintOptions, type LintResult, type Rulebook } from '../core/engine.js';
import { fixText, type FixResult } from '../core/fix.js';
import { extractProse } from '../core/prose.js';
import { detectRegister, type Register } from '../core/register.js';
import type { Situation } from '../core/situation.js';
import { stripBom } from '../core/text.js';
import type { Diagnostic, FileType, Lang, RuleDefinition, Severity } from '../core/types.js';
import { DEFAULTS } from '../defaults.js';
import { parseConfigFile, type RuleSetting } from '../rulebook/config.js';
import { didYouMean, RulebookError } from '../rulebook/errors.js';
import { applyOptions } from '../rulebook/options.js';

export { compileRulebook, DEFAULTS, fixText, lint, RulebookError };
export type { Diagnostic, FileType, FixResult, Lang, LintOptions, LintResult, Register, RuleDefinition, Rulebook, Severity, Situation };

/** The rules that ship with replylint (validated by the build). */
export function bundledRules(): RuleDefinition[] {
  return builtRules as RuleDefinition[];
}

export const RECOMMENDED = 'replylint:recommended';

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
 * line does for a single config file. Throws RulebookError (`file:line:col: reason`).
 */
export function resolveConfig(yamlText: string, file = '.replylintrc.yaml'): ResolvedConfig {
  const config = parseConfigFile(yamlText, file);
  const bundled = bundledRules();
  const ids = bundled.map((r) => r.id);
  const notes: ConfigNote[] = [];
  const note = (path: (string | number)[], message: string) => notes.push({ ...config.yaml.position(path), message });
  const ext = config.extends ?? [];
  const listed = Array.isArray((config.yaml.data as Record<string, unknown> | null)?.extends);
  ext.forEach((entry, i) => {
    if (entry !== RECOMMENDED) note(['extends', ...(listed ? [i] : [])], `extends "${entry}" is not followed here: the page has only the bundled rules (${RECOMMENDED})`);
  });
  config.overrides.forEach((_, i) => note(['overrides', i], 'overrides apply by file name and are not used here'));
  // Without `extends`, the recommended rules are on; with one, only if it names them.
  const recommended = config.extends === undefined || ext.includes(RECOMMENDED);
  const settings: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!ids.includes(id)) setting.at.file.fail(setting.at.path, `unknown rule "${id}"${didYouMean(id, ids)}`, true);
    settings[id] = setting;
  }
  const severities: Record<string, Severity | 'off'> = {};
  const rules = bundled.map((rule) => {
    const setting = settings[rule.id];
    severities[rule.id] = setting?.level ?? (recommended ? rule.severity : 'off');
    return setting?.options ? applyOptions(rule, setting.options, setting.at.file, [...setting.at.path, 1]) : rule;
  });
  return { rules, severities, language: config.language, situation: config.situation, placeholders: config.placeholders, blockquotes: config.blockquotes, notes };
}

/** The register (formal or informal) of a draft's prose, as rewrites and inserted sentences see it. */
export function registerOf(text: string, lang: Lang, options: Pick<LintOptions, 'fileType' | 'blockquotes' | 'placeholders'> = {}): Register {
  const prose = extractProse(stripBom(text), { fileType: options.fileType ?? 'markdown', blockquotes: options.blockquotes, placeholders: options.placeholders });
  return detectRegister(prose.segments.map((s) => s.text).join('\n'), lang);
}
