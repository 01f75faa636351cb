/** The shipped rulebook: exactly RULEBOOK.md's rules, each tested by its own examples. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExamples, type ExampleResult } from '../src/core/examples.js';
import { DEFAULTS } from '../src/defaults.js';
import { parseRuleFile } from '../src/rulebook/load.js';

const RULES = join(import.meta.dirname, '..', 'rules');
const SHARED = join(import.meta.dirname, '..', '..', 'shared');
const files = readdirSync(RULES).filter((f) => f.endsWith('.yaml')).sort();
const rules = files.map((f) => parseRuleFile(readFileSync(join(RULES, f), 'utf8'), `rules/${f}`));

/** id -> [kind, severity] from the table in shared/RULEBOOK.md. */
function rulebookTable(): Map<string, [string, string]> {
  const table = new Map<string, [string, string]>();
  for (const line of readFileSync(join(SHARED, 'RULEBOOK.md'), 'utf8').split('\n')) {
    const m = /^\| `([a-z-]+)` \| ([a-z +]+) \| (error|warning|info) \|/.exec(line);
    if (m) table.set(m[1], [m[2], m[3]]);
  }
  return table;
}

const HAS_SHARED = existsSync(join(SHARED, 'RULEBOOK.md'));
if (!HAS_SHARED) console.warn(`rules.test.ts: the comparison with RULEBOOK.md and the seed passages is skipped: ${SHARED} is absent (it lives beside the checkout)`);

describe.runIf(HAS_SHARED)('the rulebook matches shared/RULEBOOK.md', () => {
  // Read only where it exists: a skipped describe still runs its body while collecting.
  const table = HAS_SHARED ? rulebookTable() : new Map<string, [string, string]>();

  it('has exactly its 18 rule ids', () => {
    expect(table.size).toBe(18);
    expect(rules.map((r) => r.id).sort()).toEqual([...table.keys()].sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has the kind and default severity of RULEBOOK.md', (id, rule) => {
    const [kind, severity] = table.get(id)!;
    expect(kind.split(' + ')[0]).toBe(rule.kind);
    expect(rule.severity).toBe(severity);
  });

  /** The articles in shared/seeds/ by the titles rule files name them with. */
  const ARTICLES: Record<string, string> = {
    'Zes redenen waarom klanten woedend worden': '000_7ace3572f91bc111.txt',
    'Klachten van klanten - wat te doen? Schadelijke tips en nuttige conclusies.': '001_aa4a97da1631fb09.txt',
    'Hoe om te gaan met een moeilijke klant op het werk': '002_afd062704b856a42.txt',
    'Hoe stel je de eeuwige klager tevreden?': '003_6d3364ce13cf6d9d.txt',
    'De Zeven Essentiële Vaardigheden voor het oplossen van Conflicten met de klant': '004_db59491056711e41.txt',
  };

  it.each(rules.map((r) => [r.id, r] as const))('%s quotes its articles verbatim, named by their titles', (_id, rule) => {
    for (const { article, quote } of rule.source) {
      expect(Object.keys(ARTICLES), `unknown article title: ${article}`).toContain(article);
      const text = readFileSync(join(SHARED, 'seeds', ARTICLES[article]), 'utf8');
      expect(text.includes(article), `the article does not carry its title: ${article}`).toBe(true);
      expect(text.includes(quote), `${article} does not contain: ${quote}`).toBe(true);
    }
  });
});

/** What an example gave, and what it expects: the number of hits and, where it names one, the fixed text. */
const outcome = (r: ExampleResult) => ({ hits: r.actual, output: r.output });
const expected = (r: ExampleResult) => ({ hits: r.expected, output: r.expectedOutput });

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has a message, a suggestion and enough examples in both languages', () => {
    expect(rule.suggestion).toBeDefined();
    for (const lang of ['en', 'nl'] as const) {
      expect(rule.examples?.[lang].invalid.length, `${lang} invalid examples`).toBeGreaterThanOrEqual(6);
      expect(rule.examples?.[lang].valid.length, `${lang} valid examples`).toBeGreaterThanOrEqual(4);
    }
  });

  for (const r of runExamples(rule, DEFAULTS)) {
    it(`[${r.lang}] ${r.kind}: ${r.text.slice(0, 70).replace(/\n/g, ' ')}`, () => {
      expect(outcome(r), `found: ${JSON.stringify(r.found)}`).toEqual(expected(r));
    });
  }
});

describe('the examples test can fail', () => {
  const fixing = rules.find((r) => r.examples?.en.invalid.some((e) => e.output !== undefined))!;
  const wrong = (change: (e: { hits: number; output?: string }) => void) => {
    const copy = structuredClone(fixing);
    change(copy.examples!.en.invalid.find((e) => e.output !== undefined)!);
    return runExamples(copy, DEFAULTS).find((r) => r.lang === 'en' && r.kind === 'invalid' && r.expectedOutput !== undefined)!;
  };

  it('a wrong output: in a rule file is a failure', () => {
    const r = wrong((e) => (e.output = `${e.output} (wrong)`));
    expect(outcome(r)).not.toEqual(expected(r));
    expect(r.ok).toBe(false);
  });

  it('a wrong number of hits is a failure', () => {
    const r = wrong((e) => (e.hits += 1));
    expect(outcome(r)).not.toEqual(expected(r));
    expect(r.ok).toBe(false);
  });
});
