/** The main job: lint files, directories, globs or stdin; report; exit by the result. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEVERITIES, type Lang, type Severity } from '../core/types.js';
import { escapeText } from '../formatters/escape.js';
import type { FileReport, Formatter, StreamFormatter } from '../formatters/types.js';
import { didYouMean } from '../rulebook/errors.js';
import { resolverFor, type ConfigResolver } from './discover.js';
import { EXIT, UsageError, version, type Io } from './io.js';
import { expandPaths, type Target } from './files.js';
import { FileLinter, type FileLintSettings, type FileOutcome } from './lint-file.js';
import { readStdin, type ReadResult } from './read.js';
import type { ResultCache } from './cache.js';
import { settle } from './signals.js';

const FORMATTERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'formatters');

export function availableFormats(): string[] {
  return readdirSync(FORMATTERS_DIR)
    .filter((f) => /^[a-z][a-z0-9-]*\.(js|ts)$/.test(f) && !f.startsWith('types.') && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(js|ts)$/, ''))
    .sort();
}

async function loadFormatter(name: string): Promise<Formatter & { stream?: StreamFormatter }> {
  const formats = availableFormats();
  if (!formats.includes(name)) throw new UsageError(`unknown format "${name}"${didYouMean(name, formats)} (formats: ${formats.join(', ')})`);
  const file = [`${FORMATTERS_DIR}/${name}.js`, `${FORMATTERS_DIR}/${name}.ts`].find(existsSync)!;
  const mod = (await import(new URL(`file://${file}`).href)) as { default: Formatter; stream?: StreamFormatter };
  return Object.assign(mod.default, { stream: mod.stream });
}


export interface LintOptions {
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

const PROGRESS_MIN_FILES = 100;

/** "replylint: 120/2000 files, 3.2 s" on stderr, redrawn at most ten times a second, erased when done. */
class Progress {
  private readonly started = Date.now();
  private done_ = 0;
  private last = 0;
  private shown = false;

  constructor(private readonly total: number) {}

