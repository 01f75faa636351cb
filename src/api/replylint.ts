/**
 * The Node API: what the command does, as a class (in ESLint's shape).
 *
 *   const replylint = new ReplyLint({ cwd, rules: { 'require-thanks': 'off' } });
 *   const results = await replylint.lintFiles(['macros/']);
 *   console.log((await replylint.loadFormatter('stylish')).format(results));
 *
 * Results are exactly what `--format json` prints. The command (src/cli/run.ts)
 * runs on this class: it makes a ReplyLint from its flags and lints through the
 * same Engine, which adds what only a command does (writing --fix as it goes,
 * --fix-dry-run, stdin). Nothing here exits the process or writes to stdout or
 * stderr: warnings go to `onWarning`.
 */
import { resolve } from 'node:path';
import type { Rulebook } from '../core/engine.js';
import type { Situation } from '../core/situation.js';
import { SEVERITIES, type Lang, type RuleDefinition, type Severity } from '../core/types.js';
import { LANGUAGE_CODES } from '../lang/index.js';
import { loadBundledRules } from '../cli/rules.js';
import { jsonResult, type JsonFileResult } from '../formatters/json.js';
import type { FileReport, FormatContext, Formatter, StreamFormatter } from '../formatters/types.js';
import { didYouMean } from '../rulebook/errors.js';
import { ResultCache } from '../cli/cache.js';
import { resolverFor, type ConfigResolver } from '../cli/discover.js';
import { expandPaths, type Target } from '../cli/files.js';
import { loadFormatter as loadFormat } from '../cli/formatters.js';
import { version } from '../cli/io.js';
import { FileLinter, type FileLintSettings } from '../cli/lint-file.js';
import type { FileOutcome } from '../cli/outcome.js';
import { lintAll } from '../cli/pool.js';
import { parseSize, readTargetSync, type ReadResult } from '../cli/read.js';
import { settle } from '../cli/signals.js';
import { writeFixed } from '../cli/write.js';

/** One file's result: what `replylint --format json` prints for it. */
export type ReplyLintResult = JsonFileResult;

/** A problem that is not a lint message: a file that could not be read, an ignored file named, the cache. */
export interface ReplyLintWarning {
  /** 'error': the command would exit 2 for it (the file was not linted, or its fix not written). */
  severity: 'warning' | 'error';
  /** As the command prints it, without "replylint: " and "warning: ". */
  message: string;
}

export interface ReplyLintOptions {
  /** The folder paths are relative to and configs are found from (default: process.cwd()). */
  cwd?: string;
  /** Use this config file and no other (the command's --config). */
  config?: string;
  /** Ignore .replylintrc.yaml files (--no-config). */
  noConfig?: boolean;
  /** Severities over the config's, by rule id (--rule id=severity). */
  rules?: Record<string, Severity | 'off'>;
  /** The language of replies whose front matter does not say (--lang). */
  lang?: Lang;
  /** Report errors only (--quiet). */
  quiet?: boolean;
  /** Report replylint-disable comments that suppress nothing (--report-unused-disable-directives). */
  reportUnusedDisableDirectives?: boolean;
  /** Apply the safe fixes to the results: each fixed file's result has `output`; ReplyLint.outputFixes writes them (--fix). */
  fix?: boolean;
  /** Skip files larger than this: bytes, or a size such as "20mb" (--max-file-size; default 10 MB). */
  maxFileSize?: number | string;
  /** Replay the results of files unchanged since the last run with cache (--cache). */
  cache?: boolean;
  /** The cache file, relative to cwd (--cache-location; default .replylintcache). */
  cacheLocation?: string;
  /** Called for each warning or file error, in order. Without it, lintFiles rejects when a file could not be linted. */
  onWarning?: (warning: ReplyLintWarning) => void;
}

