/** A rule's embedded examples are its tests: run them through the real engine. */
import { compileRulebook, lint, type Registries } from './engine.js';
import { applyFixes, fixText } from './apply-fixes.js';
import type { Lang, RuleDefinition } from './types.js';

export interface ExampleResult {
  ruleId: string;
  lang: Lang;
  kind: 'invalid' | 'valid';
  /** Index among the examples of its kind and language. */
  index: number;
  text: string;
  expected: number;
  actual: number;
  /** The matched texts, to show what fired. */
  found: string[];
  /** For rules with a fix: the fixed text, and what the example expects. */
  output?: string;
  expectedOutput?: string;
  /** With `suggested`: the text with the first hit's suggested rewrite applied, and what the example expects. */
  suggested?: string;
  expectedSuggested?: string;
  ok: boolean;
}

/** Run a rule's examples, with the kinds, fixes and languages it is compiled with. */
export function runExamples(rule: RuleDefinition, registries: Registries): ExampleResult[] {
  const book = compileRulebook([rule], registries);
  const results: ExampleResult[] = [];
  for (const lang of registries.languages.keys()) {
    const set = rule.examples?.[lang];
    if (!set) continue;
    const cases = [
      ...set.invalid.map((e, index) => ({ kind: 'invalid' as const, index, text: e.text, expected: e.hits, expectedOutput: e.output, expectedSuggested: e.suggested })),
      ...set.valid.map((text, index) => ({ kind: 'valid' as const, index, text, expected: 0, expectedOutput: undefined as string | undefined, expectedSuggested: undefined as string | undefined })),
    ];
    for (const c of cases) {
      const { diagnostics } = lint(c.text, book, { lang, fileType: 'markdown' });
      const found = diagnostics.map((d) => c.text.slice(d.offset, d.endOffset));
      const output = c.expectedOutput !== undefined ? fixText(c.text, book, { lang, fileType: 'markdown' }).output : undefined;
      const first = diagnostics.find((d) => d.suggestions?.length)?.suggestions![0];
      const suggested = c.expectedSuggested !== undefined ? (first ? applyFixes(c.text, [first.fix]).output : '(no suggested rewrite)') : undefined;
      const ok = diagnostics.length === c.expected && output === c.expectedOutput && suggested === c.expectedSuggested;
      results.push({ ruleId: rule.id, lang, ...c, actual: diagnostics.length, found, output, suggested, ok });
    }
  }
  return results;
}
