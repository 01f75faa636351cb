#!/usr/bin/env node
/**
 * replylint's benchmark against textlint (+ textlint-rule-prh) and alex, and
 * against its floors, on two corpora in the same run.
 *
 *   npm run bench                     # full: cold start; per corpus 1,000 and 10,000 replies, 40,000 for the
 *                                     # RSS check; rulebook state (bench/kernel.mjs), the language server
 *                                     # (bench/lsp.mjs) (20 min on 2 busy cores, corpora made; keep it under 30)
 *   npm run bench -- --quick          # quick: cold start; per corpus 200 and 1,000 replies (~3-4 min)
 *   node bench/run.mjs --runs 3       # fewer runs per command (default 5; 3 with --quick)
 *   node bench/run.mjs --full-peers   # also run textlint+prh and alex on the large corpora (slow), not extrapolate
 *   node bench/run.mjs --no-write     # do not write bench/RESULTS.md (a full run writes it)
 *   node bench/run.mjs --quick --write  # write bench/RESULTS.md from a quick run
 *
 * Environment: REPLYLINT_BENCH_QUICK=1 is --quick; REPLYLINT_BENCH_RUNS=n is --runs n.
 *
 * Two corpora, each with its own table and targets, of the same sizes:
 * 1. bench/generate.mjs's replies (front matter, lists, links, inline code,
 *    placeholders; about 20% with a planted violation), in sub-folders;
 * 2. ../shared/bench/make_corpus.py's (seed 42; many violations per file), in
 *    one folder (bench/corpus/shared-n<N>/, its stamp beside it: written again
 *    only when the script or N changes), see bench/shared.mjs.
 * Without ../shared/bench beside the project (or without python3) the run
 * prints one notice and runs corpus 1 only, without the 60-phrase dictionary
 * and mdfloor.mjs; the targets that need them show N/A. The cold start runs
 * once, on a reply of corpus 1; the per-folder configs group and the embedding
 * checks (kernel, lsp) run once too.
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
 * first run shows that its runs would take more than the time budget (35 s per
 * command and group in a full run, 10 s with --quick; a run counts its wall
 * time, or its CPU time when that is less, i.e. when the run waited for a core,
 * so that one stalled first run does not leave a command one run) runs fewer times, at
 * least once (the two rows of the 10× comparison and of the configs comparison
 * at least 3 times, since their ratio is a target); the table shows how many
 * runs each median has. The phrase-regex row runs at most 3 times (once with
 * --quick). With two corpora a full run does about twice the work it did with
 * one: the full run's budget went from 45 s to 35 s (the slowest commands of a
 * group run 3-4 times rather than 5), which keeps it under ~30 min on 2 busy
 * cores. The notes list the rows whose wall time is well above their CPU time:
 * they waited for a core that other work had.
 *
 * Rows of each corpus. Small set (everyone): both floors, the phrase regexes,
 * replylint, textlint + prh with each dictionary, alex. Large set: both floors
 * and replylint. On every set of 1,000 files or more replylint also runs with
 * REPLYLINT_WORKERS=0 (one thread) beside the default, round-robin: with its
 * CPU time, what the second core gives (the default adds worker threads from
 * 1,000 files on). Then the 10× rulebook against the bundled one, the per-folder
 * configs (corpus 1) and the 40,000-file RSS check (full runs).
 *
 * Dictionaries: textlint + prh runs with a prh dictionary generated from
 * replylint's rules (bench/prh.mjs) and with ../shared/bench/prh.yml (60
 * phrases, lighter), each from its own folder in bench/tmp/textlint-*.
 *
 * Extrapolation: textlint+prh and alex are slow (alex ≈ 6 s per 1,000 files),
 * so unless --full-peers is given they run on the small corpus only, and their
 * time on the large corpus is estimated as
 *     cold start + (small-corpus time − cold start) × large/small,
 * i.e. per file, without counting their start-up ten times (the cold start of
 * each tool and dictionary, on corpus 1's reply, serves both corpora). Both
 * tools lint file by file (textlint-rule-prh even builds its prh engine again
 * for every file), so their time grows linearly with the number of files. The
 * table marks these rows as extrapolated; they have no RSS or CPU time. In a
 * quick run the 1,000-file target against the 60-phrase dictionary uses the
 * extrapolated row (its small set has 200 files).
 *
 * Floors: `node -e 0` (starting Node at all) and two "remark-parse alone on
 * one thread" floors, both run on both corpora: bench/floor.mjs, which reads
 * every file and parses it with unified + remark-parse (no remark-gfm, no
 * remark-frontmatter, nothing done with the tree), and ../shared/bench/mdfloor.mjs
 * (the same with remark-frontmatter), copied at run time to bench/tmp/ so that
 * its imports resolve to this project's node_modules, and run on a flat folder
 * of the corpus's files (it reads every entry of one folder: for corpus 1 a
 * folder of hard links, bench/tmp/flat-*). A linter of Markdown cannot do less.
 * The 10,000-file target compares replylint with its corpus's own floor
 * (bench/floor.mjs for corpus 1, mdfloor.mjs for corpus 2) and prints both
 * ratios. For information, on the small corpus only: reading every file and
 * running replylint's compiled phrase regular expressions on it
 * (bench/floor.mjs regex), i.e. what the phrase matching alone costs.
 *
 * The 10× rulebook (bench/extra-rules.mjs) runs side by side with the bundled
 * one, round-robin, on the large corpus — on the small one with --quick, or
 * while replylint needs more than TENFOLD_LARGE_MAX seconds for the large one.
 * The 40,000-file corpus is for the peak-RSS check only. The 1,000-file corpus
 * also runs spread over 40 folders, each with the same config, against one
 * config at the top (bench/tmp/configs-*), side by side.
 *
 * Targets (PASS/MISS/N/A, per corpus where marked [corpus]): one small file at
 * most 1.5× `node -e 0`; [corpus] 1,000 files at least 6× faster than
 * textlint + prh with the 60-phrase dictionary; 10,000 files at least 8×
 * faster than textlint + prh with the generated dictionary, and 25× than
 * alex; 10,000 files at most 1.0× remark-parse alone on one thread; 10× the
 * phrase rules at most 1.2×; peak RSS under 150 MiB on 10,000 files and
 * within ±10% on 40,000; 40 identical per-folder configs at most 1.15× one
 * config (corpus 1); rulebook state (kernel) and the language server (lsp).
 *
 * Exit code: 0 when every command ran (targets that are missed print MISS but
 * do not fail the run); 1 when a command failed (or ../shared/bench is there
 * but its corpus could not be made); 2 on a setup problem.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, ensureSingleFile } from './generate.mjs';
import { makeScaledPackage } from './extra-rules.mjs';
import { prhDictionary } from './prh.mjs';
import { copySharedFloor, ensureFlatView, ensureSharedCorpus, findShared, SHARED_DIR, sharedDictionary } from './shared.mjs';

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
      const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      console.log(header.slice(2, header.findIndex((l) => l.startsWith(' * Environment:')) + 1).map((l) => l.replace(/^ \* ?/, '')).join('\n'));
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
  opts.budget = opts.quick ? 10 : 35; // seconds per command and group (45 in a full run before there were two corpora)
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
      // The budget counts what a run takes when it has a core: a first run that waited (CPU time below its wall
      // time) would otherwise leave the command one run, whose wall time the median then is.
      const cost = Math.min(run.wall, run.cpu ?? run.wall);
      if (round === 0) planned.set(cmd.name, Math.max(Math.min(minRuns, runs), Math.min(runs, cmd.maxRuns ?? runs, Math.floor(budget / Math.max(cost, 1e-3)))));
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
    // "  7:1  error    message  rule-id (fixable)": the message and the id after it wrapped with a hanging
    // indent (src/formatters/stylish.ts), so the id ends the problem's last line; a rewrite ("→ ...") follows.
    const ids = [];
    let last; // the current problem's last line so far
    const done = () => {
      if (last !== undefined) ids.push(last.replace(/\s*\(fixable\)\s*$/, '').trim().split(/\s+/).pop());
      last = undefined;
    };
    for (const l of lines) {
      if (/^\s+\d+:\d+\s+(error|warning|info)\s/.test(l)) {
        done();
        last = l;
      } else if (last !== undefined && /^ {13,}\S/.test(l) && !l.trimStart().startsWith('→')) {
        last = l;
      } else {
        done();
      }
    }
    done();
    return { problems: ids.length, byRule: countBy(ids.map((id) => (/^[a-z][a-z0-9-]*$/.test(id) ? id : '?'))) };
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

// ---------------------------------------------------------------- commands

/** Row labels (command names) that the targets look for. */
const L = {
  replylint: 'replylint',
  oneThread: 'replylint, REPLYLINT_WORKERS=0 (one thread)',
  floor: 'floor: bench/floor.mjs, read + remark-parse (1 thread)',
  mdfloor: 'floor: mdfloor.mjs, read + remark-parse + remark-frontmatter (1 thread)',
  regex: "info: read + replylint's phrase regexes",
  nodeE0: 'node -e 0',
  alex: 'alex',
  bundled: 'replylint, bundled rulebook',
  tenfold: 'replylint, 10× rulebook',
  oneConfig: 'replylint, one config',
  perFolder: `replylint, ${CONFIG_FOLDERS} identical per-folder configs`,
};

