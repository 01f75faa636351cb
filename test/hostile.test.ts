/**
 * Hostile input, round two (issue 16), through the real CLI: replies that made
 * a run hang, configs and rule files that made it hang or fail unclearly, text
 * that reads the same to a person and must lint the same.
 *
 * "Does not hang" is a spawned run with a generous timeout (each took minutes
 * or more before), never a timed assertion on speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliRun } from './helpers.js';

const BAD = 'As I already said, no.\n';
/** Only the phrase rules: whole-reply rules would add noise to every case. */
const PHRASES_ONLY = ['--rule', 'require-thanks=off', '--rule', 'require-apology=off', '--rule', 'require-acknowledgement=off', '--rule', 'require-next-step=off'];

function dir(files: Record<string, string | Buffer> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'replylint-hostile2-'));
  mkdirSync(join(d, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}
/**
 * A run that must end well within `seconds`: after that it is killed (code null). With SIGKILL, since
 * a run stuck on one file need not stop on SIGTERM.
 */
function run(args: string[], cwd: string, opts: { seconds?: number; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: (opts.seconds ?? 20) * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const compact = (args: string[], cwd: string, seconds?: number) => run(['-f', 'compact', ...PHRASES_ONLY, ...args], cwd, { seconds });

describe('a reply file alone does not hang the run', () => {
  it('a long run of word characters before an "@" (the e-mail mask was quadratic: 400 KB took a minute)', () => {
    const d = dir({ 'x.md': `Hi ${'a'.repeat(400_000)} x@ y, as I already said.\n`, 'b.md': BAD });
    const r = compact(['x.md', 'b.md'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.md:1:\d+: error: .*\(no-as-i-said\)$/m);
    expect(r.stdout).toMatch(/^b\.md:1:1: error/m);
  }, 30_000);

  it('backtick runs of 1 to 2,000 backticks in one paragraph, never closed (2 MB took minutes)', () => {
    let text = 'Hi, as I already said ';
    for (let k = 1; k < 2000; k++) text += `${'`'.repeat(k)} a `;
    const d = dir({ 'x.md': `${text}\n\nAs I already said, \`code\` stays code.\n` });
    const r = compact(['x.md'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.md:1:5: error: .*\(no-as-i-said\)$/m);
    expect(r.stdout).toMatch(/^x\.md:3:1: error: .*\(no-as-i-said\)$/m);
  }, 30_000);

  it('a table of 100,000 rows (40,000 took 15 s, this one a minute)', () => {
    let text = '| a | b |\n|---|---|\n';
    for (let i = 0; i < 100_000; i++) text += `| x${i} | fine words here |\n`;
    text += '\nPlease check our website.\n';
    const d = dir({ 'x.md': text });
    const r = compact(['x.md'], d);
    expect(r.stdout).toMatch(/^x\.md:100004:8: error: .*\(no-website-deflection\)$/m);
    expect(r.code).toBe(1);
  }, 30_000);

  it('20,000 disable-next-line directives, each over a problem (the cost was directives x problems)', () => {
    const text = '<!-- replylint-disable-next-line no-as-i-said -->\nAs I already said, no.\n\n'.repeat(20_000) + BAD;
    const d = dir({ 'x.md': text });
    const r = compact(['x.md'], d);
    expect(r.stdout).toBe(`x.md:60001:1: error: “As I already said” tells the customer they should have listened the first time. (no-as-i-said)\n`);
    expect(r.code).toBe(1);
  }, 30_000);
});

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
const hasDevZero = existsSync('/dev/zero');

describe('a committed config or rule file does not hang the run', () => {
  it.skipIf(!hasDevZero)('extends: [/dev/zero], and a config or rule file symlinked to /dev/zero: refused by name (they read forever)', () => {
    const d = dir({ '.replylintrc.yaml': 'extends: [/dev/zero]\n', 'b.md': BAD });
    const r = compact(['b.md'], d);
    expect(r.stderr).toBe('replylint: /dev/zero:1:1: not a regular file (a device, FIFO or socket), so not read as a config\n');
    expect(r.code).toBe(2);

    const c = dir({ 'b.md': BAD });
    symlinkSync('/dev/zero', join(c, '.replylintrc.yaml'));
    const r2 = compact(['b.md'], c);
    expect(r2.stderr).toBe('replylint: .replylintrc.yaml:1:1: not a regular file (a device, FIFO or socket), so not read as a config\n');
    expect(r2.code).toBe(2);

    const t = dir({ '.replylintrc.yaml': 'extends: [replylint:recommended, ./team]\n', 'b.md': BAD });
    mkdirSync(join(t, 'team'));
    symlinkSync('/dev/zero', join(t, 'team', 'no-zero.yaml'));
    const r3 = compact(['b.md'], t);
    expect(r3.stderr).toBe('replylint: team/no-zero.yaml:1:1: not a regular file (a device, FIFO or socket), so not read as a rule file\n');
    expect(r3.code).toBe(2);
  }, 30_000);

  it.skipIf(!hasMkfifo)('a FIFO as a rule file or a config: refused, never opened for a blocking read', () => {
    const t = dir({ '.replylintrc.yaml': 'extends: [replylint:recommended, ./team]\n', 'b.md': BAD });
    mkdirSync(join(t, 'team'));
    expect(spawnSync('mkfifo', [join(t, 'team', 'no-fifo.yaml')]).status).toBe(0);
    const r = compact(['b.md'], t);
    expect(r.stderr).toBe('replylint: team/no-fifo.yaml:1:1: not a regular file (a device, FIFO or socket), so not read as a rule file\n');
    expect(r.code).toBe(2);

    const c = dir({ 'b.md': BAD });
    expect(spawnSync('mkfifo', [join(c, 'fifo.yaml')]).status).toBe(0);
    const r2 = compact(['b.md', '--config', 'fifo.yaml'], c);
    expect(r2.stderr).toBe('replylint: fifo.yaml:1:1: not a regular file (a device, FIFO or socket), so not read as a config\n');
    expect(r2.code).toBe(2);
  }, 30_000);

  it('a phrase with ten chained {0,6} slots: refused at its file:line:col (10 slots took 9 s, 12 took 4 minutes)', () => {
    const slots = Array(10).fill('{0,6}').join(' a ');
    const d = dir({ '.replylintrc.yaml': `rules:\n  no-as-i-said: [error, {patterns: {en: ["a ${slots} z"]}}]\n`, 'b.md': `${'a '.repeat(100)}\n` });
    const r = compact(['b.md'], d);
    expect(r.stderr).toMatch(/^replylint: \.replylintrc\.yaml:2:42: pattern "a \{0,6\} a .*" in "rules\.no-as-i-said\[1\]\.patterns\.en\[0\]": too ambiguous: .* in 282,475,249 ways, at most 1,024/);
    expect(r.code).toBe(2);
    // Just over the bound: three {0,6} slots and two optional words (7 x 7 x 7 x 2 x 2 = 1,372 ways); just under: three slots (343).
    const over = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {en: ["a {0,6} b {0,6} c {0,6} (d) (e) f"]}}]\n', 'b.md': BAD });
    expect(compact(['b.md'], over).stderr).toMatch(/in 1,372 ways, at most 1,024/);
    const under = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {en: ["a {0,6} b {0,6} c {0,6} f"]}}]\n', 'b.md': 'a x b x c x f\n' });
    expect(compact(['b.md'], under).stdout).toMatch(/^b\.md:1:1: error: .*\(no-as-i-said\)$/m);
  }, 30_000);

  it('placeholder patterns that pass safe-regex2 but backtrack run in linear time', () => {
    for (const p of ['\\{\\w*\\w*\\w*\\w*\\}', '\\{(a|a)*\\}', '\\[\\[[^\\]]+\\]\\]']) {
      const d = dir({ '.replylintrc.yaml': `placeholders: ['${p}']\n`, 'x.md': `As I already said, {${'a'.repeat(200_000)}\n\n${'[['.repeat(100_000)}\n` });
      const r = compact(['x.md'], d);
      expect(r.stdout, p).toMatch(/^x\.md:1:1: error: .*\(no-as-i-said\)$/m);
      expect(r.code, p).toBe(1);
    }
    // What the linear-time engine cannot run is refused, with the reason.
    const big = dir({ '.replylintrc.yaml': "placeholders: ['\\{[a-z]{1,17}\\}']\n", 'b.md': BAD });
    expect(compact(['b.md'], big).stderr).toMatch(/^replylint: \.replylintrc\.yaml:1:16: placeholder ".*" cannot run in linear time: .*counts over 16/);
    const ok = dir({ '.replylintrc.yaml': "placeholders: ['\\{[a-z]{1,16}\\}']\n", 'b.md': 'As I already said, {x}.\n' });
    expect(compact(['b.md'], ok).stdout).toMatch(/^b\.md:1:1: error/m);
  }, 60_000);

  it('globs with many stars in ignorePatterns or overrides.files: refused at their file:line:col', () => {
    const stars = dir({ '.replylintrc.yaml': `ignorePatterns: ["${'*a'.repeat(10)}b"]\n`, 'b.md': BAD });
    const r = compact(['b.md'], stars);
    expect(r.stderr).toBe('replylint: .replylintrc.yaml:1:18: glob "*a*a*a*a*a*a*a*a*a*ab": 10 "*" in one path segment; at most 2 (each one more multiplies the time to match a name)\n');
    expect(r.code).toBe(2);
    const three = dir({ '.replylintrc.yaml': 'overrides:\n  - files: ["**/*a*a*b"]\n    rules: {no-as-i-said: off}\n', 'b.md': BAD });
    expect(compact(['b.md'], three).stderr).toMatch(/^replylint: \.replylintrc\.yaml:2:13: glob "\*\*\/\*a\*a\*b": 3 "\*" in one path segment; at most 2/);
    const globstars = dir({ '.replylintrc.yaml': 'ignorePatterns: ["**/a*/**/b*/**/c"]\n', 'b.md': BAD });
    expect(compact(['b.md'], globstars).stderr).toMatch(/3 "\*\*" segments; at most 2/);
    const fine = dir({ '.replylintrc.yaml': 'ignorePatterns: ["**/*-draft*/**"]\n', 'b.md': BAD });
    expect(compact(['b.md'], fine).code).toBe(1);
  }, 30_000);

  it('a 550 KB config whose one big list is aliased 98 times: refused (it took 70 s)', () => {
    const list = Array.from({ length: 70_000 }, (_, i) => `w${i}`).join(', ');
    const uses = Array.from({ length: 98 }, () => `  - files: *big\n    rules: {no-as-i-said: off}\n`).join('');
    const yaml = `ignorePatterns: &big [${list}]\noverrides:\n${uses}`;
    expect(yaml.length).toBeGreaterThan(550_000);
    const d = dir({ '.replylintrc.yaml': yaml, 'b.md': BAD });
    const r = compact(['b.md'], d);
    expect(r.stderr).toMatch(/^replylint: \.replylintrc\.yaml:3:12: invalid YAML: aliases copy more than 10,000 values in all/);
    expect(r.code).toBe(2);
    // Just over the limit: a list of 5,000 (5,001 nodes with the list) aliased twice copies 10,002.
    const small = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(', ');
    const twice = dir({ '.replylintrc.yaml': `ignorePatterns: &big [${small}]\noverrides:\n  - files: *big\n    rules: {no-as-i-said: off}\n  - files: *big\n    rules: {no-as-i-said: off}\n`, 'b.md': BAD });
    expect(compact(['b.md'], twice).stderr).toMatch(/aliases copy more than 10,000 values in all/);
  }, 60_000);

  it('a 2,000-deep extends chain, a folder named like a rule file: a clear message naming the file', () => {
    const files: Record<string, string> = { '.replylintrc.yaml': 'extends: [./c0.yaml]\n', 'b.md': BAD };
    for (let i = 0; i < 2000; i++) files[`c${i}.yaml`] = i < 1999 ? `extends: [./c${i + 1}.yaml]\n` : 'language: en\n';
    const deep = compact(['b.md'], dir(files));
    expect(deep.stderr).toBe('replylint: c30.yaml:1:1: "extends" nests more than 32 configs deep (.replylintrc.yaml -> … -> c31.yaml)\n');
    expect(deep.code).toBe(2);

    const folder = dir({ '.replylintrc.yaml': 'extends: [replylint:recommended, ./team]\n', 'b.md': BAD, 'team/no-x.yaml/README': 'x' });
    const r = compact(['b.md'], folder);
    expect(r.stderr).toBe('replylint: team/no-x.yaml:1:1: is a folder, not a rule file\n');
    expect(r.code).toBe(2);
  }, 60_000);
});

describe('text that reads the same to a person lints the same', () => {
  const hidden: [string, string][] = [
    ['a zero-width space', 'web\u200Bsite'],
    ['a zero-width joiner', 'web\u200Dsite'],
    ['a zero-width non-joiner', 'web\u200Csite'],
    ['a word joiner', 'web\u2060site'],
    ['a soft hyphen', 'web\u00ADsite'],
    ['a bidi override', 'web\u202Esite\u202C'],
    ['a bidi isolate', '\u2066web\u2069site'],
    ['&#8203; (a zero-width space as a character reference)', 'web&#8203;site'],
    ['full-width letters', '\uFF57\uFF45\uFF42\uFF53\uFF49\uFF54\uFF45'],
  ];
  it('invisible characters, a character reference or full-width letters do not hide "check our website"; positions stay exact', () => {
    const files = Object.fromEntries(hidden.map(([, w], i) => [`x${i}.md`, `Hi, please check our ${w} today.\n`]));
    const d = dir(files);
    const r = run(['-f', 'json', '--lang', 'en', ...PHRASES_ONLY, ...Object.keys(files)], d);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; column: number; endColumn: number }[] }[];
    results.forEach((res, i) => {
      const [what, word] = hidden[i];
      const source = files[res.filePath];
      const hit = res.messages.find((m) => m.ruleId === 'no-website-deflection');
      expect(hit, what).toBeDefined();
      // From "check" to the end of the (hidden) word, in the source as written.
      expect(source.slice(hit!.column - 1, hit!.endColumn - 1), what).toBe(`check our ${word.replace(/\u202C$/, '')}`);
    });
  }, 30_000);

  it('decomposed accents (NFD, as macOS writes them) do not hide "financiële"; the range ends after the combining mark', () => {
    const nfc = 'Hallo,\n\nDat moet u bij de financi\u00EBle afdeling vragen.\n';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const d = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {nl: ["bij de financiële afdeling"]}}]\n', 'nfc.md': nfc, 'nfd.md': nfd });
    const r = run(['-f', 'json', '--lang', 'nl', ...PHRASES_ONLY, 'nfc.md', 'nfd.md'], d);
    const [a, b] = (JSON.parse(r.stdout) as { messages: { ruleId: string; column: number; endColumn: number }[] }[]).map((f) => f.messages);
    const ranges = (text: string, ms: { column: number; endColumn: number }[]) => ms.map((m) => text.split('\n')[2].slice(m.column - 1, m.endColumn - 1));
    expect(ranges(nfc, a)).toContain('bij de financiële afdeling');
    expect(ranges(nfd, b)).toContain('bij de financie\u0308le afdeling');
  }, 30_000);

  it('a phrase ending in a decomposed accent: the range ends after its combining mark, never inside a character', () => {
    const text = 'Hi Sam,\n\nThe zonk cafe\u0301, takes five days.\n';
    const d = dir({ '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {en: ["zonk café"]}}]\n', 'x.md': text });
    const r = run(['-f', 'json', ...PHRASES_ONLY, 'x.md'], d);
    const [m] = (JSON.parse(r.stdout) as { messages: { line: number; column: number; endColumn: number }[] }[])[0].messages;
    expect(text.split('\n')[m.line - 1].slice(m.column - 1, m.endColumn - 1)).toBe('zonk cafe\u0301');
  }, 30_000);
});

