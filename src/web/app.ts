/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The `replylint web` page: a draft in a CodeMirror editor, linted in the
 * page by replylint's core (through ./kernel.ts only), each problem
 * underlined with its message, rewrite and "why", fixes and rewrites one
 * click away; a second editor for a team's .replylintrc.yaml. No network:
 * the draft lives in the URL fragment (#draft=...).
 */
import { forceLinting, forEachDiagnostic, lintGutter, linter, lintKeymap, nextDiagnostic, previousDiagnostic, setDiagnosticsEffect, type Action, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, type ViewUpdate } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import * as kernel from './kernel.js';
import type { Diagnostic, FileType, Lang, LintOptions, LintResult, ResolvedConfig, RuleDefinition, Severity } from './kernel.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const bundled = kernel.bundledRules();
const byId = new Map<string, RuleDefinition>(bundled.map((r) => [r.id, r]));
const NO_CONFIG = kernel.resolveConfig('');

let config: ResolvedConfig = NO_CONFIG;
let rulebook = kernel.compileRulebook(config.rules, kernel.DEFAULTS);
/** Rules the writer switched on or off with the checkboxes (over the config). */
const toggles = new Map<string, boolean>();

const langSelect = $<HTMLSelectElement>('lang');
const typeSelect = $<HTMLSelectElement>('filetype');

function severityOf(id: string): Severity | 'off' {
  const fromConfig = config.severities[id] ?? byId.get(id)!.severity;
  const toggled = toggles.get(id);
  if (toggled === undefined) return fromConfig;
  return toggled ? (fromConfig === 'off' ? byId.get(id)!.severity : fromConfig) : 'off';
}

function lintOptions(): LintOptions {
  const rules: Record<string, Severity | 'off'> = {};
  for (const r of bundled) rules[r.id] = severityOf(r.id);
  const chosen = langSelect.value;
  return {
    fileType: typeSelect.value as FileType,
    lang: chosen === 'en' || chosen === 'nl' ? chosen : config.language,
    rules,
    placeholders: config.placeholders,
    blockquotes: config.blockquotes,
    situation: config.situation,
  };
}

// ---- rendering one problem: message, rewrite, why ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function renderWhy(rule: RuleDefinition | undefined): HTMLElement | undefined {
  if (!rule?.source.length) return undefined;
  const why = el('details', { class: 'why' }, el('summary', {}, 'Why'));
  for (const s of rule.source) why.append(el('blockquote', {}, el('p', {}, `“${s.quote}”`), el('cite', {}, s.article)));
  return why;
}

/** A problem's message, rewrite and why: in the list, and (`tooltip`: the rule id is CodeMirror's `source` there, the why open) under the editor's hover. */
function renderProblem(d: Diagnostic, tooltip = false): HTMLElement {
  const box = el('div', { class: 'rl-problem' });
  const message = el('p', { class: 'rl-message' }, el('span', { class: `rl-sev rl-sev-${d.severity}` }, d.severity), ' ', d.message);
  if (!tooltip) message.append(' ', el('code', { class: 'rl-rule' }, d.ruleId));
  box.append(message);
  if (d.suggestion) box.append(el('p', { class: 'rl-rewrite' }, el('strong', {}, d.suggestions?.length ? 'Rewrite: ' : 'Instead: '), d.suggestion));
  const why = renderWhy(byId.get(d.ruleId));
  if (why) {
    if (tooltip) why.setAttribute('open', '');
    box.append(why);
  }
  return box;
}

// ---- the draft editor and its linter ----

interface Problem {
  d: Diagnostic;
  cm: CmDiagnostic;
  /** Where the lint ran: the draft's offsets are the core's plus this (a BOM). */
  shift: number;
}

const problems = new WeakMap<CmDiagnostic, Problem>();
const relintEffect = StateEffect.define<null>();
let lastResult: { text: string; result: LintResult; options: LintOptions } | undefined;

/** Apply a fix or rewrite of problem `p`, found now at `from` (the draft may have moved since the lint). */
function applyEdit(view: EditorView, p: Problem, fix: { range: [number, number]; text: string }, from: number): void {
  const delta = from - (p.d.offset + p.shift);
  const start = fix.range[0] + p.shift + delta;
  const end = fix.range[1] + p.shift + delta;
  if (start < 0 || end > view.state.doc.length) return;
  view.dispatch({ changes: { from: start, to: end, insert: fix.text }, userEvent: 'input.replylint' });
  view.focus();
}

