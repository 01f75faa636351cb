/** The replylint command line: the lint job and its subcommands. */
import { Command, CommanderError, Option } from 'commander';
import { LANGUAGE_CODES } from '../lang/index.js';
import { RulebookError } from '../rulebook/errors.js';
import { EXIT, processIo, stdoutError, UsageError, version, watchStdout, type Io } from './io.js';
import { defaultSignals } from './signals.js';
import { runLint, type CliOptions } from './run.js';

export { EXIT } from './io.js';

const EXAMPLES = `
Examples:
  $ replylint draft.md                      lint one reply
  $ pbpaste | replylint -                   lint the clipboard (Markdown)
  $ replylint - --stdin-filename draft.txt  lint stdin as plain text
  $ replylint macros/ --format compact      lint every .md, .markdown and .txt under macros/
  $ replylint "macros/**/*.md" --quiet      errors only
  $ replylint macros/ --rule require-thanks=off --max-warnings 0
  $ replylint macros/ --fix-dry-run          show the safe fixes as a diff
  $ replylint macros/ --fix                  apply them
  $ replylint explain no-website-deflection why a rule exists, with examples

Exit codes: 0 no errors, 1 lint errors (or more warnings than --max-warnings),
2 usage, config, rulebook or file errors (the other files are still linted).`;

function program(io: Io, run: (job: () => Promise<number> | number) => void): Command {
  const cmd = new Command('replylint')
    .description('Lint customer-support replies (Dutch and English) for phrases that turn an upset customer against you.')
    .argument('[paths...]', 'files, directories or globs; "-" for stdin (read only when asked for)')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, compact, sarif, github, junit, markdown').default('stylish'))
    .addOption(new Option('--lang <lang>', 'language of the replies when front matter does not say').choices(LANGUAGE_CODES))
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--stdin-filename <name>', 'name (and type, by extension) of the text read from stdin')
    .option('--cache', 'only lint files that changed since the last --cache run (results are replayed)')
    .option('--cache-location <path>', 'where the cache is kept (default: .replylintcache)')
    .option('--max-file-size <size>', 'skip (exit 2) files larger than this, e.g. 20mb (default 10mb)')
    .option('-o, --output-file <path>', 'write the report to a file; a one-line summary still goes to the terminal')
    .option('-c, --config <file>', 'use this config file instead of looking for .replylintrc.yaml')
    .option('--no-config', 'ignore .replylintrc.yaml files')
    .option('--report-unused-disable-directives', 'report replylint-disable comments that suppress nothing')
    .option('--fix', 'apply the safe fixes to the files (with stdin: print the fixed text)')
    .option('--fix-dry-run', 'show the fixes as a unified diff per file; write nothing')
    .option('--no-color', 'no colours in the output (also: NO_COLOR)')
    .option('--debug', 'print stack traces of internal errors, and how many threads lint')
    .version(version(), '-v, --version')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run replylint --help for usage)')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((paths: string[], opts: CliOptions) => run(() => runLint(paths, opts, io)));

  const configOpts = (c: Command) => c.option('-c, --config <file>', 'use this config file').option('--no-config', 'ignore .replylintrc.yaml files');
  configOpts(cmd.command('test-rules').description("run every rule's own examples (built-in and your team's): exit 1 on a failure").argument('[paths...]', 'rule files or folders (default: the rules your config uses)'))
    .action(async (paths: string[], opts: { config?: string | false }) => {
      const { runTestRules } = await import('./commands/test-rules.js');
      run(() => runTestRules(paths, opts, io));
    });
  configOpts(cmd.command('rules').description('list the rules: id, kind, severity, languages, fix, description'))
    .action(async (opts: { config?: string | false }) => {
      const { runRules } = await import('./commands/rules.js');
      run(() => runRules(opts, io));
    });
  configOpts(cmd.command('explain').description('why a rule exists, what it catches, examples and how to turn it off').argument('<id>', 'rule id'))
    .action(async (id: string, opts: { config?: string | false }) => {
      const { runExplain } = await import('./commands/rules.js');
      run(() => runExplain(id, opts, io));
    });
  cmd.command('lsp').description('a language server over stdin/stdout, for editors (see the README)').option('--stdio', 'talk over stdin and stdout (the default; accepted because editors pass it)')
    .action(async () => {
      const { runLsp } = await import('../lsp/server.js');
      run(() => runLsp());
    });
  cmd.command('web').description('serve a page to lint a draft in the browser (nothing leaves the page), on 127.0.0.1 until Ctrl-C').option('--port <n>', 'port to listen on (default 0: any free port)')
    .action(async (opts: { port?: string }) => {
      const { runWeb } = await import('./commands/web.js');
      run(() => runWeb(opts, io));
    });
  cmd.command('init').description('write a commented starter .replylintrc.yaml here')
    .action(async () => {
      const { runInit } = await import('./commands/init.js');
      run(() => runInit(io));
    });
  for (const sub of cmd.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  // `replylint help [command]` shows help (set after the subcommands, which would inherit it); lint a file named help as ./help.
  cmd.helpCommand('help [command]', 'show help for replylint or for a command');
  return cmd;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) {
    defaultSignals();
    watchStdout();
  }
  try {
    process.cwd();
  } catch {
    io.stderr('replylint: the current folder no longer exists: cd to an existing folder and run again\n');
    return EXIT.fatal;
  }
  const code = await mainJob(argv, io);
  const failed = io === processIo ? await stdoutError() : undefined;
  if (failed) {
    io.stderr(`replylint: cannot write to stdout: ${failed}\n`);
    return EXIT.fatal;
  }
  return code;
}

async function mainJob(argv: string[], io: Io): Promise<number> {
  let job: (() => Promise<number> | number) | undefined;
  const cmd = program(io, (j) => {
    job = j;
  });
  try {
    await cmd.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    throw e;
  }
  if (!job) return EXIT.ok;
  try {
    return await job();
  } catch (e) {
    if (e instanceof UsageError || e instanceof RulebookError) {
      io.stderr(`replylint: ${e.message}\n`);
      return EXIT.fatal;
    }
    throw e;
  }
}
