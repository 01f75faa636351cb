/**
 * The lint job of the command: flags to a ReplyLint (src/api/replylint.ts),
 * files linted through its engine, reported in a format, and the exit code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { commandEngine, ReplyLint } from '../api/replylint.js';
import { SEVERITIES, type Lang, type Severity } from '../core/types.js';
import { escapeText } from '../formatters/escape.js';
import type { FileReport } from '../formatters/types.js';
import { didYouMean } from '../rulebook/errors.js';
import { expandPaths } from './files.js';
import { loadFormatter } from './formatters.js';
import { EXIT, UsageError, type Io } from './io.js';
import { Progress, PROGRESS_MIN_FILES } from './progress.js';
import { parseSize, readStdin } from './read.js';

/** The lint job's flags, as commander parses them. */
export interface CliOptions {
  format: string;
  lang?: Lang;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  stdinFilename?: string;
  outputFile?: string;
  color: boolean;
  config?: string | false;
  reportUnusedDisableDirectives?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileSize?: string;
  cache?: boolean;
  cacheLocation?: string;
  debug?: boolean;
}

export function parseRuleFlags(flags: string[], known: string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const flag of flags) {
    const m = /^([^=]+)=(.*)$/.exec(flag);
    if (!m) throw new UsageError(`--rule "${flag}": write <id>=<off|info|warning|error>, e.g. --rule require-thanks=off`);
    const [, id, sev] = m;
    if (!known.includes(id)) throw new UsageError(`--rule "${flag}": unknown rule "${id}"${didYouMean(id, known)}`);
    if (sev !== 'off' && !(SEVERITIES as readonly string[]).includes(sev)) throw new UsageError(`--rule "${flag}": severity must be off, info, warning or error`);
    out[id] = sev as Severity | 'off';
  }
  return out;
}

/** Characters of streamed output written at once when stdout is not a terminal. */
const STDOUT_BLOCK = 1 << 16;