describe('config and rule files say what they mean', () => {
  it('language: nl in the config does not hide the English phrases of an English macro', () => {
    const d = dir({
      '.replylintrc.yaml': 'language: nl\n',
      'en.md': 'Hi Sam,\n\nAs I already said, the refund takes five days. We will get back to you soon.\n',
      'nl.md': 'Beste Sam,\n\nZoals ik al zei: de terugbetaling duurt vijf dagen.\n',
      'short.md': 'OK.\n',
    });
    const r = run(['-f', 'json', ...PHRASES_ONLY, 'en.md', 'nl.md', 'short.md'], d);
    const files = JSON.parse(r.stdout) as { filePath: string; language: string; messages: { ruleId: string }[] }[];
    expect(files.map((f) => [f.filePath, f.language])).toEqual([
      ['en.md', 'en'],
      ['nl.md', 'nl'],
      ['short.md', 'nl'], // no confident detection: the config's language stands
    ]);
    expect(files[0].messages.map((m) => m.ruleId).sort()).toEqual(['no-as-i-said', 'no-vague-promise']);
    expect(files[1].messages.map((m) => m.ruleId)).toEqual(['no-as-i-said']);
    // ... and says so, once, for the file whose language it overrode.
    expect(r.stderr).toBe('replylint: warning: en.md: reads as English, not Dutch as configured; linted as English\n');
  }, 30_000);

  it('run from a folder that was deleted: a clear message, exit 2, no internal error', () => {
    const d = dir({ 'b.md': BAD });
    const gone = join(d, 'gone');
    mkdirSync(gone);
    const r = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${BIN}" ../b.md`], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('replylint: the current folder no longer exists: cd to an existing folder and run again\n');
    expect(r.status).toBe(2);
  });

  it('an unknown word-list name in rule options (partner where the rule has party) is refused', () => {
    const d = dir({ '.replylintrc.yaml': 'rules:\n  no-passing-the-buck: [error, {words: {partner: [Sendcloud]}}]\n', 'b.md': BAD });
    const r = compact(['b.md'], d);
    expect(r.stderr).toMatch(/^replylint: \.replylintrc\.yaml:2:41: no-passing-the-buck has no word list "partner" — did you mean "party"\? \(its lists: .*<party>.*\); a new list needs a pattern here that uses <partner>\n$/);
    expect(r.code).toBe(2);
    // A new list is fine when a pattern of the same options uses it.
    const ok = dir({ '.replylintrc.yaml': 'rules:\n  no-passing-the-buck: [error, {words: {partner: [Sendcloud]}, patterns: {en: ["ask <partner>"], nl: ["vraag <partner>"]}}]\n', 'b.md': 'Please ask Sendcloud.\n' });
    expect(compact(['b.md'], ok).stdout).toMatch(/^b\.md:1:8: error: .*\(no-passing-the-buck\)$/m);
  }, 30_000);

  it('regular-expression syntax in a phrase is refused (it was read literally and never matched)', () => {
    for (const [phrase, what] of [
      ['check our \\\\bwebsite', /a backslash at column 11/],
      ['check .* website', /"\." followed by a repetition at column 7/],
      ['check (our)+ website', /a repetition "\+" or "\*" after a group at column 11/],
      ['^check our website', /an anchor "\^" or "\$" at column 1/],
    ] as const) {
      const d = dir({ '.replylintrc.yaml': `rules:\n  no-website-deflection: [error, {patterns: {en: ["${phrase}"]}}]\n`, 'b.md': BAD });
      const r = compact(['b.md'], d);
      expect(r.stderr, phrase).toMatch(/^replylint: \.replylintrc\.yaml:2:\d+: pattern ".*" in "rules\.no-website-deflection\[1\]\.patterns\.en\[0\]": /);
      expect(r.stderr, phrase).toMatch(what);
      expect(r.stderr, phrase).toMatch(/a phrase is not a regular expression/);
      expect(r.code).toBe(2);
    }
  }, 30_000);
});

