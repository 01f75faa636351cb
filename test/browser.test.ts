/**
 * replylint/browser: src/browser.ts bundled for the browser (as the build bundles
 * it) has no Node module in its graph, runs without Node's globals, and finds
 * what the CLI finds on every fixture, with the defaults and with a config
 * (resolveConfig on its text, the CLI discovering the same file).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyFiles, type JsonMessage } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'replylint.js');

type Browser = typeof import('../src/browser.js');

type Problem = Pick<JsonMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'suggestion'>;


/** `replylint <args> --format json` in `cwd`: problems per file. */
function cli(cwd: string, ...args: string[]): Record<string, Problem[]> {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const reports = JSON.parse(r.stdout) as { filePath: string; messages: (Problem & Record<string, unknown>)[] }[];
  return Object.fromEntries(reports.map((f) => [f.filePath, f.messages.map(pick)]));
}

function pick({ ruleId, severity, message, line, column, endLine, endColumn, suggestion }: Problem): Problem {
  return { ruleId, severity, message, line, column, endLine, endColumn, ...(suggestion ? { suggestion } : {}) };
}

let api: Browser;
let inputs: string[];
let code: string;

beforeAll(async () => {
  const { BROWSER } = await import(pathToFileURL(join(ROOT, 'scripts/bundle.mjs')).href);
  const { standaloneValidators, validatorsSource } = await import(pathToFileURL(join(ROOT, 'scripts/esbuild-plugins.mjs')).href);
  const tools = await import(pathToFileURL(join(ROOT, '.build/tools.mjs')).href);
  const built = JSON.parse(readFileSync(join(ROOT, 'dist/rules.json'), 'utf8')) as { fingerprint: string };
  expect(built.fingerprint, 'dist/rules.json is older than rules/: run npm run build').toBe(tools.fingerprint(join(ROOT, 'rules')));
  const result = await build({
    ...BROWSER,
    entryPoints: [join(ROOT, 'src/browser.ts')],
    bundle: true,
    write: false,
    metafile: true,
    // A classic script, so that it runs in a bare vm context (no module loader, no Node globals).
    format: 'iife',
    globalName: 'replylint',
    logLevel: 'silent',
    plugins: [standaloneValidators(ROOT, validatorsSource(tools))],
  });
  inputs = Object.keys(result.metafile.inputs);
  code = result.outputFiles[0].text;
  // Only what ECMAScript itself defines: no process, Buffer, require, URL, TextEncoder, setTimeout, document.
  const context: Record<string, unknown> = {};
  runInNewContext(`${code}\nglobalThis.api = replylint;`, context);
  api = context.api as Browser;
}, 60_000);

describe('replylint/browser', () => {
  it('imports no Node module', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(inputs.filter((i) => i.startsWith('node:') || builtins.has(i) || i.includes('node_modules/@types/node'))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(["']node:/);
    expect(code).not.toMatch(/\bnew Function\b/); // ajv's standalone code, not its compiler
    expect(inputs.some((i) => i.endsWith('src/rulebook/validators.ts'))).toBe(true);
  });

  it('finds what the CLI finds on every fixture (no config)', () => {
    const expected = cli(ROOT, 'fixtures', '--no-config');
    const config = api.resolveConfig('');
    const got = Object.fromEntries(
      replyFiles(join(ROOT, 'fixtures')).map((f) => {
        const text = readFileSync(f, 'utf8');
        const result = api.lint(text, config.rulebook, { ...config.lintOptions, fileType: extname(f) === '.txt' ? 'text' : 'markdown' });
        return [relative(ROOT, f), JSON.parse(JSON.stringify(result.diagnostics.map(pick)))];
      }),
    );
    expect(Object.keys(got).length).toBeGreaterThanOrEqual(9);
    expect(got).toEqual(expected);
  });

  describe('with a config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-browser-'));
    const yaml = [
      'root: true',
      'rules:',
      "  require-thanks: 'off'",
      "  no-as-i-said: [warning, {patterns: {en: ['the refund takes'], nl: ['het pakket']}}]",
      'overrides:',
      "  - files: ['fixtures/nl/**']",
      '    rules:',
      '      no-passing-the-buck: info',
      '    language: nl',
      "ignorePatterns: ['fixtures/en/good/**']",
      '',
    ].join('\n');
    beforeAll(() => {
      cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
      writeFileSync(join(dir, '.replylintrc.yaml'), yaml);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('resolveConfig(text, {filePath}) gives what the CLI gives with that file as .replylintrc.yaml', () => {
      const expected = cli(dir, 'fixtures');
      const got: Record<string, Problem[]> = {};
      for (const f of replyFiles(join(dir, 'fixtures'))) {
        const filePath = relative(dir, f);
        const config = api.resolveConfig(yaml, { filePath });
        if (config.ignored) continue;
        const result = api.lint(readFileSync(f, 'utf8'), config.rulebook, { ...config.lintOptions, fileType: extname(f) === '.txt' ? 'text' : 'markdown' });
        got[filePath] = JSON.parse(JSON.stringify(result.diagnostics.map(pick)));
      }
      expect(Object.keys(got)).not.toContain('fixtures/en/good/late-delivery.md');
      expect(got).toEqual(expected);
      // The options and the override took effect.
      expect(got['fixtures/nl/bad/klacht.txt']).toContainEqual(expect.objectContaining({ ruleId: 'no-as-i-said', severity: 'warning', message: expect.stringContaining('“het pakket”') }));
      expect(got['fixtures/nl/bad/vertraagde-levering.md']).toContainEqual(expect.objectContaining({ ruleId: 'no-passing-the-buck', severity: 'info' }));
    });
  });

  it('config errors are at line and column; extends takes only replylint:recommended', () => {
    const error = (text: string) => {
      try {
        api.resolveConfig(text);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('rules:\n  no-as-i-sad: error\n')).toBe('.replylintrc.yaml:2:3: unknown rule "no-as-i-sad" — did you mean "no-as-i-said"?');
    expect(error('extends: ./team-rules\n')).toMatch(/^\.replylintrc\.yaml:1:10: "\.\/team-rules": without a file system, extends takes only replylint:recommended/);
    expect(error('extends: replylint:recommended\nlanguage: fr\n')).toMatch(/^\.replylintrc\.yaml:2:11: "language" is "fr", but must be one of en, nl/);
    expect(api.resolveConfig('extends: replylint:recommended\n').severities['no-as-i-said']).toBe('error');
  });

  it('fixText fixes as the CLI does', () => {
    const f = join(ROOT, 'fixtures/en/bad/lost-parcel.txt');
    const config = api.resolveConfig('');
    const fixed = api.fixText(readFileSync(f, 'utf8'), config.rulebook, { ...config.lintOptions, fileType: 'text' });
    const r = spawnSync(process.execPath, [BIN, '--fix-dry-run', '--format', 'json', '--no-config', 'fixtures/en/bad/lost-parcel.txt'], { cwd: ROOT, encoding: 'utf8' });
    expect(fixed.fixed).toBeGreaterThan(0);
    expect(fixed.output).toBe((JSON.parse(r.stdout) as { output: string }[])[0].output);
  });

  it('bundledRules() are the rules in rules/', () => {
    expect(
      api
        .bundledRules()
        .map((r) => r.id)
        .sort(),
    ).toEqual(readdirSync(join(ROOT, 'rules')).map((f) => f.replace(/\.yaml$/, '')).sort());
  });
});
