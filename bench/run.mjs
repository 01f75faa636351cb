#!/usr/bin/env node
/**
 * replylint's benchmark against textlint (+ textlint-rule-prh) and alex, and
 * against two floors, on the same generated files in the same run.
 *
 *   npm run bench                     # full: cold start, 1,000 and 10,000 replies, 40,000 for the RSS check,
 *                                     # rulebook state (bench/kernel.mjs) and the language server (bench/lsp.mjs) (~15 min)
 *   npm run bench -- --quick          # quick: cold start, 200 and 1,000 replies (~1-2 min)
 *   node bench/run.mjs --runs 3       # fewer runs per command (default 5; 3 with --quick)
 *   node bench/run.mjs --full-peers   # also run textlint+prh and alex on the large corpus (slow), not extrapolate
 *   node bench/run.mjs --no-write     # do not write bench/RESULTS.md (a full run writes it)
 *   node bench/run.mjs --quick --write  # write bench/RESULTS.md from a quick run
 *
 * Environment: REPLYLINT_BENCH_QUICK=1 is --quick; REPLYLINT_BENCH_RUNS=n is --runs n.
 *
 * How it measures. Every command is started by GNU time (`/usr/bin/time -f
 * "%e %M %U %S"`, Debian package `time`): %M is the peak resident set size of
 * the command (the kernel's ru_maxrss of the waited-for child, which is the
 * process itself: the linters are started from node_modules/.bin, whose
 * shebang execs node in place, no shell or npx in between), %U + %S its CPU
 * time, user and system, all threads (the table's "CPU s"; above the wall
 * time, the command kept more than one core busy). Wall time is measured
 * around the spawn with a monotonic clock (GNU time's %e has only 10 ms
 * resolution). Without /usr/bin/time wall times are still measured and RSS
 * and CPU time show as n/a. Output (stdout and stderr) goes to bench/tmp/out/<name>.txt
 * and is counted afterwards, to check that every linter linted every file and
 * found the planted violations.
 *
 * Runs: each command runs up to --runs times and the median counts. Commands of
 * one group run round-robin (run 1 of each, then run 2 of each, ...) so that
 * load from elsewhere on the machine spreads over all of them. A command whose
 * first run shows that its runs would take more than the time budget (45 s per
 * command and corpus in a full run, 10 s with --quick) runs fewer times, at
 * least once (the two rows of the 10× comparison at least 3 times, since their
 * ratio is a target); the table shows how many runs each median has.
 *
 * Extrapolation: textlint+prh and alex are slow (alex ≈ 6 s per 1,000 files),
 * so unless --full-peers is given they run on the small corpus only, and their
 * time on the large corpus is estimated as
 *     cold start + (small-corpus time − cold start) × large/small,
 * i.e. per file, without counting their start-up ten times. Both tools lint
 * file by file (textlint-rule-prh even builds its prh engine again for every
 * file), so their time grows linearly with the number of files. The table marks
 * these rows as extrapolated; they have no RSS.
 *
 * Floors: `node -e 0` (starting Node at all) and bench/floor.mjs, which reads
 * every file and parses it with unified + remark-parse on one thread (no
 * remark-gfm, no remark-frontmatter, nothing done with the tree): a linter of
 * Markdown cannot do less. For information, on the small corpus only: reading
 * every file and running replylint's compiled phrase regular expressions on it
 * (bench/floor.mjs regex), i.e. what the phrase matching alone costs.
 *
 * The 10× rulebook (bench/extra-rules.mjs) runs side by side with the bundled
 * one, round-robin, on the large corpus — on the small one with --quick, or
 * while replylint needs more than TENFOLD_LARGE_MAX seconds for the large one.
 * The 40,000-file corpus is for the peak-RSS check only. The 1,000-file corpus
 * also runs spread over 40 folders, each with the same config, against one
 * config at the top (bench/tmp/configs-*), side by side.
 *
 * Exit code: 0 when every command ran (targets that are missed print MISS but
 * do not fail the run); 1 when a command failed; 2 on a setup problem.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, ensureSingleFile } from './generate.mjs';
import { makeScaledPackage } from './extra-rules.mjs';
import { prhDictionary } from './prh.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const TMP = join(HERE, 'tmp');
const OUT = join(TMP, 'out');
const BIN = join(ROOT, 'node_modules', '.bin');
const GNU_TIME = '/usr/bin/time';
/** Run the 10× rulebook on the large corpus only while replylint takes at most this many seconds there. */
const TENFOLD_LARGE_MAX = 20;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = {
    quick: process.env.REPLYLINT_BENCH_QUICK === '1',
    runs: process.env.REPLYLINT_BENCH_RUNS ? Number(process.env.REPLYLINT_BENCH_RUNS) : undefined,
    fullPeers: false,
    write: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--full-peers') opts.fullPeers = true;
    else if (a === '--no-write') opts.write = false;
    else if (a === '--write') opts.write = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) opts.runs = Number(a.slice(7));
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2, 14).map((l) => l.replace(/^ \* ?/, '')).join('\n'));
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  if (opts.runs !== undefined && !(Number.isInteger(opts.runs) && opts.runs >= 1)) {
    console.error('bench: --runs must be a whole number, 1 or more');
    process.exit(2);
  }
  opts.runs ??= opts.quick ? 3 : 5;
  opts.coldRuns = Math.max(opts.runs, opts.quick ? 5 : 10);
  opts.budget = opts.quick ? 10 : 45; // seconds per command and group
  opts.small = opts.quick ? 200 : 1000;
  opts.large = opts.quick ? 1000 : 10000;
  opts.rss = opts.quick ? 0 : 40000;
  opts.write ??= !opts.quick;
  return opts;
}

