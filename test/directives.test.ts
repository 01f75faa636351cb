/** Inline control comments and front matter switch rules off; unused ones can be reported. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRulebook, lint } from '../src/core/engine.js';
import { DEFAULTS } from '../src/defaults.js';
import { phraseRule } from './helpers.js';

const book = compileRulebook([phraseRule('rule-a', ['apple']), phraseRule('rule-b', ['banana'])], DEFAULTS);
const found = (text: string, unused = false) =>
  lint(text, book, { lang: 'en', reportUnusedDisableDirectives: unused ? 'error' : undefined }).diagnostics.map((d) => `${d.ruleId}@${d.line}`);

describe('inline directives', () => {
  it('disable … enable for some rules, and for all', () => {
    const text = 'apple banana\n\n<!-- replylint-disable rule-a -->\n\napple banana\n\n<!-- replylint-enable -->\n\napple\n\n<!-- replylint-disable -->\n\napple banana\n';
    expect(found(text)).toEqual(['rule-a@1', 'rule-b@1', 'rule-b@5', 'rule-a@9']);
  });

  it('disable-next-line names one or more rules', () => {
    const text = '<!-- replylint-disable-next-line rule-a, rule-b -->\napple banana\napple banana\n';
    expect(found(text)).toEqual(['rule-a@3', 'rule-b@3']);
  });

  it('works inline inside a paragraph too (disable-line)', () => {
    expect(found('apple <!-- replylint-disable-line rule-a --> banana\napple')).toEqual(['rule-b@1', 'rule-a@2']);
  });

  it('front matter switches rules off for the whole file', () => {
    expect(found('---\nreplylint:\n  disable: [rule-b]\n---\n\napple banana\n')).toEqual(['rule-a@6']);
  });

  it('reports directives that suppressed nothing, when asked', () => {
    const text = '<!-- replylint-disable-next-line rule-a, rule-b -->\napple\n\n<!-- replylint-disable rule-b -->\n\ncherry\n';
    expect(found(text)).toEqual([]);
    const diags = lint(text, book, { lang: 'en', reportUnusedDisableDirectives: 'error' }).diagnostics;
    expect(diags.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['unused-disable-directive', 1, 'Unused replylint-disable-next-line directive (no problems were reported from "rule-b").'],
      ['unused-disable-directive', 4, 'Unused replylint-disable directive (no problems were reported from "rule-b").'],
    ]);
  });
});

describe('through the CLI', () => {
  it('--report-unused-disable-directives makes an unused directive an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-dir-'));
    writeFileSync(join(dir, 'r.md'), '---\nreplylint: {disable: [require-apology, require-thanks, require-acknowledgement, require-next-step]}\n---\n\n<!-- replylint-disable-next-line no-as-i-said -->\nThe refund takes five days.\n');
    const bin = join(import.meta.dirname, '..', 'bin', 'replylint.js');
    const quiet = spawnSync(process.execPath, [bin, 'r.md', '-f', 'compact'], { cwd: dir, encoding: 'utf8' });
    expect(quiet.stdout).toBe('');
    expect(quiet.status).toBe(0);
    const loud = spawnSync(process.execPath, [bin, 'r.md', '-f', 'compact', '--report-unused-disable-directives'], { cwd: dir, encoding: 'utf8' });
    expect(loud.stdout).toBe('r.md:5:1: error: Unused replylint-disable-next-line directive (no problems were reported from "no-as-i-said"). (unused-disable-directive)\n');
    expect(loud.status).toBe(1);
  });

  it('replylint test-rules passes over the shipped rules/', () => {
    const bin = join(import.meta.dirname, '..', 'bin', 'replylint.js');
    const r = spawnSync(process.execPath, [bin, 'test-rules', 'rules'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(r.stdout).toMatch(/^✔ 18 rules, \d+ examples$/m);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.status).toBe(0);
  });
});
