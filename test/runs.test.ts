/** Large runs: the cache, the progress line, worker threads — through the real CLI. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers.js';

const run = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, { cwd, env });

const REPLIES = [
  'Hi Sam,\n\nAs I already said, the refund takes five days. Check our website!!\n',
  '---\nlang: nl\n---\n\nBeste Ans,\n\nZoals ik al zei: dat is ons beleid. Kijk op onze website.\n',
  'Thank you for your message, and I am sorry for the wait. I understand how annoying that is. I will call you tomorrow before 12:00.\n',
  'Hoi Tim,\n\n- Bedankt voor je bericht.\n- De bezorger heeft het pakket kwijtgemaakt.\n\n| a | b |\n|---|---|\n| NIET | ok |\n',
];

/** A repository (its own .git) with `count` replies in macros/, m000.md on (the digits of count - 1). */
function macros(count: number): string {
  const d = mkdtempSync(join(tmpdir(), 'replylint-runs-'));
  mkdirSync(join(d, '.git'));
  mkdirSync(join(d, 'macros'));
  const digits = String(count - 1).length;
  for (let i = 0; i < count; i++) writeFileSync(join(d, 'macros', `m${String(i).padStart(digits, '0')}.md`), REPLIES[i % REPLIES.length].replace('Sam', `Sam ${i}`));
  return d;
}

let dir: string;
beforeAll(() => {
  dir = macros(260);
});

describe('worker threads', () => {
  it('give the same output, in the same order, as one thread', () => {
    for (const format of ['json', 'stylish', 'compact']) {
      const one = run(['macros', '-f', format], dir, { REPLYLINT_WORKERS: '0' });
      expect(one.stdout.length).toBeGreaterThan(1000);
      // The main thread lints alongside the workers: with one worker (the default on two cores) and with two.
      for (const workers of ['1', '2']) {
        const many = run(['macros', '-f', format], dir, { REPLYLINT_WORKERS: workers });
        expect(many.stdout).toBe(one.stdout);
        expect(many.code).toBe(one.code);
      }
    }
  });
});

describe('worker threads by default', () => {
  // The command's own choice, without REPLYLINT_WORKERS: a worker from 1,000 files (src/cli/pool.ts),
  // one per core beyond the first, at most 3. --debug says how many linted.
  const cores = Math.min(availableParallelism(), 4) - 1;
  let big: string;
  beforeAll(() => {
    big = macros(1000);
  });
  const env = { REPLYLINT_WORKERS: '' };

  it('start from 1,000 files, and the output is that of one thread, in order', () => {
    const many = run(['macros', '--debug', '-f', 'compact'], big, env);
    expect(many.stderr).toContain(`replylint: debug: 1000 files, linted on the main thread${cores ? ` and ${cores} worker thread` : ' only'}`);
    const one = run(['macros', '-f', 'compact'], big, { REPLYLINT_WORKERS: '0' });
    expect(one.stdout.split('\n').length).toBeGreaterThan(2000);
    expect(many.stdout).toBe(one.stdout);
    expect(many.code).toBe(one.code);
  });

  it('do not start below 1,000 files', () => {
    const r = run(['macros/m[0-8]*.md', 'macros/m9[0-8]*.md', 'macros/m99[0-8].md', '--debug', '-f', 'compact'], big, env);
    expect(r.stderr).toContain('replylint: debug: 999 files, linted on the main thread only');
  });
});

describe('--cache', () => {
  it('replays unchanged files, re-lints changed ones, and follows config changes', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
    mkdirSync(join(d, '.git'));
    writeFileSync(join(d, 'a.md'), REPLIES[0]);
    writeFileSync(join(d, 'b.md'), REPLIES[1]);
    const first = run(['.', '--cache', '-f', 'json'], d);
    const cacheFile = join(d, '.replylintcache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cache.entries).sort()).toEqual(['a.md', 'b.md']);
    expect(run(['.', '--cache', '-f', 'json'], d).stdout).toBe(first.stdout);

    // Prove the replay: a result planted in the cache comes back while the file is unchanged...
    cache.entries['a.md'].outcome.report.messages[0].message = 'planted in the cache';
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(run(['a.md', '--cache', '-f', 'compact'], d).stdout).toContain('planted in the cache');
    // ...and is gone once the file changes.
    writeFileSync(join(d, 'a.md'), `${REPLIES[0]}\n`);
    expect(run(['a.md', '--cache', '-f', 'compact'], d).stdout).not.toContain('planted in the cache');

    // A changed severity in the config changes the next cached run.
    writeFileSync(join(d, '.replylintrc.yaml'), 'rules:\n  no-as-i-said: warning\n');
    const after = JSON.parse(run(['a.md', '--cache', '-f', 'json'], d).stdout)[0];
    expect(after.messages.find((m: { ruleId: string }) => m.ruleId === 'no-as-i-said').severity).toBe('warning');
  });

  it('a corrupt or foreign cache file is ignored and rewritten, never a crash', () => {
    const d = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
    writeFileSync(join(d, 'a.md'), REPLIES[0]);
    const plain = run(['a.md', '-f', 'json'], d).stdout;
    for (const junk of ['not json at all', '{"tool":"eslint","entries":[]}', '{"tool":"replylint","format":1,"version":"0.0.0","entries":{"a.md":{"hash":1}}}', '\u0000\u0001']) {
      writeFileSync(join(d, 'cache'), junk);
      const r = run(['a.md', '--cache', '--cache-location', 'cache', '-f', 'json'], d);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(plain);
      expect(JSON.parse(readFileSync(join(d, 'cache'), 'utf8')).tool).toBe('replylint');
    }
  });
});

describe('progress', () => {
  it('shows "n/total files" on a terminal and erases it; nothing when stderr is not a terminal', () => {
    const piped = run(['macros'], dir);
    expect(piped.stderr).toBe('');
    // `script` gives the command a terminal.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${BIN} macros > /dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REPLYLINT_WORKERS: '0' } });
    expect(tty.stdout).toMatch(/replylint: \d+\/260 files, \d+\.\d s/);
    expect(tty.stdout.endsWith('\r\u001b[K')).toBe(true);
    const json = spawnSync('script', ['-qec', `${process.execPath} ${BIN} macros -f json > /dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(json.stdout).not.toMatch(/files, \d/);
  });
});
