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
    expect(error(GOOD.replace('kind: phrase', 'kind: phrases'))).toBe('rules/no-x.yaml:2:7: "kind" is "phrases", but must be one of phrase, require, limit, shouting — did you mean "phrase"?');
    expect(error(GOOD.replace('severity: warning', 'severity: warn'))).toBe('rules/no-x.yaml:3:11: "severity" is "warn", but must be one of error, warning, info — did you mean "warning"?');
  });

  it('a pattern that cannot compile names its place and the reason', () => {
    expect(error(GOOD.replace('["check our website"]', '["check [our website"]'))).toMatch(/^rules\/no-x\.yaml:10:8: pattern "check \[our website" in "patterns\.en\[0\]": "\[" at column 7 is never closed/);
  });

  it('a pattern that matches nothing at all is refused', () => {
    expect(error(GOOD.replace('["kijk op onze website"]', '["(kijk)"]'))).toMatch(/patterns\.nl\[0\]".*can match nothing/);
  });

  it('missing language and missing keys', () => {
    expect(error(GOOD.replace('message: {en: m, nl: m}', 'message: {en: m}'))).toBe('rules/no-x.yaml:8:10: missing key "nl" in "message"');
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
    expect(error(limit)).toBe('rules/no-x.yaml:3:6: "max" must be >= 0');
    const shouting = GOOD.replace('kind: phrase', 'kind: shouting');
    expect(error(shouting)).toBe('rules/no-x.yaml:9:1: key "patterns" does not belong in a rule of this kind');
  });

  it('word lists: <name> in a pattern must be defined', () => {
    const words = GOOD.replace('["check our website"]', '["check <place>"]');
    expect(error(words)).toMatch(/^rules\/no-x\.yaml:10:8: pattern "check <place>" in "patterns\.en\[0\]": unknown word list <place>/);
    const ok = parseRuleFile(`${words}words:\n  place: [our website, the FAQ]\n`, 'rules/no-x.yaml');
    expect(ok.words?.en.place).toEqual(['our website', 'the FAQ']);
  });

  it('refuses YAML bombs (billion laughs) fast', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(error(bomb)).toMatch(/^rules\/no-x\.yaml:\d+:\d+: invalid YAML: aliases copy more than 10,000 values in all/);
  });
});