/**
 * The commands, each { name, slug, argv, okStatus, kind, env?, maxRuns? }. `slug` names the output
 * file (bench/tmp/out/<slug>.txt) and must be unique in a run. `target` is a file or a directory;
 * textlint gets a glob of the directory.
 */
function makeCommands({ opts, scaled, dictionaries, mdfloor }) {
  const node = process.execPath;
  const mk = (name, slug, argv, okStatus, kind, extra = {}) => ({ name, slug, argv, okStatus, kind, ...extra });
  const glob = (target) => (target.endsWith('.md') ? target : `${relative(ROOT, target)}/**/*.md`);
  const replylint = (target, slug, bin = join(ROOT, 'bin', 'replylint.js')) => mk(L.replylint, `replylint-${slug}`, [node, bin, target], [0, 1], 'replylint');
  return {
    nodeE0: mk(L.nodeE0, 'node-e0', [node, '-e', '0'], [0]),
    replylint,
    oneThread: (target, slug) => ({ ...replylint(target, slug), name: L.oneThread, slug: `replylint-w0-${slug}`, env: { REPLYLINT_WORKERS: '0' } }),
    bundled: (target, slug) => ({ ...replylint(target, slug), name: L.bundled, slug: `replylint1x-${slug}` }),
    tenfold: (target, slug) => ({ ...replylint(target, slug, scaled.bin), name: L.tenfold, slug: `replylint10x-${slug}` }),
    /** textlint + prh with each dictionary. */
    textlints: (target, slug) => dictionaries.map((d) => mk(d.label, `textlint-${d.key}-${slug}`, [join(BIN, 'textlint'), '--config', d.config, glob(target)], [0, 1], 'textlint')),
    alex: (target, slug) => mk(L.alex, `alex-${slug}`, [join(BIN, 'alex'), target], [0, 1], 'alex'),
    /** The floors: bench/floor.mjs on the corpus's folder, and the copy of mdfloor.mjs (when there is one) on its flat view. */
    floors: (set, slug) => [
      mk(L.floor, `floor-remark-${slug}`, [node, join(HERE, 'floor.mjs'), 'remark', set.dir], [0]),
      ...(mdfloor ? [mk(L.mdfloor, `mdfloor-${slug}`, [node, mdfloor, set.flat], [0])] : []),
    ],
    regex: (dir, slug) => mk(L.regex, `floor-regex-${slug}`, [node, join(HERE, 'floor.mjs'), 'regex', dir], [0], undefined, { maxRuns: opts.quick ? 1 : 3 }),
  };
}

