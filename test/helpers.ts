import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileRulebook, lint, type LintOptions } from '../src/core/engine.js';
import { DEFAULTS } from '../src/defaults.js';
import type { RuleDefinition } from '../src/core/types.js';
import type { JsonFileResult } from '../src/formatters/json.js';

/** One file's result and one message, as `--format json` prints them (and the Node API returns them). */
export type { JsonFileResult };
export type JsonMessage = JsonFileResult['messages'][number];

/** The replies under `dir` (.md and .txt), sorted: the fixtures, say. */
export function replyFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? replyFiles(join(dir, f)) : [join(dir, f)]))
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort();
}

/** A small phrase rule for engine tests, independent of the shipped rulebook. */
export function phraseRule(id: string, en: string[], nl: string[] = ['kijk op onze website'], extra: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id,
    kind: 'phrase',
    severity: 'error',
    description: { en: id, nl: id },
    source: [{ article: 'x', quote: 'x' }],
    message: { en: `en: {{match}}`, nl: `nl: {{match}}` },
    patterns: { en, nl },
    options: {},
    ...extra,
  };
}

/** Lint with one phrase rule; return [line, column, endLine, endColumn, matched source text]. */
export function hits(text: string, en: string[], options: LintOptions = {}) {
  const book = compileRulebook([phraseRule('t', en)], DEFAULTS);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return lint(text, book, { lang: 'en', ...options }).diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, body.slice(d.offset, d.endOffset)]);
}

/** Replies the CLI tests share. */
export const BAD_EN = 'Hi Sam,\n\nAs I already said, the refund takes five days.\n';
export const GOOD_EN = [
  'Hi Sam,',
  '',
  'Thank you for your message, and I am sorry that the parcel has not arrived yet. I understand how frustrating that is.',
  '',
  'I have asked our team to send a new one today, and I will email you the tracking code before 17:00 tomorrow.',
  '',
].join('\n');

/** The real command, as a user runs it. */
export const BIN = join(import.meta.dirname, '..', 'bin', 'replylint.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `replylint args...` (no colours unless `env` asks for them). */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string>; timeout?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: opts.timeout ?? 120_000,
    // A process stuck in a blocking call never answers SIGTERM: a timed-out run is killed.
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
