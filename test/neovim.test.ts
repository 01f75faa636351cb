/**
 * A real LSP client: headless Neovim (Debian's package, installed by .ci/run)
 * starts `replylint lsp`, receives the diagnostics (vim.diagnostic.get()) and
 * applies a code action's WorkspaceEdit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers.js';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const HAVE_NVIM = NVIM.status === 0;
if (!HAVE_NVIM) {
  if (process.env.CI) throw new Error('neovim is not installed: .ci/run installs it (apt-get install neovim)');
  console.warn('[replylint tests] SKIPPED test/neovim.test.ts: nvim is not installed (apt-get install neovim)');
}

describe.skipIf(!HAVE_NVIM)('Neovim as the client', () => {
  it('shows the CLI’s problems and applies the preferred fix as an edit', () => {
    const ws = mkdtempSync(join(tmpdir(), 'replylint-nvim-'));
    writeFileSync(join(ws, '.git'), '');
    const file = join(ws, 'plan-change.md');
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'en', 'bad', 'plan-change.md'), file);
    const original = readFileSync(file, 'utf8');
    const out = join(ws, 'out.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(import.meta.dirname, 'helpers', 'neovim-client.lua')}`], {
      env: { ...process.env, REPLYLINT_BIN: BIN, WS: ws, FILE: file, OUT: out, NODE: process.execPath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { attached: boolean; applied?: string; lines: string[]; diagnostics: { code: string; lnum: number; col: number; end_lnum: number; end_col: number; source: string }[] };
    expect(seen.attached).toBe(true);

    const cli = (JSON.parse(runCli(['plan-change.md', '--format', 'json'], { cwd: ws }).stdout) as { messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; fix?: { range: [number, number]; text: string } }[] }[])[0];
    const key = (x: [string, number, number]) => x.join(':');
    expect(seen.diagnostics.map((d) => key([d.code, d.lnum + 1, d.col + 1])).sort()).toEqual(cli.messages.map((m) => key([m.ruleId, m.line, m.column])).sort());
    expect(new Set(seen.diagnostics.map((d) => d.source))).toEqual(new Set(['replylint']));

    // The first safe fix, applied by Neovim from the server's WorkspaceEdit, as the CLI describes it.
    const fix = cli.messages.find((m) => m.fix)!.fix!;
    expect(seen.applied).toMatch(/^Fix: /);
    const want = original.slice(0, fix.range[0]) + fix.text + original.slice(fix.range[1]);
    expect(`${seen.lines.join('\n')}\n`).toBe(want);
  });
});