const resultOf = (res, name) => res && [...res.values()].find((r) => r.cmd.name === name && r.runs.length);

// ---------------------------------------------------------------- one corpus

/**
 * The groups of one corpus, each round-robin: its small corpus (floors, replylint, both peers with
 * every dictionary), its large one (floors and replylint; the peers with --full-peers), replylint on
 * one thread beside the default on every set of 1,000 files or more, the 10× rulebook against the
 * bundled one, the per-folder configs (when `c.configs`) and the RSS check (full runs).
 */
function runCorpus(c, { opts, cmd }) {
  const { key, tag, small, large, huge } = c;
  const title = (s) => `[${tag}] ${s}`;
  const replylints = (set, slug) => [cmd.replylint(set.dir, slug), ...(set.files >= 1000 ? [cmd.oneThread(set.dir, slug)] : [])];
  const peers = (set, slug) => [...cmd.textlints(set.dir, slug), cmd.alex(set.dir, slug)];

  const smallRes = measureGroup(title(`${small.files.toLocaleString('en')} replies`), [
    ...cmd.floors(small, `${key}-small`),
    cmd.regex(small.dir, `${key}-small`),
    ...replylints(small, `${key}-small`),
    ...peers(small, `${key}-small`),
  ], opts);
  const largeRes = measureGroup(title(`${large.files.toLocaleString('en')} replies`), [
    ...cmd.floors(large, `${key}-large`),
    ...replylints(large, `${key}-large`),
    ...(opts.fullPeers ? peers(large, `${key}-large`) : []),
  ], opts);

  // The 10× rulebook against the bundled one, side by side on the same corpus: the large one, unless
  // replylint needs more than TENFOLD_LARGE_MAX seconds there (the 10× run would take minutes) or this
  // is a quick run; then the small one.
  const rlLarge = resultOf(largeRes, L.replylint);
  const tenfoldLarge = !opts.quick && rlLarge !== undefined && rlLarge.wall <= TENFOLD_LARGE_MAX;
  const tenfold = tenfoldLarge ? large : small;
  const tenfoldSlug = `${key}-${tenfoldLarge ? 'large' : 'small'}`;
  const tenfoldRes = measureGroup(title(`10× rulebook, ${tenfold.files.toLocaleString('en')} replies${tenfoldLarge || opts.quick ? '' : ` (not ${large.files.toLocaleString('en')}: replylint took ${fmt(rlLarge?.wall, 1)} s there, over ${TENFOLD_LARGE_MAX} s)`}`), [cmd.bundled(tenfold.dir, tenfoldSlug), cmd.tenfold(tenfold.dir, tenfoldSlug)], { ...opts, minRuns: 3 });

  // 1,000 files in 40 folders, each with the same .replylintrc.yaml, against one config at the top
  // (same files, same rules), side by side: identical configs share one compiled rulebook.
  let trees;
  let configsRes;
  if (c.configs) {
    trees = ensureConfigTrees(small.files === 1000 ? small : large);
    configsRes = measureGroup(title(`${trees.files.toLocaleString('en')} replies under ${CONFIG_FOLDERS} identical per-folder configs vs one config`), [
      { ...cmd.replylint(trees.one, 'configs-one'), name: L.oneConfig },
      { ...cmd.replylint(trees['per-folder'], 'configs-per-folder'), name: L.perFolder },
    ], { ...opts, minRuns: 3 });
  }

  // The RSS check on a corpus four times larger.
  const hugeRes = huge ? measureGroup(title(`${huge.files.toLocaleString('en')} replies (peak RSS check)`), [cmd.replylint(huge.dir, `${key}-huge`)], { ...opts, runs: Math.min(opts.runs, 3) }) : undefined;

  return { c, smallRes, largeRes, tenfold, tenfoldLarge, tenfoldSlug, tenfoldRes, trees, configsRes, hugeRes };
}

