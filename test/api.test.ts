/**
 * The Node API (src/api/replylint.ts): its results are the command's
 * `--format json`, its formatters the command's formats, its outputFixes the
 * command's --fix. The command itself runs on it (src/cli/run.ts).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ReplyLint, type ReplyLintWarning } from '../src/index.js';
import { runCli } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.warn(`api.test.ts: the ../shared/corpus comparisons are skipped: ${CORPUS} is absent (the real replies live in ../shared, beside the checkout)`);

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-api-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, relative, with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** lintFiles against the command's --format json (and its stderr against onWarning), run from `cwd` on `target`. */
async function sameAsCli(cwd: string, target: string, extra: string[] = [], options: ConstructorParameters<typeof ReplyLint>[0] = {}) {
  const cli = runCli([target, '--format', 'json', ...extra], { cwd });
  expect(cli.code, cli.stderr).not.toBe(2);
  const warnings: ReplyLintWarning[] = [];
  const replylint = new ReplyLint({ cwd, onWarning: (w) => warnings.push(w), ...options });
  const results = await replylint.lintFiles([target]);
  expect(`${JSON.stringify(results)}\n`).toBe(cli.stdout);
  expect(warnings.map((w) => `replylint: ${w.severity === 'warning' ? 'warning: ' : ''}${w.message}\n`).join('')).toBe(cli.stderr);
  return { replylint, results };
}

describe('lintFiles and lintText: the same results as --format json', () => {
  it('on fixtures/', async () => {
    const { replylint, results } = await sameAsCli(ROOT, 'fixtures');
    expect(results.length).toBe(9);
    // lintText of each file, named by its path, gives the file's result.
    for (const r of results) {
      expect(await replylint.lintText(readFileSync(join(ROOT, r.filePath), 'utf8'), { filePath: r.filePath })).toEqual([r]);
    }
  });

  it('lintText equals the command reading stdin with --stdin-filename', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    const text = readFileSync(join(ROOT, file), 'utf8');
    const cli = runCli(['-', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: text });
    expect(`${JSON.stringify(await new ReplyLint({ cwd: ROOT }).lintText(text, { filePath: file }))}\n`).toBe(cli.stdout);
    // Without a filePath the text is Markdown named <text>.
    const [r] = await new ReplyLint({ cwd: ROOT }).lintText(text);
    expect(r.filePath).toBe('<text>');
    expect(r.messages.length).toBeGreaterThan(0);
  });

  it('with options: --rule, --quiet, --lang, --no-config', async () => {
    await sameAsCli(ROOT, 'fixtures', ['--rule', 'require-thanks=off', '--rule', 'no-shouting=error', '--quiet', '--lang', 'nl', '--no-config'], {
      rules: { 'require-thanks': 'off', 'no-shouting': 'error' },
      quiet: true,
      lang: 'nl',
      noConfig: true,
    });
  });

  it.runIf(corpusPresent)('on ../shared/corpus', async () => {
    const { replylint, results } = await sameAsCli(ROOT, relative(ROOT, CORPUS));
    expect(results.length).toBeGreaterThan(100);
    for (const r of results.slice(0, 40)) {
      expect(await replylint.lintText(readFileSync(join(ROOT, r.filePath), 'utf8'), { filePath: r.filePath })).toEqual([r]);
    }
  }, 120_000);
});

