/** The CLI end to end: spawn bin/replylint.js as a user would. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_EN, BIN, GOOD_EN, runCli } from './helpers.js';


const run = (args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) => runCli(args, { ...opts, env: { FORCE_COLOR: '', ...opts.env } });

const IS_ROOT = process.getuid?.() === 0;
const HAS_SETPRIV = IS_ROOT && spawnSync('setpriv', ['--version']).status === 0;
if (IS_ROOT && !HAS_SETPRIV) console.warn('cli.test.ts: running as root without setpriv: the permission case is skipped (root reads every file)');

/** As an unprivileged user: as root, through `setpriv` as nobody (65534); otherwise as the user running the tests. */
function runUnprivileged(args: string[], cwd: string) {
  if (!IS_ROOT) return run(args, { cwd });
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', HOME: cwd },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD_NL = 'Beste Ans,\n\nZoals ik al zei, duurt de terugbetaling vijf dagen.\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-cli-'));
  writeFileSync(join(dir, 'bad.md'), BAD_EN);
  writeFileSync(join(dir, 'good.md'), GOOD_EN);
  writeFileSync(join(dir, 'bad-nl.md'), BAD_NL);
  mkdirSync(join(dir, 'macros', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'macros', 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'macros', 'sub', 'a.md'), BAD_EN);
  writeFileSync(join(dir, 'macros', 'b.txt'), BAD_EN);
  writeFileSync(join(dir, 'macros', 'c.markdown'), GOOD_EN);
  writeFileSync(join(dir, 'macros', 'ignored.html'), BAD_EN);
  writeFileSync(join(dir, 'macros', 'node_modules', 'x.md'), BAD_EN);
});

const json = (stdout: string) => JSON.parse(stdout) as { filePath: string; language: string; messages: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string; suggestion?: string }[]; errorCount: number; warningCount: number }[];

