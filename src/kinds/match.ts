/** Shared by the kinds: compile a rule's per-language phrases and find them in prose. */
import { compilePhrases } from '../core/phrase.js';
import type { Prose } from '../core/prose.js';
import { LANGS, type Lang, type PerLang } from '../core/types.js';
import type { Hit } from './kind.js';

export type PerLangRegExp = Partial<Record<Lang, RegExp>>;

export function compilePerLang(phrases: PerLang<string[]> | undefined, words?: PerLang<Record<string, string[]>>): PerLangRegExp {
  const out: PerLangRegExp = {};
  if (!phrases) return out;
  for (const lang of LANGS) {
    const re = compilePhrases(phrases[lang] ?? [], words?.[lang]);
    if (re) out[lang] = re;
  }
  return out;
}

/** Every non-overlapping match of `re` in the prose, leftmost first, minus those overlapping an exception. */
export function findAll(prose: Prose, re: RegExp | undefined, except?: RegExp): Hit[] {
  const hits: Hit[] = [];
  if (!re) return hits;
  prose.segments.forEach((seg, segment) => {
    let excepted: Hit[] | undefined;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg.folded))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const hit = { segment, start: m.index, end: m.index + m[0].length };
      if (except) {
        excepted ??= findAll({ segments: [seg], directives: [] }, except);
        if (excepted.some((e) => e.start < hit.end && hit.start < e.end)) continue;
      }
      hits.push(hit);
    }
  });
  return hits;
}
