/**
 * A team's options for a rule (`rules: {id: [level, options]}`) merged into
 * the rule, as the rule's kind declares (RuleKind.options: append, merge or
 * replace). Pure.
 */
import { compilePhrase, PhraseError } from '../core/phrase.js';
import type { PerLang, RuleDefinition } from '../core/types.js';
import { KINDS } from '../kinds/index.js';
import { LANGUAGE_CODES, perLanguage } from '../lang/index.js';
import type { RuleOptions } from './config.js';
import { didYouMean } from './errors.js';
import { checkPhrases, normaliseWords } from './load.js';
import type { Path, YamlFile } from './yaml.js';

type Lists = PerLang<string[]>;

const concat = (a: Lists | undefined, b: Lists | undefined): Lists => perLanguage((lang) => [...(a?.[lang] ?? []), ...(b?.[lang] ?? [])]);

export function applyOptions(rule: RuleDefinition, options: RuleOptions, yaml: YamlFile, at: Path): RuleDefinition {
  const kind = KINDS.get(rule.kind)!;
  // The kind says which options a team may set and how each joins the rule's own (RuleKind.options).
  const allowed = Object.keys(kind.options);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      yaml.fail([...at, key], `option "${key}" does not apply to ${rule.id} (a ${rule.kind} rule)${allowed.length ? `; it takes: ${allowed.join(', ')}` : '; it takes no options'}`, true);
    }
  }
  const out: RuleDefinition = { ...rule, options: { ...rule.options } };
  if (options.words) {
    // A list the rule has, or one the options' own phrases use: any other name does nothing (`partner` for `party`).
    const known = new Set(LANGUAGE_CODES.flatMap((lang) => Object.keys(rule.words?.[lang] ?? {})));
    const usedHere = JSON.stringify([options.patterns, options.exceptions, options.count]);
    for (const name of Object.keys(options.words as object)) {
      if (known.has(name) || usedHere.includes(`<${name}>`)) continue;
      const lists = [...known].map((k) => `<${k}>`).join(', ');
      const alike = [...known].find((k) => k.length >= 4 && name.length >= 4 && k.slice(0, 4) === name.slice(0, 4));
      const hint = didYouMean(name, [...known]) || (alike ? ` — did you mean "${alike}"?` : '');
      yaml.fail(
        [...at, 'words', name],
        `${rule.id} has no word list "${name}"${hint}${lists ? ` (its lists: ${lists})` : ' (it has no word lists)'}; a new list needs a pattern here that uses <${name}>`,
        true,
      );
    }
    const added = normaliseWords(options.words as Record<string, string[]>);
    const words = perLanguage((lang): Record<string, string[]> => ({ ...rule.words?.[lang] }));
    for (const lang of LANGUAGE_CODES) {
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
  const words = out.words ?? perLanguage(() => ({}));
  for (const [key, value] of Object.entries(options)) {
    if (key === 'words' || value === undefined) continue;
    // Phrases and exceptions are the rule's own fields; the other options live in `options`.
    const own = key === 'patterns' || key === 'exceptions' ? (rule[key] as unknown) : rule.options[key];
    let joined: unknown;
    if (kind.phraseKeys.includes(key)) {
      checkPhrases(yaml, [...at, key], value as Lists, words);
      joined = concat(own as Lists | undefined, value as Lists);
    } else if (kind.options[key] === 'append') joined = [...((own as unknown[] | undefined) ?? []), ...(value as unknown[])];
    else if (kind.options[key] === 'merge') joined = { ...(own as object | undefined), ...(value as object) };
    else joined = value;
    if (key === 'patterns' || key === 'exceptions') out[key] = joined as Lists;
    else out.options[key] = joined;
  }
  return out;
}
