/**
 * The layers hold: the kernel (src/core) imports nothing of the rest of
 * replylint and no Node module, so it runs in a browser or an editor; the
 * plugins (kinds, fixes, languages) import only the kernel and each other's
 * shared helpers within their own folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function imports(dir: string): [string, string][] {
  return readdirSync(join(SRC, dir))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(SRC, dir, f), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m): [string, string] => [`${dir}/${f}`, m[1]]));
}

describe('layers', () => {
  it('the kernel imports only itself and its npm dependencies, never node:', () => {
    const bad = imports('core').filter(([, spec]) => spec.startsWith('node:') || (spec.startsWith('.') && !spec.startsWith('./')));
    expect(bad).toEqual([]);
  });

  it('kinds, fixes and languages import the kernel and their own folder only', () => {
    for (const dir of ['kinds', 'fixes', 'lang']) {
      const bad = imports(dir).filter(([, spec]) => spec.startsWith('node:') || (spec.startsWith('../') && !spec.startsWith('../core/')));
      expect(bad, dir).toEqual([]);
    }
  });
});
