/**
 * Reading rule files: YAML text in, validated RuleDefinition out. Pure (the
 * caller reads the file). Every problem is a RulebookError naming the file,
 * the line and column in the YAML, the key, and a hint.
 */
import { KINDS } from '../kinds/index.js';
import { compilePhrase, PhraseError } from '../core/phrase.js';
import type { RewriteDefinition } from '../core/rewrite.js';
import type { PerLang, RuleDefinition } from '../core/types.js';
import { LANGUAGE_CODES, perLanguage } from '../lang/index.js';
import { didYouMean, RulebookError } from './errors.js';
import { validateRule } from './validate.js';
import { pathName, YamlFile, type Path } from './yaml.js';

export { RulebookError, didYouMean } from './errors.js';

type WordsInput = Record<string, string[] | Partial<PerLang<string[]>>>;

/** `words` as written (one list for all languages, or per language) -> per language. */
export function normaliseWords(words: WordsInput | undefined): Record<string, Record<string, string[]>> {
  const out = perLanguage((): Record<string, string[]> => ({}));
  for (const [name, list] of Object.entries(words ?? {})) {
    for (const lang of LANGUAGE_CODES) out[lang][name] = Array.isArray(list) ? [...list] : [...(list[lang] ?? [])];
  }
  return out;
}

/** Check that every phrase under `key` compiles (with the rule's words); point at the bad one. */
export function checkPhrases(yaml: YamlFile, base: Path, phrases: PerLang<string[]> | undefined, words: PerLang<Record<string, string[]>>): void {
  for (const lang of LANGUAGE_CODES) {
    (phrases?.[lang] ?? []).forEach((phrase, i) => {
      try {
        compilePhrase(phrase, words[lang]);
      } catch (e) {
        if (!(e instanceof PhraseError)) throw e;
        yaml.fail([...base, lang, i], `pattern "${phrase}" in "${pathName([...base, lang, i])}": ${e.message}`);
      }
    });
  }
}

const perLang = <T>(v: PerLang<T[]> | undefined): Record<string, T[]> | undefined => (v ? perLanguage((lang) => v[lang] ?? []) : undefined);

/** Parse and validate one rule file. `file` names it in errors (and must match its id). */
export function parseRuleFile(text: string, file: string): RuleDefinition {
  const yaml = new YamlFile(text, file);
  if (!yaml.data || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    yaml.fail([], 'a rule file is a YAML mapping with id, kind, severity, description, source, message, ...');
  }
  validateRule(yaml);
  const raw = yaml.data as Record<string, unknown> & {
    id: string;
    kind: string;
    patterns?: PerLang<string[]>;
    exceptions?: PerLang<string[]>;
    words?: WordsInput;
    examples?: PerLang<{ invalid?: { text: string; hits: number; output?: string; suggested?: string }[]; valid?: string[] }>;
    rewrites?: PerLang<RewriteDefinition[]>;
  };
  const kind = KINDS.get(raw.kind)!;

  const base = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/, '');
  if (/\.ya?ml$/.test(file) && base !== raw.id) yaml.fail(['id'], `id "${raw.id}" does not match the file name "${base}"`);

  const words = normaliseWords(raw.words);
  for (const key of kind.phraseKeys) checkPhrases(yaml, [key], raw[key] as PerLang<string[]> | undefined, words);
  for (const lang of LANGUAGE_CODES) {
    (raw.rewrites?.[lang] ?? []).forEach((r, i) => {
      try {
        compilePhrase(r.find, words[lang]);
      } catch (e) {
        if (!(e instanceof PhraseError)) throw e;
        yaml.fail(['rewrites', lang, i, 'find'], `phrase "${r.find}" in "rewrites.${lang}.${i}.find": ${e.message}`);
      }
    });
  }
  if ('patterns' in kind.schema.properties && kind.schema.required?.includes('patterns')) {
    for (const lang of LANGUAGE_CODES) {
      if (!raw.patterns?.[lang]?.length) yaml.fail(['patterns', lang], `"patterns.${lang}" is empty or missing: every rule works in both languages`);
    }
  }

  checkPlaceholders(yaml, raw, ['match', ...(kind.messageData ?? [])], kind.name);

  const options: Record<string, unknown> = {};
  for (const key of Object.keys(kind.schema.properties)) {
    if (!['patterns', 'exceptions', 'words'].includes(key) && key in raw) options[key] = raw[key];
  }
  if (options.count) options.count = perLang(options.count as PerLang<string[]>);

  const examples = raw.examples
    ? perLanguage((lang) => ({ invalid: raw.examples?.[lang]?.invalid ?? [], valid: raw.examples?.[lang]?.valid ?? [] }))
    : undefined;

  return {
    id: raw.id,
    kind: kind.name,
    severity: raw.severity as RuleDefinition['severity'],
    description: raw.description as RuleDefinition['description'],
    // `seed` is the older name of `article`.
    source: (raw.source as { article?: string; seed?: string; quote: string }[]).map((s) => ({ article: s.article ?? s.seed!, quote: s.quote })),
    message: raw.message as RuleDefinition['message'],
    suggestion: raw.suggestion as RuleDefinition['suggestion'],
    rewrites: perLang(raw.rewrites),
    fix: raw.fix as RuleDefinition['fix'],
    patterns: perLang(raw.patterns),
    exceptions: perLang(raw.exceptions),
    words: raw.words ? words : undefined,
    examples: examples as RuleDefinition['examples'],
    options,
    file,
  };
}

/** `{{name}}` in a message or suggestion must be one the kind fills in: an unknown one would be shown as written. */
function checkPlaceholders(yaml: YamlFile, raw: Record<string, unknown>, known: string[], kind: string): void {
  for (const key of ['message', 'suggestion']) {
    const texts = raw[key] as Record<string, string> | undefined;
    for (const [lang, text] of Object.entries(texts ?? {})) {
      for (const m of text.matchAll(/\{\{\s*([a-zA-Z][\w-]*)\s*\}\}/g)) {
        if (!known.includes(m[1])) yaml.fail([key, lang], `unknown placeholder "{{${m[1]}}}" in ${key}.${lang}${didYouMean(m[1], known)} (a ${kind} rule fills in: ${known.map((k) => `{{${k}}}`).join(', ')})`);
      }
    }
  }
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
