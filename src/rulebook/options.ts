/** A team's options for a rule (`rules: {id: [level, options]}`) merged into the rule. Pure. */
import { compilePhrase, PhraseError } from '../core/phrase.js';
import { LANGS, type PerLang, type RuleDefinition } from '../core/types.js';
import { KINDS } from '../kinds/index.js';
import type { RuleOptions } from './config.js';
import { checkPhrases, normaliseWords } from './load.js';
import type { Path, YamlFile } from './yaml.js';

type Lists = Partial<PerLang<string[]>>;

const concat = (a: PerLang<string[]> | undefined, b: Lists | undefined): PerLang<string[]> => ({
  en: [...(a?.en ?? []), ...(b?.en ?? [])],
  nl: [...(a?.nl ?? []), ...(b?.nl ?? [])],
});

export function applyOptions(rule: RuleDefinition, options: RuleOptions, yaml: YamlFile, at: Path): RuleDefinition {
  const kind = KINDS.get(rule.kind)!;
  const allowed = Object.keys(kind.schema.properties);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      yaml.fail([...at, key], `option "${key}" does not apply to ${rule.id} (a ${rule.kind} rule)${allowed.length ? `; it takes: ${allowed.join(', ')}` : '; it takes no options'}`, true);
    }
  }
  const out: RuleDefinition = { ...rule, options: { ...rule.options } };
  if (options.words) {
    const added = normaliseWords(options.words as Record<string, string[]>);
    const words: PerLang<Record<string, string[]>> = { en: { ...rule.words?.en }, nl: { ...rule.words?.nl } };
    for (const lang of LANGS) {
      for (const [name, list] of Object.entries(added[lang])) {
        list.forEach((entry, i) => {
          try {
            compilePhrase(entry);
          } catch (e) {
            if (!(e instanceof PhraseError)) throw e;
            yaml.fail([...at, 'words', name, i], `word "${entry}" in "${name}": ${e.message}`);
          }
        });
        words[lang][name] = [...new Set([...(words[lang][name] ?? []), ...list])];
      }
    }
    out.words = words;
  }
  const words = out.words ?? { en: {}, nl: {} };
  for (const key of ['patterns', 'exceptions', 'count'] as const) {
    if (!options[key]) continue;
    checkPhrases(yaml, [...at, key], options[key] as Lists, words);
    if (key === 'count') out.options.count = concat(rule.options.count as PerLang<string[]>, options.count as Lists);
    else out[key] = concat(rule[key], options[key] as Lists);
  }
  if (options.acronyms) out.options.acronyms = [...((rule.options.acronyms as string[] | undefined) ?? []), ...(options.acronyms as string[])];
  for (const key of ['max', 'minLength']) if (options[key] !== undefined) out.options[key] = options[key];
  if (options.sentence) out.options.sentence = { ...(rule.options.sentence as object | undefined), ...(options.sentence as object) };
  return out;
}
