#!/usr/bin/env node
/**
 * Rulebook state: after many compileRulebook calls in one process, the first
 * rulebook lints as fast as before and the heap is back where it started.
 * Each rulebook owns its phrase index (src/core/matcher.ts); before, every
 * compile added to module-global indexes, and 200 extra compiles made linting
 * 34× slower and the heap 13× larger.
 *
 *   node --expose-gc bench/kernel.mjs [compiles=1000] [files=1000]
 *
 * Lints the first `files` replies of the 1,000-file benchmark corpus with one
 * rulebook (median of 5 passes), then compiles `compiles` more rulebooks from
 * the same rules (each lints one reply, so its index fills), drops them, and
 * lints again. Prints one JSON line: times, ratio, heap before and after
 * (data and machine code apart: V8 keeps compiled code for a while after its
 * function or regular expression is gone), and after as many compiles again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { ensureCorpus, ROOT } from './generate.mjs';

const [compiles = 1000, files = 1000] = process.argv.slice(2).map(Number);
if (typeof globalThis.gc !== 'function') {
  console.error('bench/kernel.mjs: run with node --expose-gc');
  process.exit(2);
}
const { compileRulebook, lint, parseRuleFile, DEFAULTS } = await import(join(ROOT, 'dist', 'index.js'));
const RULES = join(ROOT, 'rules');
const definitions = readdirSync(RULES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parseRuleFile(readFileSync(join(RULES, f), 'utf8'), `rules/${f}`));

const corpus = ensureCorpus(1000);
const texts = readdirSync(corpus.dir, { recursive: true })
  .filter((f) => f.endsWith('.md'))
  .sort()
  .slice(0, files)
  .map((f) => readFileSync(join(corpus.dir, f), 'utf8'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function pass(book) {
  const t = performance.now();
  let n = 0;
  for (const text of texts) n += lint(text, book).diagnostics.length;
  return [performance.now() - t, n];
}
function timed(book) {
  pass(book); // warm
  const times = [];
  let problems = 0;
  for (let i = 0; i < 5; i++) {
    const [ms, n] = pass(book);
    times.push(ms);
    problems = n;
  }
  return { ms: median(times), problems };
}
/** Heap in use after full GCs, in MB: data, and machine code (V8's JIT output and compiled regular expressions) apart. */
function heap() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const spaces = v8.getHeapSpaceStatistics();
  const used = (names) => spaces.filter((s) => names.includes(s.space_name)).reduce((n, s) => n + s.space_used_size, 0) / 2 ** 20;
  return { data: Number(used(['old_space', 'new_space', 'large_object_space', 'new_large_object_space']).toFixed(1)), code: Number(used(['code_space', 'code_large_object_space']).toFixed(1)) };
}

const first = compileRulebook(definitions, DEFAULTS);
const before = timed(first);
const heapBefore = heap();
const churn = () => {
  for (let i = 0; i < compiles; i++) {
    const book = compileRulebook(definitions, DEFAULTS);
    lint(texts[i % texts.length], book);
  }
};
churn();
const heapAfter = heap();
// Twice as many: memory that grows with the compiles would show here; code that V8 keeps for a while does not.
churn();
const heapAfterTwice = heap();
const after = timed(first);
console.log(
  JSON.stringify({
    compiles,
    files: texts.length,
    beforeMs: Math.round(before.ms),
    afterMs: Math.round(after.ms),
    ratio: Number((after.ms / before.ms).toFixed(3)),
    sameProblems: before.problems === after.problems,
    heapBeforeMB: heapBefore,
    heapAfterMB: heapAfter,
    heapAfterTwiceMB: heapAfterTwice,
  }),
);
