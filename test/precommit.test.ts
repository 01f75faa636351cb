/**
 * The pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit: `pre-commit try-repo` installs
 * replylint the way a team's hook would (npm install, npm pack, npm install -g) and runs it on a good
 * and a bad macro in a throwaway git repository.
 *
 * try-repo installs from a commit, so the test commits a snapshot of this working tree (tracked and
 * untracked files, less what .gitignore leaves out) to a temporary repository: the same whether run on
 * a developer's uncommitted changes or on a fresh CI clone. Each try-repo installs from scratch, in a
 * store of its own (about a minute and a half each on a 2-core machine).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_EN, GOOD_EN } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const GOOD_NL = [
  'Beste Ans,',
  '',
  'Bedankt voor uw bericht, en excuses dat het pakket nog niet is aangekomen. Ik begrijp hoe vervelend dat is.',
  '',
  'Ik heb vandaag een nieuw pakket laten versturen en ik mail u morgen voor 17.00 uur de trackingcode.',
  '',
].join('\n');
const BAD_NL = 'Beste Ans,\n\nZoals ik al zei, duurt de terugbetaling vijf dagen.\n';

/** The environment of a developer's shell: none of what `npm test` or a surrounding git hook adds. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k.startsWith('GIT_') || k === 'INIT_CWD' || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  return { ...env, PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' };
}

function git(args: string[], cwd: string): string {
  const r = spawnSync('git', ['-c', 'user.name=replylint test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', env: shellEnv() });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${r.stderr}`);
  return r.stdout;
}

/** This working tree, committed to a temporary repository. */
function snapshot(): string {
  const dest = mkdtempSync(join(tmpdir(), 'replylint-hookrepo-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', env: shellEnv() });
  if (listed.status === 0) {
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
      mkdirSync(dirname(join(dest, file)), { recursive: true });
      cpSync(join(ROOT, file), join(dest, file));
    }
  } else {
    // not a git checkout (an unpacked archive): everything but what a build or install makes
    cpSync(ROOT, dest, { recursive: true, filter: (src) => !/[\\/](node_modules|dist|\.git)$/.test(src) });
  }
  git(['init', '-q'], dest);
  git(['add', '-A'], dest);
  git(['commit', '-q', '-m', 'snapshot of the working tree'], dest);
  return dest;
}

function preCommit(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('pre-commit', args, { cwd, env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Why an install failed, when it is the known trap: `npm pack` printing a lifecycle script's output on stdout. */
function explain(output: string): string {
  if (/seems to be corrupted|ENOENT[\s\S]*> replylint@/.test(output)) {
    return '\n\npre-commit reads the tarball name from `npm pack` stdout, and npm pack ran the prepare script in the foreground, printing its banner there: the repository needs an .npmrc with `foreground-scripts=false`.\n';
  }
  return '';
}

describe.skipIf(!hasPreCommit && !process.env.CI)('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  let project: string;
  let hookRepo: string;
  beforeAll(() => {
    if (!hasPreCommit) return;
    hookRepo = snapshot();
    project = mkdtempSync(join(tmpdir(), 'replylint-precommit-'));
    git(['init', '-q'], project);
    writeFileSync(join(project, 'good.md'), GOOD_EN);
    writeFileSync(join(project, 'goed.txt'), GOOD_NL);
    writeFileSync(join(project, 'bad.md'), BAD_EN);
    writeFileSync(join(project, 'fout.txt'), BAD_NL);
    writeFileSync(join(project, 'bad.html'), BAD_EN);
    git(['add', '-A'], project);
  }, 120_000);

  it('pre-commit is installed (CI installs Debian\'s pre-commit in .ci/run)', () => {
    expect(hasPreCommit, 'pre-commit is not on PATH: install it (apt-get install pre-commit, or pipx install pre-commit) to test the hook').toBe(true);
  });

  it.skipIf(!hasPreCommit)(
    'try-repo: a good macro passes (exit 0), a bad one fails (exit 1) with the problem; only Markdown and plain text are linted',
    async () => {
      // one after the other: each is CPU-bound (npm install, tsc), so side by side is no faster
      const good = await preCommit(['try-repo', hookRepo, 'replylint', '--color', 'never', '--files', 'good.md', 'goed.txt'], project);
      expect(good.code, `${good.output}${explain(good.output)}`).toBe(0);
      expect(good.output).toMatch(/^replylint\.+Passed$/m);

      const bad = await preCommit(['try-repo', hookRepo, 'replylint', '--color', 'never', '--files', 'bad.md', 'fout.txt', 'bad.html'], project);
      expect(bad.code, `${bad.output}${explain(bad.output)}`).toBe(1);
      expect(bad.output).toMatch(/^replylint\.+Failed$/m);
      expect(bad.output).toMatch(/^- exit code: 1$/m);
      expect(bad.output).toMatch(/^bad\.md$/m);
      expect(bad.output).toMatch(/^fout\.txt$/m);
      expect(bad.output).toMatch(/3:1 +error [^]+?no-as-i-said/);
      expect(bad.output).not.toMatch(/bad\.html/);
    },
    15 * 60_000,
  );
});
