/** Hostile input through the real CLI: see test/robustness.matrix.ts and docs/robustness.md. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulebook, lint } from '../src/core/engine.js';
import { BUNDLED_RULES_DIR, loadRuleDir } from '../src/cli/rules.js';
import { MATRIX, renderMatrix } from './robustness.matrix.js';
import { BIN, runCli } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BAD = 'As I already said, no.\n';

const run = (args: string[], cwd: string, opts: { input?: string; timeout?: number } = {}) => runCli(args, { cwd, input: opts.input, timeout: opts.timeout ?? 60_000 });
function dir(files: Record<string, string | Buffer> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'replylint-hostile-'));
  mkdirSync(join(d, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}
const compact = (args: string[], cwd: string) => run(['-f', 'compact', '--rule', 'require-thanks=off', '--rule', 'require-apology=off', '--rule', 'require-acknowledgement=off', '--rule', 'require-next-step=off', ...args], cwd);

const tests: Record<string, () => void | Promise<void>> = {
  empty() {
    const d = dir({ 'empty.md': '', 'blank.md': ' \n\t\r\n  \n' });
    const r = run(['empty.md', 'blank.md'], d);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  },
  binary() {
    const d = dir({ 'x.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'b.md': BAD });
    const r = compact(['x.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: x.md: binary file (it contains NUL bytes), skipped\n');
    expect(r.stdout).toMatch(/^b\.md:1:1: error/m);
    expect(r.code).toBe(2);
  },
  'invalid-utf8'() {
    const d = dir({ 'x.md': Buffer.concat([Buffer.from('ok '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' as I already said, no.\n')]) });
    const r = compact(['x.md'], d);
    expect(r.stderr).toBe('replylint: warning: x.md: invalid UTF-8: the bad bytes were read as U+FFFD\n');
    // "ok " + 3 replacement characters + " " = column 8 for "as I already said".
    expect(r.stdout).toMatch(/^x\.md:1:8: error: .*\(no-as-i-said\)$/m);
  },
  utf16() {
    const text = '\uFEFFAs I already said, no.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const d = dir({ 'le.md': le, 'be.md': be });
    const r = compact(['le.md', 'be.md'], d);
    expect(r.stderr).toBe('replylint: warning: le.md: decoded as UTF-16 LE\nreplylint: warning: be.md: decoded as UTF-16 BE\n');
    expect(r.stdout).toMatch(/^le\.md:1:1: error: .*no-as-i-said/m);
    expect(r.stdout).toMatch(/^be\.md:1:1: error: .*no-as-i-said/m);
    const fixed = run(['le.md', '--fix'], d);
    expect(fixed.stderr).toMatch(/le\.md: not fixed: decoded as UTF-16 LE/);
    expect(readFileSync(join(d, 'le.md')).equals(le)).toBe(true);
  },
  huge() {
    const d = dir({ 'big.md': 'Hello there. '.repeat(1_000_000), 'b.md': BAD });
    const r = compact(['big.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: big.md: too large (12.4 MB, --max-file-size is 10.0 MB), skipped\n');
    expect(r.stdout).toMatch(/^b\.md:1:1/m);
    expect(r.code).toBe(2);
    expect(run(['big.md', '--max-file-size', 'lots'], d).code).toBe(2);
  },
  'long-line'() {
    const d = dir({ 'line.md': `${'word '.repeat(1_000_000)}as I already said.\n` });
    const r = compact(['line.md'], d);
    expect(r.stdout).toBe(`line.md:1:5000001: error: “as I already said” tells the customer they should have listened the first time. (no-as-i-said)\n`);
  },
  nesting() {
    const d = dir({ 'quotes.md': `${'>'.repeat(10_000)} as I already said\n\nAs I already said.\n`, 'lists.md': `${'- '.repeat(10_000)}x\n\nAs I already said.\n` });
    const r = compact(['quotes.md', 'lists.md'], d);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^quotes\.md:3:1: error/m);
    expect(r.stdout).toMatch(/^lists\.md:3:1: error/m);
  },
  placeholders() {
    const d = dir({ 'p.md': `${'{{ticket.id}} '.repeat(100_000)}\n\nAs I already said.\n` });
    const r = compact(['p.md'], d);
    expect(r.stdout).toBe('p.md:3:1: error: “As I already said” tells the customer they should have listened the first time. (no-as-i-said)\n');
  },
  'line-endings'() {
    const d = dir({ 'm.txt': 'Hi,\r\nok\rfine\nAs I already said,\r\nno.' });
    expect(compact(['m.txt'], d).stdout).toMatch(/^m\.txt:4:1: error/m);
  },
  missing() {
    const d = dir({ 'b.md': BAD });
    const r = compact(['gone.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: gone.md: no such file or directory\n');
    expect(r.stdout).toMatch(/^b\.md:1:1/m);
    expect(r.code).toBe(2);
  },
  unreadable() {
    if (process.getuid?.() === 0) return; // root reads everything
    const d = dir({ 'x.md': BAD, 'b.md': BAD });
    chmodSync(join(d, 'x.md'), 0);
    const r = compact(['x.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: x.md: permission denied\n');
    expect(r.code).toBe(2);
  },
  symlinks() {
    const d = dir({ 'b.md': BAD });
    symlinkSync('loop2.md', join(d, 'loop1.md'));
    symlinkSync('loop1.md', join(d, 'loop2.md'));
    symlinkSync('nowhere.md', join(d, 'dangling.md'));
    mkdirSync(join(d, 'sub'));
    symlinkSync('..', join(d, 'sub', 'up'));
    symlinkSync('.', join(d, 'sub', 'self'));
    const walked = compact(['.'], d);
    expect(walked.stdout).toMatch(/^b\.md:1:1/m);
    expect(walked.stderr).toBe('');
    const named = compact(['loop1.md'], d);
    expect(named.stderr).toBe('replylint: loop1.md: too many levels of symbolic links\n');
    expect(named.code).toBe(2);
  },
  'odd-paths'() {
    const name = '-rare naam é 😀.md';
    const d = dir({ [name]: BAD });
    const r = compact(['--', name], d);
    expect(r.stdout).toBe(`${name}:1:1: error: “As I already said” tells the customer they should have listened the first time. (no-as-i-said)\n`);
  },
  async epipe() {
    const d = dir();
    for (let i = 0; i < 300; i++) writeFileSync(join(d, `r${i}.md`), BAD);
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} . --no-color | head -1`], { cwd: d, encoding: 'utf8' });
    expect(r.stdout.split('\n').length).toBe(2);
    expect(r.stderr).toBe('');
  },
  async sigint() {
    const d = dir();
    // Files long enough that the run lasts seconds: the signal comes in the middle of it.
    const reply = `${BAD}\n${'Thanks for your patience while we sort this out. '.repeat(200)}\n`;
    for (let i = 0; i < 1000; i++) writeFileSync(join(d, `r${i}.md`), reply);
    const child = spawn(process.execPath, [BIN, '.', '--fix'], { cwd: d, stdio: 'ignore' });
    // Listen from the start: a run can be over before the signal is sent.
    // Killed before its handler is set up, the process ends by the signal itself (a shell shows 130 too).
    const exited = new Promise<number | null>((r) => child.on('exit', (c, signal) => r(c ?? (signal === 'SIGINT' ? 130 : null))));
    let done = false;
    void exited.then(() => (done = true));
    // Signal it once the first file (r0.md, first in order) has been fixed.
    const deadline = Date.now() + 30_000;
    while (!done && Date.now() < deadline && readFileSync(join(d, 'r0.md'), 'utf8') === reply) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(d).filter((n) => n.includes('.tmp'))).toEqual([]);
    // It stopped soon (it lets signals in every few files), and every file is entirely old or entirely new.
    const contents = readdirSync(d)
      .filter((n) => n.endsWith('.md'))
      .map((n) => readFileSync(join(d, n), 'utf8'));
    const fixed = readFileSync(join(d, 'r0.md'), 'utf8');
    expect(fixed).not.toBe(reply);
    expect(contents.filter((c) => c !== reply && c !== fixed)).toEqual([]);
    expect(contents.filter((c) => c === reply).length).toBeGreaterThan(500);
  },
  'yaml-errors'() {
    const d = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error\n', 'b.md': BAD });
    const r = run(['b.md'], d);
    expect(r.stderr).toMatch(/^replylint: \.replylintrc\.yaml:\d+:\d+: invalid YAML: /);
    expect(r.code).toBe(2);
  },
  'yaml-bomb'() {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const d = dir({ '.replylintrc.yaml': `${lines.join('\n')}\n`, 'b.md': BAD });
    const r = run(['b.md'], d, { timeout: 10_000 });
    expect(r.stderr).toMatch(/invalid YAML: .*alias/i);
    expect(r.code).toBe(2);
  },
  'big-yaml'() {
    const d = dir({ '.replylintrc.yaml': 'extends: [replylint:recommended, ./r]\n', 'b.md': BAD });
    mkdirSync(join(d, 'r'));
    writeFileSync(join(d, 'r', 'no-big.yaml'), `id: no-big\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const r = run(['b.md'], d, { timeout: 10_000 });
    expect(r.stderr).toBe('replylint: r/no-big.yaml:1:1: too large (10.0 MB): rule and config files are at most 1 MB\n');
    expect(r.code).toBe(2);
  },
  redos() {
    const cases: [string, RegExp][] = [
      ['(a+)+$', /could take exponential time/],
      ['x(\\w+\\s?)*$', /could take exponential time/],
      ['(\\w+\\s?)*$', /matches empty text/],
    ];
    for (const [p, why] of cases) {
      const d = dir({ '.replylintrc.yaml': `placeholders: ['${p}']\n`, 'a.md': `${'a'.repeat(100_000)}!\n` });
      const r = run(['a.md'], d, { timeout: 10_000 });
      expect(r.stderr).toMatch(why);
      expect(r.code).toBe(2);
    }
  },
  'empty-match'() {
    const d = dir({ '.replylintrc.yaml': 'placeholders: ["x?"]\n', 'b.md': BAD });
    expect(run(['b.md'], d).stderr).toMatch(/matches empty text/);
    const e = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {en: ["(maybe)"]}}]\n', 'b.md': BAD });
    expect(run(['b.md'], e).stderr).toMatch(/can match nothing at all/);
  },
  'many-rules'() {
    const d = dir({ '.replylintrc.yaml': 'extends: [replylint:recommended, ./team]\n', 'b.md': 'We use word9999 here.\n' });
    mkdirSync(join(d, 'team'));
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(
        join(d, 'team', `no-word${i}.yaml`),
        `id: no-word${i}\nkind: phrase\nseverity: warning\ndescription: {en: d, nl: d}\nsource: [{seed: s, quote: q}]\nmessage: {en: m, nl: m}\npatterns: {en: ["word${i}"], nl: ["woord${i}"]}\n`,
      );
    }
    const r = compact(['b.md'], d);
    expect(r.stdout).toBe('b.md:1:8: warning: m (no-word9999)\n');
  },
  fuzz() {
    const book = compileRulebook(loadRuleDir(BUNDLED_RULES_DIR));
    const md = fc.array(fc.constantFrom('# ', '- ', '> ', '*', '_', '`', '[', '](x)', '\n', '\r\n', '\n\n', '{{x}}', '<!-- c -->', 'As I already said', 'check our website', 'NOT', '!!', 'é', '😀', '\t', ' ', 'word'), { maxLength: 40 }).map((a) => a.join(''));
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), md);
    fc.assert(
      fc.property(text, fc.constantFrom('markdown' as const, 'text' as const), (t, fileType) => {
        const a = lint(t, book, { fileType });
        expect(lint(t, book, { fileType })).toEqual(a);
        const body = t.startsWith('\uFEFF') ? t.slice(1) : t;
        for (const d of a.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(body.length);
          expect(d.offset).toBeLessThanOrEqual(d.endOffset);
        }
      }),
      { numRuns: 400 },
    );
    // Linear work: n paragraphs take n times the regular-expression runs of one.
    const calls = (n: number) => {
      let count = 0;
      const exec = RegExp.prototype.exec;
      RegExp.prototype.exec = function (this: RegExp, s: string) {
        count++;
        return exec.call(this, s);
      };
      try {
        lint(Array(n).fill('Hi, as I already said: check our website. It is NOT ok!!').join('\n\n'), book, { lang: 'en' });
      } finally {
        RegExp.prototype.exec = exec;
      }
      return count;
    };
    const [one, ten, hundred] = [calls(1), calls(10), calls(100)];
    expect(hundred / ten).toBeLessThan(10 * 1.1);
    expect(ten / one).toBeLessThan(10 * 1.1);
  },
};

describe('robustness matrix (docs/robustness.md)', () => {
  it('docs/robustness.md is generated from the matrix (run `npm run docs` when this fails)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'robustness.md'), 'utf8')).toBe(renderMatrix());
  });
  it('every row has a test', () => {
    expect(MATRIX.map((r) => r.id).sort()).toEqual(Object.keys(tests).sort());
  });
  for (const row of MATRIX) it(`robustness: ${row.id}`, tests[row.id], 120_000);
});
