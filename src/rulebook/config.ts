/** Reading one .replylintrc.yaml: YAML text in, a validated ConfigFile out. Pure. */
import safeRegex from 'safe-regex2';
import type { Situation } from '../core/situation.js';
import type { Lang, Severity } from '../core/types.js';
import { validateConfig } from './validate.js';
import { YamlFile, type Path } from './yaml.js';

export type Level = Severity | 'off';

/** Added to a rule's own: phrases, exceptions, word lists, acronyms, ... */
export type RuleOptions = Record<string, unknown>;

export interface RuleSetting {
  level: Level;
  options?: RuleOptions;
  /** Where it was set, to point at it in later errors. */
  at: { file: YamlFile; path: Path };
}

export interface Override {
  files: string[];
  rules: Record<string, RuleSetting>;
  language?: Lang;
  situation?: Situation;
}

export interface ConfigFile {
  file: string;
  yaml: YamlFile;
  root: boolean;
  extends?: string[];
  language?: Lang;
  situation?: Situation;
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  ignorePatterns: string[];
  placeholders: string[];
  blockquotes?: 'lint' | 'skip';
}

function settings(yaml: YamlFile, raw: Record<string, unknown> | undefined, base: Path): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw ?? {})) {
    const at = { file: yaml, path: [...base, id] };
    out[id] = Array.isArray(value) ? { level: value[0] as Level, options: value[1] as RuleOptions | undefined, at } : { level: value as Level, at };
  }
  return out;
}

/** A placeholder pattern must compile and must not match empty text. */
function checkPlaceholder(yaml: YamlFile, pattern: string, path: Path): void {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch (e) {
    yaml.fail(path, `placeholder "${pattern}" is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (re.test('')) yaml.fail(path, `placeholder "${pattern}" matches empty text: it would match everywhere`);
  // A quantifier inside a quantified group can backtrack catastrophically: one such file would hang CI.
  if (!safeRegex(pattern)) yaml.fail(path, `placeholder "${pattern}" could take exponential time (a repeated group that itself repeats, such as (a+)+); write it without nested repetition`);
}

export function parseConfigFile(text: string, file: string): ConfigFile {
  const yaml = new YamlFile(text, file);
  const raw = yaml.data ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) yaml.fail([], 'a config file is a YAML mapping (extends, language, rules, overrides, ...)');
  // A key left empty (`rules:` with everything under it commented out) is a key not set.
  const data = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)) as Record<string, unknown>;
  validateConfig(yaml, data);
  const ext = data.extends;
  const placeholders = (data.placeholders as string[] | undefined) ?? [];
  placeholders.forEach((p, i) => checkPlaceholder(yaml, p, ['placeholders', i]));
  return {
    file,
    yaml,
    root: data.root === true,
    extends: ext === undefined ? undefined : Array.isArray(ext) ? (ext as string[]) : [ext as string],
    language: data.language as Lang | undefined,
    situation: data.situation as Situation | undefined,
    rules: settings(yaml, data.rules as Record<string, unknown> | undefined, ['rules']),
    overrides: ((data.overrides as Record<string, unknown>[] | undefined) ?? []).map((o, i) => ({
      files: Array.isArray(o.files) ? (o.files as string[]) : [o.files as string],
      rules: settings(yaml, o.rules as Record<string, unknown> | undefined, ['overrides', i, 'rules']),
      language: o.language as Lang | undefined,
      situation: o.situation as Situation | undefined,
    })),
    ignorePatterns: (data.ignorePatterns as string[] | undefined) ?? [],
    placeholders,
    blockquotes: data.blockquotes as ConfigFile['blockquotes'],
  };
}
