/** Hostile input through the real CLI: see test/robustness.matrix.ts and docs/robustness.md. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, type TestContext } from 'vitest';
import { compileRulebook, lint } from '../src/core/engine.js';
import { DEFAULTS } from '../src/defaults.js';
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
const ROOT_USER = process.getuid?.() === 0;
/** As root, the CLI runs as the unprivileged user nobody (setpriv), so that permissions really apply; otherwise as this user. */
function runUnprivileged(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const cmd = ROOT_USER ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** For hang tests: a CLI that hangs is killed with SIGKILL after `timeout` (a blocked process may not answer SIGTERM). */
function runOrKill(args: string[], cwd: string, timeout = 20_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Spawn the CLI; resolves with its exit code, or 128 + n when a signal ended it (as a shell shows it). */
function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.on('exit', (c, signal) => r(c ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : null))));
  let done = false;
  void exited.then(() => (done = true));
  return { child, exited, running: () => !done };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PLAIN = ['--rule', 'require-thanks=off', '--rule', 'require-apology=off', '--rule', 'require-acknowledgement=off', '--rule', 'require-next-step=off'];
const compact = (args: string[], cwd: string) => run(['-f', 'compact', '--rule', 'require-thanks=off', '--rule', 'require-apology=off', '--rule', 'require-acknowledgement=off', '--rule', 'require-next-step=off', ...args], cwd);

