/** Turning command-line paths into the list of files to lint. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from './read.js';

export const EXTENSIONS = ['md', 'markdown', 'txt'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface Target {
  /** The path as it will be shown. */
  path: string;
  stdin?: boolean;
  /** Named on the command line (not found under a directory or by a glob). */
  explicit?: boolean;
  /** With --cache: last run's results for this file, replayed if still valid. */
  cached?: import('./cache.js').CacheEntry;
}

export interface Expansion {
  targets: Target[];
  errors: { path: string; message: string }[];
}


/** Expand files, directories (recursed) and globs, in the order given, without duplicates. */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<Expansion> {
  const targets: Target[] = [];
  const errors: Expansion['errors'] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit = false) => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path, explicit });
  };
  // Loaded only for a directory or a pattern: a pre-commit hook names its files, and a one-file run starts sooner without it.
  const globber = () => import('tinyglobby');
  for (const arg of paths) {
    if (arg === '-') {
      targets.push({ path: '-', stdin: true });
      continue;
    }
    if (arg === '') {
      errors.push({ path: "''", message: 'empty path (give a file, directory or glob)' });
      continue;
    }
    let stat;
    try {
      stat = statSync(resolve(cwd, arg));
    } catch (e) {
      const { glob, isDynamicPattern } = await globber();
      if (isDynamicPattern(arg)) {
        const found = await glob(arg, { cwd, ignore: IGNORE, onlyFiles: true, dot: false, expandDirectories: false, followSymbolicLinks: false });
        if (!found.length) errors.push({ path: arg, message: 'no files match this pattern' });
        for (const f of found.sort()) add(f);
      } else {
        errors.push({ path: arg, message: describe(e as NodeJS.ErrnoException) });
      }
      continue;
    }
    if (stat.isDirectory()) {
      const base = arg.replace(/[\\/]+$/, '');
      const prefix = base === '.' ? '' : `${base}/`;
      const { glob } = await globber();
      const found = await glob(`**/*.{${EXTENSIONS.join(',')}}`, {
        cwd: resolve(cwd, arg),
        ignore: IGNORE,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
      });
      for (const f of found.sort()) add(`${prefix}${f}`);
    } else {
      add(arg, true);
    }
  }
  return { targets, errors };
}
