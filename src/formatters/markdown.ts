/**
 * A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: a heading, the totals,
 * and a table with a row per problem.
 */
import { plural, type Formatter } from './types.js';

/**
 * Safe in a GFM table cell: `|` and the characters that would start Markdown or HTML are escaped
 * with a backslash, line breaks become `<br>`.
 */
export function cell(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, '<br>')
    .trim();
}

const markdown: Formatter = (reports) => {
  const files = plural(reports.length, 'file');
  const problems = reports.flatMap((r) => r.messages.map((m) => ({ r, m })));
  let out = '## replylint\n\n';
  if (!problems.length) return `${out}No problems found in ${files}.\n`;
  const count = (key: 'errorCount' | 'warningCount' | 'infoCount') => reports.reduce((n, r) => n + r[key], 0);
  const withProblems = reports.filter((r) => r.messages.length).length;
  out += `**${plural(problems.length, 'problem')}** (${plural(count('errorCount'), 'error')}, ${plural(count('warningCount'), 'warning')}, ${plural(count('infoCount'), 'info')}) in ${withProblems === reports.length ? files : `${withProblems} of ${files}`}.\n\n`;
  out += '| File | Line | Severity | Rule | Message |\n|---|---:|---|---|---|\n';
  for (const { r, m } of problems) {
    out += `| ${cell(r.filePath)} | ${m.line} | ${m.severity} | \`${m.ruleId}\` | ${cell(m.message)} |\n`;
  }
  return out;
};

export default markdown;
