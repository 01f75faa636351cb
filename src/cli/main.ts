/** The replylint command: paths in, a report out, an exit code. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { compileRulebook, lint } from '../core/engine.js';
import { LANGS, SEVERITIES, type FileType, type Lang, type Severity } from '../core/types.js';
import { didYouMean, RulebookError } from '../rulebook/load.js';
import type { FileReport, Formatter } from '../formatters/types.js';
import { expandPaths } from './files.js';
import { readStdin, readTarget, type ReadResult } from './read.js';
import { BUNDLED_RULES_DIR, loadRuleDir } from './rules.js';

export const EXIT = { ok: 0, lint: 1, fatal: 2 } as const;

const here = dirname(fileURLToPath(import.meta.url));
const FORMATTERS_DIR = `${here}/../formatters`;

function version(): string {
  return (JSON.parse(readFileSync(`${here}/../../package.json`, 'utf8')) as { version: string }).version;
}

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

class UsageError extends Error {}

function fileType(path: string): FileType {
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const EXAMPLES = `
Examples:
  $ replylint draft.md                      lint one reply
  $ pbpaste | replylint -                   lint the clipboard (Markdown)
  $ replylint - --stdin-filename draft.txt  lint stdin as plain text
  $ replylint macros/ --format compact      lint every .md, .markdown and .txt under macros/
  $ replylint "macros/**/*.md" --quiet      errors only
  $ replylint macros/ --rule require-thanks=off --max-warnings 0

Exit codes: 0 no errors, 1 lint errors (or more warnings than --max-warnings),
2 usage, rulebook or file errors (the other files are still linted).`;

function program(): Command {
  return new Command('replylint')
    .description('Lint customer-support replies (Dutch and English) for phrases that turn an upset customer against you.')
    .argument('[paths...]', 'files, directories or globs; "-" for stdin')
    .addOption(new Option('-f, --format <name>', 'output format (stylish, json, compact, ...)').default('stylish'))
    .addOption(new Option('--lang <lang>', 'language of the replies when front matter does not say').choices(LANGS as string[]))
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--stdin-filename <name>', 'name (and type, by extension) of the text read from stdin')
    .option('-o, --output-file <path>', 'write the report to a file; a one-line summary still goes to the terminal')
    .option('--no-color', 'no colours in the output (also: NO_COLOR)')
    .version(version(), '-v, --version')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run replylint --help for usage)')
    .exitOverride();
}

interface Options {
  format: string;
  lang?: Lang;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  stdinFilename?: string;
  outputFile?: string;
  color: boolean;
}

function parseRuleFlags(flags: string[], known: string[]): Record<string, Severity | 'off'> {
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

export async function main(argv: string[], io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const cmd = program();
  cmd.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    cmd.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    throw e;
  }
  const opts = cmd.opts<Options>();
  const paths = cmd.args;
  const cwd = process.cwd();
  try {
    let maxWarnings: number | undefined;
    if (opts.maxWarnings !== undefined) {
      maxWarnings = Number(opts.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings "${opts.maxWarnings}": expected a whole number, 0 or more`);
    }
    const formatter = await loadFormatter(opts.format);
    const definitions = loadRuleDir(BUNDLED_RULES_DIR, cwd);
    const severities = parseRuleFlags(opts.rule, definitions.map((r) => r.id));
    const rulebook = compileRulebook(definitions);

    if (!paths.length) {
      if (process.stdin.isTTY) throw new UsageError('no paths given (give files or directories, or "-" to read stdin)');
      paths.push('-');
    }
    const { targets, errors } = await expandPaths(paths, cwd);
    let fatal = errors.length > 0;
    for (const err of errors) io.stderr(`replylint: ${err.path}: ${err.message}\n`);

    const reports: FileReport[] = [];
    for (const target of targets) {
      const shown = target.stdin ? (opts.stdinFilename ?? '<stdin>') : target.path;
      const read: ReadResult = target.stdin ? await readStdin() : await readTarget(target.path);
      if (read.warning) io.stderr(`replylint: warning: ${shown}: ${read.warning}\n`);
      if (read.error || read.text === undefined) {
        io.stderr(`replylint: ${shown}: ${read.error}\n`);
        fatal = true;
        continue;
      }
      const result = lint(read.text, rulebook, { fileType: fileType(shown), lang: opts.lang, rules: severities });
      const messages = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      reports.push({
        filePath: shown,
        source: read.text.replace(/^\uFEFF/, ''),
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
    const report = formatter(reports, { color, rules: definitions, cwd, version: version() });
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
    } else {
      io.stdout(report);
    }

    if (maxWarnings !== undefined && warningCount > maxWarnings) {
      io.stderr(`replylint: too many warnings (${warningCount}, at most ${maxWarnings} allowed)\n`);
    }
    if (fatal) return EXIT.fatal;
    if (errorCount > 0 || (maxWarnings !== undefined && warningCount > maxWarnings)) return EXIT.lint;
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError || e instanceof RulebookError) {
      io.stderr(`replylint: ${e.message}\n`);
      return EXIT.fatal;
    }
    throw e;
  }
}
