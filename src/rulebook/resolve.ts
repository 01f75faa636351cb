/**
 * Configs merged over the rules: the pure part of config handling. The configs
 * that apply to a file (root-most first, as read by parseConfigFile) and the
 * `overrides` entries that match it, with the rule definitions, give the
 * effective settings: severities, rules with their options applied, language,
 * situation, placeholders, blockquotes. No fs: finding config files and rule
 * folders is the caller's (src/cli/config.ts on disk; resolveConfig below for
 * one config text, as in a browser).
 */
import picomatch from 'picomatch';
import { compileRulebook, type LintOptions, type Registries, type Rulebook } from '../core/engine.js';
import type { Situation } from '../core/situation.js';
import type { Lang, RuleDefinition, Severity } from '../core/types.js';
import { DEFAULTS } from '../defaults.js';
import { parseConfigFile, type ConfigFile, type Level, type RuleSetting } from './config.js';
import { didYouMean } from './errors.js';
import { checkUniqueIds } from './load.js';
import { applyOptions } from './options.js';

/** The bundled rulebook, as `extends` names it. */
export const RECOMMENDED = 'replylint:recommended';

export interface Settings {
  /** Every rule compiled (so that a caller can switch on one the config left off). */
  rulebook: Rulebook;
  /** The rules with the configs' options applied, bundled first. */
  definitions: RuleDefinition[];
  severities: Record<string, Severity | 'off'>;
  language?: Lang;
  /** Declared situation of the replies the config covers (otherwise detected per reply). */
  situation?: Situation;
  placeholders: string[];
  blockquotes?: 'lint' | 'skip';
  /** The options the configs set, by rule id (as written). */
  ruleOptions: Record<string, unknown>;
}

export interface MergeInput {
  /** The config files that apply, root-most first (what `extends` pulled in comes before the file that extends it). */
  configs: readonly ConfigFile[];
  /** The `overrides` entries whose `files` match, in the same order. */
  overrides?: readonly ConfigFile['overrides'][number][];
  /** replylint's own rules: on unless some config has an `extends` that does not name replylint:recommended. */
  bundled: readonly RuleDefinition[];
  /** Rules from the folders the configs extend (always on, at their own severity, unless configured). */
  team?: readonly RuleDefinition[];
  registries?: Registries;
  /** How to compile the merged rules (default: compileRulebook with the registries); a caller may share rulebooks between identical configs. */
  compile?: (definitions: RuleDefinition[]) => Rulebook;
}

/** Merge configs (nearest wins) over the rules. Errors (unknown rule ids, bad options) are RulebookErrors at the config's line and column. */
export function mergeConfigs({ configs, overrides = [], bundled, team = [], registries = DEFAULTS, compile = (defs) => compileRulebook(defs, registries) }: MergeInput): Settings {
  const all = [...bundled, ...team];
  checkUniqueIds(all);
  const ids = all.map((r) => r.id);
  const bundledIds = new Set(bundled.map((r) => r.id));

  // Without any `extends`, the recommended rules are on; with one, what it names.
  const anyExtends = configs.some((c) => c.extends !== undefined);
  const recommended = !anyExtends || configs.some((c) => c.extends?.includes(RECOMMENDED));

  const settings: Record<string, RuleSetting> = {};
  const apply = (rules: Record<string, RuleSetting>) => {
    for (const [id, setting] of Object.entries(rules)) {
      if (!ids.includes(id)) setting.at.file.fail(setting.at.path, `unknown rule "${id}"${didYouMean(id, ids)}`, true);
      const prev = settings[id];
      settings[id] = { ...setting, options: setting.options ?? prev?.options, at: setting.options ? setting.at : (prev?.at ?? setting.at) };
    }
  };
  for (const config of configs) apply(config.rules);
  for (const o of overrides) apply(o.rules);

  const severities: Record<string, Severity | 'off'> = {};
  const definitions: RuleDefinition[] = [];
  for (const rule of all) {
    const setting = settings[rule.id];
    const level: Level = setting?.level ?? (bundledIds.has(rule.id) && !recommended ? 'off' : rule.severity);
    const def = setting?.options ? applyOptions(rule, setting.options, setting.at.file, [...setting.at.path, 1]) : rule;
    definitions.push(def);
    severities[rule.id] = level;
  }
  const nearest = <K extends 'language' | 'situation' | 'blockquotes'>(key: K): ConfigFile[K] | undefined => [...configs].reverse().find((c) => c[key])?.[key];
  return {
    rulebook: compile(definitions),
    definitions,
    severities,
    language: [...overrides].reverse().find((o) => o.language)?.language ?? nearest('language'),
    situation: [...overrides].reverse().find((o) => o.situation)?.situation ?? nearest('situation'),
    placeholders: configs.flatMap((c) => c.placeholders),
    blockquotes: nearest('blockquotes'),
    ruleOptions: Object.fromEntries(Object.entries(settings).flatMap(([id, s]) => (s.options ? [[id, s.options]] : []))),
  };
}

