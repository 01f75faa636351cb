/**
 * Reading rule files: YAML text in, validated RuleDefinition out. Pure (the
 * caller reads the file). Every problem is a RulebookError naming the file,
 * the line and column in the YAML, the key, and a hint.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { KINDS } from '../kinds/index.js';
import { compilePhrase, PhraseError } from '../core/phrase.js';
import { LANGS, SEVERITIES, type RuleDefinition } from '../core/types.js';

export class RulebookError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'RulebookError';
  }
}

const COMMON_KEYS = ['id', 'kind', 'severity', 'description', 'source', 'message', 'suggestion', 'patterns', 'exceptions', 'examples'];
const REQUIRED = ['id', 'kind', 'severity', 'description', 'source', 'message'];

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** " — did you mean "x"?" for a near miss among `known`, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const [a, b] = [word.toLowerCase(), k.toLowerCase()];
    if (a.length >= 3 && (b.startsWith(a) || a.startsWith(b))) return ` — did you mean "${k}"?`;
    const dist = distance(a, b);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` — did you mean "${best}"?` : '';
}

class Checker {
  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lc: LineCounter,
  ) {}

  fail(node: Node | Pair | null | undefined, reason: string): never {
    const range = (node && 'range' in node ? node.range : undefined) ?? ((node as Pair | undefined)?.key as Node | undefined)?.range;
    const { line, col } = this.lc.linePos(range?.[0] ?? 0);
    throw new RulebookError(this.file, line, col, reason);
  }

  node(path: (string | number)[]): Node | undefined {
    return this.doc.getIn(path, true) as Node | undefined;
  }

  keyNode(path: (string | number)[], key: string): Node | undefined {
    const parent = path.length ? this.node(path) : (this.doc.contents as Node);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    return (pair?.key as Node | undefined) ?? (pair?.value as Node | undefined);
  }

  /** The node at `path`, else its key, else the nearest enclosing node that exists. */
  where(path: (string | number)[]): Node | undefined {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const found = this.node(p) ?? this.keyNode(p.slice(0, -1), String(p[p.length - 1]));
      if (found) return found;
    }
    return this.doc.contents as Node | undefined;
  }

  name(path: (string | number)[]): string {
    return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  }

  string(value: unknown, path: (string | number)[]): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(this.where(path), `"${this.name(path)}" must be a non-empty text`);
    return value;
  }

  mapping(value: unknown, path: (string | number)[], hint = ''): Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(this.where(path), `"${this.name(path)}" must be a mapping${hint}`);
    return value as Record<string, unknown>;
  }

  list(value: unknown, path: (string | number)[]): unknown[] {
    if (!Array.isArray(value)) this.fail(this.where(path), `"${this.name(path)}" must be a list`);
    return value;
  }

  keys(value: Record<string, unknown>, path: (string | number)[], known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        const where = path.length ? `"${key}" in "${this.name(path)}"` : `"${key}"`;
        this.fail(this.keyNode(path, key), `unknown key ${where}${didYouMean(key, known)}${didYouMean(key, known) ? '' : ` (expected one of: ${known.join(', ')})`}`);
      }
    }
  }

  perLang(value: unknown, path: (string | number)[]): Record<string, string> {
    const map = this.mapping(value, path, ' with "en" and "nl"');
    this.keys(map, path, LANGS);
    for (const lang of LANGS) this.string(map[lang], [...path, lang]);
    return map as Record<string, string>;
  }

  phrases(value: unknown, path: (string | number)[]): Record<string, string[]> {
    const map = this.mapping(value, path, ' with lists of phrases under "en" and "nl"');
    this.keys(map, path, LANGS);
    for (const lang of LANGS) {
      const list = this.list(map[lang] ?? [], [...path, lang]);
      list.forEach((p, i) => {
        const at = [...path, lang, i];
        const phrase = this.string(p, at);
        try {
          compilePhrase(phrase);
        } catch (e) {
          if (!(e instanceof PhraseError)) throw e;
          this.fail(this.node(at), `pattern "${phrase}" in "${this.name(at)}": ${e.message}`);
        }
      });
      map[lang] = list;
    }
    return map as Record<string, string[]>;
  }
}

