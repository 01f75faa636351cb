/** --fix never loses a word: only the fixed ranges change, through the real CLI and in the core. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulebook, lint } from '../src/core/engine.js';
import { DEFAULTS } from '../src/defaults.js';
import { applyFixes, fixText } from '../src/core/apply-fixes.js';
import { BUNDLED_RULES_DIR, loadRuleDir } from '../src/cli/rules.js';
import { writeFixed } from '../src/cli/write.js';
import { BIN, runCli } from './helpers.js';

const run = (args: string[], cwd: string, input = '') => runCli(args, { cwd, input });
const scratch = (files: Record<string, string | Buffer>) => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-fix-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

const BAD = 'Hi Sam,\n\nAs I already said, the refund takes five working days. This is NOT acceptable!!\n\nKind regards,\nAnn\n';
const FIXED = 'Hi Sam,\n\nThank you for your message. I am sorry for the inconvenience. The refund takes five working days. This is not acceptable!\n\nKind regards,\nAnn\n';

describe('--fix through the CLI', () => {
  it('--fix-dry-run prints a small unified diff and writes nothing', () => {
    const dir = scratch({ 'a.md': BAD });
    const r = run(['a.md', '--fix-dry-run'], dir);
    expect(r.stdout).toContain('--- a.md\n+++ a.md\n@@ -1,5 +1,5 @@\n Hi Sam,\n \n-As I already said, the refund takes five working days. This is NOT acceptable!!\n+Thank you for your message. I am sorry for the inconvenience. The refund takes five working days. This is not acceptable!\n');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BAD);
  });

  it('--fix applies exactly those changes, says what it fixed and what remains; a second --fix changes nothing', () => {
    const dir = scratch({ 'a.md': BAD });
    const r = run(['a.md', '--fix'], dir);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(FIXED);
    expect(r.stdout).toMatch(/✔ \d+ problems fixed, \d+ problems? remaining/);
    const again = run(['a.md', '--fix'], dir);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(FIXED);
    expect(again.stdout).toMatch(/✔ 0 problems fixed/);
  });

  it('keeps CRLF, a BOM, trailing white space elsewhere, HTML comments and the file mode', () => {
    const crlf = `\uFEFF${BAD.replace(/\n/g, '\r\n').replace('Kind regards,', 'Kind regards,   ')}<!-- keep me -->\r\n`;
    const dir = scratch({ 'a.md': crlf });
    chmodSync(join(dir, 'a.md'), 0o640);
    run(['a.md', '--fix'], dir);
    const out = readFileSync(join(dir, 'a.md'), 'utf8');
    expect(out).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n').replace('Kind regards,', 'Kind regards,   ')}<!-- keep me -->\r\n`);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('--fix-dry-run with --format json carries the fixed output', () => {
    const dir = scratch({ 'a.md': BAD });
    const [file] = JSON.parse(run(['a.md', '--fix-dry-run', '-f', 'json'], dir).stdout);
    expect(file.output).toBe(FIXED);
  });

  it('with stdin, --fix prints the fixed text', () => {
    const r = run(['-', '--fix'], tmpdir(), BAD);
    expect(r.stdout).toBe(FIXED);
  });

  it('a read-only file is an error for that file (exit 2) while the others are fixed', () => {
    const dir = scratch({ 'a.md': BAD, 'ro.md': BAD });
    chmodSync(join(dir, 'ro.md'), 0o444);
    const r = run(['a.md', 'ro.md', '--fix'], dir);
    expect(r.stderr).toBe('replylint: ro.md: is read-only; not written\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'ro.md'), 'utf8')).toBe(BAD);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(FIXED);
  });

  it('a file with invalid UTF-8 is linted but never written back', () => {
    const bytes = Buffer.concat([Buffer.from('As I already said, no.\n'), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    const dir = scratch({ 'bad.md': bytes });
    const r = run(['bad.md', '--fix'], dir);
    expect(r.stderr).toMatch(/bad\.md: not fixed: invalid UTF-8/);
    expect(readFileSync(join(dir, 'bad.md')).equals(bytes)).toBe(true);
  });

  it('a file changed on disk between read and write is left alone', () => {
    const dir = scratch({ 'a.md': BAD });
    const original = readFileSync(join(dir, 'a.md'));
    writeFileSync(join(dir, 'a.md'), `${BAD}An edit by someone else.\n`);
    expect(writeFixed(join(dir, 'a.md'), original, FIXED)).toBe('changed on disk since it was read; not written');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`${BAD}An edit by someone else.\n`);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('killed mid-run (SIGINT), every file is entirely old or entirely new and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-kill-'));
    mkdirSync(join(dir, 'm'));
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, 'm', `r${i}.md`), BAD.replace('Sam', `Sam ${i}`));
    const child = spawn(process.execPath, [BIN, 'm', '--fix'], { cwd: dir, stdio: 'ignore' });
    // Listen from the start: a fast run can be over before the signal is sent.
    const exited = new Promise<number | null>((r) => child.on('exit', (c, signal) => r(c ?? (signal ? 130 : null))));
    // Let it get going, then interrupt it.
    await new Promise((r) => setTimeout(r, 900));
    child.kill('SIGINT');
    const code = await exited;
    expect([0, 1, 130]).toContain(code);
    const names = readdirSync(join(dir, 'm'));
    expect(names.filter((n) => !n.endsWith('.md'))).toEqual([]);
    for (const name of names) {
      const i = name.slice(1, -3);
      const text = readFileSync(join(dir, 'm', name), 'utf8');
      expect([BAD.replace('Sam', `Sam ${i}`), FIXED.replace('Sam', `Sam ${i}`)]).toContain(text);
    }
  });
});

describe('fixes in the core (property-based)', () => {
  const book = compileRulebook(loadRuleDir(BUNDLED_RULES_DIR), DEFAULTS);
  const piece = fc.constantFrom(
    'Hi Sam,\n\n', 'Beste Ans,\n\n', 'As I already said, ', 'Zoals ik al zei: ', 'the refund takes five days. ', 'de terugbetaling duurt vijf dagen. ',
    'This is NOT ok!! ', 'Dat is NIET goed?! ', 'Obviously you need a receipt. ', 'Thank you for your message. ', 'Sorry for the wait. ',
    '*check* our website. ', '`code`', '{{ticket.id}} ', '\r\n', '\n\n', '- item\n', '> quoted NOT\n', 'LET OP: ', 'I will call you tomorrow. ', 'We will look into it. ',
  );
  const reply = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
  const lang = fc.constantFrom('en' as const, 'nl' as const, undefined);

  it('never throws; fixing twice equals fixing once; no fixable problem is left', () => {
    fc.assert(
      fc.property(reply, lang, (text, l) => {
        const once = fixText(text, book, { lang: l });
        const twice = fixText(once.output, book, { lang: l });
        expect(twice.output).toBe(once.output);
        expect(lint(once.output, book, { lang: l }).diagnostics.filter((d) => d.fix)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('text outside the fixed ranges is byte-identical', () => {
    fc.assert(
      fc.property(reply, lang, (text, l) => {
        const fixes = lint(text, book, { lang: l }).diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
        const { output } = applyFixes(text, fixes);
        // Walk the applied (non-overlapping, first-wins) ranges: every gap between them is copied unchanged.
        let at = 0;
        let out = 0;
        let lastStart = -1;
        for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
          if (f.range[0] < at || f.range[0] === lastStart) continue;
          const gap = text.slice(at, f.range[0]);
          expect(output.slice(out, out + gap.length)).toBe(gap);
          out += gap.length + f.text.length;
          at = f.range[1];
          lastStart = f.range[0];
        }
        expect(output.slice(out)).toBe(text.slice(at));
        // Line breaks are never added or removed by a fix.
        expect(output.split(/\r\n|\r|\n/).length).toBe(text.split(/\r\n|\r|\n/).length);
      }),
      { numRuns: 300 },
    );
  });
});