export async function runLint(paths: string[], opts: CliOptions, io: Io): Promise<number> {
  const cwd = process.cwd();
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows the fixes, --fix writes them');
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings "${opts.maxWarnings}": expected a whole number, 0 or more`);
  }
  let maxFileSize: number | undefined;
  if (opts.maxFileSize !== undefined) {
    maxFileSize = parseSize(opts.maxFileSize);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size "${opts.maxFileSize}": expected a size such as 500k, 20mb or 1048576`);
  }
  const formatter = await loadFormatter(opts.format);
  // The Node API, with the command's own settings: one path for both.
  const replylint = new ReplyLint({
    cwd,
    config: opts.config || undefined,
    noConfig: opts.config === false,
    lang: opts.lang,
    quiet: opts.quiet,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    fix: opts.fix,
    maxFileSize,
    cache: opts.cache,
    cacheLocation: opts.cacheLocation,
  });
  const engine = commandEngine(replylint, { write: opts.fix, fixDryRun: opts.fixDryRun, stdinFilename: opts.stdinFilename });
  const known = engine.knownRules();
  engine.settings.cliRules = parseRuleFlags(opts.rule, known.map((r) => r.id));

  // stdin is read only when asked for: an empty `$(…)` file list must not pass silently.
  if (!paths.length) {
    if (opts.stdinFilename === undefined) throw new UsageError('no paths given (give files, directories or globs, or "-" to read stdin)');
    paths = ['-'];
  }
  const { targets, errors } = await expandPaths(paths, cwd);
  let fatal = errors.length > 0;
  for (const err of errors) io.stderr(`replylint: ${escapeText(err.path)}: ${err.message}\n`);

  const stdin = targets.some((t) => t.stdin) ? await readStdin(maxFileSize) : undefined;

  // A progress line on a terminal, for long runs in the default format; gone when done.
  const progress = process.stderr.isTTY && opts.format === 'stylish' && !opts.outputFile && targets.length >= PROGRESS_MIN_FILES ? new Progress(targets.length) : undefined;
  // To a file or a pipe, what a format prints file by file goes out in blocks (one write per file was
  // a write call per file); to a terminal, at once. Anything on stderr first lets the block out, so the
  // two keep their order when they go to the same place.
  const block = process.stdout.isTTY ? 0 : STDOUT_BLOCK;
  let pending = '';
  const flush = () => {
    if (!pending) return;
    io.stdout(pending);
    pending = '';
  };
  const stdout = (text: string) => {
    if (!text) return;
    progress?.clear();
    pending += text;
    if (pending.length >= block) flush();
  };
  const stderr = (text: string) => {
    flush();
    io.stderr(text);
  };

  const noColor = !opts.color || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
  const { Chalk } = await import('chalk');
  const color = noColor ? new Chalk({ level: 0 }) : new Chalk();
  const width = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Number(process.env.COLUMNS) || undefined;
  const ctx = engine.formatContext(color, width, undefined);
  // Formats that can print file by file do so (bounded memory on any number of files); the others get every report at the end.
  const streaming = !opts.outputFile && !opts.fix ? formatter.stream : undefined;

  const reports: FileReport[] = [];
  const totals = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  // Warnings --quiet did not show: --max-warnings still counts them, as ESLint does.
  let quietWarnings = 0;
  let fixedCount = 0;
  const diffs: string[] = [];
  let stdinOutput: string | undefined;
  const showDiffs = !opts.outputFile && !/^(json|sarif|junit)$/.test(opts.format);

  try {
    await engine.lintTargets(targets, stdin, {
      warn: (line) => {
        progress?.clear();
        stderr(`${line}\n`);
      },
      started: (workers) => {
        if (opts.debug) stderr(`replylint: debug: ${targets.length} ${targets.length === 1 ? 'file' : 'files'}, linted on the main thread${workers ? ` and ${workers} worker ${workers === 1 ? 'thread' : 'threads'}` : ' only'}\n`);
      },
      emit: (o) => {
        progress?.tick();
        if (o.stderr.length) progress?.clear();
        // Escaped: a file name can hold terminal escape sequences.
        for (const line of o.stderr) stderr(`${escapeText(line)}\n`);
        fatal ||= o.fatal;
        fixedCount += o.fixed;
        quietWarnings += o.quietWarnings ?? 0;
        if (o.stdinOutput !== undefined) stdinOutput = o.stdinOutput;
        if (o.diff) {
          if (showDiffs && streaming) stdout(o.diff);
          else diffs.push(o.diff);
        }
        if (!o.report) return;
        totals.files++;
        totals.errors += o.report.errorCount;
        totals.warnings += o.report.warningCount;
        totals.infos += o.report.infoCount;
        totals.fixable += o.report.messages.filter((m) => m.fix).length;
        if (streaming) stdout(streaming.file(o.report, ctx));
        else reports.push(o.report);
      },
    });
  } finally {
    // What was linted before a crash is still shown.
    flush();
  }
  progress?.clear();
  ctx.fixed = opts.fix || opts.fixDryRun ? fixedCount : undefined;

  if (streaming) {
    io.stdout(streaming.end(totals, ctx));
  } else {
    const report = formatter(reports, ctx);
    // With stdin and --fix, the fixed text is the output; the report goes to stderr.
    if (stdinOutput !== undefined) {
      io.stdout(stdinOutput);
      if (!opts.outputFile) io.stderr(report);
    }
    if (diffs.length && showDiffs) io.stdout(diffs.join(''));
    if (opts.outputFile) {
      try {
        mkdirSync(dirname(resolve(cwd, opts.outputFile)), { recursive: true });
        writeFileSync(opts.outputFile, report);
      } catch (e) {
        throw new UsageError(`--output-file ${opts.outputFile}: ${(e as Error).message}`);
      }
      const total = totals.errors + totals.warnings + totals.infos;
      io.stderr(`replylint: ${totals.files} ${totals.files === 1 ? 'file' : 'files'}, ${total} ${total === 1 ? 'problem' : 'problems'} (${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} infos); report written to ${opts.outputFile}\n`);
    } else if (stdinOutput === undefined) {
      io.stdout(report);
    }
  }
  const warnings = totals.warnings + quietWarnings;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`replylint: too many warnings (${warnings}${quietWarnings ? `, ${quietWarnings} not shown by --quiet` : ''}, at most ${maxWarnings} allowed)\n`);
  if (fatal) return EXIT.fatal;
  if (totals.errors > 0 || tooManyWarnings) return EXIT.lint;
  return EXIT.ok;
}