function actionsFor(p: Problem): Action[] {
  const actions: Action[] = [];
  const { d } = p;
  if (d.fix) {
    const fix = d.fix;
    actions.push({ name: 'Fix', apply: (view, from) => applyEdit(view, p, fix, from) });
  }
  (d.suggestions ?? []).forEach((s, i) => {
    if (d.fix && s.fix.range[0] === d.fix.range[0] && s.fix.range[1] === d.fix.range[1] && s.fix.text === d.fix.text) return;
    actions.push({ name: (d.suggestions!.length > 1 ? `Rewrite ${i + 1}` : 'Rewrite'), apply: (view, from) => applyEdit(view, p, s.fix, from) });
  });
  return actions;
}

const draftLinter = linter(
  (view) => {
    const text = view.state.doc.toString();
    const options = lintOptions();
    const result = kernel.lint(text, rulebook, options);
    lastResult = { text, result, options };
    const shift = text.startsWith(kernel.BOM) ? 1 : 0;
    showStatus();
    return result.diagnostics.map((d) => {
      const cm: CmDiagnostic = {
        from: d.offset + shift,
        to: d.endOffset + shift,
        severity: d.severity,
        source: d.ruleId,
        message: d.message,
        markClass: `rl-mark rl-rule-${d.ruleId}`,
        renderMessage: () => renderProblem(d, true),
      };
      const p: Problem = { d, cm, shift };
      cm.actions = actionsFor(p);
      problems.set(cm, p);
      return cm;
    });
  },
  { delay: 150, needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(relintEffect))) },
);

/** Lint the draft again now (settings changed, not the text): forceLinting alone only hurries a lint already due. */
function relint(view: EditorView): void {
  view.dispatch({ effects: relintEffect.of(null) });
  forceLinting(view);
}

let shown: CmDiagnostic[] = [];

function onDraftUpdate(update: ViewUpdate): void {
  for (const tr of update.transactions) {
    for (const e of tr.effects) if (e.is(setDiagnosticsEffect)) renderProblems(e.value as CmDiagnostic[]);
  }
  if (update.docChanged) {
    $('problems').setAttribute('aria-busy', 'true');
    saveToFragment();
  }
  if (update.selectionSet || update.docChanged) markCurrent(update.view);
}

const navigation = keymap.of([
  { key: 'F8', run: nextDiagnostic, preventDefault: true },
  { key: 'Shift-F8', run: previousDiagnostic, preventDefault: true },
  { key: 'Alt-]', run: nextDiagnostic, preventDefault: true },
  { key: 'Alt-[', run: previousDiagnostic, preventDefault: true },
  ...lintKeymap.filter((k) => k.key !== 'F8'),
]);

const editorBase: Extension = [minimalSetup, lineNumbers(), EditorView.lineWrapping];

const draft = new EditorView({
  parent: $('draft'),
  state: EditorState.create({
    doc: '',
    extensions: [
      editorBase,
      navigation,
      draftLinter,
      lintGutter(),
      EditorView.contentAttributes.of({ 'aria-label': 'Reply draft: type or paste the reply to lint', 'aria-describedby': 'keys' }),
      EditorView.updateListener.of(onDraftUpdate),
    ],
  }),
});

// ---- the problem list (what the editor underlines, in order) ----