/** The effective configuration for one file. */
export interface ReplyLintConfig {
  filePath: string;
  /** Each rule's severity (options.rules over the configs'), or [severity, options] where a config set options. */
  rules: Record<string, Severity | 'off' | [Severity | 'off', unknown]>;
  /** The language set by options.lang or the config (otherwise detected per reply). */
  language?: Lang;
  /** The situation the config declares (otherwise detected per reply). */
  situation?: Situation;
  placeholders: string[];
  blockquotes?: 'lint' | 'skip';
  /** The config files that apply, nearest last, as named in messages. */
  configFiles: string[];
  /** The compiled rulebook the file is linted with: one object for every file whose rules are the same. */
  rulebook: Rulebook;
}

export interface LoadedFormatter {
  /** The text `replylint --format <name>` prints for these results (no colours unless asked for). */
  format(results: readonly ReplyLintResult[], options?: { color?: boolean; width?: number }): string;
}

const OPTIONS: readonly (keyof ReplyLintOptions)[] = ['cwd', 'config', 'noConfig', 'rules', 'lang', 'quiet', 'reportUnusedDisableDirectives', 'fix', 'maxFileSize', 'cache', 'cacheLocation', 'onWarning'];
const STRINGS = ['cwd', 'config', 'cacheLocation'] as const;
const BOOLEANS = ['noConfig', 'quiet', 'reportUnusedDisableDirectives', 'fix', 'cache'] as const;
const LEVELS: readonly string[] = ['off', ...SEVERITIES];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v));

function validate(options: unknown): ReplyLintOptions {
  const fail = (message: string): never => {
    throw new TypeError(`new ReplyLint(options): ${message}`);
  };
  if (options === undefined) return {};
  if (!isObject(options)) return fail(`options must be an object, not ${show(options)}`);
  for (const key of Object.keys(options)) {
    if (!(OPTIONS as string[]).includes(key)) fail(`unknown option "${key}"${didYouMean(key, OPTIONS)} (options: ${OPTIONS.join(', ')})`);
  }
  for (const key of STRINGS) if (options[key] !== undefined && typeof options[key] !== 'string') fail(`${key} must be a string, not ${show(options[key])}`);
  for (const key of BOOLEANS) if (options[key] !== undefined && typeof options[key] !== 'boolean') fail(`${key} must be true or false, not ${show(options[key])}`);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') fail(`onWarning must be a function, not ${show(options.onWarning)}`);
  if (options.config !== undefined && options.noConfig) fail('config and noConfig cannot be used together: config names the one config to use, noConfig uses none');
  if (options.lang !== undefined && !(LANGUAGE_CODES as readonly unknown[]).includes(options.lang)) fail(`lang ${show(options.lang)} is not a language replylint lints (languages: ${LANGUAGE_CODES.join(', ')})`);
  if (options.rules !== undefined) {
    if (!isObject(options.rules)) fail(`rules must be an object of rule id -> severity, not ${show(options.rules)}`);
    for (const [id, level] of Object.entries(options.rules as object)) {
      if (!LEVELS.includes(level as string)) fail(`rules["${id}"]: the severity must be off, info, warning or error, not ${show(level)}`);
    }
  }
  const size = options.maxFileSize;
  if (size !== undefined && !(typeof size === 'number' ? Number.isFinite(size) && size >= 0 : typeof size === 'string' && parseSize(size) !== undefined)) {
    fail(`maxFileSize must be a number of bytes or a size such as "500k" or "20mb", not ${show(size)}`);
  }
  return options as ReplyLintOptions;
}

/** @internal The command's own settings, which the Node API does not offer. */
export interface CommandSettings {
  /** --fix: write each fixed file as soon as it is linted. */
  write?: boolean;
  fixDryRun?: boolean;
  stdinFilename?: string;
}

/** @internal */
export interface LintHooks {
  /** A line for stderr that belongs to no file (the cache's warnings), "replylint: " included. */
  warn(line: string): void;
  /** Each file's outcome, in the targets' order. */
  emit(outcome: FileOutcome): void;
  /** How many worker threads lint beside the main thread (--debug says). */
  started?(workers: number): void;
}

/**
 * @internal
 * What ReplyLint and the command share: the settings, the config resolver,
 * the main thread's file linter, the cache and the worker pool.
 */