const tests: Record<string, (ctx: TestContext) => void | Promise<void>> = {
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
  'run-on'() {
    const d = dir({ 'run-on.md': `${'THIS IS NOT OUR FAULT and as I already said the parcel arrives soon and '.repeat(20_000)}\n` });
    const r = runCli(['run-on.md', '--format', 'json', '--no-config'], { cwd: d, timeout: 60_000 });
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; suggestion?: string }[];
    expect(messages.filter((m) => m.ruleId === 'no-shouting')).toHaveLength(20_000);
    expect(messages.filter((m) => m.ruleId === 'no-as-i-said')).toHaveLength(20_000);
    expect(messages.find((m) => m.ruleId === 'no-shouting')!.suggestion).toContain('→');
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
    const d = dir({ 'x.md': BAD, 'b.md': BAD });
    chmodSync(d, 0o755);
    chmodSync(join(d, 'b.md'), 0o644);
    chmodSync(join(d, 'x.md'), 0);
    const r = runUnprivileged(['-f', 'compact', ...PLAIN, 'x.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: x.md: permission denied\n');
    expect(r.stdout).toMatch(/^b\.md:1:1: error/m);
    expect(r.code).toBe(2);
  },
  fifo() {
    const d = dir({ 'b.md': BAD });
    expect(spawnSync('mkfifo', [join(d, 'x.md')]).status).toBe(0);
    symlinkSync('/dev/zero', join(d, 'zero.md'));
    const r = runOrKill(['-f', 'compact', ...PLAIN, 'x.md', 'zero.md', 'b.md'], d);
    expect(r.stderr).toBe('replylint: x.md: not a regular file (a FIFO or a device), skipped\nreplylint: zero.md: not a regular file (a FIFO or a device), skipped\n');
    expect(r.stdout).toMatch(/^b\.md:1:1: error/m);
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
  'symlinked-replies'() {
    const outside = dir({ 'secret.md': BAD });
    const d = dir({ 'b.md': BAD });
    symlinkSync(join(outside, 'secret.md'), join(d, 'link.md'));
    symlinkSync(outside, join(d, 'linked-dir'));
    for (const args of [['.'], ['*.md'], ['**/*.md']]) {
      const r = compact(args, d);
      expect(r.stdout).toMatch(/^b\.md:1:1/m);
      expect(r.stdout).not.toMatch(/link|secret/);
    }
    // Fixing the folder leaves the file outside alone.
    run(['.', '--fix'], d);
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe(BAD);
    // Named on the command line, a link is followed.
    expect(compact(['link.md'], d).stdout).toMatch(/^link\.md:1:1: error/m);
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
    expect(r.status).toBe(1);
    // A clean run into a closed pipe still exits 0.
    writeFileSync(join(d, 'r0.md'), 'Hello.\n');
    const clean = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} r0.md -f json | head -c 1`], { cwd: d, encoding: 'utf8' });
    expect([clean.status, clean.stderr]).toEqual([0, '']);
    // stderr into the same closed pipe (300 binary files, a message each): still the run's exit code, 2.
    for (let i = 0; i < 300; i++) writeFileSync(join(d, `r${i}.md`), Buffer.from([0, 1]));
    const both = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} . 2>&1 | head -1`], { cwd: d, encoding: 'utf8' });
    expect(both.status).toBe(2);
  },
  'stdout-error'() {
    const d = dir({ 'ok.md': 'Hello.\n', 'b.md': BAD });
    for (const [file, format] of [['ok.md', 'json'], ['b.md', 'stylish']]) {
      const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} -f ${format} ${file} > /dev/full`], { cwd: d, encoding: 'utf8' });
      expect(r.stderr).toBe('replylint: cannot write to stdout: ENOSPC: no space left on device, write\n');
      expect(r.status).toBe(2);
    }
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
  async signals() {
    // One large file (one long paragraph) that takes many seconds: the signal comes while it is being linted.
    const d = dir({ 'big.md': 'As I already said, check our website. It is NOT ok!! Sorry for that. '.repeat(400_000) });
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      for (const extra of [[], ['--fix']]) {
        const p = start(['big.md', '--max-file-size', '50mb', ...extra], d);
        await sleep(1500);
        // Still busy with the file (reading 28 MB takes a fraction of that).
        expect(p.running()).toBe(true);
        const sent = Date.now();
        p.child.kill(signal);
        const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
        expect(await p.exited).toBe(code);
        clearTimeout(timer);
        expect(Date.now() - sent).toBeLessThan(10_000);
        expect(readdirSync(d)).toEqual(['.git', 'big.md']);
      }
    }
  },
  'stdin-size'() {
    const d = dir();
    const limit = 1024 * 1024;
    const over = run(['-', '--max-file-size', '1mb'], d, { input: 'a'.repeat(limit + 1) });
    expect(over.stderr).toMatch(/^replylint: <stdin>: too large \(1\.0 MB or more, --max-file-size is 1\.0 MB\), skipped\n$/);
    expect(over.code).toBe(2);
    const at = run(['-', '--max-file-size', '1mb', '-f', 'compact', ...PLAIN], d, { input: `${BAD}${'a'.repeat(limit - BAD.length)}` });
    expect([at.stderr, at.code]).toEqual(['', 1]);
    expect(at.stdout).toMatch(/^<stdin>:1:1: error/m);
  },
  escapes() {
    const name = 'x\u001b[2J\nevil\u202e.md';
    const d = dir({ [name]: BAD, 'bin\u001b]0;title\u0007.md': Buffer.from([0, 1, 2]), '.replylintrc.yaml': 'extends: [replylint:recommended, ./team]\n' });
    mkdirSync(join(d, 'team'));
    writeFileSync(join(d, 'team', 'no-thing.yaml'), 'id: no-thing\nkind: phrase\nseverity: warning\ndescription: {en: d, nl: d}\nsource: [{seed: s, quote: q}]\nmessage: {en: "bad\\e[31m red\\u202e", nl: m}\npatterns: {en: ["no"], nl: ["nee"]}\n');
    for (const format of ['compact', 'stylish']) {
      const r = run(['-f', format, ...PLAIN, '.'], d);
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
      expect(r.stdout).toContain('x\\x1b[2J\\x0aevil\\u202e.md');
      expect(r.stdout).toContain('bad\\x1b[31m red\\u202e');
      expect(r.stderr).toBe('replylint: bin\\x1b]0;title\\x07.md: binary file (it contains NUL bytes), skipped\n');
    }
    // Machine formats keep the name as it is (JSON escapes it its own way).
    const json = JSON.parse(run(['-f', 'json', ...PLAIN, '.'], d).stdout) as { filePath: string }[];
    expect(json.map((f) => f.filePath)).toContain(name);
  },
  'fix-links'() {
    const fixable = 'Hi Sam,\n\nAs I already said, the refund takes five days.\n';
    const fixed = 'Hi Sam,\n\nThe refund takes five days.\n';
    const d = dir({ 'h1.md': fixable });
    mkdirSync(join(d, 't'));
    writeFileSync(join(d, 't', 'real.md'), fixable);
    symlinkSync('t/real.md', join(d, 'link.md'));
    linkSync(join(d, 'h1.md'), join(d, 'h2.md'));
    run(['link.md', 'h1.md', '--fix', ...PLAIN], d);
    expect(lstatSync(join(d, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 't', 'real.md'), 'utf8')).toBe(fixed);
    expect(readFileSync(join(d, 'h2.md'), 'utf8')).toBe(fixed);
    expect(statSync(join(d, 'h1.md')).ino).toBe(statSync(join(d, 'h2.md')).ino);
    expect(readdirSync(d).sort()).toEqual(['.git', 'h1.md', 'h2.md', 'link.md', 't']);
  },
  'fix-owner'(ctx) {
    if (!ROOT_USER) return ctx.skip('needs root: giving a file another owner');
    const fixable = 'Hi Sam,\n\nAs I already said, the refund takes five days.\n';
    const d = dir({ 'a.md': fixable, 'b.md': fixable });
    chmodSync(d, 0o777);
    chownSync(join(d, 'a.md'), 1234, 1234);
    chmodSync(join(d, 'a.md'), 0o640);
    run(['a.md', '--fix', ...PLAIN], d);
    const a = statSync(join(d, 'a.md'));
    expect([a.uid, a.gid, a.mode & 0o7777]).toEqual([1234, 1234, 0o640]);
    expect(readFileSync(join(d, 'a.md'), 'utf8')).not.toBe(fixable);
    // nobody may write b.md (group nogroup, mode 664) but cannot give a new file its owner 1234: written in place.
    chownSync(join(d, 'b.md'), 1234, 65534);
    chmodSync(join(d, 'b.md'), 0o664);
    const r = runUnprivileged(['b.md', '--fix', ...PLAIN], d);
    expect(r.stderr).toBe('');
    const b = statSync(join(d, 'b.md'));
    expect([b.uid, b.gid, b.mode & 0o7777]).toEqual([1234, 65534, 0o664]);
    expect(readFileSync(join(d, 'b.md'), 'utf8')).not.toBe(fixable);
    expect(readdirSync(d).sort()).toEqual(['.git', 'a.md', 'b.md']);
    // A file nobody may write, in a folder where nobody cannot create files: written in place.
    const e = dir({ 'c.md': fixable });
    chmodSync(e, 0o755);
    chmodSync(join(e, 'c.md'), 0o666);
    expect(runUnprivileged(['c.md', '--fix', ...PLAIN], e).stderr).toBe('');
    expect(readFileSync(join(e, 'c.md'), 'utf8')).not.toBe(fixable);
    expect(statSync(join(e, 'c.md')).uid).toBe(0);
  },
  'cache-file'() {
    const d = dir({ 'b.md': BAD });
    const plain = compact(['b.md'], d).stdout;
    const cached = (location: string) => runOrKill(['-f', 'compact', ...PLAIN, 'b.md', '--cache', '--cache-location', location], d);
    symlinkSync('/dev/zero', join(d, 'zero'));
    expect(spawnSync('mkfifo', [join(d, 'fifo')]).status).toBe(0);
    for (const location of ['zero', 'fifo']) {
      const r = cached(location);
      expect(r.stderr).toBe(`replylint: warning: the cache ${location}: not a regular file; ignored\n`);
      expect(r.stdout).toBe(plain);
      expect(lstatSync(join(d, location)).isFile()).toBe(true);
    }
    writeFileSync(join(d, 'huge'), '');
    truncateSync(join(d, 'huge'), 256 * 1024 * 1024 + 1);
    const huge = cached('huge');
    expect(huge.stderr).toBe('replylint: warning: the cache huge: too large (256.0 MB, at most 256 MB); ignored\n');
    expect(huge.stdout).toBe(plain);
    expect(statSync(join(d, 'huge')).size).toBeLessThan(10_000);
  },
  'cache-entries'() {
    const d = dir({ 'b.md': BAD, 'ok.md': 'Hello.\n' });
    const args = ['-f', 'json', 'b.md', 'ok.md', '--cache'];
    const plain = run(['-f', 'json', 'b.md', 'ok.md'], d);
    expect(run(args, d).stdout).toBe(plain.stdout);
    const file = join(d, '.replylintcache');
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const forgeries: ((e: any) => void)[] = [
      (e) => (e['b.md'].outcome.report.messages = null),
      (e) => delete e['b.md'].outcome.report,
      (e) => (e['b.md'].outcome = null),
      (e) => (e['b.md'].outcome.report = e['ok.md'].outcome.report),
      (e) => (e['b.md'].outcome.fatal = 'no'),
      (e) => (e['b.md'].outcome.report.messages[0].line = -1),
      (e) => (e['b.md'].outcome.report.errorCount = 0),
    ];
    for (const forge of forgeries) {
      const data = structuredClone(good);
      forge(data.entries);
      writeFileSync(file, JSON.stringify(data));
      const r = run(args, d);
      expect([r.code, r.stderr, r.stdout]).toEqual([plain.code, plain.stderr, plain.stdout]);
    }
  },
  async 'cache-temp'() {
    const d = dir({ 'b.md': BAD });
    const outside = dir({ 'target.txt': 'keep me\n' });
    // The old predictable name needs the process id: plant the link before the run gets to saving.
    const p = start(['b.md', '--cache'], d);
    symlinkSync(join(outside, 'target.txt'), join(d, `..replylintcache.${p.child.pid}.tmp`));
    await p.exited;
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe('keep me\n');
    expect(JSON.parse(readFileSync(join(d, '.replylintcache'), 'utf8')).tool).toBe('replylint');
    // A cache that cannot be saved (its place is a folder): a warning, no temporary file left.
    const e = dir({ 'b.md': BAD });
    mkdirSync(join(e, 'cache', 'x'), { recursive: true });
    const r = run(['b.md', '--cache', '--cache-location', 'cache'], e);
    expect(r.stderr).toMatch(/^replylint: warning: could not write the cache cache: EISDIR/m);
    expect(readdirSync(e).sort()).toEqual(['.git', 'b.md', 'cache']);
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
    const book = compileRulebook(loadRuleDir(BUNDLED_RULES_DIR), DEFAULTS);
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
  for (const row of MATRIX) it(`robustness: ${row.id}`, (ctx) => tests[row.id](ctx), 120_000);
});