function describeCount(list: readonly CmDiagnostic[]): string {
  if (!list.length) return 'No problems.';
  const by = (s: Severity) => list.filter((d) => d.severity === s).length;
  const parts = (['error', 'warning', 'info'] as const).map((s) => [by(s), s] as const).filter(([n]) => n).map(([n, s]) => `${n} ${s === 'info' ? 'info' : s + (n === 1 ? '' : 's')}`);
  return `${list.length} problem${list.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

function renderProblems(list: CmDiagnostic[]): void {
  shown = list;
  const ol = $('problems');
  ol.replaceChildren();
  list.forEach((cm, i) => {
    const p = problems.get(cm);
    if (!p) return;
    const { d } = p;
    const li = el('li', { class: `problem sev-${d.severity}`, 'data-rule': d.ruleId, 'data-severity': d.severity, 'data-line': String(d.line), 'data-column': String(d.column), 'data-from': String(cm.from), 'data-to': String(cm.to), 'data-index': String(i) });
    const go = el('button', { type: 'button', class: 'goto', 'aria-label': `Go to problem ${i + 1}, line ${d.line}, column ${d.column}` }, `${d.line}:${d.column}`);
    go.addEventListener('click', () => select(cm));
    li.append(go, renderProblem(d));
    const buttons = el('div', { class: 'actions' });
    for (const a of cm.actions ?? []) {
      const b = el('button', { type: 'button', 'data-action': a.name === 'Fix' ? 'fix' : 'rewrite', 'aria-label': `${a.name}: ${d.ruleId} at line ${d.line}` }, a.name);
      b.addEventListener('click', () => {
        const at = currentRange(cm);
        if (at) a.apply(draft, at.from, at.to);
      });
      buttons.append(b);
    }
    if (buttons.childElementCount) li.append(buttons);
    ol.append(li);
  });
  ol.removeAttribute('aria-busy');
  const count = describeCount(list);
  const live = $('count');
  if (live.textContent !== count) live.textContent = count;
  $<HTMLButtonElement>('fix-all').disabled = !list.some((cm) => problems.get(cm)?.d.fix);
  markCurrent(draft);
}

/** Where a diagnostic is now: the lint state maps ranges through edits made since the lint. */
function currentRange(cm: CmDiagnostic): { from: number; to: number } | undefined {
  let at: { from: number; to: number } | undefined;
  forEachDiagnostic(draft.state, (d, from, to) => {
    if (d === cm) at ??= { from, to };
  });
  return at;
}

function select(cm: CmDiagnostic): void {
  const at = currentRange(cm);
  if (!at) return;
  draft.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
  draft.focus();
}

/** The problem whose range the selection is: marked in the list and announced (F8 lands there). */
function markCurrent(view: EditorView): void {
  const sel = view.state.selection.main;
  const i = sel.empty ? -1 : shown.findIndex((cm) => cm.from === sel.from && cm.to === sel.to);
  for (const li of $('problems').querySelectorAll('li[aria-current]')) li.removeAttribute('aria-current');
  if (i < 0) return;
  $('problems').querySelector(`li[data-index="${i}"]`)?.setAttribute('aria-current', 'true');
  const d = problems.get(shown[i])?.d;
  if (d) $('current').textContent = `Problem ${i + 1} of ${shown.length}, line ${d.line}: ${d.message}`;
}

// ---- status: language, situation, register ----

function showStatus(): void {
  if (!lastResult) return;
  const { text, result, options } = lastResult;
  const chosen = langSelect.value;
  const langNote =
    result.langSource === 'front-matter' ? ' (front matter)' : result.langOverridden ? ` (detected; not ${result.langOverridden})` : result.langSource === 'option' ? (chosen === 'auto' ? ' (config)' : ' (chosen)') : ' (detected)';
  $('status-lang').textContent = `${result.lang === 'nl' ? 'Dutch' : 'English'}${langNote}`;
  $('status-lang').dataset.lang = result.lang;
  const s = result.situation;
  $('status-situation').textContent = [s.situation, s.upset && 'upset', s.refusal && 'refusal'].filter(Boolean).join(', ');
  $('status-situation').dataset.situation = s.situation;
  $('status-situation').dataset.upset = String(s.upset);
  $('status-situation').dataset.refusal = String(s.refusal);
  const register = kernel.registerOf(text, result.lang, options);
  $('status-register').textContent = register;
  $('status-register').dataset.register = register;
}

// ---- fix all ----

$('fix-all').addEventListener('click', () => {
  const text = draft.state.doc.toString();
  const { output } = kernel.fixText(text, rulebook, lintOptions());
  if (output === text) return;
  // Replace only what changed, so the cursor and scroll stay where they were.
  let a = 0;
  while (a < text.length && a < output.length && text[a] === output[a]) a++;
  let b = 0;
  while (b < text.length - a && b < output.length - a && text[text.length - 1 - b] === output[output.length - 1 - b]) b++;
  draft.dispatch({ changes: { from: a, to: text.length - b, insert: output.slice(a, output.length - b) }, userEvent: 'input.replylint' });
  draft.focus();
});

// ---- rules on and off ----

function renderRules(): void {
  const list = $('rules');
  list.replaceChildren();
  for (const rule of bundled) {
    const id = `rule-${rule.id}`;
    const severity = severityOf(rule.id);
    const box = el('input', { type: 'checkbox', id, 'data-rule': rule.id });
    box.checked = severity !== 'off';
    box.addEventListener('change', () => {
      toggles.set(rule.id, box.checked);
      renderRules();
      relint(draft);
      document.getElementById(id)?.focus();
    });
    const label = el('label', { for: id, title: rule.description.en ?? rule.id }, rule.id);
    list.append(el('li', {}, box, ' ', label, ' ', el('span', { class: `rl-sev rl-sev-${severity}` }, severity)));
  }
}

// ---- the config editor ----

function lineCol(state: EditorState, line: number, column: number): { from: number; to: number } {
  const l = state.doc.line(Math.max(1, Math.min(line, state.doc.lines)));
  const from = Math.min(l.from + Math.max(0, column - 1), l.to);
  return { from, to: Math.max(from, l.to) };
}

function applyConfig(next: ResolvedConfig): void {
  const changed = next !== config;
  config = next;
  if (changed) rulebook = kernel.compileRulebook(config.rules, kernel.DEFAULTS);
  renderRules();
  relint(draft);
}

let lastConfigText: string | undefined;

const configLinter = linter(
  (view) => {
    const text = view.state.doc.toString();
    const errors = $('config-errors');
    errors.replaceChildren();
    const out: CmDiagnostic[] = [];
    const report = (line: number, column: number, message: string, severity: 'error' | 'warning') => {
      out.push({ ...lineCol(view.state, line, column), severity, source: 'config', message });
      errors.append(el('li', { class: `sev-${severity}`, 'data-line': String(line), 'data-column': String(column) }, `Line ${line}, column ${column}: ${message}`));
    };
    if (text !== lastConfigText) {
      lastConfigText = text;
      saveToFragment();
    }
    if (!text.trim()) {
      $('config-state').textContent = 'No team config: the bundled rules with their own severities.';
      applyConfig(NO_CONFIG);
      return out;
    }
    try {
      const next = kernel.resolveConfig(text);
      for (const n of next.notes) report(n.line, n.column, n.message, 'warning');
      $('config-state').textContent = 'Team config applied.';
      applyConfig(next);
    } catch (e) {
      if (!(e instanceof kernel.RulebookError)) throw e;
      report(e.line, e.column, e.reason, 'error');
      $('config-state').textContent = 'The team config has an error: it is not applied.';
      applyConfig(NO_CONFIG);
    }
    return out;
  },
  { delay: 300 },
);

const configView = new EditorView({
  parent: $('config'),
  state: EditorState.create({
    doc: '',
    extensions: [editorBase, navigation, configLinter, lintGutter(), EditorView.contentAttributes.of({ 'aria-label': 'Team config: paste a .replylintrc.yaml' })],
  }),
});

// ---- the URL fragment: #draft=...&config=...&lang=..&type=.. ----

let saveTimer: ReturnType<typeof setTimeout> | undefined;

function fragment(): string {
  const params = new URLSearchParams();
  params.set('draft', draft.state.doc.toString());
  const cfg = configView.state.doc.toString();
  if (cfg) params.set('config', cfg);
  if (langSelect.value !== 'auto') params.set('lang', langSelect.value);
  if (typeSelect.value !== 'markdown') params.set('type', typeSelect.value);
  return `#${params.toString()}`;
}

function saveToFragment(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const next = fragment();
    if (next !== location.hash) history.replaceState(null, '', next);
  }, 250);
}

function restoreFromFragment(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const lang = params.get('lang');
  langSelect.value = lang === 'en' || lang === 'nl' ? (lang satisfies Lang) : 'auto';
  typeSelect.value = params.get('type') === 'text' ? 'text' : 'markdown';
  const set = (view: EditorView, text: string) => {
    if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  };
  set(configView, params.get('config') ?? '');
  set(draft, params.get('draft') ?? '');
  forceLinting(configView);
  relint(draft);
}

window.addEventListener('hashchange', restoreFromFragment);
for (const select of [langSelect, typeSelect]) {
  select.addEventListener('change', () => {
    saveToFragment();
    relint(draft);
  });
}

renderRules();
restoreFromFragment();

/** For the console and the browser tests: the editors' text. */
(window as unknown as { replylint: object }).replylint = {
  draftText: () => draft.state.doc.toString(),
  configText: () => configView.state.doc.toString(),
};
