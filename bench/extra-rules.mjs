#!/usr/bin/env node
/**
 * A rulebook ten times larger: the bundled rules plus 9 generated copies of
 * every `phrase` rule, so there are 10× as many phrase rules and phrases.
 *
 * Copy k renames the rule (`<id>-x<k>`) and runs every letter of its phrases
 * (patterns, exceptions, `words` lists) and of its examples through a seeded
 * letter substitution: vowels to vowels, consonants to consonants, case kept.
 * The phrase syntax, `<word-list>` references, apostrophes and the phrases'
 * shape (lengths, alternations, slots, stems) stay the same, so a copy costs
 * the engine what a real rule of the same size would, its own examples still
 * pass, and it (almost) never fires on real text: the 10× run reports what the
 * 1× run does.
 *
 * replylint only loads its bundled rules (BUNDLED_RULES_DIR in
 * src/cli/rules.ts resolves `rules/` relative to dist/). Until there is a
 * `--rules-dir` or config option, the 10× run uses a copy of the package in
 * bench/tmp/replylint-10x/: bin/, dist/, .build/ (for scripts/build-rules.mjs), package.json (and schema/ if there is
 * one) copied, node_modules a symlink to the real one, and its own rules/
 * folder. dist/ is copied, not linked: Node resolves symlinks, so a linked
 * dist/ would find the original rules/ again.
 *
 * The build also compiles the bundled rules into dist/rules.json
 * (scripts/build-rules.mjs), used while its fingerprint matches rules/. The
 * copy's rules/ differ, so that step is run again in the copy: both rulebooks
 * then start the same way (precompiled), and the comparison is of rulebook
 * size alone, not of YAML parsing against a precompiled file.
 *
 *   node bench/extra-rules.mjs [factor]    # writes bench/tmp/replylint-10x/
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { prng } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghjklmnpqrstvwxyz';

function shuffled(letters, rnd) {
  const a = [...letters];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.join('');
}

/** A seeded letter substitution (vowel->vowel, consonant->consonant, case kept) for copy k. */
export function cipher(k) {
  const rnd = prng(0xc0ffee + k * 7919);
  const map = new Map();
  for (const [from, to] of [
    [VOWELS, shuffled(VOWELS, rnd)],
    [CONSONANTS, shuffled(CONSONANTS, rnd)],
  ]) {
    for (let i = 0; i < from.length; i++) {
      map.set(from[i], to[i]);
      map.set(from[i].toUpperCase(), to[i].toUpperCase());
    }
  }
  // Letters only, outside `<word-list>` references and `{{placeholders}}`.
  return (text) => text.replace(/<[a-z][a-z0-9-]*>|\{\{[^}]*\}\}|[a-zA-Z]/g, (m) => (m.length === 1 ? map.get(m) : m));
}

function mapPhrases(perLang, f) {
  if (!perLang) return perLang;
  return Object.fromEntries(Object.entries(perLang).map(([lang, list]) => [lang, Array.isArray(list) ? list.map(f) : list]));
}

function mapWords(words, f) {
  if (!words) return words;
  const out = {};
  for (const [name, v] of Object.entries(words)) {
    out[name] = Array.isArray(v) ? v.map(f) : mapPhrases(v, f);
  }
  return out;
}

function mapExamples(examples, f) {
  if (!examples) return examples;
  const out = {};
  for (const [lang, ex] of Object.entries(examples)) {
    out[lang] = {
      ...ex,
      invalid: (ex.invalid ?? []).map((e) => ({ ...e, text: f(e.text) })),
      valid: (ex.valid ?? []).map(f),
    };
  }
  return out;
}

/** The YAML of copy k of one phrase rule. */
export function perturbRule(rule, k) {
  const f = cipher(k);
  const copy = { ...rule, id: `${rule.id}-x${k}` };
  copy.patterns = mapPhrases(rule.patterns, f);
  if (rule.exceptions) copy.exceptions = mapPhrases(rule.exceptions, f);
  if (rule.words) copy.words = mapWords(rule.words, f);
  if (rule.examples) copy.examples = mapExamples(rule.examples, f);
  return copy;
}

/** Write the rules of a `factor`× rulebook into `dir`; returns counts. */
export function writeRulebook(dir, factor = 10, from = join(ROOT, 'rules')) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let rules = 0;
  let phraseRules = 0;
  let phrases = 0;
  for (const f of readdirSync(from).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const text = readFileSync(join(from, f), 'utf8');
    writeFileSync(join(dir, f), text);
    rules++;
    const rule = parse(text);
    if (rule.kind !== 'phrase') continue;
    const n = (rule.patterns?.en?.length ?? 0) + (rule.patterns?.nl?.length ?? 0);
    phraseRules++;
    phrases += n;
    for (let k = 1; k < factor; k++) {
      const copy = perturbRule(rule, k);
      writeFileSync(join(dir, `${copy.id}.yaml`), `# Generated by bench/extra-rules.mjs (copy ${k} of rules/${f})\n${stringify(copy, { lineWidth: 0 })}`);
      rules++;
      phraseRules++;
      phrases += n;
    }
  }
  return { rules, phraseRules, phrases };
}

/**
 * A copy of the replylint package whose bundled rulebook is `factor`× larger.
 * Returns { dir, bin, rules, phraseRules, phrases }.
 */
export function makeScaledPackage(factor = 10, dir = join(HERE, 'tmp', `replylint-${factor}x`)) {
  if (!existsSync(join(ROOT, 'dist', 'cli'))) throw new Error('dist/ is missing: run `npm run build`');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'schema', '.build']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const counts = writeRulebook(join(dir, 'rules'), factor);
  const buildRules = join(ROOT, 'scripts', 'build-rules.mjs');
  let precompiled = false;
  if (existsSync(buildRules)) {
    mkdirSync(join(dir, 'scripts'));
    cpSync(buildRules, join(dir, 'scripts', 'build-rules.mjs'));
    execFileSync(process.execPath, [join(dir, 'scripts', 'build-rules.mjs')], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    precompiled = true;
  }
  return { dir, bin: join(dir, 'bin', 'replylint.js'), precompiled, ...counts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const factor = Number(process.argv[2] ?? 10);
  const pkg = makeScaledPackage(factor);
  console.log(`${pkg.dir}: ${pkg.rules} rules, ${pkg.phraseRules} phrase rules with ${pkg.phrases} phrases${pkg.precompiled ? ' (precompiled into dist/rules.json)' : ''}; run ${pkg.bin}`);
}
