#!/usr/bin/env node
/**
 * The floors the benchmark compares replylint with: what it costs at least to
 * read the same files and do the least a linter must do with them. Runs on one
 * thread (JavaScript on one thread; Node's own helper threads, such as the garbage collector's, still run).
 *
 *   node bench/floor.mjs remark <dir>   read every .md file and parse it with unified + remark-parse
 *   node bench/floor.mjs regex <dir>    read every .md file and run replylint's compiled phrase regular
 *                                       expressions (one per rule and language, as compilePhrases makes
 *                                       them) on its case-folded text: what matching costs without
 *                                       replylint's first-word and anchor index (src/core/matcher.ts)
 *
 * (One regular expression of all phrases together is slower still: its source
 * is over V8's size limit for optimised regular expressions.)
 *
 * Prints one line: files, bytes, and a checksum (node count / match count), so
 * the work cannot be optimised away.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

function mdFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => typeof f === 'string' && /\.md$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

async function remark(files) {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const processor = unified().use(remarkParse);
  let nodes = 0;
  let bytes = 0;
  const count = (node) => {
    nodes++;
    for (const child of node.children ?? []) count(child);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    count(processor.parse(text));
  }
  return { bytes, check: `${nodes} nodes` };
}

async function regex(files) {
  const { loadDefinitions, reportedPhrases } = await import('./prh.mjs');
  const { compilePhrases, foldCase } = await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href);
  // One regular expression per rule and language, as replylint compiles them; every file gets all of them.
  const res = reportedPhrases(await loadDefinitions(join(ROOT, 'rules'))).map(({ phrases, words }) => compilePhrases(phrases, words));
  let matches = 0;
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    const folded = foldCase(text);
    for (const re of res) {
      re.lastIndex = 0;
      while (re.exec(folded)) matches++;
    }
  }
  return { bytes, check: `${matches} matches of ${res.length} regular expressions` };
}

const [mode, dir] = process.argv.slice(2);
if (!dir || !['remark', 'regex'].includes(mode)) {
  console.error('usage: node bench/floor.mjs <remark|regex> <dir>');
  process.exit(2);
}
const files = mdFiles(dir);
const { bytes, check } = await (mode === 'remark' ? remark(files) : regex(files));
console.log(`${mode}: ${files.length} files, ${bytes} chars, ${check}`);