/** What each linter of a corpus's groups reported (first run), and whether replylint and textlint + prh found the same phrases. */
function checkOutputs(r, dictionaries) {
  const { c } = r;
  const problems = {};
  const groups = [['small', r.smallRes, c.small.files], ['large', r.largeRes, c.large.files], ['10×', r.tenfoldRes, r.tenfold.files], ['configs', r.configsRes, r.trees?.files], ['huge', r.hugeRes, c.huge?.files]];
  for (const [group, res, files] of groups) {
    if (!res) continue;
    for (const x of res.values()) {
      if (!x.cmd.kind || !x.runs.length) continue;
      const n = countProblems(x.cmd.kind, readFileSync(join(OUT, `${x.cmd.slug}.txt`), 'utf8'));
      problems[x.cmd.slug] = n;
      const phraseHits = x.cmd.kind === 'replylint' ? Object.entries(n.byRule).filter(([id]) => !/^require-|^no-shouting/.test(id)).reduce((k, [, v]) => k + v, 0) : undefined;
      console.log(`  [${c.tag}] ${group} ${x.cmd.name} (${files.toLocaleString('en')} files): ${n.problems.toLocaleString('en')} problems${phraseHits !== undefined ? `, ${phraseHits.toLocaleString('en')} from phrase and limit rules` : ''}`);
    }
  }
  // Same phrases? Compare per rule on the small corpus with the generated dictionary (its entries name
  // replylint's rules), leaving out no-grovelling: replylint reports its `count` phrases only beyond the
  // allowed number, prh at every match.
  const rlS = problems[`replylint-${c.key}-small`];
  const tlS = problems[`textlint-${dictionaries[0].key}-${c.key}-small`];
  if (rlS && tlS) {
    const ids = Object.keys(tlS.byRule).filter((id) => id !== 'no-grovelling' && id !== '?').sort();
    const a = ids.reduce((n, id) => n + (rlS.byRule[id] ?? 0), 0);
    const b = ids.reduce((n, id) => n + (tlS.byRule[id] ?? 0), 0);
    console.log(`  [${c.tag}] same phrases: on ${c.small.files.toLocaleString('en')} files the ${ids.length} phrase rules (no-grovelling aside) fired ${a} times in replylint, ${b} times in textlint + prh with the generated dictionary (replylint drops exception matches and skips code, links and quotes)`);
  }
  const rl = problems[`replylint1x-${r.tenfoldSlug}`];
  const rl10 = problems[`replylint10x-${r.tenfoldSlug}`];
  if (rl && rl10 && rl.problems !== rl10.problems) console.log(`  [${c.tag}] note: the 10× rulebook reported ${rl10.problems} problems, the bundled one ${rl.problems} (generated copies fired ${rl10.problems - rl.problems} times)`);
}

const asRow = (r, files, bytes, label = r.cmd.name) => ({ label, files, bytes, wall: r.wall, cpu: r.cpu, rss: r.rss, runs: r.runs.length });
const rowsOf = (res, set) => (res ? [...res.values()].filter((r) => r.runs.length).map((r) => asRow(r, set.files, set.bytes)) : []);
const findRow = (rows, label) => rows?.find((r) => r.label === label || r.label.startsWith(`${label} (`));

/**
 * A corpus's rows and table sections. The peers' large-corpus rows are extrapolated from their
 * small-corpus and cold-start times unless they ran there (--full-peers).
 */
function corpusRows(r, { cold, dictionaries, opts, scaled }) {
  const { small, large, huge } = r.c;
  const rows = {
    small: rowsOf(r.smallRes, small),
    large: rowsOf(r.largeRes, large),
    tenfold: rowsOf(r.tenfoldRes, r.tenfold),
    configs: r.trees ? rowsOf(r.configsRes, r.trees) : [],
    huge: huge ? rowsOf(r.hugeRes, huge) : [],
  };
  if (!opts.fullPeers) {
    for (const name of [...dictionaries.map((d) => d.label), L.alex]) {
      const c = resultOf(cold, name);
      const s = resultOf(r.smallRes, name);
      if (!c || !s) continue;
      const wall = c.wall + (s.wall - c.wall) * (large.files / small.files);
      rows.large.push({ label: `${name} (extrapolated from ${small.files.toLocaleString('en')} files)`, files: large.files, bytes: large.bytes, wall, runsText: '—', extrapolated: true });
    }
  }
  const ref = (rs, label = L.replylint) => findRow(rs, label)?.wall;
  const mb = (set) => `${(set.bytes / 1e6).toFixed(2)} MB`;
  rows.sections = [
    { title: `${small.files.toLocaleString('en')} replies, ${mb(small)}`, rows: rows.small, ref: ref(rows.small) },
    { title: `${large.files.toLocaleString('en')} replies, ${mb(large)}`, rows: rows.large, ref: ref(rows.large) },
    { title: `10× the phrase rules (${scaled.phrases} phrase-rule patterns), ${r.tenfold.files.toLocaleString('en')} replies`, rows: rows.tenfold, ref: ref(rows.tenfold, L.bundled) },
  ];
  if (rows.configs.length) rows.sections.push({ title: `${r.trees.files.toLocaleString('en')} replies in ${CONFIG_FOLDERS} folders: one config, or the same config in every folder`, rows: rows.configs, ref: ref(rows.configs, L.oneConfig) });
  if (rows.huge.length) rows.sections.push({ title: `${huge.files.toLocaleString('en')} replies, ${mb(huge)} (RSS check)`, rows: rows.huge, ref: ref(rows.large) });
  return rows;
}

// ---------------------------------------------------------------- targets