describe('what CommonMark shows is linted', () => {
  it('"<!-- note --> As I already said" on one line: the text after the comment is linted; a directive there still works', () => {
    const d = dir({ 'x.md': '<!-- note --> As I already said, no.\n\n<!-- replylint-disable-line --> As I already said, yes.\n' });
    const r = compact(['x.md'], d);
    expect(r.stdout).toBe('x.md:1:15: error: “As I already said” tells the customer they should have listened the first time. (no-as-i-said)\n');
    expect(r.code).toBe(1);
  }, 30_000);
});

describe('limits, tested just over', () => {
  it('more than 2,000 lines with a pipe: read without tables, so a phrase across two rows is one paragraph', () => {
    const table = (lines: number) => ['x | y', '--- | ---', ...Array(lines - 4).fill('a | b'), 'c | check our', 'website | d', ''].join('\n');
    const d = dir({ 'at.md': table(2000), 'over.md': table(2001) });
    const r = compact(['at.md', 'over.md'], d);
    expect(r.stdout).toBe('over.md:2000:5: error: “check our website” sends the customer away to find the answer alone: polite, but they feel brushed off. (no-website-deflection)\n');
  }, 30_000);
});

describe('config limits, tested just over', () => {
  it('extends: 32 configs deep are read, 33 are refused', () => {
    const chain = (configs: number) => {
      const files: Record<string, string> = { '.replylintrc.yaml': 'extends: [./c0.yaml]\n', 'b.md': BAD };
      for (let i = 0; i < configs - 1; i++) files[`c${i}.yaml`] = i < configs - 2 ? `extends: [./c${i + 1}.yaml]\n` : 'language: en\n';
      return dir(files);
    };
    const at = compact(['b.md'], chain(32));
    expect([at.stderr, at.code]).toEqual(['', 0]); // read; the chain names no rules, so none is on
    const over = compact(['b.md'], chain(33));
    expect(over.stderr).toBe('replylint: c30.yaml:1:1: "extends" nests more than 32 configs deep (.replylintrc.yaml -> … -> c31.yaml)\n');
    expect(over.code).toBe(2);
  }, 30_000);

  it('a config of 1 MB is read, one byte more is refused', () => {
    const config = (bytes: number) => `language: en\n#${'x'.repeat(bytes - 15)}\n`;
    expect(config(1024 * 1024).length).toBe(1024 * 1024);
    expect(compact(['b.md'], dir({ '.replylintrc.yaml': config(1024 * 1024), 'b.md': BAD })).code).toBe(1);
    const over = compact(['b.md'], dir({ '.replylintrc.yaml': config(1024 * 1024 + 1), 'b.md': BAD }));
    expect(over.stderr).toBe('replylint: .replylintrc.yaml:1:1: too large (1.0 MB): rule and config files are at most 1 MB\n');
    expect(over.code).toBe(2);
  }, 30_000);
});
