/**
 * Hostile input, round two (issue 16), through the real CLI: replies that made
 * a run hang, configs and rule files that made it hang or fail unclearly, text
 * that reads the same to a person and must lint the same.
 *
 * "Does not hang" is a spawned run with a generous timeout (each took minutes
 * or more before), never a timed assertion on speed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

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
/** A run that must end well within `seconds` (the process is killed after it: code null). */
const run = (args: string[], cwd: string, opts: { seconds?: number; input?: string } = {}) =>
  runCli(args, { cwd, input: opts.input, timeout: (opts.seconds ?? 20) * 1000 });
const compact = (args: string[], cwd: string, seconds?: number) => run(['-f', 'compact', ...PHRASES_ONLY, ...args], cwd, { seconds });

describe('a reply file alone does not hang the run', () => {
  it('a long run of word characters before an "@" (the e-mail mask was quadratic: 400 KB took a minute)', () => {
    const d = dir({ 'x.md': `Hi ${'a'.repeat(400_000)} x@ y, as I already said.\n`, 'b.md': BAD });
    const r = compact(['x.md', 'b.md'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.md:1:\d+: error: .*\(no-as-i-said\)$/m);
    expect(r.stdout).toMatch(/^b\.md:1:1: error/m);
  }, 30_000);

  it('backtick runs of 1 to 1,400 backticks in one paragraph, never closed (a megabyte took minutes)', () => {
    let text = 'Hi, as I already said ';
    for (let k = 1; k < 1400; k++) text += `${'`'.repeat(k)} a `;
    const d = dir({ 'x.md': `${text}\n\nAs I already said, \`code\` stays code.\n` });
    const r = compact(['x.md'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.md:1:5: error: .*\(no-as-i-said\)$/m);
    expect(r.stdout).toMatch(/^x\.md:3:1: error: .*\(no-as-i-said\)$/m);
  }, 30_000);

  it('a table of 40,000 rows', () => {
    let text = '| a | b |\n|---|---|\n';
    for (let i = 0; i < 40_000; i++) text += `| x${i} | fine words here |\n`;
    text += '\nPlease check our website.\n';
    const d = dir({ 'x.md': text });
    const r = compact(['x.md'], d);
    expect(r.stdout).toMatch(/^x\.md:40004:8: error: .*\(no-website-deflection\)$/m);
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
