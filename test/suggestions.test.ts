/**
 * Suggestions a writer can use, through the real CLI: rewrites of the
 * writer's own sentence, in the draft's register; output a person reads; no
 * internal words anywhere. Drafts written for this test.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

interface Message {
  ruleId: string;
  line: number;
  column: number;
  suggestion?: string;
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

function lintJson(text: string, args: string[] = []): Message[] {
  const r = runCli(['-', '--format', 'json', '--no-config', ...args], { input: text });
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { messages: Message[] }[])[0].messages;
}
const fixed = (text: string, args: string[] = []) => runCli(['-', '--fix', '--no-config', ...args], { input: text }).stdout;
const apply = (text: string, fix: { range: [number, number]; text: string }) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

describe('register: inserted sentences and rewrites follow the draft', () => {
  it('an informal Dutch draft gets "je", a formal one "u", in --fix insertions', () => {
    const je = fixed('Hoi Tim,\n\nje pakket komt morgen.\n');
    expect(je).toContain('Bedankt voor je bericht.');
    expect(je).not.toMatch(/\buw\b/);
    const u = fixed('Beste mevrouw Jansen,\n\nuw pakket komt morgen.\n');
    expect(u).toContain('Bedankt voor uw bericht.');
  });

  it('rewrites say "je" or "u" as the draft does', () => {
    const je = lintJson('Hoi Eva, sorry dat je moet wachten. Dat moet je met de winkel regelen.\n', ['--lang', 'nl']).find((m) => m.ruleId === 'no-passing-the-buck');
    const u = lintJson('Beste meneer Bakker, excuses voor het wachten. Dat moet u met de winkel regelen.\n', ['--lang', 'nl']).find((m) => m.ruleId === 'no-passing-the-buck');
    expect(je?.suggestion).toMatch(/\bje\b/);
    expect(je?.suggestion).not.toMatch(/\bu\b/);
    expect(u?.suggestion).toMatch(/\bu\b/);
  });

  it('a team sets its own inserted sentence per language, with both registers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-sentence-'));
    writeFileSync(join(dir, '.replylintrc.yaml'), 'root: true\nrules:\n  require-thanks: [info, {sentence: {nl: "Dank {u|je} wel voor {uw|je} mail!"}}]\n');
    writeFileSync(join(dir, 'a.md'), 'Hoi Tim,\n\nje pakket komt morgen.\n');
    runCli(['a.md', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Hoi Tim,\n\nDank je wel voor je mail! Je pakket komt morgen.\n');
  });
});

describe('JSON suggestions', () => {
  it('are ESLint-shaped, and applying one gives the rewritten sentence', () => {
    const text = 'Hi Sam,\n\nThanks for waiting. We will get back to you as soon as possible.\n';
    const m = lintJson(text).find((x) => x.ruleId === 'no-vague-promise')!;
    expect(m.suggestions).toHaveLength(1);
    expect(m.suggestions![0].desc).toContain('→');
    expect(apply(text, m.suggestions![0].fix)).toBe('Hi Sam,\n\nThanks for waiting. We will get back to you by [day, time].\n');
    // A suggestion is never applied by --fix.
    expect(fixed(text)).toContain('as soon as possible');
  });
});

describe('output a person reads', () => {
  const draft = [
    'Dear Ms Lee,',
    '',
    'As I already said, your refund was sent. We will get back to you as soon as possible, and if not we will get back to you soon. Please check our website for everything else.',
    '',
  ].join('\n');

  it('stylish: one line per problem (wrapped at 80 columns with a hanging indent), a rewrite line, general advice once per file', () => {
    const r = runCli(['-', '--no-config'], { input: draft });
    const lines = r.stdout.split('\n');
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(80);
    const problems = lines.filter((l) => /^ {2}\d+:\d+ +(error|warning|info) /.test(l));
    const report = JSON.parse(runCli(['-', '--no-config', '-f', 'json'], { input: draft }).stdout)[0].messages as Message[];
    expect(problems).toHaveLength(report.length);
    // Continuation lines hang under the message, never at the left margin.
    for (const l of lines.slice(2)) if (l && !/^ {2}\d/.test(l) && !/^✖|^ {2}\d+ of/.test(l) && !/^ {2}[a-z-]+:/.test(l)) expect(l).toMatch(/^ {4}/);
    // Two vague promises: each its own rewrite line; no general advice repeated.
    expect(lines.filter((l) => l.includes('→')).length).toBeGreaterThanOrEqual(2);
    const advice = lines.filter((l) => /^ {2}[a-z-]+: /.test(l)).map((l) => l.trim().split(':')[0]);
    expect(new Set(advice).size).toBe(advice.length);
  });

  it('--fix-dry-run reports what remains at its place in the file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-dry-'));
    const text = 'Hi Sam,\n\nAs I already said, THE REFUND takes five days.\nWe will get back to you soon.\n';
    writeFileSync(join(dir, 'd.md'), text);
    const r = runCli(['d.md', '--fix-dry-run', '--no-config', '-f', 'json'], { cwd: dir });
    const left = (JSON.parse(r.stdout)[0].messages as Message[]).find((m) => m.ruleId === 'no-vague-promise')!;
    expect([left.line, left.column]).toEqual([4, 1]);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe(text);
  });
});

describe('no internal words in anything a user reads', () => {
  const INTERNAL = /\bseeds?\b|\bbron\b|\d{3}_[0-9a-f]{16}\.txt|better reply|betere antwoord/i;
  const ROOT = join(import.meta.dirname, '..');

  it('in every format, on the shipped drafts', () => {
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'markdown']) {
      const r = runCli(['fixtures', '--format', format], { cwd: ROOT });
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(r.stdout, format).not.toMatch(INTERNAL);
    }
  });

  it('in explain, for every rule, and in docs/', () => {
    const ids = readdirSync(join(ROOT, 'rules')).map((f) => f.replace(/\.yaml$/, ''));
    for (const id of ids) {
      const r = runCli(['explain', id], { cwd: ROOT });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('from the article “');
      expect(r.stdout, id).not.toMatch(INTERNAL);
    }
    for (const f of readdirSync(join(ROOT, 'docs'))) expect(readFileSync(join(ROOT, 'docs', f), 'utf8'), f).not.toMatch(INTERNAL);
  });
});
