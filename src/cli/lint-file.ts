/**
 * One file, start to end: read, resolve its config, lint, fix. Used as it is
 * by the main thread and by worker threads, so that output is the same either way.
 */
import { extname, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lint } from '../core/engine.js';
import { fixText, remainingInOriginal } from '../core/apply-fixes.js';
import { stripBom } from '../core/text.js';
import type { FileType, Lang, Severity } from '../core/types.js';
import type { FileOutcome } from './outcome.js';
import { sha1 } from './cache.js';
import { resolverFor, type ConfigResolver, type Effective } from './discover.js';
import type { Target } from './files.js';
import { readTargetSync, type ReadResult } from './read.js';
import { writeFixed } from './write.js';

export type { FileOutcome } from './outcome.js';

/** What a file run needs, as plain data (it crosses to worker threads). */
export interface FileLintSettings {
  cwd: string;
  config?: string | false;
  lang?: Lang;
  cliRules: Record<string, Severity | 'off'>;
  quiet?: boolean;
  stdinFilename?: string;
  reportUnusedDisableDirectives?: boolean;
  fix?: boolean;
  /** With `fix`: write each fixed file as soon as it is linted (the command's --fix); otherwise the fixed text is only reported (the Node API, whose outputFixes writes). */
  write?: boolean;
  fixDryRun?: boolean;
  maxFileSize?: number;
  /** --cache: hash what the results depend on, and replay `target.cached` when it matches. */
  cache?: boolean;
  version?: string;
}

function fileType(path: string): FileType {
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
}

export class FileLinter {
  readonly resolver: ConfigResolver;

  /** `resolver`: the main thread passes the one it already loaded; a worker makes its own. */
  constructor(
    private readonly s: FileLintSettings,
    resolver?: ConfigResolver,
  ) {
    this.resolver = resolver ?? resolverFor(s, s.cwd);
  }

  private readonly keys = new WeakMap<Effective, string>();
  /** Config severities with --rule on top, per effective config: one object per config, not a copy per file (a copy of 126 rules' severities for every file was 6% of a run). */
  private readonly severities = new WeakMap<Effective, Effective['severities']>();

  private rulesFor(effective: Effective): Effective['severities'] {
    let rules = this.severities.get(effective);
    if (!rules) this.severities.set(effective, (rules = { ...effective.severities, ...this.s.cliRules }));
    return rules;
  }

  /** A digest of everything besides the text that a file's results depend on. */
  private cacheKey(effective: Effective, shown: string): string {
    let base = this.keys.get(effective);
    if (!base) {
      const { cwd: _cwd, cache: _cache, ...settings } = this.s;
      base = sha1(JSON.stringify([this.s.version, settings, effective.definitions, effective.severities, effective.language, effective.situation, effective.placeholders, effective.blockquotes]));
      this.keys.set(effective, base);
    }
    return sha1(`${base}\u0000${shown}`);
  }

  /** A target's path for the file system: as given when cwd is the process's (so messages name it as given), else resolved from cwd. */
  private onDisk(path: string): string {
    return this.s.cwd === process.cwd() ? path : resolve(this.s.cwd, path);
  }

