/** replylint for Node: the Node API (ReplyLint) and the kernel under it. In a browser, import replylint/browser. */
export { lint, compileRulebook } from './core/engine.js';
export { fixText, applyFixes } from './core/apply-fixes.js';
export type { FixResult } from './core/apply-fixes.js';
export { DEFAULTS } from './defaults.js';
export { LANGUAGES } from './lang/index.js';
export type { Language, Languages, SituationCues, CueWords } from './core/lang.js';
export type { LintOptions, LintResult, Rulebook, CompiledRule, Registries } from './core/engine.js';
export type { RuleKind, FixType, Check, CheckContext, Hit, FixContext } from './core/plugin.js';
export { extractProse } from './core/prose.js';
export { detectLanguage } from './core/language.js';
export { compilePhrase, PhraseError } from './core/phrase.js';
export { runExamples } from './core/examples.js';
export { parseRuleFile, RulebookError, checkUniqueIds } from './rulebook/load.js';
export type * from './core/types.js';
// Node only (files, configs, formatters): the command's own API.
export { ReplyLint, bundledRules } from './api/replylint.js';
export type { ReplyLintOptions, ReplyLintResult, ReplyLintWarning, ReplyLintConfig, LoadedFormatter } from './api/replylint.js';
