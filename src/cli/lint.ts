/** The main job: lint files, directories, globs or stdin; report; exit by the result. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../core/engine.js';
import { fixText } from '../core/fix.js';
import { SEVERITIES, type FileType, type Lang, type Severity } from '../core/types.js';
import type { FileReport, Formatter } from '../formatters/types.js';
import { didYouMean } from '../rulebook/errors.js';
import { ConfigResolver } from './config.js';
import { expandPaths } from './files.js';
import { EXIT, UsageError, version, type Io } from './io.js';
import { readStdin, readTarget, type ReadResult } from './read.js';
import { writeFixed } from './write.js';

const FORMATTERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'formatters');

export function availableFormats(): string[] {
  return readdirSync(FORMATTERS_DIR)
    .filter((f) => /^[a-z][a-z0-9-]*\.(js|ts)$/.test(f) && !f.startsWith('types.') && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(js|ts)$/, ''))
    .sort();
}

async function loadFormatter(name: string): Promise<Formatter> {
  const formats = availableFormats();
  if (!formats.includes(name)) throw new UsageError(`unknown format "${name}"${didYouMean(name, formats)} (formats: ${formats.join(', ')})`);
  const file = [`${FORMATTERS_DIR}/${name}.js`, `${FORMATTERS_DIR}/${name}.ts`].find(existsSync)!;
  return ((await import(new URL(`file://${file}`).href)) as { default: Formatter }).default;
}

function fileType(path: string): FileType {
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
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

export function resolverFor(opts: { config?: string | false }, cwd: string): ConfigResolver {
  return new ConfigResolver({ cwd, configFile: typeof opts.config === 'string' ? opts.config : undefined, noConfig: opts.config === false });
}

export async function runLint(paths: string[], opts: LintOptions, io: Io): Promise<number> {
  const cwd = process.cwd();
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings "${opts.maxWarnings}": expected a whole number, 0 or more`);
  }
  const formatter = await loadFormatter(opts.format);
  const resolver = resolverFor(opts, cwd);
  const known = resolver.allRules();
  const cliRules = parseRuleFlags(opts.rule, known.map((r) => r.id));

  if (!paths.length) {
    if (process.stdin.isTTY) throw new UsageError('no paths given (give files or directories, or "-" to read stdin)');
    paths = ['-'];
  }
  const { targets, errors } = await expandPaths(paths, cwd);
  let fatal = errors.length > 0;
  for (const err of errors) io.stderr(`replylint: ${err.path}: ${err.message}\n`);

  const fixing = !!(opts.fix || opts.fixDryRun);
  let fixedCount = 0;
  const diffs: string[] = [];
  let stdinOutput: string | undefined;
  const { createTwoFilesPatch } = fixing ? await import('diff') : ({} as typeof import('diff'));

  const reports: FileReport[] = [];
  for (const target of targets) {
    const shown = target.stdin ? (opts.stdinFilename ?? '<stdin>') : target.path;
    const configPath = target.stdin ? (opts.stdinFilename ?? 'stdin.md') : target.path;
    if (!target.stdin && resolver.isIgnored(target.path)) {
      if (target.explicit) io.stderr(`replylint: warning: ${shown}: ignored by an ignorePatterns entry in the config\n`);
      continue;
    }
    const read: ReadResult = target.stdin ? await readStdin() : await readTarget(target.path);
    if (read.warning) io.stderr(`replylint: warning: ${shown}: ${read.warning}\n`);
    if (read.error || read.text === undefined) {
      io.stderr(`replylint: ${shown}: ${read.error}\n`);
      fatal = true;
      continue;
    }
    const effective = resolver.forFile(configPath);
    const lintOptions = {
      fileType: fileType(shown),
      lang: opts.lang ?? effective.language,
      rules: { ...effective.severities, ...cliRules },
      placeholders: effective.placeholders,
      blockquotes: effective.blockquotes,
      reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives ? ('error' as const) : undefined,
    };
    let result = lint(read.text, effective.rulebook, lintOptions);
    let output: string | undefined;
    if (fixing && result.diagnostics.some((d) => d.fix)) {
      const fixed = fixText(read.text, effective.rulebook, lintOptions);
      if (fixed.output !== read.text) {
        if (read.lossy) {
          io.stderr(`replylint: ${shown}: not fixed: ${read.warning ?? 'the file could not be read back exactly'}, so writing it would change bytes\n`);
          fatal = true;
        } else {
          result = fixed;
          output = fixed.output;
          fixedCount += fixed.fixed;
          if (opts.fixDryRun) diffs.push(createTwoFilesPatch(shown, shown, read.text, fixed.output, undefined, undefined, { context: 2 }));
          else if (!target.stdin) {
            const problem = writeFixed(target.path, read.bytes!, fixed.output);
            if (problem) {
              io.stderr(`replylint: ${shown}: ${problem}\n`);
              fatal = true;
              result = lint(read.text, effective.rulebook, lintOptions);
              output = undefined;
              fixedCount -= fixed.fixed;
            }
          }
        }
      }
    }
    if (target.stdin && opts.fix && !opts.fixDryRun) stdinOutput = output ?? read.text;
    const messages = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    reports.push({
      filePath: shown,
      output,
      source: (output ?? read.text).replace(/^\uFEFF/, ''),
      language: result.lang,
      messages,
      errorCount: messages.filter((d) => d.severity === 'error').length,
      warningCount: messages.filter((d) => d.severity === 'warning').length,
      infoCount: messages.filter((d) => d.severity === 'info').length,
    });
  }

  const noColor = !opts.color || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
  const { Chalk } = await import('chalk');
  const color = noColor ? new Chalk({ level: 0 }) : new Chalk();
  const report = formatter(reports, { color, rules: known, cwd, version: version(), fixed: fixing ? fixedCount : undefined });
  // With stdin and --fix, the fixed text is the output; the report goes to stderr.
  if (stdinOutput !== undefined) {
    io.stdout(stdinOutput);
    if (!opts.outputFile) io.stderr(report);
  }
  if (diffs.length && !opts.outputFile && !/^(json|sarif|junit)$/.test(opts.format)) io.stdout(diffs.join(''));
  const errorCount = reports.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = reports.reduce((n, r) => n + r.warningCount, 0);
  const infoCount = reports.reduce((n, r) => n + r.infoCount, 0);
  if (opts.outputFile) {
    try {
      writeFileSync(opts.outputFile, report);
    } catch (e) {
      throw new UsageError(`--output-file ${opts.outputFile}: ${(e as Error).message}`);
    }
    const total = errorCount + warningCount + infoCount;
    io.stderr(`replylint: ${reports.length} ${reports.length === 1 ? 'file' : 'files'}, ${total} ${total === 1 ? 'problem' : 'problems'} (${errorCount} errors, ${warningCount} warnings, ${infoCount} infos); report written to ${opts.outputFile}\n`);
  } else if (stdinOutput === undefined) {
    io.stdout(report);
  }
  if (maxWarnings !== undefined && warningCount > maxWarnings) {
    io.stderr(`replylint: too many warnings (${warningCount}, at most ${maxWarnings} allowed)\n`);
  }
  if (fatal) return EXIT.fatal;
  if (errorCount > 0 || (maxWarnings !== undefined && warningCount > maxWarnings)) return EXIT.lint;
  return EXIT.ok;
}