const ratio = (a, b) => (a?.wall && b?.wall ? a.wall / b.wall : undefined);
const times = (v, d = 2) => (v === undefined ? 'n/a' : `${fmt(v, d)}×`);

/**
 * The targets of one corpus, as lines through `check`. `rows` is undefined when the corpus did not
 * run: then each target shows N/A with `why`.
 */
function corpusTargets(c, rows, { check, opts, dictionaries, scaled, why }) {
  const tag = `[${c.tag}]`;
  const target = (summary, body) => (rows ? body() : check(undefined, `${tag} ${summary}: not run (${why})`));
  // The sizes come from the options: a corpus that did not run has no sets.
  const largeN = opts.large.toLocaleString('en');
  const on = opts.quick ? ` (quick run: on ${largeN} files, the target is for 10,000)` : '';
  const rl = findRow(rows?.large, L.replylint);

  // 1,000 files against textlint + prh with the shared 60-phrase dictionary: measured, or extrapolated in a quick run.
  const thousand = opts.small === 1000 ? rows?.small : opts.large === 1000 ? rows?.large : undefined;
  const shared = dictionaries.find((d) => d.key === 'shared');
  target('1,000 files: at least 6× faster than textlint + prh with the 60-phrase dictionary', () => {
    if (!shared) return check(undefined, `${tag} 1,000 files: textlint + prh with the 60-phrase dictionary: not run (${why})`);
    const r = findRow(thousand, L.replylint);
    const p = findRow(thousand, shared.label);
    const v = ratio(p, r);
    check(v === undefined ? undefined : v >= 6, `${tag} 1,000 files: ${shared.label}${p?.extrapolated ? ' (extrapolated)' : ''} ${fmt(p?.wall, 1)} s ÷ replylint ${fmt(r?.wall, 2)} s = ${times(v, 1)} faster; target at least 6×`);
  });
  for (const [label, want] of [[dictionaries[0].label, 8], [L.alex, 25]]) {
    target(`${largeN} files: at least ${want}× faster than ${label}`, () => {
      const p = findRow(rows.large, label);
      const v = ratio(p, rl);
      check(v === undefined ? undefined : v >= want, `${tag} ${largeN} files: ${label}${p?.extrapolated ? ' (extrapolated)' : ''} ${fmt(p?.wall, 1)} s ÷ replylint ${fmt(rl?.wall, 2)} s = ${times(v, 1)} faster; target at least ${want}×${on}`);
    });
  }
  // The floor of the target is the corpus's own (c.floor); both are shown.
  target(`${largeN} files: at most 1× the time of remark-parse alone on one thread`, () => {
    const floors = [L.floor, L.mdfloor].map((label) => ({ label, row: findRow(rows.large, label) })).filter((f) => f.row);
    const own = floors.find((f) => f.label === c.floor);
    const v = ratio(rl, own?.row);
    const shown = floors.map((f) => `${times(ratio(rl, f.row))} ${f.label === L.floor ? 'bench/floor.mjs (read + remark-parse' : 'mdfloor.mjs (read + remark-parse + remark-frontmatter'}, ${fmt(f.row.wall, 2)} s)${f === own ? ' ← target' : ''}`);
    check(v === undefined ? undefined : v <= 1, `${tag} ${largeN} files: replylint ${fmt(rl?.wall, 2)} s = ${shown.join(', ') || 'n/a'}; target at most 1× ${c.floor === L.floor ? 'bench/floor.mjs' : 'mdfloor.mjs'}${on}`);
  });
  target('10× the phrase rules: at most 1.2× the time with the bundled rulebook', () => {
    const b = findRow(rows.tenfold, L.bundled);
    const t = findRow(rows.tenfold, L.tenfold);
    const v = ratio(t, b);
    const files = b?.files ?? t?.files;
    check(v === undefined ? undefined : v <= 1.2, `${tag} ${files?.toLocaleString('en')} files, 10× the phrase rules (${scaled.phrases} phrase-rule patterns): ${fmt(t?.wall, 2)} s = ${times(v)} the time with the bundled rulebook (${fmt(b?.wall, 2)} s, measured alongside); target at most 1.2×${files === opts.large ? '' : ` (on ${files?.toLocaleString('en')} files, not ${largeN}${opts.quick ? ': quick run' : ': replylint is too slow there for now'})`}`);
  });
  if (c.configs) {
    target(`${CONFIG_FOLDERS} identical per-folder configs: at most 1.15× one config`, () => {
      const one = findRow(rows.configs, L.oneConfig);
      const per = findRow(rows.configs, L.perFolder);
      const v = ratio(per, one);
      check(v === undefined ? undefined : v <= 1.15, `${tag} ${one?.files.toLocaleString('en')} files under ${CONFIG_FOLDERS} identical per-folder configs: ${fmt(per?.wall, 2)} s = ${times(v)} the time under one config (${fmt(one?.wall, 2)} s, measured alongside); target at most 1.15×`);
    });
  }
  target(`${largeN} files: peak RSS under 150 MiB`, () => check(rl?.rss === undefined ? undefined : rl.rss < 150, `${tag} ${largeN} files: replylint peak RSS ${fmt(rl?.rss, 0)} MiB; target under 150 MiB${on}`));
  target('40,000 files: peak RSS within ±10% of 10,000 files', () => {
    const h = findRow(rows.huge, L.replylint);
    if (!h) return check(undefined, `${tag} peak RSS on 40,000 files within ±10% of 10,000: not measured${opts.quick ? ' in a quick run' : ''}`);
    const d = rl?.rss && h.rss ? h.rss / rl.rss - 1 : undefined;
    check(d === undefined ? undefined : Math.abs(d) <= 0.1, `${tag} ${h.files.toLocaleString('en')} files: replylint peak RSS ${fmt(h.rss, 0)} MiB, ${d === undefined ? 'n/a' : `${d >= 0 ? '+' : ''}${fmt(d * 100, 0)}%`} vs ${largeN} files; target within ±10%`);
  });
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

/**
 * The two corpora: bench/generate.mjs's, and make_corpus.py's from ../shared/bench when it is there
 * (else `missing` says why). Each has a small and a large set and, in a full run, a huge one for the
 * RSS check; `flat` is the folder mdfloor.mjs reads (one folder of .md files, nothing else).
 */
function prepareCorpora(opts, shared) {
  const log = (s) => console.log(s);
  const sizes = [opts.small, opts.large, opts.rss];
  const [small, large, huge] = sizes.map((n) => (n ? ensureCorpus(n, { log }) : undefined));
  // The floors run on the small and large sets only.
  for (const set of [small, large]) set.flat = shared.missing ? undefined : ensureFlatView(set, TMP);
  const first = { key: 'gen', tag: 'generate.mjs', generator: 'bench/generate.mjs', floor: L.floor, configs: true, small, large, huge };
  const second = { key: 'shared', tag: 'make_corpus.py', generator: `${relative(ROOT, join(SHARED_DIR, 'make_corpus.py'))}`, floor: L.mdfloor, configs: false, missing: shared.missing };
  if (!shared.missing) {
    try {
      const [s, l, h] = sizes.map((n) => (n ? ensureSharedCorpus(shared, n, { log }) : undefined));
      for (const set of [s, l]) set.flat = set.dir;
      Object.assign(second, { generator: s.generator, small: s, large: l, huge: h });
    } catch (e) {
      second.missing = `its corpus could not be made: ${e.message}`;
      failures.push(`second corpus: ${e.message}`);
      console.log(`bench: ${second.missing}; the second corpus does not run`);
    }
  }
  for (const c of [first, second]) {
    if (c.missing) continue;
    for (const set of [c.small, c.large, c.huge].filter(Boolean)) {
      console.log(`corpus ${relative(ROOT, set.dir)} (${c.generator}): ${set.files.toLocaleString('en')} files, ${(set.bytes / 1e6).toFixed(2)} MB${set.withViolations === undefined ? '' : `, ${set.withViolations.toLocaleString('en')} with a planted violation`}`);
    }
  }
  return [first, second];
}

/** The prh dictionaries: generated from replylint's rules (bench/prh.mjs), and the shared 60-phrase one when it is there. */
async function prepareDictionaries(shared) {
  const write = (key, yaml) => {
    const dir = join(TMP, `textlint-${key}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'prh.yml'), yaml);
    writeFileSync(join(dir, '.textlintrc.json'), `${JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }, null, 2)}\n`);
    return { dir, config: join(dir, '.textlintrc.json') };
  };
  const gen = await prhDictionary();
  const dictionaries = [{ key: 'generated', label: 'textlint + prh, generated dictionary', ...write('generated', gen.yaml), phrases: gen.phrases, entries: gen.entries, source: 'bench/prh.mjs' }];
  console.log(`prh dictionary: ${gen.phrases} of replylint's phrases in ${gen.entries} regular expressions (${relative(ROOT, dictionaries[0].dir)}/prh.yml)`);
  if (!shared.missing) {
    const d = sharedDictionary(shared);
    dictionaries.push({ key: 'shared', label: `textlint + prh, ${d.phrases}-phrase dictionary`, ...write('shared', d.yaml), phrases: d.phrases, entries: d.entries, source: relative(ROOT, shared.dictionary) });
    console.log(`prh dictionary: ${d.phrases} phrases in ${d.entries} entries (${relative(ROOT, shared.dictionary)}, copied to ${relative(ROOT, dictionaries[1].dir)}/prh.yml)`);
  }
  return dictionaries;
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
  if (!HAVE_TIME) console.log('bench: /usr/bin/time not found (Debian package `time`): peak RSS and CPU time will show as n/a');

  const date = execFileSync('date', { encoding: 'utf8' }).trim();
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const versions = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const load0 = loadavg().map((x) => x.toFixed(2)).join(' ');
  const busy0 = loadavg()[0];
  const revision = gitRevision();
  const machine = `${date}; replylint ${revision}; ${nproc} cores (${cpu}); Node ${process.version}; textlint ${versions('textlint')}, textlint-rule-prh ${versions('textlint-rule-prh')}, alex ${versions('alex')}; load average at start ${load0}`;
  console.log(`replylint benchmark (${opts.quick ? 'quick' : 'full'}): ${machine}`);

  // The shared benchmark files (second corpus, 60-phrase dictionary, mdfloor.mjs), when they are there.
  const shared = findShared();
  if (shared.missing) {
    console.log(`bench: NOTICE: ${shared.missing}: running the first corpus (bench/generate.mjs) only, without the 60-phrase prh dictionary and mdfloor.mjs; the second corpus's targets show N/A`);
  }

  // Corpora, the prh dictionaries, the floor copy, the 10× rulebook.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const single = ensureSingleFile();
  const corpora = prepareCorpora(opts, shared);
  const dictionaries = await prepareDictionaries(shared);
  const mdfloor = shared.missing ? undefined : copySharedFloor(shared, TMP);
  if (mdfloor) console.log(`floor: ${relative(ROOT, shared.floor)} copied to ${relative(ROOT, mdfloor)} (its imports resolve from there)`);
  const scaled = makeScaledPackage(10);
  console.log(`10× rulebook: ${scaled.rules} rules, ${scaled.phraseRules} phrase rules, ${scaled.phrases} phrase-rule patterns (${relative(ROOT, scaled.dir)}/rules; a copy of the package${scaled.precompiled ? ' with its own dist/rules.json' : ''}, see bench/extra-rules.mjs)`);
  const cmd = makeCommands({ opts, scaled, dictionaries, mdfloor });

  // 1. Cold start: one small file (a reply of the first corpus).
  const cold = measureGroup(`cold start, one file (${single.bytes} bytes)`, [cmd.nodeE0, cmd.replylint(single.file, 'single'), ...cmd.textlints(single.file, 'single'), cmd.alex(single.file, 'single')], {
    runs: opts.coldRuns,
    budget: opts.budget,
    warmup: true,
  });

  // 2. Each corpus's groups.
  const results = corpora.map((c) => (c.missing ? undefined : runCorpus(c, { opts, cmd })));

  // ------------------------------------------------ checks of the outputs
  console.log('\nwhat each linter reported (first run):');
  for (const r of cold.values()) {
    if (!r.cmd.kind || !r.runs.length) continue;
    console.log(`  cold ${r.cmd.name} (1 file): ${countProblems(r.cmd.kind, readFileSync(join(OUT, `${r.cmd.slug}.txt`), 'utf8')).problems} problems`);
  }
  for (const r of results) if (r) checkOutputs(r, dictionaries);

  // ------------------------------------------------ tables
  const coldRows = [...cold.values()].filter((r) => r.runs.length).map((r) => asRow(r, r.cmd.name === L.nodeE0 ? undefined : 1, r.cmd.name === L.nodeE0 ? undefined : single.bytes));
  const rows = results.map((r) => (r ? corpusRows(r, { cold, dictionaries, opts, scaled }) : undefined));
  const tables = corpora.map((c, i) => {
    const heading = `### Corpus ${i + 1}: ${c.generator}`;
    if (!rows[i]) return `${heading}\n\nNot run: ${c.missing}.`;
    const sections = i === 0 ? [{ title: `cold start, one small file (a ${c.generator} reply)`, rows: coldRows, ref: findRow(coldRows, L.replylint)?.wall }, ...rows[i].sections] : rows[i].sections;
    return `${heading}\n\n${table(sections)}`;
  });
  const tableText = tables.join('\n\n');

  // ------------------------------------------------ targets
  const targets = [];
  const check = (ok, text) => targets.push(`${ok === undefined ? 'N/A ' : ok ? 'PASS' : 'MISS'} ${text}`);
  {
    const r = findRow(coldRows, L.replylint);
    const n = findRow(coldRows, L.nodeE0);
    const v = ratio(r, n);
    check(v === undefined ? undefined : v <= 1.5, `cold start, one small file: replylint ${fmt(r?.wall, 3)} s = ${times(v)} \`node -e 0\` (${fmt(n?.wall, 3)} s); target at most 1.5×`);
  }
  corpora.forEach((c, i) => corpusTargets(c, rows[i], { check, opts, dictionaries, scaled, why: c.missing ?? shared.missing }));

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
      check(k.ratio <= 1.1 && k.sameProblems, `after ${k.compiles.toLocaleString('en')} more compileRulebook calls, the first rulebook lints ${k.files.toLocaleString('en')} replies in ${k.afterMs} ms vs ${k.beforeMs} ms before = ${times(k.ratio)}; target within 1.10× (medians of 5 passes)`);
      const growth = k.heapAfterMB.data - k.heapBeforeMB.data;
      check(growth <= 1, `heap (data) ${k.heapBeforeMB.data} MB before, ${k.heapAfterMB.data} MB after ${k.compiles.toLocaleString('en')} compiles, ${k.heapAfterTwiceMB.data} MB after twice as many (machine code: ${k.heapBeforeMB.code} → ${k.heapAfterMB.code} → ${k.heapAfterTwiceMB.code} MB); target back where it started (within 1 MB)`);
    }
    const l = child('lsp.mjs', [opts.quick ? 1000 : 10000]);
    if (l) {
      check(l.relintMedianMs < 10, `language server: re-linting a ${l.draftChars.toLocaleString('en')}-character draft after an edit, seen from the client (edit + hover): median ${l.relintMedianMs} ms, p95 ${l.relintP95Ms} ms; target median under 10 ms`);
      check(l.rssGrowth <= 1.1, `language server: RSS ${l.rssAt1000MB} MB after 1,000 edits, ${l.rssEndMB} MB after ${l.edits.toLocaleString('en')} = ${times(l.rssGrowth)}; target flat (within 1.10×)`);
    }
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const load1 = loadavg().map((x) => x.toFixed(2)).join(' ');
  const [first, second] = corpora;
  const small = first.small;
  const large = first.large;
  const gen = dictionaries[0];
  const sharedDict = dictionaries.find((d) => d.key === 'shared');
  const notes = [
    `- Medians of the runs shown; wall time around the process, CPU time (user + system, all threads) and peak RSS from GNU time's %U, %S and %M. "replylint ÷ this" is replylint's median time divided by the row's (below 1: replylint is faster).`,
    `- Two corpora, each with its own table: corpus 1 from bench/generate.mjs (front matter, lists, links, inline code, placeholders; about 20% of the replies with a planted violation), corpus 2 from ${second.missing ? `../shared/bench/make_corpus.py, not run here: ${second.missing}` : `${second.generator}: one folder, many violations per file`}; the same sizes (${small.files.toLocaleString('en')}, ${large.files.toLocaleString('en')}${first.huge ? `, ${first.huge.files.toLocaleString('en')}` : ''} files). The cold start runs once, on a reply of corpus 1.`,
    `- textlint + prh runs with ${sharedDict ? 'two dictionaries' : 'one dictionary'}: one generated from replylint's own rules (bench/prh.mjs), ${gen.phrases} phrases as ${gen.entries} regular expressions, the ones replylint compiles${sharedDict ? `; and ${sharedDict.source}, ${sharedDict.phrases} phrases in ${sharedDict.entries} entries (lighter, so textlint is faster with it)` : ''}. alex runs with its defaults. Both print their default (stylish) report, as replylint does; all output goes to a file.`,
    opts.fullPeers ? '- textlint + prh and alex ran on every corpus.' : `- textlint + prh and alex ran on the ${small.files.toLocaleString('en')}-file sets; their ${large.files.toLocaleString('en')}-file times are extrapolated per file (cold start + (${small.files.toLocaleString('en')}-file time − cold start) × ${large.files / small.files}); \`--full-peers\` measures them.`,
    `- "replylint, REPLYLINT_WORKERS=0 (one thread)" is replylint without worker threads, beside the default (which adds a worker thread from 1,000 files on, src/cli/pool.ts) on every set of 1,000 files or more: what the second core gives, in wall time and in CPU time.`,
    `- Floors, both on one thread: bench/floor.mjs reads the files and parses each with unified + remark-parse (no plugins)${mdfloor ? "; ../shared/bench/mdfloor.mjs (run from a copy in bench/tmp/) does the same with remark-frontmatter too, on a flat folder of the corpus's files (hard links; it reads every entry of one folder). A corpus's 10,000-file target is against its own floor: bench/floor.mjs for corpus 1, mdfloor.mjs for corpus 2" : ''}. The "phrase regexes" row (information, no target) reads the files and runs each rule's whole phrase list as one regular expression (per rule and language, as compilePhrases makes them) over the whole text: matching without replylint's first-word and anchor index, which tries an expression only where a phrase's first word is, in a paragraph that has the phrase's rarer words.`,
    `- The 10× rulebook adds 9 letter-substituted copies of every phrase rule (bench/extra-rules.mjs), run from a copy of the package with its own rules/ folder, side by side with the bundled rulebook on each corpus's ${opts.quick ? small.files.toLocaleString('en') : large.files.toLocaleString('en')}-file set${opts.quick ? '' : ` (on the ${small.files.toLocaleString('en')}-file one while replylint takes more than ${TENFOLD_LARGE_MAX} s on the large one)`}.`,
    `- ${CONFIG_FOLDERS} identical per-folder configs (corpus 1 only): the ${results[0].trees.files.toLocaleString('en')} replies spread over ${CONFIG_FOLDERS} folders, each with the same .replylintrc.yaml (bench/tmp/configs-per-folder), against the same folders under one config at the top (bench/tmp/configs-one), round-robin; identical configs share one compiled rulebook (src/cli/discover.ts), so the difference is reading ${CONFIG_FOLDERS} configs.`,
    `- Load average (1, 5, 15 min) at the start ${load0}, at the end ${load1}; the run took ${seconds} s.`,
  ];
  if (Math.max(busy0, loadavg()[0]) > Number(nproc)) {
    notes.push(`- The machine was busy with other work (load average above its ${nproc} cores): absolute times are longer than on an idle machine and vary more between runs; the ratios, measured side by side round-robin, less so.`);
  }
  // A command's CPU time is at least its wall time while it has a core (more with worker threads): a median
  // wall time well above the CPU time means it waited, for a core or for the disk.
  const waited = [coldRows.map((x) => ({ ...x, label: `cold start: ${x.label}` })), ...rows.flatMap((r, i) => (r ? r.sections.map((s) => s.rows.map((x) => ({ ...x, label: `[${corpora[i].tag}] ${x.label}, ${x.files?.toLocaleString('en')} files` }))) : []))]
    .flat()
    .filter((x) => !x.extrapolated && x.cpu !== undefined && x.wall > 0.5 && x.wall > 1.5 * x.cpu);
  if (waited.length) {
    notes.push(`- Waited (median wall time over 1.5× the CPU time, so the command sat idle, most likely for a core that other work had): ${waited.map((x) => `${x.label} (${fmt(x.wall, 2)} s wall, ${fmt(x.cpu, 2)} s CPU)`).join('; ')}. Their times, and the ratios and extrapolations made with them, are too high.`);
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
      `- corpora: 1. bench/generate.mjs; 2. ${second.missing ? `../shared/bench/make_corpus.py: not run (${second.missing})` : `${second.generator}, ${shared.python}`}`,
      '',
      '## Tables',
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
