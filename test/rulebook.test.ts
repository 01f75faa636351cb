/** Rule files that are wrong are refused with file:line:column, the key and a hint. */
import { describe, expect, it } from 'vitest';
import { parseRuleFile, RulebookError } from '../src/rulebook/load.js';

const GOOD = `id: no-x
kind: phrase
severity: warning
description: {en: d, nl: d}
source:
  - seed: 001.txt
    quote: q
message: {en: m, nl: m}
patterns:
  en: ["check our website"]
  nl: ["kijk op onze website"]
`;

function error(text: string, file = 'rules/no-x.yaml'): string {
  try {
    parseRuleFile(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(RulebookError);
    return (e as Error).message;
  }
  throw new Error('expected the rule file to be refused');
}

describe('rule file validation', () => {
  it('accepts a good file', () => {
    expect(parseRuleFile(GOOD, 'rules/no-x.yaml').id).toBe('no-x');
  });

  it('unknown key, with a did-you-mean', () => {
    expect(error(GOOD.replace('patterns:', 'pattern:'))).toBe('rules/no-x.yaml:9:1: unknown key "pattern" — did you mean "patterns"?');
  });

  it('unknown kind and severity', () => {
    expect(error(GOOD.replace('kind: phrase', 'kind: phrases'))).toBe('rules/no-x.yaml:2:7: unknown kind "phrases" — did you mean "phrase"? (kinds: phrase, require, limit, shouting)');
    expect(error(GOOD.replace('severity: warning', 'severity: warn'))).toMatch(/^rules\/no-x\.yaml:3:11: severity "warn" must be one of error, warning, info — did you mean "warning"\?$/);
  });

  it('a pattern that cannot compile names its place and the reason', () => {
    expect(error(GOOD.replace('["check our website"]', '["check [our website"]'))).toMatch(/^rules\/no-x\.yaml:10:8: pattern "check \[our website" in "patterns\.en\[0\]": "\[" at column 7 is never closed/);
  });

  it('a pattern that matches nothing at all is refused', () => {
    expect(error(GOOD.replace('["kijk op onze website"]', '["(kijk)"]'))).toMatch(/patterns\.nl\[0\]".*can match nothing/);
  });

  it('missing language and missing keys', () => {
    expect(error(GOOD.replace('message: {en: m, nl: m}', 'message: {en: m}'))).toMatch(/^rules\/no-x\.yaml:8:\d+: "message\.nl" must be a non-empty text$/);
    expect(error(GOOD.replace(/^source:[^]*?quote: q\n/m, ''))).toMatch(/missing key "source"/);
  });

  it('an id that does not match the file name', () => {
    expect(error(GOOD, 'rules/no-y.yaml')).toMatch(/^rules\/no-y\.yaml:1:5: id "no-x" does not match the file name "no-y"$/);
  });

  it('YAML syntax errors report their position', () => {
    expect(error('id: no-x\nkind: [phrase\n')).toMatch(/^rules\/no-x\.yaml:\d+:\d+: invalid YAML: /);
    expect(error('id: a\nid: b\n')).toMatch(/^rules\/no-x\.yaml:2:1: invalid YAML: .*[Uu]nique/);
  });

  it('kind-specific keys are checked', () => {
    const limit = GOOD.replace('kind: phrase', 'kind: limit\nmax: -1\ncount: {en: [sorry], nl: [sorry]}');
    expect(error(limit)).toMatch(/"max" must be a whole number, 0 or more/);
  });
});