/** Parse and validate one rule file. `file` names it in errors (and must match its id). */
export function parseRuleFile(text: string, file: string): RuleDefinition {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const c: Checker = new Checker(file, doc, lc);
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lc.linePos(err.pos[0]);
    throw new RulebookError(file, pos.line, pos.col, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new RulebookError(file, 1, 1, `invalid YAML: ${(e as Error).message}`);
  }
  const raw = c.mapping(data, [], ' (a rule file is a YAML mapping with id, kind, severity, ...)');
  for (const key of REQUIRED) if (!(key in raw)) c.fail(doc.contents as Node, `missing key "${key}"`);

  const kindName = c.string(raw.kind, ['kind']);
  const kind = KINDS.get(kindName);
  if (!kind) c.fail(c.node(['kind']), `unknown kind "${kindName}"${didYouMean(kindName, [...KINDS.keys()])} (kinds: ${[...KINDS.keys()].join(', ')})`);
  c.keys(raw, [], [...COMMON_KEYS, ...Object.keys(kind.keys)]);

  const id = c.string(raw.id, ['id']);
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) c.fail(c.node(['id']), `id "${id}" must be kebab-case (lower-case words joined by "-")`);
  const base = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/, '');
  if (/\.ya?ml$/.test(file) && base !== id) c.fail(c.node(['id']), `id "${id}" does not match the file name "${base}"`);

  const severity = c.string(raw.severity, ['severity']);
  if (!(SEVERITIES as readonly string[]).includes(severity)) c.fail(c.node(['severity']), `severity "${severity}" must be one of ${SEVERITIES.join(', ')}${didYouMean(severity, SEVERITIES)}`);

  const source = c.list(raw.source, ['source']).map((s, i) => {
    const m = c.mapping(s, ['source', i], ' with "seed" and "quote"');
    c.keys(m, ['source', i], ['seed', 'quote']);
    return { seed: c.string(m.seed, ['source', i, 'seed']), quote: c.string(m.quote, ['source', i, 'quote']) };
  });
  if (!source.length) c.fail(c.node(['source']), '"source" must name at least one seed passage');

  if (kind.needsPatterns && !('patterns' in raw)) c.fail(doc.contents as Node, `missing key "patterns" (a ${kind.name} rule needs them)`);
  const patterns = 'patterns' in raw ? c.phrases(raw.patterns, ['patterns']) : undefined;
  if (patterns && kind.needsPatterns) {
    for (const lang of LANGS) if (!patterns[lang].length) c.fail(c.where(['patterns', lang]), `"patterns.${lang}" is empty: every rule works in both languages`);
  }
  const exceptions = 'exceptions' in raw ? c.phrases(raw.exceptions, ['exceptions']) : undefined;

  const options: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(kind.keys)) {
    if (!(key in raw)) continue;
    const problem = check(raw[key]);
    if (problem) c.fail(c.node([key]), `"${key}" ${problem}`);
    options[key] = raw[key];
    if (key === 'count') c.phrases(raw[key], [key]);
  }

  let examples: RuleDefinition['examples'];
  if ('examples' in raw) {
    const ex = c.mapping(raw.examples, ['examples'], ' with "en" and "nl"');
    c.keys(ex, ['examples'], LANGS);
    examples = { en: { invalid: [], valid: [] }, nl: { invalid: [], valid: [] } };
    for (const lang of LANGS) {
      if (!(lang in ex)) continue;
      const path = ['examples', lang];
      const set = c.mapping(ex[lang], path, ' with "invalid" and "valid"');
      c.keys(set, path, ['invalid', 'valid']);
      examples[lang].invalid = c.list(set.invalid ?? [], [...path, 'invalid']).map((item, i) => {
        const at = [...path, 'invalid', i];
        const m = c.mapping(item, at, ' with "text" and "hits"');
        c.keys(m, at, ['text', 'hits']);
        if (!Number.isInteger(m.hits) || (m.hits as number) < 1) c.fail(c.where([...at, 'hits']), `"${c.name([...at, 'hits'])}" must be a whole number, 1 or more`);
        return { text: c.string(m.text, [...at, 'text']), hits: m.hits as number };
      });
      examples[lang].valid = c.list(set.valid ?? [], [...path, 'valid']).map((item, i) => c.string(item, [...path, 'valid', i]));
    }
  }

  return {
    id,
    kind: kind.name,
    severity: severity as RuleDefinition['severity'],
    description: c.perLang(raw.description, ['description']) as RuleDefinition['description'],
    source,
    message: c.perLang(raw.message, ['message']) as RuleDefinition['message'],
    suggestion: 'suggestion' in raw ? (c.perLang(raw.suggestion, ['suggestion']) as RuleDefinition['suggestion']) : undefined,
    patterns: patterns as RuleDefinition['patterns'],
    exceptions: exceptions as RuleDefinition['exceptions'],
    examples,
    options,
    file,
  };
}

/** Refuse a rulebook with two rules of one id. */
export function checkUniqueIds(rules: readonly RuleDefinition[]): void {
  const seen = new Map<string, RuleDefinition>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) throw new RulebookError(rule.file ?? rule.id, 1, 1, `duplicate rule id "${rule.id}" (also in ${other.file ?? 'another file'})`);
    seen.set(rule.id, rule);
  }
}
