/** The pure core: text and rulebook in, diagnostics out. No fs, no process, no colours. */
import { parse as parseYaml } from 'yaml';
import type { Languages } from './lang.js';
import { decideLanguage } from './language.js';
import { LineIndex } from './location.js';
import { PhraseIndex } from './matcher.js';
import type { Check, FixType, Hit, RuleKind } from './plugin.js';
import { attributionRegExp, extractProse, MASK, placeholderRegExp, type Directive, type Prose } from './prose.js';
import { detectRegister, type Register } from './register.js';
import { compileRewrites, rewrite } from './rewrite.js';
import { detectSituation, quotedContext, SITUATIONS, type Situation, type SituationVerdict } from './situation.js';
import { stripBom } from './text.js';
import type { Diagnostic, FileType, Lang, RuleDefinition, Severity } from './types.js';

export interface CompiledRule {
  rule: RuleDefinition;
  check: Check;
  rewrites: ReturnType<typeof compileRewrites>;
}

/** The plugins a rulebook is compiled with: replylint's own are in src/defaults.ts. */
export interface Registries {
  kinds: ReadonlyMap<string, RuleKind>;
  fixes: ReadonlyMap<string, FixType>;
  /** The languages replies may be in, by code (see core/lang.ts; replylint's own are src/lang/). */
  languages: Languages;
}

/**
 * A compiled rulebook. It owns everything matching needs (its phrase index and
 * caches): dropping it frees them, and no other rulebook is slowed by it.
 */
export interface Rulebook {
  rules: CompiledRule[];
  registries: Registries;
}

/** Compile validated rule definitions (see rulebook/load.ts) into a rulebook, with these kinds and fixes. */
export function compileRulebook(rules: readonly RuleDefinition[], registries: Registries): Rulebook {
  const phrases = new PhraseIndex();
  return {
    registries,
    rules: rules.map((rule) => {
      const kind = registries.kinds.get(rule.kind);
      if (!kind) throw new Error(`${rule.id}: unknown kind "${rule.kind}"`);
      if (rule.fix && !registries.fixes.has(rule.fix.type)) throw new Error(`${rule.id}: unknown fix type "${rule.fix.type}"`);
      return { rule, check: kind.create(rule, { phrases }), rewrites: compileRewrites(rule.rewrites, rule.words) };
    }),
  };
}

export interface LintOptions {
  /** `markdown` (default) or `text` (plain e-mail text). */
  fileType?: FileType;
  /** Language of the reply, when known (front matter still wins): one of the rulebook's (Registries.languages), else ignored. */
  lang?: Lang;
  /** Severity per rule id, or `off`; overrides the rule's default. */
  rules?: Record<string, Severity | 'off'>;
  blockquotes?: 'skip' | 'lint';
  /** The situation, when the config declares it (front matter still wins); otherwise detected. */
  situation?: Situation;
  placeholders?: readonly string[];
  /** Report `replylint-disable` comments that suppressed nothing, at this severity. */
  reportUnusedDisableDirectives?: Severity;
}

export interface LintResult {
  lang: Lang;
  /** Where the language came from. */
  langSource: 'front-matter' | 'option' | 'detected';
  /** The language the config or --lang gave, when a confident detection disagreed and won (worth a warning). */
  langOverridden?: Lang;
  /** Complaint, question or notice, and what decided it: whole-reply rules apply only where they make sense. */
  situation: SituationVerdict;
  diagnostics: Diagnostic[];
}

interface FrontMatter {
  lang?: Lang;
  situation?: Situation;
  /** `replylint: {disable: [rule-id, ...]}`: rules off for this whole file. */
  disable: string[];
}