describe('replylint CLI', () => {
  it('reports a problem at its line and column with the suggestion, and exits 1', () => {
    const r = run(['bad.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.md$/m);
    // The message may wrap; the rule id ends its last line, and the rewrite follows.
    expect(r.stdout).toMatch(/^ {2}3:1 +error +“As I already said”[^]*? no-as-i-said \(fixable\)\n +→ “As I already said, the refund takes five days\.” → “The refund/m);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(r.stderr).toBe('');
  });

  it('exits 0 and prints nothing on a good reply', () => {
    const r = run(['good.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('json: ESLint shape with severities as words and exact ranges', () => {
    const r = run(['bad.md', '--format', 'json'], { cwd: dir });
    const [file] = json(r.stdout);
    expect(file.filePath).toBe('bad.md');
    expect(file.language).toBe('en');
    const m = file.messages.find((x) => x.ruleId === 'no-as-i-said')!;
    expect(m).toMatchObject({ severity: 'error', line: 3, column: 1, endLine: 3, endColumn: 18 });
    expect(BAD_EN.split('\n')[2].slice(m.column - 1, m.endColumn - 1)).toBe('As I already said');
    expect(m.suggestion).toBeTruthy();
    expect(file.errorCount).toBe(file.messages.filter((x) => x.severity === 'error').length);
  });

  it('compact: path:line:col: severity: message (rule-id)', () => {
    const r = run(['bad.md', '-f', 'compact'], { cwd: dir });
    expect(r.stdout).toMatch(/^bad\.md:3:1: error: .+ \(no-as-i-said\)$/m);
  });

  it('writes the message in the reply\'s language', () => {
    const en = json(run(['bad.md', '-f', 'json'], { cwd: dir }).stdout)[0];
    const nl = json(run(['bad-nl.md', '-f', 'json'], { cwd: dir }).stdout)[0];
    expect(nl.language).toBe('nl');
    const enMsg = en.messages.find((m) => m.ruleId === 'no-as-i-said')!.message;
    const nlMsg = nl.messages.find((m) => m.ruleId === 'no-as-i-said')!.message;
    expect(nlMsg).not.toBe(enMsg);
  });

  it('--lang and front matter set the language; front matter wins', () => {
    const forced = json(run(['-', '--lang', 'nl', '-f', 'json'], { cwd: dir, input: 'Zoals ik al zei: nee.' }).stdout)[0];
    expect(forced.language).toBe('nl');
    const fm = json(run(['-', '--lang', 'nl', '-f', 'json'], { cwd: dir, input: '---\nlang: en\n---\n\nAs I said: no.' }).stdout)[0];
    expect(fm.language).toBe('en');
    expect(fm.messages.some((m) => m.ruleId === 'no-as-i-said')).toBe(true);
    // Blanks after a fence are still front matter (CommonMark front matter allows them).
    const blanks = json(run(['-', '--lang', 'nl', '-f', 'json'], { cwd: dir, input: '--- \nlang: en\n---\t\n\nAs I said: no.' }).stdout)[0];
    expect(blanks.language).toBe('en');
  });

  it('recurses directories for .md, .markdown and .txt, skipping node_modules', () => {
    const r = run(['macros', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).map((f) => f.filePath)).toEqual(['macros/b.txt', 'macros/c.markdown', 'macros/sub/a.md']);
  });

  it('expands globs', () => {
    const r = run(['macros/**/*.md', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).map((f) => f.filePath)).toEqual(['macros/sub/a.md']);
  });

  it('reads stdin with "-" (or --stdin-filename alone), named by --stdin-filename', () => {
    const r = run(['-', '-f', 'compact', '--stdin-filename', 'draft.md'], { cwd: dir, input: BAD_EN });
    expect(r.stdout).toMatch(/^draft\.md:3:1: error: .+\(no-as-i-said\)$/m);
    const named = run(['-f', 'compact', '--stdin-filename', 'draft.md'], { cwd: dir, input: BAD_EN });
    expect(named.stdout).toMatch(/^draft\.md:3:1: error/m);
    expect(named.code).toBe(1);
    const dash = run(['-', '-f', 'compact'], { cwd: dir, input: BAD_EN });
    expect(dash.stdout).toMatch(/^<stdin>:3:1: error/m);
  });

  it('no paths (`replylint < file`, an empty `$(…)` list) is a usage error, exit 2: stdin is read only for "-"', () => {
    for (const input of [BAD_EN, '']) {
      const r = run(['-f', 'compact'], { cwd: dir, input });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'replylint: no paths given (give files, directories or globs, or "-" to read stdin)\n']);
    }
  });

  it("an empty path ('') is named as an error (exit 2); the other files are linted", () => {
    const r = run(['', 'bad.md', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe("replylint: '': empty path (give a file, directory or glob)\n");
    expect(r.stdout).toMatch(/^bad\.md:3:1: error/m);
    expect(r.stdout).not.toMatch(/^\//m);
    expect(r.code).toBe(2);
  });

  it('`replylint help` shows help, even beside a file named help; `help <command>` that command\'s', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-help-'));
    writeFileSync(join(d, 'help'), BAD_EN);
    const h = run(['help'], { cwd: d });
    expect([h.code, h.stderr]).toEqual([0, '']);
    expect(h.stdout).toMatch(/^Usage: replylint /);
    expect(h.stdout).toMatch(/Examples:/);
    expect(run(['help', 'explain'], { cwd: d }).stdout).toMatch(/^Usage: replylint explain/);
    expect(run(['./help', '-f', 'compact'], { cwd: d }).stdout).toMatch(/^\.\/help:3:1: error/m);
  });

  it('--quiet with --max-warnings still counts the warnings it does not show', () => {
    const text = 'Hi Sam, thank you for your message and sorry for the wait; I understand. We will look into it.\n';
    writeFileSync(join(dir, 'warn-quiet.md'), text);
    const r = run(['warn-quiet.md', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^replylint: too many warnings \((\d+), \1 not shown by --quiet, at most 0 allowed\)\n$/);
    expect(r.code).toBe(1);
    expect(run(['warn-quiet.md', '--quiet'], { cwd: dir }).code).toBe(0);
  });

  it('--fix with --fix-dry-run is a usage error (exit 2), and writes nothing', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-fixdry-'));
    writeFileSync(join(d, 'a.md'), BAD_EN);
    const r = run(['a.md', '--fix', '--fix-dry-run'], { cwd: d });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('replylint: --fix and --fix-dry-run cannot be used together: --fix-dry-run shows the fixes, --fix writes them\n');
    expect(readFileSync(join(d, 'a.md'), 'utf8')).toBe(BAD_EN);
  });

  it('-o creates missing folders for the report', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-out-'));
    writeFileSync(join(d, 'a.md'), BAD_EN);
    const r = run(['a.md', '-f', 'json', '-o', 'missing/dir/out.json'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report written to missing\/dir\/out\.json/);
    expect(JSON.parse(readFileSync(join(d, 'missing', 'dir', 'out.json'), 'utf8'))[0].filePath).toBe('a.md');
  });

  it('--stdin-filename respects ignorePatterns: a warning, exit 0; --fix gives the text back unchanged', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-ignore-'));
    mkdirSync(join(d, '.git'));
    writeFileSync(join(d, '.replylintrc.yaml'), 'ignorePatterns: ["drafts/**"]\n');
    const r = run(['-', '--stdin-filename', 'drafts/x.md', '-f', 'compact'], { cwd: d, input: BAD_EN });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'replylint: warning: drafts/x.md: ignored by an ignorePatterns entry in the config\n']);
    const fixed = run(['-', '--stdin-filename', 'drafts/x.md', '--fix'], { cwd: d, input: BAD_EN });
    expect([fixed.code, fixed.stdout]).toEqual([0, BAD_EN]);
    expect(run(['-', '--stdin-filename', 'other/x.md', '-f', 'compact'], { cwd: d, input: BAD_EN }).code).toBe(1);
    expect(existsSync(join(d, 'drafts'))).toBe(false);
  });

  it('a missing file next to a good one: names it on stderr, lints the other, exits 2', () => {
    const r = run(['missing.md', 'bad.md', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('replylint: missing.md: no such file or directory\n');
    expect(r.stdout).toMatch(/^bad\.md:3:1: error/m);
    expect(r.code).toBe(2);
  });

  // Root reads everything: as root (CI, containers) the case runs as the unprivileged user nobody, so that it really tests.
  it.skipIf(IS_ROOT && !HAS_SETPRIV)('an unreadable file is named on stderr, the others are linted (as root: run as nobody, with setpriv)', () => {
    const f = join(dir, 'secret.md');
    writeFileSync(f, BAD_EN);
    chmodSync(f, 0o000);
    chmodSync(dir, 0o755); // nobody must be able to read the folder and bad.md
    const r = runUnprivileged(['secret.md', 'bad.md', '-f', 'compact'], dir);
    expect(r.stderr).toBe('replylint: secret.md: permission denied\n');
    expect(r.stdout).toMatch(/^bad\.md:3:1: error/m);
    expect(r.code).toBe(2);
  });

  it('a binary file is refused by name; the others are linted', () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const r = run(['binary.md', 'bad.md', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toMatch(/^replylint: binary\.md: binary file/m);
    expect(r.stdout).toMatch(/^bad\.md:3:1/m);
    expect(r.code).toBe(2);
  });

  it('--rule turns a rule off or changes its severity', () => {
    const off = json(run(['bad.md', '-f', 'json', '--rule', 'no-as-i-said=off'], { cwd: dir }).stdout)[0];
    expect(off.messages.some((m) => m.ruleId === 'no-as-i-said')).toBe(false);
    const warn = json(run(['bad.md', '-f', 'json', '--rule', 'no-as-i-said=warning'], { cwd: dir }).stdout)[0];
    expect(warn.messages.find((m) => m.ruleId === 'no-as-i-said')!.severity).toBe('warning');
  });

  it('--rule with an unknown id or severity is a usage error (exit 2) with a hint', () => {
    const r = run(['bad.md', '--rule', 'no-as-i-sad=off'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-as-i-sad" — did you mean "no-as-i-said"\?/);
    expect(run(['bad.md', '--rule', 'no-as-i-said=loud'], { cwd: dir }).code).toBe(2);
  });

  it('--quiet reports errors only; --max-warnings turns warnings into exit 1', () => {
    const text = 'Hi Sam, thank you for your message and sorry for the wait; I understand. We will look into it.\n';
    writeFileSync(join(dir, 'warn.md'), text);
    const all = json(run(['warn.md', '-f', 'json'], { cwd: dir }).stdout)[0];
    expect(all.warningCount).toBeGreaterThan(0);
    expect(all.errorCount).toBe(0);
    expect(run(['warn.md'], { cwd: dir }).code).toBe(0);
    const quiet = json(run(['warn.md', '-f', 'json', '--quiet'], { cwd: dir }).stdout)[0];
    expect(quiet.messages.every((m) => m.severity === 'error')).toBe(true);
    const over = run(['warn.md', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/too many warnings/);
    expect(run(['warn.md', '--max-warnings', String(all.warningCount)], { cwd: dir }).code).toBe(0);
    expect(run(['warn.md', '--max-warnings', 'many'], { cwd: dir }).code).toBe(2);
  });

  it('colours by default when forced, none with --no-color or NO_COLOR', () => {
    const forced = run(['bad.md'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    expect(run(['bad.md', '--no-color'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(run(['bad.md'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--version, --help with examples, and unknown options or formats exit 2', () => {
    const v = run(['--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(v.code).toBe(0);
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Examples:/);
    expect(run(['--bogus']).code).toBe(2);
    const f = run(['bad.md', '--format', 'xml'], { cwd: dir });
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/unknown format "xml"/);
  });
});
