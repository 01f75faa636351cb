/** `replylint rules` and `replylint explain <id>`: what each rule catches, and why. */
import type { RuleDefinition } from '../../core/types.js';
import { LANGUAGE_CODES } from '../../lang/index.js';
import { didYouMean } from '../../rulebook/errors.js';
import { EXIT, UsageError, type Io } from '../io.js';
import { resolverFor } from '../discover.js';

export function runRules(opts: { config?: string | false }, io: Io): number {
  const resolver = resolverFor(opts, process.cwd());
  const effective = resolver.forFile('x.md');
  const rows = effective.definitions
    .map((r) => [r.id, r.kind, effective.severities[r.id], covered(r).join(', '), r.fix ? 'fixable' : '', r.description[covered(r)[0]] ?? ''])
    .sort((a, b) => a[0].localeCompare(b[0]));
  const head = ['rule', 'kind', 'severity', 'languages', 'fix', 'description'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}\n`;
  io.stdout(line(head));
  for (const row of rows) io.stdout(line(row));
  return EXIT.ok;
}

/** The languages a rule has a message in (a bundled rule has all), in list order. */
const covered = (rule: RuleDefinition) => LANGUAGE_CODES.filter((l) => rule.message[l] !== undefined);

function section(title: string, body: string[]): string {
  return `${title}\n${body.map((l) => `  ${l}`).join('\n')}\n\n`;
}

export function explain(rule: RuleDefinition, severity: string): string {
  const langs = covered(rule);
  let out = `${rule.id} (${rule.kind}, ${severity})\n${langs.map((l) => `  ${rule.description[l]}\n`).join('')}\n`;
  out += section(
    'Why',
    rule.source.flatMap((s) => [`“${s.quote}”`, `  — from the article “${s.article}”`]),
  );
  out += section('Message', langs.map((l) => `${l}: ${rule.message[l]}`));
  if (rule.suggestion) out += section('Instead', langs.map((l) => `${l}: ${rule.suggestion![l]}`));
  for (const lang of langs) {
    const list = rule.rewrites?.[lang] ?? [];
    if (list.length) out += section(`Rewrites (${lang}): the phrase found → what to write`, list.map((r) => (r.replace !== undefined ? `${r.find} → ${r.replace || '(leave it out)'}` : `${r.find}: ${r.advice}`)));
  }
  if (rule.fix) out += section('Automatic fix', [`${rule.fix.type} (replylint --fix)`]);
  for (const lang of langs) {
    const ex = rule.examples?.[lang];
    if (!ex) continue;
    out += section(`Examples (${lang})`, [...ex.invalid.slice(0, 4).map((e) => `✖ ${e.text}`), ...ex.valid.slice(0, 3).map((v) => `✔ ${v}`)]);
  }
  out += section('Turn it off', [
    `for one run:        replylint --rule ${rule.id}=off ...`,
    `for a repository:   .replylintrc.yaml -> rules: {${rule.id}: off}`,
    `for one file:       front matter -> replylint: {disable: [${rule.id}]}`,
    `for a passage:      <!-- replylint-disable ${rule.id} --> ... <!-- replylint-enable -->`,
  ]);
  return out;
}

export function runExplain(id: string, opts: { config?: string | false }, io: Io): number {
  const effective = resolverFor(opts, process.cwd()).forFile('x.md');
  const rule = effective.definitions.find((r) => r.id === id);
  if (!rule) throw new UsageError(`unknown rule "${id}"${didYouMean(id, effective.definitions.map((r) => r.id))} (replylint rules lists them)`);
  io.stdout(explain(rule, effective.severities[id]));
  return EXIT.ok;
}