// ---------------------------------------------------------------- measuring

const HAVE_TIME = existsSync(GNU_TIME);
/** The children's environment: no colours, and replylint's defaults (a REPLYLINT_WORKERS of the caller's is dropped; rows that want one set it). */
const CHILD_ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
delete CHILD_ENV.REPLYLINT_WORKERS;

/** Run one command once: { wall, rss (KiB or undefined), cpu (user + system s, or undefined), status, ok }. */
function runOnce(cmd, outFile) {
  const fd = openSync(outFile, 'w');
  const timeFile = join(TMP, 'time.txt');
  const [file, ...args] = cmd.argv;
  const env = cmd.env ? { ...CHILD_ENV, ...cmd.env } : CHILD_ENV;
  const start = process.hrtime.bigint();
  const r = HAVE_TIME
    ? spawnSync(GNU_TIME, ['-f', '%e %M %U %S', '-o', timeFile, file, ...args], { cwd: ROOT, env, stdio: ['ignore', fd, fd] })
    : spawnSync(file, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  let rss;
  let cpu;
  if (HAVE_TIME && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop();
    const m = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(last ?? '');
    if (m) {
      rss = Number(m[2]);
      cpu = Number(m[3]) + Number(m[4]);
    }
  }
  const ok = r.error === undefined && r.signal === null && cmd.okStatus.includes(r.status);
  return { wall, rss, cpu, status: r.status, signal: r.signal, error: r.error, ok };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const failures = [];

/**
 * Run the commands of one group round-robin, up to `runs` times each (fewer for
 * a command whose runs would not fit in `budget` seconds). Returns the results
 * keyed by command name.
 */
function measureGroup(title, commands, { runs, budget, warmup = false, minRuns = 1 }) {
  console.log(`\n${title}`);
  const results = new Map();
  const planned = new Map();
  for (const cmd of commands) {
    results.set(cmd.name, { cmd, runs: [] });
    if (warmup) runOnce(cmd, join(OUT, `${cmd.slug}.txt`));
  }
  for (let round = 0; round < runs; round++) {
    for (const cmd of commands) {
      const res = results.get(cmd.name);
      if (res.failed || round >= (planned.get(cmd.name) ?? runs)) continue;
      const run = runOnce(cmd, join(OUT, `${cmd.slug}${round === 0 ? '' : '.later'}.txt`));
      if (!run.ok) {
        res.failed = true;
        const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit status ${run.status}`;
        const tail = readFileSync(join(OUT, `${cmd.slug}${round === 0 ? '' : '.later'}.txt`), 'utf8').trim().split('\n').slice(-8).join('\n    ');
        console.log(`  FAILED ${cmd.name}: ${why}\n    ${tail}`);
        failures.push(`${cmd.name}: ${why}`);
        continue;
      }
      res.runs.push(run);
      if (round === 0) planned.set(cmd.name, Math.max(Math.min(minRuns, runs), Math.min(runs, cmd.maxRuns ?? runs, Math.floor(budget / Math.max(run.wall, 1e-3)))));
      process.stdout.write(`  ${cmd.name}: run ${round + 1}/${planned.get(cmd.name)} ${run.wall.toFixed(3)} s${run.cpu !== undefined ? ` (CPU ${run.cpu.toFixed(2)} s)` : ''}${run.rss ? `, ${(run.rss / 1024).toFixed(0)} MiB` : ''}\n`);
    }
  }
  for (const res of results.values()) {
    if (!res.runs.length) continue;
    res.wall = median(res.runs.map((r) => r.wall));
    const rss = res.runs.map((r) => r.rss).filter((x) => x !== undefined);
    res.rss = rss.length ? median(rss) / 1024 : undefined;
    const cpu = res.runs.map((r) => r.cpu).filter((x) => x !== undefined);
    res.cpu = cpu.length ? median(cpu) : undefined;
  }
  return results;
}

// ---------------------------------------------------------------- output checks

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Problems a linter reported, counted from its default (stylish) output. */
function countProblems(kind, text) {
  const lines = stripAnsi(text).split('\n');
  if (kind === 'replylint') {
    const hits = lines.filter((l) => /^\s+\d+:\d+\s+(error|warning|info)\s/.test(l));
    // "  7:1  error  message  rule-id" with maybe " (fixable)" after the id
    return { problems: hits.length, byRule: countBy(hits.map((l) => l.trim().split(/\s+/).filter((w) => /^[a-z][a-z0-9-]*$/.test(w)).pop() ?? '?')) };
  }
  if (kind === 'textlint') {
    const hits = lines.filter((l) => /^\s+\d+:\d+\s+(✓ )?(error|warning)\s/.test(l));
    return { problems: hits.length, byRule: countBy(hits.map((l) => /\[replylint:([^\]]+)\]/.exec(l)?.[1] ?? '?')) };
  }
  // alex (vfile-reporter): "  3:12-3:15  warning  ..."
  return { problems: lines.filter((l) => /^\s*\d+:\d+(-\d+:\d+)?\s+warning\s/.test(l)).length };
}

function countBy(xs) {
  const m = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}

// ---------------------------------------------------------------- table

const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
const int = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en'));

function row(r, ref) {
  const files = r.files;
  const wall = r.wall;
  const ratio = ref && wall ? ref / wall : undefined;
  const rate = (v) => (v >= 100 ? int(v) : fmt(v, v >= 10 ? 1 : 2));
  const cpu = r.extrapolated ? '—' : fmt(r.cpu, r.cpu < 10 ? 3 : 1);
  return `| ${r.label} | ${files === undefined ? '—' : files.toLocaleString('en')} | ${r.runsText ?? r.runs} | ${fmt(wall, wall < 10 ? 3 : 1)} | ${cpu} | ${files && wall ? rate(files / wall) : '—'} | ${r.bytes && wall ? fmt(r.bytes / 1e6 / wall, r.bytes / 1e6 / wall < 0.1 ? 4 : 2) : '—'} | ${r.rss === undefined ? 'n/a' : fmt(r.rss, 0)} | ${ratio === undefined ? '—' : `${fmt(ratio, ratio < 0.1 ? 3 : 2)}×`} |`;
}

function table(sections) {
  const lines = [
    '| command | files | runs | median wall s | median CPU s | files/s | MB/s | peak RSS MiB | replylint ÷ this |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const { title, rows, ref } of sections) {
    lines.push(`| **${title}** | | | | | | | | |`);
    for (const r of rows) lines.push(row(r, ref));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- configs

/** The config every folder of the per-folder tree has, and the one-config tree has once at its top. */
const FOLDER_CONFIG = 'extends:\n  - replylint:recommended\nrules:\n  require-thanks: warning\n  no-shouting: [warning, {acronyms: [KPN, ING]}]\n';
const CONFIG_FOLDERS = 40;

/**
 * The files of `corpus` in CONFIG_FOLDERS folders, twice: under bench/tmp/configs-per-folder
 * each folder has its own FOLDER_CONFIG (identical files), under bench/tmp/configs-one the
 * top has it once. A `.git` file at each top stops the search for configs there.
 */
function ensureConfigTrees(corpus) {
  const files = readdirSync(corpus.dir, { recursive: true }).filter((f) => f.endsWith('.md')).sort();
  const trees = {};
  for (const kind of ['per-folder', 'one']) {
    const dir = join(TMP, `configs-${kind}`);
    const stamp = join(dir, '.stamp');
    const want = `${corpus.version ?? ''}:${corpus.files}:${FOLDER_CONFIG}`;
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
      rmSync(dir, { recursive: true, force: true });
      for (let i = 0; i < CONFIG_FOLDERS; i++) {
        const folder = join(dir, `f${String(i).padStart(2, '0')}`);
        mkdirSync(folder, { recursive: true });
        if (kind === 'per-folder') writeFileSync(join(folder, '.replylintrc.yaml'), FOLDER_CONFIG);
      }
      files.forEach((f, i) => copyFileSync(join(corpus.dir, f), join(dir, `f${String(i % CONFIG_FOLDERS).padStart(2, '0')}`, `${i}.md`)));
      if (kind === 'one') writeFileSync(join(dir, '.replylintrc.yaml'), FOLDER_CONFIG);
      writeFileSync(join(dir, '.git'), '');
      writeFileSync(stamp, want);
    }
    trees[kind] = dir;
  }
  return { ...trees, files: files.length, bytes: corpus.bytes };
}

// ---------------------------------------------------------------- main

/** The commit measured, and whether the engine's sources or rules differ from it. */
function gitRevision() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'bin', 'scripts', 'package.json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `commit ${sha}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'commit unknown (no git)';
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!existsSync(join(ROOT, 'dist', 'cli')) || !existsSync(join(ROOT, 'bin', 'replylint.js'))) {
    console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
    process.exit(2);
  }
  for (const tool of ['textlint', 'alex']) {
    if (!existsSync(join(BIN, tool))) {
      console.error(`bench: node_modules/.bin/${tool} is missing; run \`npm install\` (the peers are dev dependencies)`);
      process.exit(2);
    }
  }
  if (!HAVE_TIME) console.log('bench: /usr/bin/time not found (Debian package `time`): peak RSS will show as n/a');

  const date = execFileSync('date', { encoding: 'utf8' }).trim();
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const versions = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const load0 = loadavg().map((x) => x.toFixed(2)).join(' ');
  const busy0 = loadavg()[0];
  const revision = gitRevision();
  const machine = `${date}; replylint ${revision}; ${nproc} cores (${cpu}); Node ${process.version}; textlint ${versions('textlint')}, textlint-rule-prh ${versions('textlint-rule-prh')}, alex ${versions('alex')}; load average at start ${load0}`;
  console.log(`replylint benchmark (${opts.quick ? 'quick' : 'full'}): ${machine}`);

  const get = (res, name) => res && [...res.values()].find((r) => r.cmd.name === name && r.runs.length);

  // Corpora, the prh dictionary, the 10× rulebook.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const log = (s) => console.log(s);
  const single = ensureSingleFile();
  const small = ensureCorpus(opts.small, { log });
  const large = ensureCorpus(opts.large, { log });
  const huge = opts.rss ? ensureCorpus(opts.rss, { log }) : undefined;
  for (const c of [small, large, huge].filter(Boolean)) {
    console.log(`corpus ${relative(ROOT, c.dir)}: ${c.files.toLocaleString('en')} files, ${(c.bytes / 1e6).toFixed(2)} MB, ${c.withViolations.toLocaleString('en')} with a planted violation`);
  }

  const textlintDir = join(TMP, 'textlint');
  mkdirSync(textlintDir, { recursive: true });
  const dict = await prhDictionary();
  writeFileSync(join(textlintDir, 'prh.yml'), dict.yaml);
  writeFileSync(join(textlintDir, '.textlintrc.json'), `${JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }, null, 2)}\n`);
  console.log(`prh dictionary: ${dict.phrases} of replylint's phrases in ${dict.entries} regular expressions (${relative(ROOT, textlintDir)}/prh.yml)`);

  const scaled = makeScaledPackage(10);
  console.log(`10× rulebook: ${scaled.rules} rules, ${scaled.phraseRules} phrase rules, ${scaled.phrases} phrase-rule patterns (${relative(ROOT, scaled.dir)}/rules; a copy of the package${scaled.precompiled ? ' with its own dist/rules.json' : ''}, see bench/extra-rules.mjs)`);

  // Commands. `target` is a file or a directory (or, for textlint, the corpus's glob).
  const node = process.execPath;
  const mk = (name, slug, argv, okStatus, kind) => ({ name, slug, argv, okStatus, kind });
  const replylint = (target, slug, bin = join(ROOT, 'bin', 'replylint.js')) => mk('replylint', `replylint-${slug}`, [node, bin, target], [0, 1], 'replylint');
  const replylint10 = (target, slug) => ({ ...replylint(target, slug, scaled.bin), name: 'replylint, 10× rulebook', slug: `replylint10x-${slug}` });
  const baseline = (target, slug) => ({ ...replylint(target, slug), name: 'replylint, bundled rulebook', slug: `replylint1x-${slug}` });
  const textlint = (target, slug) => mk('textlint + prh', `textlint-${slug}`, [join(BIN, 'textlint'), '--config', join(textlintDir, '.textlintrc.json'), target], [0, 1], 'textlint');
  const alex = (target, slug) => mk('alex', `alex-${slug}`, [join(BIN, 'alex'), target], [0, 1], 'alex');
  const nodeE0 = mk('node -e 0', 'node-e0', [node, '-e', '0'], [0]);
  const floor = (mode, dir, slug) => ({
    ...mk(mode === 'remark' ? 'floor: read + remark-parse (1 thread)' : "info: read + replylint's phrase regexes", `floor-${mode}-${slug}`, [node, join(HERE, 'floor.mjs'), mode, dir], [0]),
    maxRuns: mode === 'regex' ? 3 : undefined,
  });
  const glob = (dir) => `${relative(ROOT, dir)}/**/*.md`;

  // 1. Cold start: one small file.
  const cold = measureGroup(`cold start, one file (${single.bytes} bytes)`, [nodeE0, replylint(single.file, 'single'), textlint(single.file, 'single'), alex(single.file, 'single')], {
    runs: opts.coldRuns,
    budget: opts.budget,
    warmup: true,
  });

  // 2. Small corpus: everyone.
  const smallRes = measureGroup(`${opts.small.toLocaleString('en')} replies`, [
    floor('remark', small.dir, 'small'),
    floor('regex', small.dir, 'small'),
    replylint(small.dir, 'small'),
    textlint(glob(small.dir), 'small'),
    alex(small.dir, 'small'),
  ], opts);

  // 3. Large corpus: replylint and the floor (and the peers with --full-peers).
  const largeCmds = [floor('remark', large.dir, 'large'), replylint(large.dir, 'large')];
  if (opts.fullPeers) largeCmds.push(textlint(glob(large.dir), 'large'), alex(large.dir, 'large'));
  const largeRes = measureGroup(`${opts.large.toLocaleString('en')} replies`, largeCmds, opts);

  // 4. The 10× rulebook against the bundled one, measured side by side (round-robin) on the same corpus:
  // the large corpus, unless replylint needs more than TENFOLD_LARGE_MAX seconds there (then the 10× run
  // would take minutes) or this is a quick run; then the small corpus.
  const rlLarge = get(largeRes, 'replylint');
  const tenfoldLarge = !opts.quick && rlLarge !== undefined && rlLarge.wall <= TENFOLD_LARGE_MAX;
  const tenfold = tenfoldLarge ? large : small;
  const tenfoldSlug = tenfoldLarge ? 'large' : 'small';
  const tenfoldRes = measureGroup(`10× rulebook, ${tenfold.files.toLocaleString('en')} replies${tenfoldLarge || opts.quick ? '' : ` (not ${large.files.toLocaleString('en')}: replylint took ${fmt(rlLarge?.wall, 1)} s there, over ${TENFOLD_LARGE_MAX} s)`}`, [baseline(tenfold.dir, tenfoldSlug), replylint10(tenfold.dir, tenfoldSlug)], { ...opts, minRuns: 3 });

  // 4b. 1,000 files in 40 folders, each with the same .replylintrc.yaml, against one config at the top
  // (same files, same rules), side by side: identical configs share one compiled rulebook.
  const thousand = small.files === 1000 ? small : large;
  const trees = ensureConfigTrees(thousand);
  const configsRes = measureGroup(`${trees.files.toLocaleString('en')} replies under ${CONFIG_FOLDERS} identical per-folder configs vs one config`, [
    { ...replylint(trees.one, 'configs-one'), name: 'replylint, one config' },
    { ...replylint(trees['per-folder'], 'configs-per-folder'), name: `replylint, ${CONFIG_FOLDERS} identical per-folder configs` },
  ], { ...opts, minRuns: 3 });

  // 5. RSS check on a corpus four times larger.
  const hugeRes = huge ? measureGroup(`${opts.rss.toLocaleString('en')} replies (peak RSS check)`, [replylint(huge.dir, 'huge')], { ...opts, runs: Math.min(opts.runs, 3) }) : undefined;

  // ------------------------------------------------ checks of the outputs
  console.log('\nwhat each linter reported (first run):');
  const problems = {};
  for (const [group, res, files] of [['cold', cold, 1], ['small', smallRes, small.files], ['large', largeRes, large.files], ['10×', tenfoldRes, tenfold.files], ['configs', configsRes, trees.files], ['huge', hugeRes, huge?.files]]) {
    if (!res) continue;
    for (const r of res.values()) {
      if (!r.cmd.kind || !r.runs.length) continue;
      const c = countProblems(r.cmd.kind, readFileSync(join(OUT, `${r.cmd.slug}.txt`), 'utf8'));
      problems[r.cmd.slug] = c;
      const phraseHits = r.cmd.kind === 'replylint' ? Object.entries(c.byRule).filter(([id]) => !/^require-|^no-shouting/.test(id)).reduce((n, [, v]) => n + v, 0) : undefined;
      console.log(`  ${group} ${r.cmd.name} (${files.toLocaleString('en')} files): ${c.problems.toLocaleString('en')} problems${phraseHits !== undefined ? `, ${phraseHits.toLocaleString('en')} from phrase and limit rules` : ''}`);
    }
  }
  // Same phrases? Compare per rule on the small corpus, leaving out no-grovelling: replylint reports its
  // `count` phrases only beyond the allowed number, prh at every match.
  const rlS = problems['replylint-small'];
  const tlS = problems['textlint-small'];
  if (rlS && tlS) {
    const ids = [...new Set([...Object.keys(tlS.byRule)])].filter((id) => id !== 'no-grovelling').sort();
    const a = ids.reduce((n, id) => n + (rlS.byRule[id] ?? 0), 0);
    const b = ids.reduce((n, id) => n + (tlS.byRule[id] ?? 0), 0);
    console.log(`  same phrases: on ${small.files.toLocaleString('en')} files the ${ids.length} phrase rules (no-grovelling aside) fired ${a} times in replylint, ${b} times in textlint + prh (replylint drops exception matches and skips code, links and quotes)`);
  }
  const rl = problems[`replylint1x-${tenfoldSlug}`];
  const rl10 = problems[`replylint10x-${tenfoldSlug}`];
  if (rl && rl10 && rl.problems !== rl10.problems) console.log(`  note: the 10× rulebook reported ${rl10.problems} problems, the bundled one ${rl.problems} (generated copies fired ${rl10.problems - rl.problems} times)`);

  // ------------------------------------------------ table
  const asRow = (r, files, bytes, label = r.cmd.name) => ({ label, files, bytes, wall: r.wall, cpu: r.cpu, rss: r.rss, runs: r.runs.length });
  const coldRows = [...cold.values()].filter((r) => r.runs.length).map((r) => asRow(r, r.cmd.name === 'node -e 0' ? undefined : 1, r.cmd.name === 'node -e 0' ? undefined : single.bytes));
  const smallRows = [...smallRes.values()].filter((r) => r.runs.length).map((r) => asRow(r, small.files, small.bytes));
  const largeRows = [...largeRes.values()].filter((r) => r.runs.length).map((r) => asRow(r, large.files, large.bytes));
  const tenfoldRows = [...tenfoldRes.values()].filter((r) => r.runs.length).map((r) => asRow(r, tenfold.files, tenfold.bytes));

  const extrapolate = (name) => {
    const c = get(cold, name);
    const s = get(smallRes, name);
    if (!c || !s) return undefined;
    const wall = c.wall + (s.wall - c.wall) * (large.files / small.files);
    return { label: `${name} (extrapolated from ${small.files.toLocaleString('en')} files)`, files: large.files, bytes: large.bytes, wall, rss: undefined, runs: undefined, runsText: '—', extrapolated: true };
  };
  if (!opts.fullPeers) {
    for (const name of ['textlint + prh', 'alex']) {
      const e = extrapolate(name);
      if (e) largeRows.push(e);
    }
  }
  const configsRows = [...configsRes.values()].filter((r) => r.runs.length).map((r) => asRow(r, trees.files, trees.bytes));
  const hugeRows = hugeRes ? [...hugeRes.values()].filter((r) => r.runs.length).map((r) => asRow(r, huge.files, huge.bytes)) : [];

  const ref = (rows) => rows.find((r) => r.label === 'replylint')?.wall;
  const sections = [
    { title: 'cold start, one small file', rows: coldRows, ref: ref(coldRows) },
    { title: `${small.files.toLocaleString('en')} replies, ${(small.bytes / 1e6).toFixed(2)} MB`, rows: smallRows, ref: ref(smallRows) },
    { title: `${large.files.toLocaleString('en')} replies, ${(large.bytes / 1e6).toFixed(2)} MB`, rows: largeRows, ref: ref(largeRows) },
  ];
  sections.push({ title: `10× the phrase rules (${scaled.phrases} phrase-rule patterns), ${tenfold.files.toLocaleString('en')} replies`, rows: tenfoldRows, ref: tenfoldRows.find((r) => r.label === 'replylint, bundled rulebook')?.wall });
  sections.push({ title: `${trees.files.toLocaleString('en')} replies in ${CONFIG_FOLDERS} folders: one config, or the same config in every folder`, rows: configsRows, ref: configsRows.find((r) => r.label === 'replylint, one config')?.wall });
  if (hugeRows.length) sections.push({ title: `${huge.files.toLocaleString('en')} replies, ${(huge.bytes / 1e6).toFixed(2)} MB (RSS check)`, rows: hugeRows, ref: ref(largeRows) });
  const tableText = table(sections);

  // ------------------------------------------------ targets
  const targets = [];
  const check = (ok, text) => targets.push(`${ok === undefined ? 'N/A ' : ok ? 'PASS' : 'MISS'} ${text}`);
  const find = (rows, label) => rows.find((r) => r.label === label || r.label.startsWith(`${label} (`));
  const x = (v, d = 2) => (v === undefined ? 'n/a' : `${fmt(v, d)}×`);
  const on = opts.quick ? ` (quick run: on ${large.files.toLocaleString('en')} files, the target is for 10,000)` : '';
  {
    const r = find(coldRows, 'replylint');
    const n = find(coldRows, 'node -e 0');
    const v = r && n ? r.wall / n.wall : undefined;
    check(v === undefined ? undefined : v <= 2, `cold start, one small file: replylint ${fmt(r?.wall, 3)} s = ${x(v)} \`node -e 0\` (${fmt(n?.wall, 3)} s); target at most 2×`);
  }
  const rlL = find(largeRows, 'replylint');
  for (const [peer, want] of [['textlint + prh', 8], ['alex', 25]]) {
    const p = find(largeRows, peer);
    const v = rlL && p ? p.wall / rlL.wall : undefined;
    check(v === undefined ? undefined : v >= want, `${large.files.toLocaleString('en')} files: ${peer}${p?.extrapolated ? ' (extrapolated)' : ''} ${fmt(p?.wall, 1)} s ÷ replylint ${fmt(rlL?.wall, 2)} s = ${x(v, 1)} faster; target at least ${want}×${on}`);
  }
  {
    const f = find(largeRows, 'floor: read + remark-parse (1 thread)');
    const v = rlL && f ? rlL.wall / f.wall : undefined;
    check(v === undefined ? undefined : v <= 1, `${large.files.toLocaleString('en')} files: replylint ${fmt(rlL?.wall, 2)} s = ${x(v)} the time of reading + remark-parse on one thread (${fmt(f?.wall, 2)} s); target at most 1×${on}`);
  }
  {
    const b = find(tenfoldRows, 'replylint, bundled rulebook');
    const t = find(tenfoldRows, 'replylint, 10× rulebook');
    const v = b && t ? t.wall / b.wall : undefined;
    check(v === undefined ? undefined : v <= 1.2, `${tenfold.files.toLocaleString('en')} files, 10× the phrase rules (${scaled.phrases} phrase-rule patterns): ${fmt(t?.wall, 2)} s = ${x(v)} the time with the bundled rulebook (${fmt(b?.wall, 2)} s, measured alongside); target at most 1.2×${tenfoldLarge ? '' : ` (on ${tenfold.files.toLocaleString('en')} files, not ${large.files.toLocaleString('en')}${opts.quick ? ': quick run' : ': replylint is too slow there for now'})`}`);
  }
  {
    const one = find(configsRows, 'replylint, one config');
    const per = find(configsRows, `replylint, ${CONFIG_FOLDERS} identical per-folder configs`);
    const v = one && per ? per.wall / one.wall : undefined;
    check(v === undefined ? undefined : v <= 1.15, `${trees.files.toLocaleString('en')} files under ${CONFIG_FOLDERS} identical per-folder configs: ${fmt(per?.wall, 2)} s = ${x(v)} the time under one config (${fmt(one?.wall, 2)} s, measured alongside); target at most 1.15×`);
  }
  {
    const v = rlL?.rss;
    check(v === undefined ? undefined : v < 150, `${large.files.toLocaleString('en')} files: replylint peak RSS ${fmt(v, 0)} MiB; target under 150 MiB${on}`);
    const h = hugeRows.find((r) => r.label === 'replylint');
    if (h) {
      const d = v && h.rss ? h.rss / v - 1 : undefined;
      check(d === undefined ? undefined : Math.abs(d) <= 0.1, `${huge.files.toLocaleString('en')} files: replylint peak RSS ${fmt(h.rss, 0)} MiB, ${d === undefined ? 'n/a' : `${d >= 0 ? '+' : ''}${fmt(d * 100, 0)}%`} vs ${large.files.toLocaleString('en')} files; target within ±10%`);
    } else {
      check(undefined, `peak RSS on 40,000 files within ±10% of 10,000: not measured${opts.quick ? ' in a quick run' : ''}`);
    }
  }

  // Embedding: rulebook state (bench/kernel.mjs) and the language server (bench/lsp.mjs), each in its own process.
  {
    const child = (script, args) => {
      const r = spawnSync(process.execPath, ['--expose-gc', join(HERE, script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) {
        failures.push(`${script}: exit ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
        return undefined;
      }
      return JSON.parse(r.stdout.trim().split('\n').pop());
    };
    const k = child('kernel.mjs', opts.quick ? [200, 300] : [1000, 1000]);
    if (k) {
      check(k.ratio <= 1.1 && k.sameProblems, `after ${k.compiles.toLocaleString('en')} more compileRulebook calls, the first rulebook lints ${k.files.toLocaleString('en')} replies in ${k.afterMs} ms vs ${k.beforeMs} ms before = ${x(k.ratio)}; target within 1.10× (medians of 5 passes)`);
      const growth = k.heapAfterMB.data - k.heapBeforeMB.data;
      check(growth <= 1, `heap (data) ${k.heapBeforeMB.data} MB before, ${k.heapAfterMB.data} MB after ${k.compiles.toLocaleString('en')} compiles, ${k.heapAfterTwiceMB.data} MB after twice as many (machine code: ${k.heapBeforeMB.code} → ${k.heapAfterMB.code} → ${k.heapAfterTwiceMB.code} MB); target back where it started (within 1 MB)`);
    }
    const l = child('lsp.mjs', [opts.quick ? 1000 : 10000]);
    if (l) {
      check(l.relintMedianMs < 10, `language server: re-linting a ${l.draftChars.toLocaleString('en')}-character draft after an edit, seen from the client (edit + hover): median ${l.relintMedianMs} ms, p95 ${l.relintP95Ms} ms; target median under 10 ms`);
      check(l.rssGrowth <= 1.1, `language server: RSS ${l.rssAt1000MB} MB after 1,000 edits, ${l.rssEndMB} MB after ${l.edits.toLocaleString('en')} = ${x(l.rssGrowth)}; target flat (within 1.10×)`);
    }
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const load1 = loadavg().map((x) => x.toFixed(2)).join(' ');
  const notes = [
    `- Medians of the runs shown; wall time around the process, peak RSS from GNU time's %M. "replylint ÷ this" is replylint's median time divided by the row's (below 1: replylint is faster).`,
    `- textlint + prh uses a prh dictionary generated from replylint's own rules (bench/prh.mjs): ${dict.phrases} phrases as ${dict.entries} regular expressions, the ones replylint compiles. alex runs with its defaults. Both print their default (stylish) report, as replylint does; all output goes to a file.`,
    opts.fullPeers ? '- textlint + prh and alex ran on every corpus.' : `- textlint + prh and alex ran on ${small.files.toLocaleString('en')} files; their ${large.files.toLocaleString('en')}-file times are extrapolated per file (cold start + (${small.files.toLocaleString('en')}-file time − cold start) × ${large.files / small.files}); \`--full-peers\` measures them.`,
    "- floor: bench/floor.mjs reads the files and parses each with unified + remark-parse (no plugins), on one thread. The \"phrase regexes\" row (information, no target) reads the files and runs each rule's whole phrase list as one regular expression (per rule and language, as compilePhrases makes them) over the whole text: matching without replylint's first-word and anchor index, which tries an expression only where a phrase's first word is, in a paragraph that has the phrase's rarer words.",
    `- The 10× rulebook adds 9 letter-substituted copies of every phrase rule (bench/extra-rules.mjs), run from a copy of the package with its own rules/ folder, side by side with the bundled rulebook on the ${tenfold.files.toLocaleString('en')}-file corpus${tenfoldLarge || opts.quick ? '' : ` (on the ${large.files.toLocaleString('en')}-file corpus once replylint takes at most ${TENFOLD_LARGE_MAX} s there)`}.`,
    `- ${CONFIG_FOLDERS} identical per-folder configs: the ${trees.files.toLocaleString('en')} replies spread over ${CONFIG_FOLDERS} folders, each with the same .replylintrc.yaml (bench/tmp/configs-per-folder), against the same folders under one config at the top (bench/tmp/configs-one), round-robin; identical configs share one compiled rulebook (src/cli/discover.ts), so the difference is reading ${CONFIG_FOLDERS} configs.`,
    `- Load average (1, 5, 15 min) at the start ${load0}, at the end ${load1}; the run took ${seconds} s.`,
  ];
  if (Math.max(busy0, loadavg()[0]) > Number(nproc)) {
    notes.push(`- The machine was busy with other work (load average above its ${nproc} cores): absolute times are longer than on an idle machine and vary more between runs; the ratios, measured side by side round-robin, less so.`);
  }

  console.log(`\n${tableText}\n\ntargets:\n${targets.map((t) => `  ${t}`).join('\n')}\n\n${notes.join('\n')}`);

  if (opts.write) {
    const md = [
      '# replylint benchmark results',
      '',
      `Written by \`npm run bench\` (bench/run.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}).`,
      '',
      `- date: ${date}`,
      `- replylint: ${revision}`,
      `- machine: ${nproc} cores (${cpu}), Node ${process.version}; load average (1, 5, 15 min) ${load0} at the start, ${load1} at the end`,
      `- peers: textlint ${versions('textlint')} + textlint-rule-prh ${versions('textlint-rule-prh')}, alex ${versions('alex')}`,
      '',
      tableText,
      '',
      '## Targets',
      '',
      '```',
      ...targets,
      '```',
      '',
      '## Notes',
      '',
      ...notes,
      '',
    ].join('\n');
    writeFileSync(join(HERE, 'RESULTS.md'), md);
    console.log('\nwritten to bench/RESULTS.md');
  } else {
    console.log(`\nnot written to bench/RESULTS.md (${opts.quick ? 'quick run; add --write' : '--no-write'})`);
  }

  if (failures.length) {
    console.log(`\n${failures.length} command(s) failed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

await main();