  tick(): void {
    this.done_++;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\u001b[Kreplylint: ${this.done_}/${this.total} files, ${((now - this.started) / 1000).toFixed(1)} s`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}

/**
 * Enough files to pay for a worker thread. Measured on 2 cores (bench/ corpus,
 * alternating runs): one worker beside the main thread gained nothing on 1,000
 * or 3,000 files and about 1.2× on 10,000, for about 40 MB more memory.
 */
const WORKER_THRESHOLD = 5000;

/**
 * How many worker threads to start besides the main thread, which lints too:
 * one fewer than the cores (at most 3), so that a 2-core machine runs two
 * isolates, not three (each keeps its own compiled rulebook and heap).
 */
function workerCount(files: number): number {
  const env = process.env.REPLYLINT_WORKERS;
  if (env !== undefined && env !== '') return Math.max(0, Number(env) || 0);
  if (files < WORKER_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 4) - 1;
}

/** Files linted but not yet reported, at most: the main thread waits for the workers beyond this. */
const AHEAD = 64;
/** Files in flight per worker: keeps it busy while the main thread is linting a file of its own and cannot answer. */
const IN_FLIGHT = 8;
/** A worker's young generation, in MB: V8's default (up to 48) is most of an idle isolate's memory. */
const WORKER_YOUNG_MB = 8;

/**
 * Lint the targets, on the main thread and on worker threads when there are
 * many, and hand each outcome to `emit` in the targets' order, as soon as it
 * and all before it are done.
 */
async function lintAll(targets: Target[], settings: FileLintSettings, resolver: ConfigResolver, stdin: ReadResult | undefined, emit: (o: FileOutcome) => void): Promise<void> {
  const linter = new FileLinter(settings, resolver);
  // --fix writes on the main thread: its Ctrl-C handler must know every temporary file (a worker's would be left behind).
  const workers = settings.fix && !settings.fixDryRun ? 0 : workerCount(targets.filter((t) => !t.stdin).length);
  if (!workers) {
    for (const target of targets) {
      emit(linter.lint(target, target.stdin ? stdin : undefined));
      // After a fix was written: a signal that came meanwhile is handled now, then signals end the process at once again (signals.ts).
      await settle();
    }
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const url = new URL('./worker-bundle.js', import.meta.url);
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const done = new Map<number, FileOutcome>();
  let next = 0; // next index to emit
  let sent = 0; // next index to hand out, to a worker or to the main thread
  let failed: Error | undefined;
  const flush = () => {
    while (done.has(next)) {
      emit(done.get(next)!);
      done.delete(next++);
    }
  };
  // Wakes the main thread's loop when a worker reports.
  let wake: (() => void) | undefined;
  const feed = (w: InstanceType<typeof Worker>) => {
    // stdin is read by the main thread and linted there, in its place in the order.
    while (sent < targets.length && targets[sent].stdin) {
      done.set(sent, linter.lint(targets[sent], stdin));
      sent++;
    }
    if (sent < targets.length) w.postMessage({ index: sent, target: targets[sent++] });
  };
  const fail = (e: Error) => {
    failed ??= e;
    wake?.();
  };
  for (const w of pool) {
    w.on('message', (m: { index: number; outcome?: FileOutcome; error?: string; message?: string; name?: string }) => {
      if (m.error) {
        const err = new Error(m.message);
        err.name = m.name ?? 'Error';
        err.stack = m.error;
        fail(err);
        return;
      }
      done.set(m.index, m.outcome!);
      feed(w);
      wake?.();
    });
    w.on('error', fail);
    for (let i = 0; i < IN_FLIGHT; i++) feed(w);
  }
  try {
    while (!failed && next < targets.length) {
      flush();
      if (sent < targets.length && sent - next < AHEAD) {
        // Lint one file here, then let the workers' messages in.
        const i = sent++;
        done.set(i, linter.lint(targets[i], targets[i].stdin ? stdin : undefined));
        await new Promise<void>((r) => setImmediate(r));
      } else if (next < targets.length) {
        // Everything is handed out (or far enough ahead): wait for a worker.
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
    }
    if (failed) throw failed;
    flush();
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

export async function runLint(paths: string[], opts: LintOptions, io: Io): Promise<number> {
  const cwd = process.cwd();
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows the fixes, --fix writes them');
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings "${opts.maxWarnings}": expected a whole number, 0 or more`);
  }
  let maxFileSize: number | undefined;
  if (opts.maxFileSize !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(opts.maxFileSize.trim());
    if (!m) throw new UsageError(`--max-file-size "${opts.maxFileSize}": expected a size such as 500k, 20mb or 1048576`);
    const unit = (m[2] ?? '').toLowerCase()[0];
    maxFileSize = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1);
  }
  const formatter = await loadFormatter(opts.format);
  const replylintVersion = version();
  const resolver = resolverFor(opts, cwd);
  const known = resolver.allRules();
  const cliRules = parseRuleFlags(opts.rule, known.map((r) => r.id));

  // stdin is read only when asked for: an empty `$(…)` file list must not pass silently.
  if (!paths.length) {
    if (opts.stdinFilename === undefined) throw new UsageError('no paths given (give files, directories or globs, or "-" to read stdin)');
    paths = ['-'];
  }
  const { targets, errors } = await expandPaths(paths, cwd);
  let fatal = errors.length > 0;
  for (const err of errors) io.stderr(`replylint: ${escapeText(err.path)}: ${err.message}\n`);

  const settings: FileLintSettings = {
    cwd,
    config: opts.config,
    lang: opts.lang,
    cliRules,
    quiet: opts.quiet,
    stdinFilename: opts.stdinFilename,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    fix: opts.fix,
    fixDryRun: opts.fixDryRun,
    maxFileSize,
  };
  const stdin = targets.some((t) => t.stdin) ? await readStdin(maxFileSize) : undefined;

  let cache: ResultCache | undefined;
  if (opts.cache) {
    const { ResultCache } = await import('./cache.js');
    cache = new ResultCache(resolve(cwd, opts.cacheLocation ?? '.replylintcache'), replylintVersion);
    if (cache.warning) io.stderr(`replylint: warning: the cache ${opts.cacheLocation ?? '.replylintcache'}: ${cache.warning}\n`);
    settings.cache = true;
    settings.version = replylintVersion;
    for (const t of targets) if (!t.stdin) t.cached = cache.get(t.path);
  }

  // A progress line on a terminal, for long runs in the default format; gone when done.
  const progress = process.stderr.isTTY && opts.format === 'stylish' && !opts.outputFile && targets.length >= PROGRESS_MIN_FILES ? new Progress(targets.length) : undefined;
  const stdout = (text: string) => {
    if (!text) return;
    progress?.clear();
    io.stdout(text);
  };

  const noColor = !opts.color || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
  const { Chalk } = await import('chalk');
  const color = noColor ? new Chalk({ level: 0 }) : new Chalk();
  const width = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Number(process.env.COLUMNS) || undefined;
  const ctx = { color, rules: known, cwd, version: replylintVersion, fixed: undefined as number | undefined, width };
  // Formats that can print file by file do so (bounded memory on any number of files); the others get every report at the end.
  const streaming = !opts.outputFile && !settings.fix ? formatter.stream : undefined;

  const reports: FileReport[] = [];
  const totals = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  // Warnings --quiet did not show: --max-warnings still counts them, as ESLint does.
  let quietWarnings = 0;
  let fixedCount = 0;
  const diffs: string[] = [];
  let stdinOutput: string | undefined;
  const showDiffs = !opts.outputFile && !/^(json|sarif|junit)$/.test(opts.format);

  await lintAll(targets, settings, resolver, stdin, (o) => {
    progress?.tick();
    if (cache && o.cacheEntry && o.report && !o.fatal) {
      const { cacheEntry, cached: _cached, ...outcome } = o;
      cache.set(o.report.filePath, { ...cacheEntry, outcome });
    }
    if (o.stderr.length) progress?.clear();
    // Escaped: a file name can hold terminal escape sequences.
    for (const line of o.stderr) io.stderr(`${escapeText(line)}\n`);
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
  });
  progress?.clear();
  if (cache) {
    try {
      cache.save();
      await settle();
    } catch (e) {
      io.stderr(`replylint: warning: could not write the cache ${opts.cacheLocation ?? '.replylintcache'}: ${(e as Error).message}\n`);
    }
  }
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