  lint(target: Target, stdin?: ReadResult): FileOutcome {
    const s = this.s;
    const out: FileOutcome = { stderr: [], fatal: false, fixed: 0 };
    // Text handed over by the Node API (lintText) is named by its target's path, stdin "<stdin>".
    const shown = target.stdin ? (s.stdinFilename ?? (target.path === '-' ? '<stdin>' : target.path)) : target.path;
    const configPath = target.stdin ? (s.stdinFilename ?? 'stdin.md') : target.path;
    // stdin named by --stdin-filename is ignored like that file would be (as ESLint does): a warning, exit 0; --fix gives the text back unchanged.
    if (target.stdin ? s.stdinFilename !== undefined && this.resolver.isIgnored(s.stdinFilename) : this.resolver.isIgnored(target.path)) {
      if (target.explicit || target.stdin) out.stderr.push(`replylint: warning: ${shown}: ignored by an ignorePatterns entry in the config`);
      if (target.stdin && s.fix && !s.fixDryRun && stdin?.text !== undefined) out.stdinOutput = stdin.text;
      return out;
    }
    const read = target.stdin ? stdin! : readTargetSync(this.onDisk(target.path), s.maxFileSize);
    if (read.warning) out.stderr.push(`replylint: warning: ${shown}: ${read.warning}`);
    if (read.error || read.text === undefined) {
      out.stderr.push(`replylint: ${shown}: ${read.error}`);
      out.fatal = true;
      return out;
    }
    const effective = this.resolver.forFile(configPath);
    let cacheEntry: FileOutcome['cacheEntry'];
    if (s.cache && !target.stdin && read.bytes) {
      cacheEntry = { hash: sha1(read.bytes), key: this.cacheKey(effective, shown) };
      const hit = target.cached;
      if (hit && hit.hash === cacheEntry.hash && hit.key === cacheEntry.key && !s.fix && !s.fixDryRun) return { ...hit.outcome, cached: true, cacheEntry };
    }
    out.cacheEntry = cacheEntry;
    const options = {
      fileType: fileType(shown),
      lang: s.lang ?? effective.language,
      rules: this.rulesFor(effective),
      placeholders: effective.placeholders,
      blockquotes: effective.blockquotes,
      situation: effective.situation,
      reportUnusedDisableDirectives: s.reportUnusedDisableDirectives ? ('error' as const) : undefined,
    };
    let result = lint(read.text, effective.rulebook, options);
    if (result.langOverridden) {
      const name = (code: string) => effective.rulebook.registries.languages.get(code)?.englishName ?? code;
      out.stderr.push(`replylint: warning: ${shown}: reads as ${name(result.lang)}, not ${name(result.langOverridden)} as configured; linted as ${name(result.lang)}`);
    }
    let output: string | undefined;
    if ((s.fix || s.fixDryRun) && result.diagnostics.some((d) => d.fix)) {
      const fixed = fixText(read.text, effective.rulebook, options);
      if (fixed.output !== read.text) {
        if (read.lossy) {
          out.stderr.push(`replylint: ${shown}: not fixed: ${read.warning ?? 'the file could not be read back exactly'}, so writing it would change bytes`);
          out.fatal = true;
        } else if (s.fixDryRun) {
          // What remains is reported where it is in the file on disk, which a dry run leaves as it was.
          [result, output, out.fixed] = [{ ...fixed, diagnostics: remainingInOriginal(fixed, read.text) }, fixed.output, fixed.fixed];
          out.diff = createTwoFilesPatch(shown, shown, read.text, fixed.output, undefined, undefined, { context: 2 });
        } else {
          const problem = target.stdin || !s.write ? undefined : writeFixed(this.onDisk(target.path), read.bytes!, fixed.output);
          // Not written now: what outputFixes must find on disk before it writes.
          if (!target.stdin && !s.write) out.original = read.bytes;
          if (problem) {
            out.stderr.push(`replylint: ${shown}: ${problem}`);
            out.fatal = true;
          } else {
            [result, output, out.fixed] = [fixed, fixed.output, fixed.fixed];
          }
        }
      }
    }
    if (target.stdin && s.fix && !s.fixDryRun) out.stdinOutput = output ?? read.text;
    const messages = s.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    if (s.quiet) out.quietWarnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    out.report = {
      filePath: shown,
      output,
      // Kept only where a format may need it (SARIF quotes the text a fix replaces).
      source: messages.some((m) => m.fix) ? stripBom(output ?? read.text) : undefined,
      language: result.lang,
      situation: result.situation,
      messages,
      errorCount: messages.filter((d) => d.severity === 'error').length,
      warningCount: messages.filter((d) => d.severity === 'warning').length,
      infoCount: messages.filter((d) => d.severity === 'info').length,
    };
    return out;
  }
}