export class Engine {
  readonly resolver: ConfigResolver;
  private readonly linter: FileLinter;
  private known?: RuleDefinition[];
  private version_?: string;

  constructor(
    readonly settings: FileLintSettings,
    private readonly cacheLocation: string | undefined,
  ) {
    this.resolver = resolverFor(settings, settings.cwd);
    this.linter = new FileLinter(settings, this.resolver);
  }

  get version(): string {
    return (this.version_ ??= version());
  }

  /** Every rule of the config for cwd (bundled and the team's); reading it reports a broken config first. */
  knownRules(): RuleDefinition[] {
    return (this.known ??= this.resolver.allRules());
  }

  /** Lint the targets (stdin's text is `stdin`), with the cache when the settings ask for it. */
  async lintTargets(targets: Target[], stdin: ReadResult | undefined, hooks: LintHooks, settings = this.settings): Promise<void> {
    const linter = settings === this.settings ? this.linter : new FileLinter(settings, this.resolver);
    let cache: ResultCache | undefined;
    const location = this.cacheLocation ?? '.replylintcache';
    if (settings.cache) {
      cache = new ResultCache(resolve(settings.cwd, location), this.version);
      if (cache.warning) hooks.warn(`replylint: warning: the cache ${location}: ${cache.warning}`);
      settings.version = this.version;
      for (const t of targets) if (!t.stdin) t.cached = cache.get(t.path);
    }
    await lintAll(targets, settings, linter, stdin, (o) => {
      if (cache && o.cacheEntry && o.report && !o.fatal) {
        const { cacheEntry, cached: _cached, original: _original, ...outcome } = o;
        cache.set(o.report.filePath, { ...cacheEntry, outcome });
      }
      hooks.emit(o);
    }, hooks.started);
    if (cache) {
      try {
        cache.save();
        await settle();
      } catch (e) {
        hooks.warn(`replylint: warning: could not write the cache ${location}: ${(e as Error).message}`);
      }
    }
  }

  formatContext(color: FormatContext['color'], width: number | undefined, fixed: number | undefined): FormatContext {
    return { color, rules: this.knownRules(), cwd: this.settings.cwd, version: this.version, fixed, width };
  }
}

/** What the API remembers of each result it returned: for formatters (which need more than the JSON) and outputFixes. */
interface Record_ {
  report: FileReport;
  fixed: number;
  /** The file on disk (undefined: text from lintText). */
  path?: string;
  /** Its bytes as read, when a fix was not written. */
  original?: Uint8Array;
}
const records = new WeakMap<object, Record_>();
const engines = new WeakMap<ReplyLint, Engine>();

/** A result not made by this API (e.g. read back from JSON), as a formatter takes it. */
function asReport(r: ReplyLintResult): FileReport {
  return { ...r, messages: r.messages.map((m) => ({ ...m, offset: 0, endOffset: 0 })) };
}

/** Collects the stderr lines of a run for onWarning; without onWarning, a file that could not be linted fails the call. */
class Warnings {
  private readonly errors: string[] = [];
  constructor(private readonly onWarning: ReplyLintOptions['onWarning']) {}

  line(line: string): void {
    const warning = line.startsWith('replylint: warning: ');
    const message = line.replace(/^replylint: (warning: )?/, '');
    if (this.onWarning) this.onWarning({ severity: warning ? 'warning' : 'error', message });
    else if (!warning) this.errors.push(message);
  }

  done(call: string): void {
    if (this.errors.length) throw new Error(`${call}: ${this.errors.length === 1 ? 'a file' : `${this.errors.length} files`} could not be linted (pass onWarning to be told and go on):\n  ${this.errors.join('\n  ')}`);
  }
}

export class ReplyLint {
  private readonly options: ReplyLintOptions;

