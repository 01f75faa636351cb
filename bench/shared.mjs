/**
 * The second corpus, dictionary and floor of the benchmark, from the shared
 * benchmark folder beside the project (../shared/bench, see its README.md):
 *
 *   make_corpus.py DIR N [SEED]   N Markdown replies (Dutch and English), in one folder
 *   prh.yml                       a 60-phrase textlint-rule-prh dictionary
 *   mdfloor.mjs DIR               reads every entry of DIR and parses it with unified +
 *                                 remark-parse + remark-frontmatter, on one thread
 *
 * None of it is copied into this repository. A clone without ../shared beside
 * it runs the first corpus only (bench/run.mjs prints why).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const SHARED_DIR = join(ROOT, '..', 'shared', 'bench');
const CORPUS_ROOT = join(HERE, 'corpus');
const SEED = 42;

/**
 * The shared benchmark files: { dir, script, dictionary, floor, python } or,
 * when something is missing, { missing } saying what.
 */
export function findShared() {
  const want = { script: 'make_corpus.py', dictionary: 'prh.yml', floor: 'mdfloor.mjs' };
  const shown = relative(ROOT, SHARED_DIR);
  if (!existsSync(SHARED_DIR)) return { missing: `${shown} not found` };
  const absent = Object.values(want).filter((f) => !existsSync(join(SHARED_DIR, f)));
  if (absent.length) return { missing: `${shown} has no ${absent.join(', ')}` };
  const py = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (py.error || py.status !== 0) return { missing: 'python3 not found (needed by make_corpus.py)' };
  return {
    dir: SHARED_DIR,
    shown,
    script: join(SHARED_DIR, want.script),
    dictionary: join(SHARED_DIR, want.dictionary),
    floor: join(SHARED_DIR, want.floor),
    python: py.stdout.trim() || py.stderr.trim(),
  };
}

/**
 * N replies of make_corpus.py (seed 42) in bench/corpus/shared-n<N>/, written
 * again only when the script or N changed. The stamp is kept beside the folder,
 * not in it: mdfloor.mjs reads every entry of the folder.
 * Returns { dir, files, bytes, generator }; throws when the script fails.
 */
export function ensureSharedCorpus(shared, size, { log = () => {} } = {}) {
  const dir = join(CORPUS_ROOT, `shared-n${size}`);
  const stampFile = `${dir}.json`;
  const script = createHash('sha256').update(readFileSync(shared.script)).digest('hex');
  const generator = `${relative(ROOT, shared.script)} (seed ${SEED})`;
  if (existsSync(stampFile) && existsSync(dir)) {
    const s = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (s.script === script && s.files === size && s.seed === SEED) return { dir, files: s.files, bytes: s.bytes, generator };
  }
  log(`generating ${size.toLocaleString('en')} replies with ${generator} into ${dir} ...`);
  rmSync(stampFile, { force: true });
  rmSync(dir, { recursive: true, force: true });
  const r = spawnSync('python3', [shared.script, dir, String(size), String(SEED)], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${relative(ROOT, shared.script)} failed: ${r.error?.message ?? `exit status ${r.status}: ${r.stderr.trim().split('\n').pop()}`}`);
  const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
  if (names.length !== size) throw new Error(`${relative(ROOT, shared.script)} wrote ${names.length} .md files, not ${size}`);
  const bytes = names.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  writeFileSync(stampFile, `${JSON.stringify({ script, files: size, seed: SEED, bytes }, null, 2)}\n`);
  return { dir, files: size, bytes, generator };
}

/** A copy of mdfloor.mjs in `tmp`: its imports (unified, remark-parse, remark-frontmatter) resolve from there to this project's node_modules. */
export function copySharedFloor(shared, tmp) {
  mkdirSync(tmp, { recursive: true });
  const copy = join(tmp, 'mdfloor.mjs');
  copyFileSync(shared.floor, copy);
  return copy;
}

/**
 * The .md files of a corpus with sub-folders (bench/generate.mjs's) as one flat
 * folder of hard links (copies where linking fails), for mdfloor.mjs, which reads
 * every entry of one folder. Its stamp is kept beside it; rebuilt when the corpus changes.
 */
export function ensureFlatView(corpus, tmp) {
  const dir = join(tmp, `flat-${relative(CORPUS_ROOT, corpus.dir).replaceAll('/', '-')}`);
  const stampFile = `${dir}.stamp`;
  const want = JSON.stringify({ version: corpus.version, files: corpus.files, bytes: corpus.bytes });
  if (existsSync(stampFile) && existsSync(dir) && readFileSync(stampFile, 'utf8') === want) return dir;
  rmSync(stampFile, { force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(corpus.dir, { recursive: true }).filter((f) => typeof f === 'string' && f.endsWith('.md')).sort();
  for (const f of files) {
    const from = join(corpus.dir, f);
    const to = join(dir, f.replaceAll('/', '-'));
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  writeFileSync(stampFile, want);
  return dir;
}

/** The shared prh dictionary's text, with its number of entries and patterns (one phrase each). */
export function sharedDictionary(shared) {
  const yaml = readFileSync(shared.dictionary, 'utf8');
  const rules = parse(yaml)?.rules ?? [];
  return { yaml, entries: rules.length, phrases: rules.reduce((n, r) => n + (r.patterns?.length ?? (r.pattern ? 1 : 0)), 0) };
}