function readFrontMatter(prose: Prose, languages: Languages): FrontMatter {
  const out: FrontMatter = { disable: [] };
  if (prose.frontMatter === undefined) return out;
  // Most front matter says at most `lang: nl`: read that without a YAML parser.
  if (!/^replylint\s*:/m.test(prose.frontMatter)) {
    const m = /^(?:lang|language)\s*:\s*["']?([A-Za-z]{2})/m.exec(prose.frontMatter);
    const code = m?.[1].toLowerCase();
    if (code && languages.has(code)) out.lang = code;
    const s = /^situation\s*:\s*["']?([A-Za-z]+)/m.exec(prose.frontMatter)?.[1].toLowerCase();
    if (s && (SITUATIONS as readonly string[]).includes(s)) out.situation = s as Situation;
    return out;
  }
  let data: unknown;
  try {
    data = parseYaml(prose.frontMatter, { maxAliasCount: 50 });
  } catch {
    return out;
  }
  if (!data || typeof data !== 'object') return out;
  const fm = data as Record<string, unknown>;
  const value = fm.lang ?? fm.language;
  if (typeof value === 'string') {
    const code = value.toLowerCase().slice(0, 2);
    if (languages.has(code)) out.lang = code;
  }
  if (typeof fm.situation === 'string' && (SITUATIONS as readonly string[]).includes(fm.situation.toLowerCase())) {
    out.situation = fm.situation.toLowerCase() as Situation;
  }
  const own = fm.replylint as { disable?: unknown } | undefined;
  if (own && Array.isArray(own.disable)) out.disable = own.disable.filter((id): id is string => typeof id === 'string');
  return out;
}

/** A message with `{{match}}` and the hit's own `{{names}}` filled in (an unknown name is left as written). */
function fill(template: string, match: string, data?: Hit['data']): string {
  return template.replace(/\{\{\s*([a-zA-Z][\w-]*)\s*\}\}/g, (whole, name: string) => (name === 'match' ? match : data && name in data ? String(data[name]) : whole));
}

const ruleIds = new WeakMap<Rulebook, Set<string>>();

/** A caller's mistake is a TypeError that says which argument and why, not a crash deep inside or a silent no-op. */
function checkLintCall(input: unknown, rulebook: Rulebook | undefined, options: LintOptions | undefined): void {
  const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
  if (typeof input !== 'string') throw new TypeError(`lint(text, rulebook, options): text must be a string, not ${show(input)}`);
  if (!rulebook || !Array.isArray(rulebook.rules) || !rulebook.registries) throw new TypeError('lint(text, rulebook, options): rulebook must be what compileRulebook returned');
  if (options === null || typeof options !== 'object') throw new TypeError(`lint(text, rulebook, options): options must be an object, not ${show(options)}`);
  const { languages } = rulebook.registries;
  if (options.lang !== undefined && !languages.has(options.lang)) {
    throw new TypeError(`lint(text, rulebook, options): lang ${show(options.lang)} is not one of the rulebook's languages (${[...languages.keys()].join(', ')})`);
  }
  if (options.rules) {
    let ids = ruleIds.get(rulebook);
    if (!ids) ruleIds.set(rulebook, (ids = new Set(rulebook.rules.map((r) => r.rule.id))));
    for (const [id, level] of Object.entries(options.rules)) {
      if (!ids.has(id)) throw new TypeError(`lint(text, rulebook, options): rules: unknown rule ${show(id)} (the rulebook has ${[...ids].join(', ')})`);
      if (level !== 'off' && level !== 'error' && level !== 'warning' && level !== 'info') throw new TypeError(`lint(text, rulebook, options): rules: ${show(id)} is ${show(level)}, not off, info, warning or error`);
    }
  }
}

/** Lint one reply. Positions are 1-based, columns in UTF-16 code units, relative to the text without a BOM. */
export function lint(input: string, rulebook: Rulebook, options: LintOptions = {}): LintResult {
  checkLintCall(input, rulebook, options);
  const text = stripBom(input);
  const { languages } = rulebook.registries;
  const attribution = attributionRegExp(languages);
  const prose = extractProse(text, {
    fileType: options.fileType ?? 'markdown',
    blockquotes: options.blockquotes,
    placeholders: options.placeholders,
    attribution,
  });
  const frontMatter = readFrontMatter(prose, languages);
  const fromFrontMatter = frontMatter.lang;
  const replyText = prose.segments.map((s) => s.text).join('\n');
  // A confident detection wins over the config's or --lang's language (decideLanguage); `langOverridden` says when it did.
  const { lang, source: langSource, overrides: langOverridden } = decideLanguage(replyText, fromFrontMatter, options.lang && languages.has(options.lang) ? options.lang : undefined, languages);
  const language = languages.get(lang);

  const situation = detectSituation({
    reply: replyText,
    context: options.blockquotes === 'lint' ? '' : quotedContext(text, attribution, (options.fileType ?? 'markdown') === 'text'),
    template: placeholderRegExp(options.placeholders).test(text),
    frontMatter: frontMatter.situation,
    option: options.situation,
    languages,
  });

  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  let register: Register | undefined;
  const registerOf = () => (register ??= language ? detectRegister(replyText, language) : 'formal');
  for (const { rule, check, rewrites } of rulebook.rules) {
    const severity = options.rules?.[rule.id] ?? rule.severity;
    if (severity === 'off' || frontMatter.disable.includes(rule.id)) continue;
    // A rule may cover some of the languages: with no message in the reply's, it does not apply.
    const message = rule.message[lang];
    if (message === undefined || !language) continue;
    for (const hit of check({ prose, lang, situation })) {
      const seg = prose.segments[hit.segment];
      const offset = seg.offsets[hit.start];
      const endOffset = hit.end > hit.start ? seg.offsets[hit.end - 1] + 1 : offset;
      const start = lines.position(offset);
      const end = lines.position(endOffset);
      const matched = seg.text.slice(hit.start, hit.end).replaceAll(MASK, '').replace(/\s+/g, ' ').trim();
      const diagnostic: Diagnostic = {
        ruleId: rule.id,
        severity,
        message: fill(message, matched, hit.data),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset,
        endOffset,
      };
      if (rule.fix) {
        const fix = rulebook.registries.fixes.get(rule.fix.type)!.fix({ text, start: offset, end: endOffset, lang, language, languages, prose, definition: rule.fix, register: registerOf(), options: rule.options });
        if (fix) diagnostic.fix = fix;
      }
      suggest(diagnostic, text, seg, hit, rewrites(lang), registerOf(), rule.kind === 'require');
      const advice = rule.suggestion?.[lang];
      if (diagnostic.suggestion === undefined && advice !== undefined) {
        diagnostic.suggestion = fill(advice, matched, hit.data);
        diagnostic.general = true;
      }
      diagnostics.push(diagnostic);
    }
  }
  const kept = applyDirectives(prose.directives, diagnostics, lines, options.reportUnusedDisableDirectives);
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  return { lang, langSource, ...(langOverridden && { langOverridden }), situation, diagnostics: kept };
}

/**
 * What to write instead, specific to this hit: a rewrite of the writer's own
 * sentence (from the rule's rewrites, or from its safe fix), or advice for the
 * phrase. The rule's general advice is the fallback (set by the caller).
 */
function suggest(d: Diagnostic, text: string, seg: Prose['segments'][number], hit: { start: number; end: number }, rewrites: Parameters<typeof rewrite>[4], register: Register, whole: boolean): void {
  if (whole) {
    // A whole-reply rule: its fix inserts a sentence; offer the same sentence as the suggestion.
    if (d.fix) {
      // The fix inserts the sentence (and may capitalise the letter after it).
      const sentence = d.fix.text.slice(0, d.fix.text.length - (d.fix.range[1] - d.fix.range[0])).trim();
      d.suggestion = `+ “${sentence}”`;
      d.suggestions = [{ desc: `Insert “${sentence}”`, fix: d.fix }];
    }
    return;
  }
  const r = rewrite(text, seg, hit.start, hit.end, rewrites, register);
  if (r?.suggestion) {
    d.suggestion = r.suggestion.desc;
    d.suggestions = [r.suggestion];
    return;
  }
  if (r?.advice) {
    d.suggestion = r.advice;
    return;
  }
  if (d.fix) {
    // A safe fix is a rewrite too: show the writer's sentence with it applied.
    const s = sentenceOf(text, d.offset, d.endOffset);
    if (d.fix.range[0] >= s[0] && d.fix.range[1] <= s[1]) {
      const before = text.slice(s[0], s[1]).replace(/\s+/g, ' ').trim();
      const after = (text.slice(s[0], d.fix.range[0]) + d.fix.text + text.slice(d.fix.range[1], s[1])).replace(/\s+/g, ' ').trim();
      d.suggestion = `“${before}” → “${after}”`;
    }
  }
}

/** [start, end) of the sentence (in the source, on one line) around [from, to): a sentence ends with a run of . ! ? … before white space. */
function sentenceOf(text: string, from: number, to: number): [number, number] {
  const endsAt = (i: number) => /[.!?…]/.test(text[i] ?? '') && (i + 1 >= text.length || /\s/.test(text[i + 1]));
  // Within 400 characters of the hit: a run-on paragraph must not make every hit read all of it.
  const lo = Math.max(0, from - 400);
  const hi = Math.min(text.length, to + 400);
  let start = from;
  while (start > lo && !/[\n\r]/.test(text[start - 1]) && !(/\s/.test(text[start - 1]) && endsAt(start - 2))) start--;
  let end = Math.max(from, to - 1);
  while (end < hi && !/[\n\r]/.test(text[end]) && !endsAt(end)) end++;
  if (end < text.length && endsAt(end)) end++;
  return [start, end];
}

/** Drop what inline `<!-- replylint-disable ... -->` comments switch off; report the unused ones if asked. */
function applyDirectives(directives: Directive[], diagnostics: Diagnostic[], lines: LineIndex, unused?: Severity): Diagnostic[] {
  if (!directives.length) return diagnostics;
  const ordered = [...directives].sort((a, b) => a.offset - b.offset);
  const used = new Map<Directive, Set<string>>(ordered.map((d) => [d, new Set()]));
  // Near-linear: thousands of directives over thousands of problems must not cost their product.
  // Line directives by the line they switch off: the first (in source order) for all rules, and per rule.
  const onLine = new Map<number, { all?: Directive; byRule: Map<string, Directive> }>();
  for (const d of ordered) {
    if (d.type !== 'disable-next-line' && d.type !== 'disable-line') continue;
    const line = d.type === 'disable-next-line' ? lines.position(d.endOffset).line + 1 : lines.position(d.offset).line;
    let entry = onLine.get(line);
    if (!entry) onLine.set(line, (entry = { byRule: new Map() }));
    if (!d.rules.length) entry.all ??= d;
    for (const r of d.rules) if (!entry.byRule.has(r)) entry.byRule.set(r, d);
  }
  const first = (a: Directive | undefined, b: Directive | undefined) => (!a ? b : !b ? a : a.offset <= b.offset ? a : b);
  const later = (a: Directive | undefined, b: Directive | undefined) => (!a ? b : !b ? a : a.offset >= b.offset ? a : b);
  // Regions: the last disable/enable at or before the problem that names its rule (or all rules) decides.
  // A sweep in source order keeps the last one for all rules and the last one per rule.
  const suppressedBy: (Directive | undefined)[] = new Array(diagnostics.length);
  const byOffset = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a].offset - diagnostics[b].offset);
  let lastAll: Directive | undefined;
  const lastByRule = new Map<string, Directive>();
  let next = 0;
  for (const i of byOffset) {
    const diag = diagnostics[i];
    for (; next < ordered.length && ordered[next].offset <= diag.offset; next++) {
      const d = ordered[next];
      if (d.type !== 'disable' && d.type !== 'enable') continue;
      if (!d.rules.length) lastAll = d;
      for (const r of d.rules) lastByRule.set(r, d);
    }
    const decider = later(lastAll, lastByRule.get(diag.ruleId));
    const region = decider?.type === 'disable' ? decider : undefined;
    const entry = onLine.get(diag.line);
    const line = entry && first(entry.all, entry.byRule.get(diag.ruleId));
    suppressedBy[i] = line ?? region;
  }
  const kept = diagnostics.filter((diag, i) => {
    const by = suppressedBy[i];
    if (!by) return true;
    used.get(by)!.add(diag.ruleId);
    return false;
  });
  if (unused) {
    for (const d of ordered) {
      if (d.type === 'enable') continue;
      const hit = used.get(d)!;
      const idle = d.rules.length ? d.rules.filter((r) => !hit.has(r)) : hit.size ? [] : ['(all)'];
      if (!idle.length) continue;
      const start = lines.position(d.offset);
      const end = lines.position(d.endOffset);
      kept.push({
        ruleId: 'unused-disable-directive',
        severity: unused,
        message: d.rules.length
          ? `Unused replylint-${d.type} directive (no problems were reported from ${idle.map((r) => `"${r}"`).join(', ')}).`
          : `Unused replylint-${d.type} directive (no problems were reported).`,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset: d.offset,
        endOffset: d.endOffset,
      });
    }
  }
  return kept;
}
