/** The shipped fixtures, through the real CLI: every rule fires on the bad ones, the good ones are clean. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'replylint.js');

function lintJson(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, files: JSON.parse(r.stdout) as { filePath: string; language: string; messages: { ruleId: string; suggestion?: string; line: number; column: number }[] }[] };
}

describe('npx replylint fixtures', () => {
  const { code, stderr, files } = lintJson('fixtures');
  const ruleIds = readdirSync(join(ROOT, 'rules')).map((f) => f.replace(/\.yaml$/, ''));

  it('exits 1 (there are errors) with nothing on stderr', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('shows every rule firing, each with a suggestion', () => {
    const fired = new Set(files.flatMap((f) => f.messages.map((m) => m.ruleId)));
    expect([...fired].sort()).toEqual(ruleIds.sort());
    for (const m of files.flatMap((f) => f.messages)) expect(m.suggestion, m.ruleId).toBeTruthy();
  });

  it('every rule fires in both languages', () => {
    for (const lang of ['en', 'nl']) {
      const fired = new Set(files.filter((f) => f.language === lang).flatMap((f) => f.messages.map((m) => m.ruleId)));
      expect([...fired].sort(), lang).toEqual(ruleIds.sort());
    }
  });

  it('the good replies are clean', () => {
    const good = files.filter((f) => f.filePath.includes('/good/'));
    expect(good.length).toBeGreaterThanOrEqual(3);
    for (const f of good) expect(f.messages, f.filePath).toEqual([]);
  });

  it("seed 001's ABC-network exchange: the bad reply is caught, the better reply is clean", () => {
    const bad = files.find((f) => f.filePath === 'fixtures/nl/bad/abc-netwerk.md')!;
    const ids = bad.messages.map((m) => m.ruleId);
    expect(ids).toContain('no-website-deflection');
    expect(ids).toContain('require-apology');
    const deflection = bad.messages.find((m) => m.ruleId === 'no-website-deflection')!;
    expect([deflection.line, deflection.column]).toEqual([7, 52]); // "Geef aan op onze site"
    const good = files.find((f) => f.filePath === 'fixtures/nl/good/abc-netwerk.md')!;
    expect(good.messages).toEqual([]);
  });
});
