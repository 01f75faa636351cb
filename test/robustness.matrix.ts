/** The robustness matrix: each row is tested in test/robustness.test.ts, and docs/robustness.md is generated from it. */
export interface Row {
  id: string;
  input: string;
  expected: string;
}

export const MATRIX: Row[] = [
  { id: 'empty', input: 'An empty file, and one of only white space', expected: 'Linted; no problems, nothing on stderr, exit 0' },
  { id: 'binary', input: 'A binary file named `.md` (NUL bytes)', expected: '`replylint: x.md: binary file (it contains NUL bytes), skipped` on stderr; the other files are linted; exit 2' },
  { id: 'invalid-utf8', input: 'Invalid UTF-8', expected: 'A warning on stderr; linted with U+FFFD in place of the bad bytes, positions still right; never written by `--fix`' },
  { id: 'utf16', input: 'UTF-16 with a BOM (LE and BE)', expected: 'Decoded (a warning says so) and linted; never written by `--fix`' },
  { id: 'huge', input: 'A Markdown file larger than `--max-file-size` (default 10 MB; tested with 12 MB)', expected: '`too large (…), skipped` on stderr, exit 2; the other files are linted' },
  { id: 'long-line', input: 'A line of 5 MB with no breaks', expected: 'Linted (tables are not looked for on lines over 100 KB)' },
  { id: 'run-on', input: 'A 1 MB paragraph with no sentence end and a problem every few words (40,000 problems)', expected: 'Linted in seconds: each problem\'s rewrite, fix and shouting checks look at most 400 characters around it (they read the whole paragraph: minutes)' },
  { id: 'nesting', input: '10,000 nested blockquotes; 10,000 nested list levels', expected: 'No stack overflow, no hang: past 64 levels the file is linted as plain text' },
  { id: 'placeholders', input: '100,000 placeholders', expected: 'Linted; placeholders are masked in linear time' },
  { id: 'line-endings', input: 'Mixed CRLF, LF and CR line endings', expected: 'Every position is right' },
  { id: 'missing', input: 'A file that does not exist (or was deleted after it was listed)', expected: '`replylint: x.md: no such file or directory`; the others are linted; exit 2' },
  { id: 'unreadable', input: 'An unreadable file (permissions; as root, the test runs the CLI as the unprivileged user nobody)', expected: '`replylint: x.md: permission denied`; the others are linted; exit 2' },
  { id: 'fifo', input: 'A FIFO (named pipe) named `x.md`, and a reply symlinked to `/dev/zero`', expected: 'Refused at once, never read: `replylint: x.md: not a regular file (a FIFO or a device), skipped`; the others are linted; exit 2' },
  { id: 'symlinks', input: 'A symlink loop, a dangling symlink and a directory symlinked into itself', expected: 'Directories are walked without following symlinks: no hang; a looping symlink named on the command line is `too many levels of symbolic links`, exit 2' },
  { id: 'symlinked-replies', input: 'A reply that is a symlink (to a file outside the repository, say), found by walking a folder or by a glob', expected: 'Skipped either way, silently: symlinks (to files or folders) are followed only when named on the command line, so a committed link never gets a file outside the repository read or fixed' },
  { id: 'odd-paths', input: 'A path with spaces, non-ASCII letters and a leading `-`', expected: 'Linted (after `--`) and named exactly' },
  { id: 'epipe', input: '`replylint big-folder | head -1`, and with `2>&1`', expected: 'Ends quietly: no stack trace, nothing on stderr; every file is still linted and the exit code is the run\'s result (1 or 2), so `set -o pipefail` fails the job' },
  { id: 'stdout-error', input: '`replylint -f json x.md > /dev/full` (stdout cannot be written)', expected: '`replylint: cannot write to stdout: ENOSPC: …` on stderr, exit 2, no stack trace' },
  { id: 'sigint', input: 'Ctrl-C (SIGINT) during `--fix`', expected: 'Stops at once, by the signal (a shell shows 130); no temporary file left; every file entirely old or entirely new: a fix being written is finished first (milliseconds)' },
  { id: 'signals', input: 'SIGTERM or SIGINT while one large file is being linted (`timeout`, a cancelled CI job)', expected: 'Ends at once, in the middle of the file, by the signal (a shell shows 143 or 130); no temporary file left' },
  { id: 'stdin-size', input: 'stdin larger than `--max-file-size` (tested with 1 MB and one byte more)', expected: 'Reading stops just past the limit: `replylint: <stdin>: too large (…), skipped`, exit 2; exactly at the limit it is linted' },
  { id: 'escapes', input: 'Terminal escape sequences, line breaks and bidirectional controls in a file name or a rule\'s message', expected: 'Shown escaped (`\\x1b[2J`, `\\x0a`, `\\u202e`) in `stylish` and `compact` and on stderr; `json` and the other machine formats keep the text as it is, in their own escaping' },
  { id: 'fix-links', input: '`--fix` on a symlink and on a file with two hard links', expected: 'The link\'s target is fixed and the link stays a link (as ESLint does); both hard links keep the fix (such a file is written in place, not renamed over)' },
  { id: 'fix-owner', input: '`--fix` run as root on a file of another user (mode 640); run as a user who may write a file but not own it, or not create files in its folder (as root only: the test needs a second user)', expected: 'Owner, group and mode kept; where a new file cannot be given the owner or created beside it, the file is written in place' },
  { id: 'cache-file', input: 'A cache file that is a FIFO, a symlink to `/dev/zero`, or larger than 256 MB (sparse; tested with 256 MB and one byte more)', expected: 'Not read: `replylint: warning: the cache …: not a regular file` / `too large`; every file is linted, and a fresh cache replaces the link or file (a link\'s target is not written)' },
  { id: 'cache-entries', input: 'Forged cache entries: `messages: null`, no report, a report of another file, wrong counts', expected: 'Ignored: the file is linted again and the output is exactly that of a run without the cache; counts are recomputed from the messages. A well-formed entry for unchanged content and settings is replayed as it stands: do not share or commit a cache' },
  { id: 'cache-temp', input: 'A symlink planted where the cache\'s temporary file used to go (`..replylintcache.<pid>.tmp`); a cache that cannot be saved', expected: 'The temporary name is random and the file is opened with O_EXCL: nothing is written through a planted link; when saving fails, a warning, and no temporary file is left' },
  { id: 'yaml-errors', input: 'YAML syntax errors in a config or rule file', expected: '`file:line:column: invalid YAML: …`, exit 2' },
  { id: 'yaml-bomb', input: 'A YAML bomb (billion laughs: nested aliases)', expected: 'Refused at once: `invalid YAML: … alias …`, exit 2' },
  { id: 'big-yaml', input: 'A 10 MB rule file', expected: 'Refused before parsing: `too large (…): rule and config files are at most 1 MB`, exit 2' },
  { id: 'redos', input: 'A placeholder pattern that backtracks catastrophically: `(a+)+$`, `(\\w+\\s?)*$`', expected: 'Refused at load, exit 2: `could take exponential time …` (checked with safe-regex2), or for `(\\w+\\s?)*$` `matches empty text`. Rule phrases cannot express such patterns: the phrase syntax compiles to expressions without nested repetition' },
  { id: 'empty-match', input: 'A pattern that matches the empty string', expected: 'Refused at load (placeholders: `matches empty text`; phrases: `can match nothing at all`), exit 2' },
  { id: 'many-rules', input: '10,000 team rules in one folder', expected: 'Loaded, validated and run (about 11 s here: each file is parsed and checked against the schema)' },
  { id: 'fuzz', input: 'Arbitrary Unicode text and generated Markdown (fast-check)', expected: 'Never throws; every position lies in the text on the reported characters; results are deterministic; work grows linearly with the input (counted in regular-expression runs)' },
];

export function renderMatrix(rows: Row[] = MATRIX): string {
  return [
    '<!-- Generated from test/robustness.matrix.ts by `npm run docs`. Each row is a test in test/robustness.test.ts. -->',
    '# Hostile input: what replylint does',
    '',
    'replylint runs in CI on files and rulebooks nobody checked. Every row below is tested through the real CLI (or, for the fuzzing row, the core): a one-line message naming the file and the problem, the documented exit code, every other file still linted, and no file written except by `--fix`. Stack traces only with `--debug`.',
    '',
    '| input | what happens | test |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.input} | ${r.expected} | \`robustness: ${r.id}\` |`),
    '',
  ].join('\n');
}