  constructor(options?: ReplyLintOptions) {
    this.options = { ...validate(options) };
    const o = this.options;
    const cwd = resolve(o.cwd ?? process.cwd());
    const maxFileSize = typeof o.maxFileSize === 'string' ? parseSize(o.maxFileSize) : o.maxFileSize;
    const settings: FileLintSettings = {
      cwd,
      config: o.noConfig ? false : o.config,
      lang: o.lang,
      cliRules: { ...o.rules },
      quiet: o.quiet,
      reportUnusedDisableDirectives: o.reportUnusedDisableDirectives,
      fix: o.fix,
      maxFileSize,
      cache: o.cache,
    };
    engines.set(this, new Engine(settings, o.cacheLocation));
  }

  private get engine(): Engine {
    return engines.get(this)!;
  }

  /** Read the configs, then check options.rules against the rules they know. */
  private prepare(): void {
    const known = this.engine.knownRules();
    const ids = known.map((r) => r.id);
    for (const id of Object.keys(this.options.rules ?? {})) {
      if (!ids.includes(id)) throw new TypeError(`new ReplyLint(options): rules: unknown rule "${id}"${didYouMean(id, ids)}`);
    }
  }

  private result(o: FileOutcome, onDisk: boolean): ReplyLintResult {
    const result = jsonResult(o.report!);
    records.set(result, { report: o.report!, fixed: o.fixed, path: onDisk ? resolve(this.engine.settings.cwd, o.report!.filePath) : undefined, original: o.original });
    return result;
  }

