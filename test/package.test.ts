/**
 * What `npm pack` ships: every JavaScript file is loaded (an entry in
 * package.json bin/exports, imported by one, or loaded at run time: a
 * formatter, the worker thread), and nothing from the repository's own tools
 * (tests, benchmark, scripts, sources, fixtures). Needs a build (npm test builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// --ignore-scripts: `prepare` would build again; the suite has built already.
const packed = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
const shipped = packed[0].files.map((f) => f.path).sort();

const norm = (p: string) => posix.normalize(p.replace(/^\.\//, ''));

/** Relative imports in a shipped file (static, re-exports and dynamic with a literal), as package paths. */
function importsOf(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => norm(posix.join(posix.dirname(file), s)));
}

describe('npm pack', () => {
  it('ships every entry and its types', () => {
    const entries = [...Object.values(pkg.bin), pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : [e.types, e.default]))].map(norm);
    for (const e of entries) expect(shipped, e).toContain(e);
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './browser', './remark']));
  });

  it('every shipped .js file is reachable: an entry, imported by one, or loaded at run time', async () => {
    const { formatterNames } = (await import(pathToFileURL(join(ROOT, 'scripts/bundle.mjs')).href)) as { formatterNames: () => string[] };
    const roots = [
      ...Object.values(pkg.bin),
      pkg.main,
      ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : [e.default])),
      // Loaded by path at run time: the worker thread (src/cli/pool.ts), each --format, and the page `replylint web` serves.
      'dist/cli/worker-bundle.js',
      ...formatterNames().map((n) => `dist/formatters/${n}.js`),
      'dist/web/app.js',
    ]
      .map(norm)
      .filter((p) => p.endsWith('.js'));
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      expect(shipped, `${file} (imported or loaded) is not shipped`).toContain(file);
      reached.add(file);
      for (const dep of importsOf(file)) if (dep.endsWith('.js')) visit(dep);
    };
    roots.forEach(visit);
    expect(shipped.filter((f) => /\.(c|m)?js$/.test(f) && !reached.has(f))).toEqual([]);
  });

  it('ships no tests, benchmark, scripts, sources or build leftovers', () => {
    expect(shipped.filter((f) => /^(test|bench|scripts|src|fixtures|\.build|\.ci|node_modules)\//.test(f) || /\.(ts|tsx|map)$/.test(f.replace(/\.d\.ts$/, '')))).toEqual([]);
    // Nothing the build writes for itself (esbuild metafiles, size reports).
    expect(shipped.filter((f) => /\.meta\.json$/.test(f))).toEqual([]);
    // Declarations are the public entries' (dist/types/), not the command's internals.
    expect(shipped.filter((f) => f.startsWith('dist/types/cli/'))).toEqual([]);
  });

  it('dist/formatters/ holds the formatters and nothing else (--format lists the folder)', async () => {
    const { formatterNames } = (await import(pathToFileURL(join(ROOT, 'scripts/bundle.mjs')).href)) as { formatterNames: () => string[] };
    const formatters = shipped.filter((f) => f.startsWith('dist/formatters/')).map((f) => f.replace(/^dist\/formatters\/|\.js$/g, ''));
    expect(formatters).toEqual(formatterNames());
    expect(formatters).toEqual(expect.arrayContaining(['json', 'sarif', 'stylish']));
  });

  it('an installed copy still finds its prebuilt rules current (npm pack resets every file time)', async () => {
    // The rules' fingerprint is of their contents: with their modification times, an installed
    // package never matched dist/rules.json and compiled rules/*.yaml at every start (about 1 s).
    const dir = mkdtempSync(join(tmpdir(), 'replylint-pack-'));
    const [{ filename }] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string }[];
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
    const unpacked = join(dir, 'package');
    expect(statSync(join(unpacked, 'rules', 'no-as-i-said.yaml')).mtime.getUTCFullYear()).toBeLessThan(2000);
    const tools = (await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href)) as { fingerprint: (dir: string) => string };
    const built = JSON.parse(readFileSync(join(unpacked, 'dist', 'rules.json'), 'utf8')) as { fingerprint: string };
    expect(tools.fingerprint(join(unpacked, 'rules'))).toBe(built.fingerprint);
  });
});
