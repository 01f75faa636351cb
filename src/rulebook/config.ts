/** Reading one .replylintrc.yaml: YAML text in, a validated ConfigFile out. Pure. */
import safeRegex from 'safe-regex2';
import { linearRegExps } from '../core/prose.js';
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
  // Where the linear-time engine is on (the command line), placeholders run on it: refuse what it cannot run.
  if (linearRegExps()) {
    try {
      new RegExp(pattern, 'l');
    } catch {
      yaml.fail(path, `placeholder "${pattern}" cannot run in linear time: lookarounds ((?=, (?!, (?<=, (?<!), backreferences (\\1) and counts over 16 ({0,200}) are not supported in placeholders; use * or + instead of a large count`);
    }
  }
}

/** Wildcards `*` in one path segment of a glob (a whole `**` segment is not one). */
export const MAX_GLOB_STARS = 2;
/** Whole `**` segments in one glob. */
export const MAX_GLOBSTARS = 2;

/**
 * Globs compile to regular expressions in which every `*` and `**` can end
 * anywhere: ten `*` took seconds on one 40-letter name, four `**` between
 * such segments minutes on one deep path. At most MAX_GLOB_STARS `*` per path
 * segment and MAX_GLOBSTARS `**` per glob; extended globs (`+(a|b)`, which
 * nest repetition) are refused.
 */
function checkGlob(yaml: YamlFile, pattern: string, path: Path): void {
  if (/[@*+?!]\(/.test(pattern)) yaml.fail(path, `glob "${pattern}": extended globs such as +(a|b) are not supported; use {a,b} or several globs`);
  const segments = pattern.split('/');
  const globstars = segments.filter((s) => s === '**').length;
  if (globstars > MAX_GLOBSTARS) yaml.fail(path, `glob "${pattern}": ${globstars} "**" segments; at most ${MAX_GLOBSTARS} (each one more multiplies the time to match a path)`);
  for (const segment of segments) {
    if (segment === '**') continue;
    const stars = segment.replace(/\\./g, '').split('*').length - 1;
    if (stars > MAX_GLOB_STARS) yaml.fail(path, `glob "${pattern}": ${stars} "*" in one path segment; at most ${MAX_GLOB_STARS} (each one more multiplies the time to match a name)`);
  }
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
  ((data.ignorePatterns as string[] | undefined) ?? []).forEach((g, i) => checkGlob(yaml, g, ['ignorePatterns', i]));
  ((data.overrides as Record<string, unknown>[] | undefined) ?? []).forEach((o, i) => {
    if (Array.isArray(o.files)) o.files.forEach((g, j) => checkGlob(yaml, String(g), ['overrides', i, 'files', j]));
    else if (typeof o.files === 'string') checkGlob(yaml, o.files, ['overrides', i, 'files']);
  });
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
