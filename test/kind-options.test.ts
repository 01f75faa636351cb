/**
 * A kind owns its options: which ones a team may set on a rule of that kind,
 * and how each joins the rule's own (append, merge, replace). The config
 * schema and the loading of team options follow from that declaration.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/kinds/index.js';
import { configSchema } from '../src/rulebook/schemas.js';
import { runCli } from './helpers.js';

function repo(config: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-kindopts-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.replylintrc.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const QUESTION = '> How do I change my delivery address?\n\nHi Sam,\n\nYou can change it under Account, Addresses, up to the day before delivery.\n';

const ids = (dir: string, file: string) => (JSON.parse(runCli([file, '--format', 'json'], { cwd: dir }).stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);

describe('options a kind declares', () => {
  it('a team replaces where a require rule applies (applies: replace)', () => {
    const plain = repo('extends: replylint:recommended\n', { 'q.md': QUESTION });
    expect(ids(plain, 'q.md')).toContain('require-thanks');
    const narrowed = repo('extends: replylint:recommended\nrules:\n  require-thanks: [warning, {applies: [complaint]}]\n', { 'q.md': QUESTION });
    expect(ids(narrowed, 'q.md')).not.toContain('require-thanks');
  });

  it('an option the kind does not declare is refused, naming the ones it takes', () => {
    const dir = repo('rules:\n  no-shouting: [warning, {max: 3}]\n', { 'a.md': 'Hi.\n' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylintrc\.yaml:2:27: option "max" does not apply to no-shouting \(a shouting rule\); it takes: acronyms, minLength/);
  });

  it('the config schema lists exactly the options the kinds declare', () => {
    const declared = new Set([...KINDS.values()].flatMap((k) => Object.keys(k.options)));
    expect(new Set(Object.keys(configSchema.definitions.ruleOptions.properties))).toEqual(declared);
    for (const kind of KINDS.values()) for (const key of Object.keys(kind.options)) expect(kind.schema.properties).toHaveProperty(key);
  });
});