/** A path as globs in a config see it: relative to the config's folder, with `/`. */
function globPath(filePath: string): string {
  return filePath.split('\\').join('/').replace(/^(\.\/)+/, '');
}

export interface ResolveOptions {
  /**
   * The reply's path relative to the config's folder (`replies/refund.md`):
   * `overrides` whose `files` match it apply, and `ignored` says whether
   * `ignorePatterns` leaves it out. Without one, no override applies.
   */
  filePath?: string;
  /** The rules to merge over (replylint's own: `bundledRules()`). */
  rules: readonly RuleDefinition[];
  registries?: Registries;
}

export interface ResolvedConfig extends Settings {
  /** `ignorePatterns` matches `filePath`. */
  ignored: boolean;
  /** The settings as `lint` and `fixText` take them (add `fileType: 'text'` for a plain-text reply). */
  lintOptions: LintOptions;
}

/**
 * One config text, read: a ConfigFile whose `extends` names nothing that
 * needs a file system. A folder of rule files or another config is an error
 * at its line: load those rules yourself and pass them as rules.
 */
export function parseConfigText(yamlText: string, configName = '.replylintrc.yaml'): ConfigFile {
  const config = parseConfigFile(yamlText, configName);
  (config.extends ?? []).forEach((entry, i) => {
    if (entry === RECOMMENDED) return;
    config.yaml.fail(
      ['extends', ...(config.extends!.length > 1 ? [i] : [])],
      `"${entry}": without a file system, extends takes only ${RECOMMENDED} (load a folder's rules yourself and pass them in as rules)`,
    );
  });
  return config;
}

/** Per config and rule list: the settings for each set of matching overrides (a new rulebook compiles its phrase index again). */
const cache = new WeakMap<ConfigFile, WeakMap<readonly RuleDefinition[], Map<string, Settings>>>();

/** The effective settings of one config (from parseConfigText) for one file, merged over `rules`. */
export function settingsFor(config: ConfigFile, options: ResolveOptions): ResolvedConfig {
  const path = options.filePath === undefined ? undefined : globPath(options.filePath);
  const matches = (globs: string[]) => path !== undefined && globs.length > 0 && picomatch(globs, { dot: true })(path);
  const overrides = config.overrides.filter((o) => matches(o.files));
  const key = overrides.map((o) => config.overrides.indexOf(o)).join(',');
  let byRules = cache.get(config);
  if (!byRules) cache.set(config, (byRules = new WeakMap()));
  let byKey = options.registries ? undefined : byRules.get(options.rules);
  if (!byKey && !options.registries) byRules.set(options.rules, (byKey = new Map()));
  let settings = byKey?.get(key);
  if (!settings) {
    settings = mergeConfigs({ configs: [config], overrides, bundled: options.rules, registries: options.registries });
    byKey?.set(key, settings);
  }
  const { severities: rules, language: lang, situation, placeholders, blockquotes } = settings;
  return { ...settings, ignored: matches(config.ignorePatterns), lintOptions: { rules, lang, situation, placeholders, blockquotes } };
}

/** One `.replylintrc.yaml` text merged over `options.rules`: the effective settings, with errors as RulebookErrors at line and column. */
export function resolveConfigText(yamlText: string, options: ResolveOptions & { configName?: string }): ResolvedConfig {
  return settingsFor(parseConfigText(yamlText, options.configName), options);
}
