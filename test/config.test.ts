/**
 * A team's rulebook, tried as a new user would: a repository with nested
 * folders, a config that extends the recommended set, adds couriers, adds a
 * rule of its own, switches a rule off for some files and inline — all
 * through the real CLI.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';


const run = (args: string[], cwd: string) => runCli(args, { cwd });

type Report = { filePath: string; messages: { ruleId: string; severity: string; line: number; column: number }[] }[];
const lintJson = (args: string[], cwd: string) => {
  const r = run(['--format', 'json', ...args], cwd);
  if (r.stderr) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Report;
};
const ids = (report: Report, file: string) => report.find((f) => f.filePath === file)!.messages.map((m) => m.ruleId);

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const TEAM_RULE = `id: no-competitor-names
kind: phrase
severity: warning
description:
  en: Naming a competitor in a reply.
  nl: Een concurrent noemen in een antwoord.
source:
  - seed: team
    quote: Our own style guide.
message:
  en: "Don't name competitors (“{{match}}”)."
  nl: "Noem geen concurrenten (“{{match}}”)."
patterns:
  en: ["[MegaShop|ShopMart]"]
  nl: ["[MegaShop|ShopMart]"]
examples:
  en:
    invalid:
      - text: "MegaShop is more expensive."
        hits: 1
    valid:
      - "Our price includes delivery."
  nl:
    invalid:
      - text: "Bij ShopMart betaalt u meer."
        hits: 1
    valid:
      - "Onze prijs is inclusief bezorging."
`;

const GOOD_BODY = 'Thank you for your message, and I am sorry for the wait. I understand how annoying that is. I will call you tomorrow before 12:00.';

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'replylint-team-'));
  mkdirSync(join(repo, '.git'));
  write(repo, {
    '.replylintrc.yaml': [
      'extends:',
      '  - replylint:recommended',
      '  - ./team-rules',
      'rules:',
      '  no-supplier-blame: [error, {words: {partner: [Sendcloud, Cycloon]}}]',
      'overrides:',
      '  - files: ["macros/how-to/**"]',
      '    rules:',
      '      require-apology: off',
      'ignorePatterns: ["macros/drafts/**"]',
      '',
    ].join('\n'),
    'team-rules/no-competitor-names.yaml': TEAM_RULE,
    'macros/how-to/reset-password.md': 'Thank you for your message. I understand that being locked out is annoying. Click "Forgot password" and you will get an e-mail within 5 minutes.\n',
    'macros/complaints/lost.md': `${GOOD_BODY} Sendcloud lost your parcel. MegaShop would not have done better.\n`,
    'macros/complaints/inline.md': `${GOOD_BODY}\n\n<!-- replylint-disable-next-line no-as-i-said -->\nAs I said, the refund takes five days.\n\nAs I said, it really does.\n`,
    'macros/drafts/wip.md': 'As I said, whatever.\n',
    'macros/nested/.replylintrc.yaml': 'rules:\n  require-thanks: off\n',
    'macros/nested/short.md': 'Sorry for the wait. I understand how annoying that is. I will call you tomorrow before 12:00.\n',
    'macros/complaints/no-thanks.md': 'Sorry for the wait. I understand how annoying that is. I will call you tomorrow before 12:00.\n',
  });
});

describe('a team config, end to end', () => {
  it('adds its couriers to a built-in rule and its own rule to the set', () => {
    const report = lintJson(['macros'], repo);
    const lost = ids(report, 'macros/complaints/lost.md');
    expect(lost).toContain('no-supplier-blame');
    expect(lost).toContain('no-competitor-names');
  });

  it('turns a rule off for files matched by an override', () => {
    const report = lintJson(['macros'], repo);
    expect(ids(report, 'macros/how-to/reset-password.md')).toEqual([]);
    // Outside the override the rule still applies.
    expect(lintJson(['-', '--stdin-filename', 'macros/x.md'], repo)).toBeDefined();
  });

  it('inline disable-next-line switches a rule off for one line only', () => {
    const file = lintJson(['macros/complaints/inline.md'], repo)[0];
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['no-as-i-said', 6]]);
  });

  it('a nested config merges over its parent (nearest wins)', () => {
    const report = lintJson(['macros'], repo);
    expect(ids(report, 'macros/nested/short.md')).toEqual([]);
    expect(ids(report, 'macros/complaints/no-thanks.md')).toEqual(['require-thanks']);
  });

  it('ignorePatterns skip files', () => {
    const report = lintJson(['macros'], repo);
    expect(report.some((f) => f.filePath.includes('drafts'))).toBe(false);
  });

  it('--no-config ignores it; --config uses another', () => {
    const plain = lintJson(['--no-config', 'macros/how-to/reset-password.md'], repo)[0];
    expect(plain.messages.map((m) => m.ruleId)).toContain('require-apology');
    write(repo, { 'other.yaml': 'rules:\n  require-thanks: off\n  require-apology: off\n  require-acknowledgement: off\n  require-next-step: off\n' });
    const other = lintJson(['--config', 'other.yaml', 'macros/drafts/wip.md'], repo)[0];
    expect(other.messages.map((m) => m.ruleId)).toEqual(['no-as-i-said']);
  });

  it('test-rules passes on the team rules and fails with a clear diff on a wrong example', () => {
    const ok = run(['test-rules'], repo);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    write(repo, { 'broken-rules/no-competitor-names.yaml': TEAM_RULE.replace('MegaShop is more expensive."\n        hits: 1', 'MegaShop is more expensive."\n        hits: 2') });
    const bad = run(['test-rules', 'broken-rules'], repo);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✖ no-competitor-names [en] invalid example 1 (broken-rules/no-competitor-names.yaml)');
    expect(bad.stdout).toContain('    text:     "MegaShop is more expensive."');
    expect(bad.stdout).toContain('    expected: 2 hits');
    expect(bad.stdout).toContain('    actual:   1 hit: "MegaShop"');
    expect(bad.stdout).toMatch(/^3 passed, 1 failed$/m);
  });

  it('rules lists built-in and team rules; explain tells why and how to turn it off', () => {
    const list = run(['rules'], repo);
    expect(list.stdout).toMatch(/^no-competitor-names +phrase +warning +en, nl/m);
    expect(list.stdout).toMatch(/^no-as-i-said +phrase +error/m);
    const why = run(['explain', 'no-as-i-said'], repo);
    expect(why.code).toBe(0);
    expect(why.stdout).toContain('zoals ik al zei');
    expect(why.stdout).toContain('--rule no-as-i-said=off');
    expect(run(['explain', 'no-such-rule'], repo).code).toBe(2);
  });

  it('init writes a starter config that works, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-init-'));
    expect(run(['init'], dir).code).toBe(0);
    expect(readFileSync(join(dir, '.replylintrc.yaml'), 'utf8')).toContain('replylint:recommended');
    expect(run(['rules'], dir).code).toBe(0);
    const again = run(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});

describe('broken configs and rule files are refused with file:line:column', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['unknown key', { '.replylintrc.yaml': 'extends: replylint:recommended\nrule:\n  require-thanks: off\n' }, /^replylint: \.replylintrc\.yaml:2:1: unknown key "rule" — did you mean "rules"\?$/],
    ['unknown rule id', { '.replylintrc.yaml': 'rules:\n  require-thank: off\n' }, /^replylint: \.replylintrc\.yaml:2:3: unknown rule "require-thank" — did you mean "require-thanks"\?$/],
    ['bad severity', { '.replylintrc.yaml': 'rules:\n  require-thanks: warn\n' }, /^replylint: \.replylintrc\.yaml:2:19: .*must be one of off, info, warning, error/],
    ['YAML syntax error', { '.replylintrc.yaml': 'rules:\n  require-thanks: [off\n' }, /^replylint: \.replylintrc\.yaml:\d+:\d+: invalid YAML: /],
    ['extends a missing folder', { '.replylintrc.yaml': 'extends: ./nope\n' }, /^replylint: \.replylintrc\.yaml:1:10: "\.\/nope" does not exist/],
    ['an option the rule does not take', { '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {acronyms: [KPN]}]\n' }, /^replylint: \.replylintrc\.yaml:2:26: option "acronyms" does not apply to no-as-i-said \(a phrase rule\); it takes: patterns, exceptions, words$/],
    ['a bad added pattern', { '.replylintrc.yaml': 'rules:\n  no-as-i-said: [error, {patterns: {en: ["as [I said"]}}]\n' }, /^replylint: \.replylintrc\.yaml:2:42: pattern "as \[I said" in "rules\.no-as-i-said\[1\]\.patterns\.en\[0\]": "\[" at column 4 is never closed/],
    ['a placeholder that is not a regular expression', { '.replylintrc.yaml': 'placeholders: ["[[x"]\n' }, /^replylint: \.replylintrc\.yaml:1:16: placeholder "\[\[x" is not a valid regular expression/],
    ['a placeholder that matches nothing', { '.replylintrc.yaml': 'placeholders: ["x*"]\n' }, /matches empty text/],
    ['a team rule with a typo', { '.replylintrc.yaml': 'extends: [replylint:recommended, ./r]\n', 'r/no-x.yaml': TEAM_RULE.replace('id: no-competitor-names', 'id: no-x').replace('patterns:', 'pattern:') }, /^replylint: r\/no-x\.yaml:13:1: unknown key "pattern" — did you mean "patterns"\?$/],
    ['a team rule that reuses a built-in id', { '.replylintrc.yaml': 'extends: [replylint:recommended, ./r]\n', 'r/no-as-i-said.yaml': TEAM_RULE.replace('id: no-competitor-names', 'id: no-as-i-said') }, /duplicate rule id "no-as-i-said"/],
    ['an extends cycle', { '.replylintrc.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n' }, /"extends" makes a cycle/],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-bad-'));
    mkdirSync(join(dir, '.git'));
    write(dir, { ...files, 'reply.md': 'Hello.\n' });
    const r = run(['reply.md'], dir);
    expect(r.stderr.trim()).toMatch(expected);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('the shipped JSON Schemas exist for editors', () => {
    expect(existsSync(join(import.meta.dirname, '..', 'schema', 'config.schema.json'))).toBe(true);
  });
});