describe('fixes', () => {
  it('outputFixes writes what --fix writes, and the results equal --fix --format json', async () => {
    const [a, b] = [temp(), temp()];
    cpSync(join(ROOT, 'fixtures'), a, { recursive: true });
    cpSync(join(ROOT, 'fixtures'), b, { recursive: true });
    const cli = runCli(['.', '--fix', '--format', 'json'], { cwd: a });
    expect(cli.code, cli.stderr).not.toBe(2);
    const replylint = new ReplyLint({ cwd: b, fix: true });
    const results = await replylint.lintFiles('.');
    // Nothing is written until outputFixes.
    expect(tree(b)).toEqual(tree(join(ROOT, 'fixtures')));
    expect(results.some((r) => r.output !== undefined)).toBe(true);
    await ReplyLint.outputFixes(results);
    expect(tree(b)).toEqual(tree(a));
    expect(tree(a)).not.toEqual(tree(join(ROOT, 'fixtures')));
    expect(`${JSON.stringify(results)}\n`).toBe(cli.stdout);
  });

  it('outputFixes does not write a file that changed since it was linted', async () => {
    const dir = temp();
    cpSync(join(ROOT, 'fixtures/en/bad/refund-refused.md'), join(dir, 'a.md'));
    const results = await new ReplyLint({ cwd: dir, fix: true }).lintFiles('a.md');
    expect(results[0].output).toBeDefined();
    writeFileSync(join(dir, 'a.md'), 'changed\n');
    await expect(ReplyLint.outputFixes(results)).rejects.toThrow(/changed on disk since it was read; not written/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('changed\n');
  });
});

describe('loadFormatter', () => {
  it.each(['compact', 'stylish', 'sarif', 'json', 'junit', 'markdown', 'github'])('%s: the text of the same --format', async (name) => {
    const cli = runCli(['fixtures', '--format', name], { cwd: ROOT });
    const replylint = new ReplyLint({ cwd: ROOT });
    const formatter = await replylint.loadFormatter(name);
    expect(formatter.format(await replylint.lintFiles('fixtures'))).toBe(cli.stdout);
  });

  it('an unknown format is an error naming the formats', async () => {
    await expect(new ReplyLint().loadFormatter('compactt')).rejects.toThrow(/unknown format "compactt" — did you mean "compact"\?.*formats: /);
  });
});

describe('options are checked', () => {
  const make = (o: unknown) => () => new ReplyLint(o as never);

  it('unknown keys, with did-you-mean', () => {
    expect(make({ noconfig: true })).toThrow(TypeError);
    expect(make({ noconfig: true })).toThrow('unknown option "noconfig" — did you mean "noConfig"?');
    expect(make('x')).toThrow('options must be an object');
  });

  it('lang: the languages are listed', () => {
    expect(make({ lang: 'de' })).toThrow(/lang "de" is not a language replylint lints \(languages: en, nl/);
  });

  it('types and values', () => {
    expect(make({ fix: 'yes' })).toThrow('fix must be true or false, not "yes"');
    expect(make({ rules: { 'require-thanks': 'warn' } })).toThrow('rules["require-thanks"]: the severity must be off, info, warning or error, not "warn"');
    expect(make({ maxFileSize: 'big' })).toThrow(/maxFileSize must be/);
    expect(make({ config: 'a.yaml', noConfig: true })).toThrow(/cannot be used together/);
    expect(make({ onWarning: 1 })).toThrow(/onWarning must be a function/);
  });

  it('an unknown rule id, with did-you-mean, when the configs are read', async () => {
    const replylint = new ReplyLint({ cwd: ROOT, rules: { 'require-thank': 'off' } });
    await expect(replylint.lintText('Hi')).rejects.toThrow('rules: unknown rule "require-thank" — did you mean "require-thanks"?');
  });

  it('lintText(undefined) and lintFiles(42) are TypeErrors that say what is wrong', async () => {
    const replylint = new ReplyLint({ cwd: ROOT });
    await expect(replylint.lintText(undefined as never)).rejects.toThrow(new TypeError('lintText(text): text must be a string, not undefined'));
    await expect(replylint.lintFiles(42 as never)).rejects.toThrow(/patterns must be a string or an array of strings/);
    await expect(replylint.lintFiles('-')).rejects.toThrow(/lintText/);
  });

  it('a file that cannot be linted: onWarning is told; without it, lintFiles rejects', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.md'), 'Hi Sam,\n\nThanks for your message.\n');
    const warnings: ReplyLintWarning[] = [];
    const results = await new ReplyLint({ cwd: dir, onWarning: (w) => warnings.push(w) }).lintFiles(['a.md', 'missing.md']);
    expect(results.map((r) => r.filePath)).toEqual(['a.md']);
    expect(warnings).toEqual([{ severity: 'error', message: 'missing.md: no such file or directory' }]);
    await expect(new ReplyLint({ cwd: dir }).lintFiles(['a.md', 'missing.md'])).rejects.toThrow(/missing\.md: no such file or directory/);
  });
});

describe('configs', () => {
  it('isPathIgnored and calculateConfigForFile follow the configs', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, '.replylintrc.yaml'), 'ignorePatterns: ["drafts/**"]\nlanguage: nl\nrules:\n  require-thanks: off\n  no-shouting: [warning, {acronyms: [KPN]}]\n');
    const replylint = new ReplyLint({ cwd: dir, rules: { 'require-apology': 'info' } });
    expect(await replylint.isPathIgnored('drafts/a.md')).toBe(true);
    expect(await replylint.isPathIgnored('a.md')).toBe(false);
    const config = await replylint.calculateConfigForFile('a.md');
    expect(config.language).toBe('nl');
    expect(config.configFiles).toEqual(['.replylintrc.yaml']);
    expect(config.rules['require-thanks']).toBe('off');
    expect(config.rules['require-apology']).toBe('info');
    expect(config.rules['no-shouting']).toEqual(['warning', { acronyms: ['KPN'] }]);
    // An ignored file named to lintText gives no result, and a warning.
    const warnings: ReplyLintWarning[] = [];
    expect(await new ReplyLint({ cwd: dir, onWarning: (w) => warnings.push(w) }).lintText('Hi', { filePath: 'drafts/a.md' })).toEqual([]);
    expect(warnings).toEqual([{ severity: 'warning', message: 'drafts/a.md: ignored by an ignorePatterns entry in the config' }]);
  });

  it('40 folders with identical configs: one compiled rulebook, and the output of one config', async () => {
    const [per, one] = [temp(), temp()];
    const config = 'extends:\n  - replylint:recommended\nrules:\n  require-thanks: warning\n  no-shouting: [warning, {acronyms: [KPN, ING]}]\n';
    const files = readdirSync(join(ROOT, 'fixtures'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const root of [per, one]) {
      writeFileSync(join(root, '.git'), ''); // the top: configs above the temporary folder do not apply
      for (let i = 0; i < 40; i++) {
        const folder = join(root, `f${String(i).padStart(2, '0')}`);
        mkdirSync(folder);
        const f = files[i % files.length];
        cpSync(join(f.parentPath, f.name), join(folder, f.name));
        if (root === per) writeFileSync(join(folder, '.replylintrc.yaml'), config);
      }
    }
    writeFileSync(join(one, '.replylintrc.yaml'), config);
    // f39's rules differ (options change the rule), f38's only by a severity (the rule is the same).
    writeFileSync(join(per, 'f39', '.replylintrc.yaml'), config.replace('ING]', 'ING, ABN]'));
    writeFileSync(join(per, 'f38', '.replylintrc.yaml'), `${config}  require-apology: info\n`);
    const a = runCli(['.', '--format', 'json'], { cwd: per });
    const b = runCli(['.', '--format', 'json'], { cwd: one });
    expect(a.code, a.stderr).toBe(1);
    // Compare the 38 folders whose configs are the same.
    const without39 = (s: string) => JSON.stringify(JSON.parse(s).filter((r: { filePath: string }) => !/^f3[89]\//.test(r.filePath)));
    expect(without39(a.stdout)).toBe(without39(b.stdout));

    const replylint = new ReplyLint({ cwd: per });
    const books = await Promise.all(Array.from({ length: 40 }, (_, i) => replylint.calculateConfigForFile(`f${String(i).padStart(2, '0')}/x.md`)));
    expect(new Set(books.slice(0, 39).map((c) => c.rulebook)).size).toBe(1);
    expect(books[38].rules['require-apology']).toBe('info');
    expect(books[0].configFiles).toEqual(['f00/.replylintrc.yaml']);
    expect(books[1].configFiles).toEqual(['f01/.replylintrc.yaml']);
    // The folder whose rules differ has its own.
    expect(books[39].rulebook).not.toBe(books[0].rulebook);
    expect(`${JSON.stringify(await replylint.lintFiles('.'))}\n`).toBe(a.stdout);
  });
});

describe('a library, not a command', () => {
  it('writes nothing to stdout or stderr, and never exits', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const exit = vi.spyOn(process, 'exit');
    try {
      const warnings: ReplyLintWarning[] = [];
      const replylint = new ReplyLint({ cwd: ROOT, onWarning: (w) => warnings.push(w) });
      const results = await replylint.lintFiles(['fixtures', 'no-such-file.md']);
      await replylint.lintText('Hi Sam,\n\nAs I already said, no.\n', { filePath: 'x.md' });
      (await replylint.loadFormatter('stylish')).format(results);
      await replylint.calculateConfigForFile('x.md');
      await new ReplyLint({ cwd: ROOT }).lintFiles('no-such-file.md').catch(() => undefined);
      expect(warnings.length).toBe(1);
      expect(out).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
      expect(exit).not.toHaveBeenCalled();
    } finally {
      out.mockRestore();
      err.mockRestore();
      exit.mockRestore();
    }
  });

  it('gives the bundled rules and the kernel, so a program needs no rules/*.yaml of its own', async () => {
    const pkg = (await import('replylint')) as typeof import('../src/index.js');
    const rules = pkg.bundledRules();
    const listed = runCli(['rules', '--no-config']).stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(rules.map((r) => r.id).sort()).toEqual(listed.sort());
    const book = pkg.compileRulebook(rules, pkg.DEFAULTS);
    const text = 'Hi Sam,\n\nAs I already said, the refund takes five days.\n';
    expect(pkg.lint(text, book, { lang: 'en' }).diagnostics.map((d) => d.ruleId)).toContain('no-as-i-said');
    expect(pkg.fixText(text, book, { lang: 'en' }).output).not.toBe(text);
  });

  it('is the package\'s export, with types', async () => {
    const pkg = (await import('replylint')) as { ReplyLint?: unknown };
    expect(typeof pkg.ReplyLint).toBe('function');
    // The declarations package.json names, with the API's signatures and none of the command's internals.
    const types = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).types as string;
    expect(readFileSync(join(ROOT, types), 'utf8')).toContain('ReplyLint');
    const dts = readFileSync(join(ROOT, 'dist', 'types', 'api', 'replylint.d.ts'), 'utf8');
    expect(dts).toMatch(/lintFiles\(patterns: string \| readonly string\[\]\): Promise<ReplyLintResult\[\]>/);
    expect(dts).not.toMatch(/class Engine|commandEngine|\.\.\/cli\//);
  });
});