  /** Lint files, folders (their .md, .markdown and .txt files) and globs, relative to cwd. */
  async lintFiles(patterns: string | readonly string[]): Promise<ReplyLintResult[]> {
    const list = typeof patterns === 'string' ? [patterns] : patterns;
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) throw new TypeError(`lintFiles(patterns): patterns must be a string or an array of strings, not ${show(patterns)}`);
    if (list.includes('-')) throw new TypeError('lintFiles(patterns): "-" (stdin) is not a file; lint text with lintText(text, { filePath })');
    this.prepare();
    const warnings = new Warnings(this.options.onWarning);
    const { targets, errors } = await expandPaths(list, this.engine.settings.cwd);
    for (const err of errors) warnings.line(`replylint: ${err.path}: ${err.message}`);
    const results: ReplyLintResult[] = [];
    await this.engine.lintTargets(targets, undefined, {
      warn: (line) => warnings.line(line),
      emit: (o) => {
        for (const line of o.stderr) warnings.line(line);
        if (o.report) results.push(this.result(o, true));
      },
    });
    warnings.done('lintFiles');
    return results;
  }

  /**
   * Lint a text. `filePath` (relative to cwd) picks its configs and its type
   * (.txt: plain text, else Markdown) and names it in the result; the file need
   * not exist. A text whose filePath is ignored by the config gives no result
   * (and a warning). With fix, `output` is the fixed text (outputFixes does not write it).
   */
  async lintText(text: string, options: { filePath?: string } = {}): Promise<ReplyLintResult[]> {
    if (typeof text !== 'string') throw new TypeError(`lintText(text): text must be a string, not ${show(text)}`);
    if (!isObject(options)) throw new TypeError(`lintText(text, options): options must be an object, not ${show(options)}`);
    const { filePath, ...rest } = options;
    if (Object.keys(rest).length) throw new TypeError(`lintText(text, options): unknown option "${Object.keys(rest)[0]}" (options: filePath)`);
    if (filePath !== undefined && (typeof filePath !== 'string' || !filePath)) throw new TypeError(`lintText(text, options): filePath must be a non-empty string, not ${show(filePath)}`);
    this.prepare();
    const warnings = new Warnings(this.options.onWarning);
    const results: ReplyLintResult[] = [];
    const settings = { ...this.engine.settings, cache: false, stdinFilename: filePath };
    await this.engine.lintTargets([{ path: '<text>', stdin: true }], { text }, {
      warn: (line) => warnings.line(line),
      emit: (o) => {
        for (const line of o.stderr) warnings.line(line);
        if (o.report) results.push(this.result(o, false));
      },
    }, settings);
    warnings.done('lintText');
    return results;
  }

  /**
   * Write the fixed text of each result that has `output`, as --fix does: only
   * if the file still holds what was linted (for results of this API), through
   * a temporary file renamed over it, keeping its mode, owner and links. Results
   * of lintText are not written. Rejects, after writing the rest, naming the files not written.
   */
  static async outputFixes(results: readonly ReplyLintResult[]): Promise<void> {
    if (!Array.isArray(results)) throw new TypeError(`ReplyLint.outputFixes(results): results must be an array, not ${show(results)}`);
    const problems: string[] = [];
    try {
      for (const r of results) {
        if (!isObject(r) || typeof r.output !== 'string') continue;
        const record = records.get(r);
        if (record && !record.path) continue;
        const path = record?.path ?? resolve(String(r.filePath));
        let original = record?.original;
        if (!original) {
          const read = readTargetSync(path);
          if (read.error || !read.bytes || read.lossy) {
            problems.push(`${r.filePath}: ${read.error ?? `not fixed: ${read.warning}`}`);
            continue;
          }
          original = read.bytes;
        }
        const problem = writeFixed(path, original, r.output);
        if (problem) problems.push(`${r.filePath}: ${problem}`);
      }
    } finally {
      await settle();
    }
    if (problems.length) throw new Error(`ReplyLint.outputFixes: ${problems.length === 1 ? 'a file was' : `${problems.length} files were`} not written:\n  ${problems.join('\n  ')}`);
  }

  /** A format by name (stylish, json, compact, sarif, github, junit, markdown): its text equals `--format <name>`'s. */
  async loadFormatter(name: string): Promise<LoadedFormatter> {
    if (typeof name !== 'string') throw new TypeError(`loadFormatter(name): name must be a string, not ${show(name)}`);
    const formatter: Formatter & { stream?: StreamFormatter } = await loadFormat(name);
    const { Chalk } = await import('chalk');
    const engine = this.engine;
    const fix = !!this.options.fix;
    return {
      format: (results, options = {}) => {
        if (!Array.isArray(results)) throw new TypeError(`format(results): results must be an array, not ${show(results)}`);
        this.prepare();
        const reports = results.map((r) => records.get(r)?.report ?? asReport(r));
        const fixed = fix ? results.reduce((n, r) => n + (records.get(r)?.fixed ?? 0), 0) : undefined;
        return formatter(reports, engine.formatContext(new Chalk({ level: options.color ? 1 : 0 }), options.width, fixed));
      },
    };
  }

  /** The configuration a file would be linted with (the file need not exist). */
  async calculateConfigForFile(filePath: string): Promise<ReplyLintConfig> {
    if (typeof filePath !== 'string' || !filePath) throw new TypeError(`calculateConfigForFile(filePath): filePath must be a non-empty string, not ${show(filePath)}`);
    this.prepare();
    const s = this.engine.settings;
    const e = this.engine.resolver.forFile(filePath);
    const severities = { ...e.severities, ...s.cliRules };
    return {
      filePath: resolve(s.cwd, filePath),
      rules: Object.fromEntries(e.definitions.map((d) => [d.id, e.ruleOptions[d.id] === undefined ? severities[d.id] : [severities[d.id], e.ruleOptions[d.id]]])),
      language: s.lang ?? e.language,
      situation: e.situation,
      placeholders: e.placeholders,
      blockquotes: e.blockquotes,
      configFiles: e.files,
      rulebook: e.rulebook,
    };
  }

  /** Is this file ignored by an ignorePatterns entry of its configs? */
  async isPathIgnored(filePath: string): Promise<boolean> {
    if (typeof filePath !== 'string' || !filePath) throw new TypeError(`isPathIgnored(filePath): filePath must be a non-empty string, not ${show(filePath)}`);
    return this.engine.resolver.isIgnored(filePath);
  }
}

/** @internal The command's way in: the Engine behind a ReplyLint, with the settings only the command has. */
export function commandEngine(replylint: ReplyLint, command: CommandSettings): Engine {
  const engine = engines.get(replylint)!;
  Object.assign(engine.settings, command);
  return engine;
}

/** replylint's own rule definitions (rules/*.yaml, validated, as the command loads them), ready for compileRulebook. */
export function bundledRules(): RuleDefinition[] {
  return loadBundledRules();
}
