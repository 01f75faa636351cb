/**
 * replylint/remark: `unified().use(remarkParse).use(replylint)` reports what
 * the CLI reports, as vfile messages, on every fixture (from source, and the
 * built dist/remark.js on one).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import replylint, { type Options } from '../src/remark.js';
import { replyFiles, type JsonMessage } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'replylint.js');


type CliMessage = JsonMessage;

function cli(...args: string[]): Record<string, CliMessage[]> {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8' });
  return Object.fromEntries((JSON.parse(r.stdout) as { filePath: string; messages: CliMessage[] }[]).map((f) => [f.filePath, f.messages]));
}

async function run(plugin: Plugin<[Options?]>, path: string, options?: Options) {
  const file = new VFile({ path: relative(ROOT, path), cwd: ROOT, value: readFileSync(path, 'utf8') });
  const processor = unified().use(remarkParse).use(plugin, options);
  await processor.run(processor.parse(file), file);
  return file.messages;
}

const severity = (fatal: boolean | null | undefined) => (fatal === true ? 'error' : fatal === false ? 'warning' : 'info');

describe('replylint/remark', () => {
  const expected = cli('fixtures', '--no-config');

  it('gives the CLI’s problems on every fixture: rule, place, message, severity', async () => {
    for (const f of replyFiles(join(ROOT, 'fixtures'))) {
      const messages = await run(replylint, f);
      const got = messages.map((m) => ({
        ruleId: m.ruleId,
        source: m.source,
        severity: severity(m.fatal),
        message: m.reason,
        line: m.place && 'start' in m.place ? m.place.start.line : undefined,
        column: m.place && 'start' in m.place ? m.place.start.column : undefined,
        endLine: m.place && 'end' in m.place ? m.place.end.line : undefined,
        endColumn: m.place && 'end' in m.place ? m.place.end.column : undefined,
      }));
      const want = expected[relative(ROOT, f)].map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, source: 'replylint', severity, message, line, column, endLine, endColumn }));
      expect(got, f).toEqual(want);
    }
  });

  it('a suggestion is the note; a rewrite of the reported text is `expected`, that text `actual`', async () => {
    const f = join(ROOT, 'fixtures/en/bad/lost-parcel.txt');
    const messages = await run(replylint, f);
    const text = readFileSync(f, 'utf8');
    const want = expected['fixtures/en/bad/lost-parcel.txt'];
    expect(messages.map((m) => m.note)).toEqual(want.map((m) => m.suggestion));
    const shouting = messages.find((m) => m.ruleId === 'no-shouting' && m.actual === 'NOT')!;
    expect(shouting.expected).toEqual(['not']);
    for (const m of messages.filter((x) => x.expected)) {
      const place = m.place as { start: { offset: number }; end: { offset: number } };
      expect(text.slice(place.start.offset, place.end.offset)).toBe(m.actual);
    }
  });

  it('options: a config text, lang and rules', async () => {
    const f = join(ROOT, 'fixtures/en/bad/refund-refused.md');
    const ids = async (options: Options) => (await run(replylint, f, options)).map((m) => `${m.ruleId}:${severity(m.fatal)}`);
    const all = await ids({});
    expect(all).toContain('no-as-i-said:error');
    const configured = await ids({ config: "rules:\n  no-as-i-said: 'off'\n  no-policy-wall: info\n", rules: { 'no-vague-promise': 'off' } });
    expect(configured).not.toContain('no-as-i-said:error');
    expect(configured).toContain('no-policy-wall:info');
    expect(configured.some((x) => x.startsWith('no-vague-promise'))).toBe(false);
    expect(() => unified().use(remarkParse).use(replylint, { config: 'extends: ../team\n' }).freeze()).toThrow(/extends takes only replylint:recommended/);
  });

  it('the built dist/remark.js gives the same', async () => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist/remark.js')).href)) as { default: Plugin<[Options?]> };
    const f = join(ROOT, 'fixtures/nl/bad/vertraagde-levering.md');
    const a = (await run(built.default, f)).map((m) => [m.ruleId, m.place, m.fatal, m.reason, m.note, m.expected]);
    const b = (await run(replylint, f)).map((m) => [m.ruleId, m.place, m.fatal, m.reason, m.note, m.expected]);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(5);
  });
});
